-- Staff accounts. Operators run the installation and belong to no
-- municipality; everyone else belongs to exactly one.
CREATE TABLE users (
    id                   INTEGER PRIMARY KEY,
    municipality_id      TEXT REFERENCES municipalities (id),
    email                TEXT NOT NULL UNIQUE,
    name                 TEXT NOT NULL,
    role                 TEXT NOT NULL CHECK (role IN ('staff', 'manager', 'strategy', 'auditor', 'operator')),
    department           TEXT,
    password_hash        TEXT,
    must_change_password BOOLEAN NOT NULL DEFAULT FALSE,
    oidc_issuer          TEXT,
    oidc_subject         TEXT,
    created_at           TIMESTAMP NOT NULL,
    disabled_at          TIMESTAMP,
    CHECK ((role = 'operator') = (municipality_id IS NULL)),
    UNIQUE (oidc_issuer, oidc_subject)
);

-- Sessions live in the database so that several app instances share them.
-- Only a hash of the cookie's token is stored.
CREATE TABLE sessions (
    id_hash         TEXT PRIMARY KEY,
    user_id         INTEGER NOT NULL REFERENCES users (id),
    municipality_id TEXT REFERENCES municipalities (id),
    created_at      TIMESTAMP NOT NULL,
    last_seen_at    TIMESTAMP NOT NULL,
    expires_at      TIMESTAMP NOT NULL,
    revoked_at      TIMESTAMP
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Keys for systems (phone platform, self-service solutions, case systems).
-- Only a hash is stored; the key is shown once.
CREATE TABLE api_keys (
    id              INTEGER PRIMARY KEY,
    municipality_id TEXT NOT NULL REFERENCES municipalities (id),
    name            TEXT NOT NULL,
    prefix          TEXT NOT NULL,
    key_hash        TEXT NOT NULL UNIQUE,
    permissions     TEXT NOT NULL,
    test            BOOLEAN NOT NULL,
    created_at      TIMESTAMP NOT NULL,
    created_by      TEXT NOT NULL,
    last_used_at    TIMESTAMP,
    revoked_at      TIMESTAMP,
    UNIQUE (municipality_id, name)
);

-- The audit log: append-only, enforced by the database itself.
CREATE TABLE audit_events (
    id              INTEGER PRIMARY KEY,
    municipality_id TEXT REFERENCES municipalities (id),
    occurred_at     TIMESTAMP NOT NULL,
    actor           TEXT NOT NULL,
    action          TEXT NOT NULL,
    target          TEXT NOT NULL,
    detail          TEXT NOT NULL,
    remote_addr     TEXT NOT NULL
);
CREATE INDEX audit_events_municipality_time ON audit_events (municipality_id, occurred_at);
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'audit_events is append-only');
END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'audit_events is append-only');
END;

-- Inquiries sent with a test key are stored but never counted.
ALTER TABLE inquiries ADD COLUMN test BOOLEAN NOT NULL DEFAULT FALSE;

-- Staff accounts. Operators run the installation and belong to no
-- municipality; everyone else belongs to exactly one.
CREATE TABLE users (
    id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    municipality_id      TEXT REFERENCES municipalities (id),
    email                TEXT NOT NULL UNIQUE,
    name                 TEXT NOT NULL,
    role                 TEXT NOT NULL CHECK (role IN ('staff', 'manager', 'strategy', 'auditor', 'operator')),
    department           TEXT,
    password_hash        TEXT,
    must_change_password BOOLEAN NOT NULL DEFAULT FALSE,
    oidc_issuer          TEXT,
    oidc_subject         TEXT,
    created_at           TIMESTAMPTZ NOT NULL,
    disabled_at          TIMESTAMPTZ,
    CHECK ((role = 'operator') = (municipality_id IS NULL)),
    UNIQUE (oidc_issuer, oidc_subject)
);

-- Sessions live in the database so that several app instances share them.
-- Only a hash of the cookie's token is stored.
CREATE TABLE sessions (
    id_hash         TEXT PRIMARY KEY,
    user_id         BIGINT NOT NULL REFERENCES users (id),
    municipality_id TEXT REFERENCES municipalities (id),
    created_at      TIMESTAMPTZ NOT NULL,
    last_seen_at    TIMESTAMPTZ NOT NULL,
    expires_at      TIMESTAMPTZ NOT NULL,
    revoked_at      TIMESTAMPTZ
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Keys for systems (phone platform, self-service solutions, case systems).
-- Only a hash is stored; the key is shown once.
CREATE TABLE api_keys (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    municipality_id TEXT NOT NULL REFERENCES municipalities (id),
    name            TEXT NOT NULL,
    prefix          TEXT NOT NULL,
    key_hash        TEXT NOT NULL UNIQUE,
    permissions     TEXT NOT NULL,
    test            BOOLEAN NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    created_by      TEXT NOT NULL,
    last_used_at    TIMESTAMPTZ,
    revoked_at      TIMESTAMPTZ,
    UNIQUE (municipality_id, name)
);

-- The audit log: append-only, enforced by the database itself.
CREATE TABLE audit_events (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    municipality_id TEXT REFERENCES municipalities (id),
    occurred_at     TIMESTAMPTZ NOT NULL,
    actor           TEXT NOT NULL,
    action          TEXT NOT NULL,
    target          TEXT NOT NULL,
    detail          TEXT NOT NULL,
    remote_addr     TEXT NOT NULL
);
CREATE INDEX audit_events_municipality_time ON audit_events (municipality_id, occurred_at);
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_events is append-only';
END
$$;
CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();

-- Inquiries sent with a test key are stored but never counted.
ALTER TABLE inquiries ADD COLUMN test BOOLEAN NOT NULL DEFAULT FALSE;

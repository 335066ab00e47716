-- The citizen portal's own sign-ins, never shared with staff sessions
-- (sessions): the cookie holds a random token, the table its hash. A
-- session belongs to one municipality and carries the citizen's CPR
-- number and name from the national login, the login used and the CSRF
-- token every form of the portal sends back. It ends after 30 idle
-- minutes, after 8 hours in any case, or when the citizen signs out.
CREATE TABLE citizen_sessions (
    id_hash         TEXT NOT NULL PRIMARY KEY,
    municipality_id TEXT NOT NULL REFERENCES municipalities (id),
    cpr             TEXT NOT NULL,
    name            TEXT NOT NULL,
    method          TEXT NOT NULL,
    csrf_token      TEXT NOT NULL,
    created_at      TIMESTAMP NOT NULL,
    last_seen_at    TIMESTAMP NOT NULL,
    expires_at      TIMESTAMP NOT NULL,
    revoked_at      TIMESTAMP
);
CREATE INDEX citizen_sessions_expires ON citizen_sessions (expires_at);

-- Files a citizen attached to a form not yet sent, kept from the step
-- that takes them until the submission, which moves them into the case.
-- flow_hash is the hash of the random token the form's pages carry; rows
-- older than a session's longest life are removed.
CREATE TABLE citizen_uploads (
    id              INTEGER PRIMARY KEY,
    flow_hash       TEXT NOT NULL,
    municipality_id TEXT NOT NULL REFERENCES municipalities (id),
    field           TEXT NOT NULL,
    filename        TEXT NOT NULL,
    content_type    TEXT NOT NULL,
    data            BLOB NOT NULL,
    created_at      TIMESTAMP NOT NULL
);
CREATE INDEX citizen_uploads_flow ON citizen_uploads (flow_hash);

-- The one-time permission to see the receipt of a form sent without
-- signing in: the redirect after the submission carries a random token,
-- the table its hash, the case's reference and how long it may be used.
CREATE TABLE citizen_receipts (
    token_hash      TEXT NOT NULL PRIMARY KEY,
    municipality_id TEXT NOT NULL REFERENCES municipalities (id),
    reference       TEXT NOT NULL,
    expires_at      TIMESTAMP NOT NULL
);

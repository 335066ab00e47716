-- Delivery of self-service submissions to the municipality's case system
-- (SB level 3) through a transactional outbox (internal/delivery,
-- docs/case-delivery.md).
--
-- case_endpoints holds each municipality's one receiving address and the
-- secret its deliveries are signed with (HMAC-SHA256). The secret is
-- stored as given, like the server secrets: it must be at hand to sign
-- with, so it cannot be hashed; the database is guarded as the holder of
-- every secret of the installation.
CREATE TABLE case_endpoints (
    municipality_id TEXT NOT NULL PRIMARY KEY REFERENCES municipalities (id),
    url             TEXT NOT NULL,
    secret          TEXT NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);

-- deliveries is the outbox: a row is written in the same transaction as
-- the submission it carries and sent by a worker that leases it
-- (claimed_until, claimed_by) until it answers 2xx (delivered) or the
-- last attempt fails (dead). The payload holds personal data and is
-- cleared some days after delivery (delivery.Outbox.Prune); last_error holds only
-- a kind of failure (a status code, "timeout", "refused"), never what the
-- receiver answered.
CREATE TABLE deliveries (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    municipality_id TEXT NOT NULL REFERENCES municipalities (id),
    event           TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    payload         TEXT NOT NULL,
    state           TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'dead')),
    attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at TIMESTAMPTZ NOT NULL,
    claimed_until   TIMESTAMPTZ,
    claimed_by      TEXT,
    last_status     INTEGER,
    last_error      TEXT NOT NULL DEFAULT '',
    created_at      TIMESTAMPTZ NOT NULL,
    delivered_at    TIMESTAMPTZ,
    UNIQUE (municipality_id, idempotency_key)
);
CREATE INDEX deliveries_due ON deliveries (next_attempt_at) WHERE state = 'pending';
CREATE INDEX deliveries_state ON deliveries (municipality_id, state, created_at);

-- Outbound letters (internal/letters, docs/letters.md): a letter to a
-- citizen (CPR) or a business (CVR), its route decision with the reason,
-- its status history and the outbox the worker sends from.
--
-- letters is also the outbox: a row is written in the same transaction as
-- its outbound inquiry (inquiry_id) and its first status (queued); a
-- worker leases due rows (claimed_until, claimed_by) and sends each
-- through the SF1601 transport. sent_at is set in the transaction that
-- records the transport's answer, so a letter with sent_at is never sent
-- again. message_uuid is the MeMo messageUUID the transport and its
-- status messages know the letter by. body and memo hold personal data and are emptied (erased_at)
-- after the retention period (letters.DefaultKeepBodies).
CREATE TABLE letters (
    municipality_id    TEXT NOT NULL REFERENCES municipalities (id),
    id                 TEXT NOT NULL,
    message_uuid       TEXT NOT NULL UNIQUE,
    recipient_kind     TEXT NOT NULL CHECK (recipient_kind IN ('cpr', 'cvr')),
    recipient          TEXT NOT NULL,
    title              TEXT NOT NULL,
    area               TEXT NOT NULL,
    department         TEXT NOT NULL,
    type               TEXT NOT NULL,
    body               TEXT NOT NULL,
    legal_notification BOOLEAN NOT NULL,
    callback_url       TEXT NOT NULL DEFAULT '',
    action_url         TEXT NOT NULL DEFAULT '',
    route              TEXT NOT NULL CHECK (route IN ('digital_post', 'letter')),
    reason             TEXT NOT NULL,
    forced_reason      TEXT NOT NULL DEFAULT '',
    status             TEXT NOT NULL,
    inquiry_id         BIGINT NOT NULL,
    inquiry_at         TIMESTAMPTZ NOT NULL,
    memo               TEXT NOT NULL DEFAULT '',
    attempts           INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at    TIMESTAMPTZ,
    claimed_until      TIMESTAMPTZ,
    claimed_by         TEXT,
    last_error         TEXT NOT NULL DEFAULT '',
    created_at         TIMESTAMPTZ NOT NULL,
    sent_at            TIMESTAMPTZ,
    erased_at          TIMESTAMPTZ,
    PRIMARY KEY (municipality_id, id)
);
CREATE INDEX letters_due ON letters (next_attempt_at) WHERE sent_at IS NULL;
CREATE INDEX letters_created ON letters (created_at);

-- letter_statuses is each letter's history: one row a status, in order.
CREATE TABLE letter_statuses (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    municipality_id TEXT NOT NULL,
    letter_id       TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('queued', 'sent', 'delivered', 'failed', 'fell_back_to_paper', 'printed')),
    at              TIMESTAMPTZ NOT NULL,
    FOREIGN KEY (municipality_id, letter_id) REFERENCES letters (municipality_id, id)
);
CREATE INDEX letter_statuses_letter ON letter_statuses (municipality_id, letter_id, id);

-- letter_webhooks is the outbox of status webhooks to a letter's callback
-- URL, signed with the municipality's case endpoint secret
-- (delivery.Sign); sent by the letters worker with leases and backoff.
CREATE TABLE letter_webhooks (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    municipality_id TEXT NOT NULL,
    letter_id       TEXT NOT NULL,
    url             TEXT NOT NULL,
    payload         TEXT NOT NULL,
    state           TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'dead')),
    attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at TIMESTAMPTZ NOT NULL,
    claimed_until   TIMESTAMPTZ,
    claimed_by      TEXT,
    last_error      TEXT NOT NULL DEFAULT '',
    created_at      TIMESTAMPTZ NOT NULL,
    FOREIGN KEY (municipality_id, letter_id) REFERENCES letters (municipality_id, id)
);
CREATE INDEX letter_webhooks_due ON letter_webhooks (next_attempt_at) WHERE state = 'pending';

-- letter_status_cursor is how far the worker has read the Beskedfordeler's
-- status messages (sf1601.Beskedfordeler): one row.
CREATE TABLE letter_status_cursor (
    id    INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    after BIGINT NOT NULL
);

-- The development stand-ins for the national Digital Post (internal/sf1601,
-- docs/digital-post.md): what Kanal's development transport delivers
-- instead of calling Serviceplatformen's SF1601 KombiPostAfsend.
--
-- digital_post_inbox is the test recipients' Digital Post: one row per
-- MeMo message delivered, the message as sent (memo) and its title.
-- recipient_type is CPR or CVR. read_at is set when the recipient opens it.
CREATE TABLE digital_post_inbox (
    id              INTEGER PRIMARY KEY,
    municipality_id TEXT NOT NULL REFERENCES municipalities (id),
    message_uuid    TEXT NOT NULL UNIQUE,
    recipient_type  TEXT NOT NULL CHECK (recipient_type IN ('CPR', 'CVR')),
    recipient_id    TEXT NOT NULL,
    title           TEXT NOT NULL,
    memo            TEXT NOT NULL,
    received_at     TIMESTAMP NOT NULL,
    read_at         TIMESTAMP
);
CREATE INDEX digital_post_inbox_recipient ON digital_post_inbox (recipient_type, recipient_id, received_at);

-- print_queue is the print service (fjernprint) of development: letters
-- going on paper wait here until staff mark them printed (printed_at,
-- printed_by, the staff user's name).
CREATE TABLE print_queue (
    id              INTEGER PRIMARY KEY,
    municipality_id TEXT NOT NULL REFERENCES municipalities (id),
    message_uuid    TEXT NOT NULL UNIQUE,
    recipient_type  TEXT NOT NULL CHECK (recipient_type IN ('CPR', 'CVR')),
    recipient_id    TEXT NOT NULL,
    title           TEXT NOT NULL,
    pdf             BLOB NOT NULL,
    queued_at       TIMESTAMP NOT NULL,
    printed_at      TIMESTAMP,
    printed_by      TEXT
);
CREATE INDEX print_queue_waiting ON print_queue (municipality_id, printed_at, queued_at);

-- digital_post_status is the development Beskedfordeler: the status
-- messages the transport emits (sent, delivered, failed, printed), read
-- in id order by the letters' worker.
CREATE TABLE digital_post_status (
    id           INTEGER PRIMARY KEY,
    message_uuid TEXT NOT NULL,
    status       TEXT NOT NULL CHECK (status IN ('sent', 'delivered', 'failed', 'printed')),
    channel      TEXT NOT NULL,
    reason       TEXT NOT NULL DEFAULT '',
    at           TIMESTAMP NOT NULL
);
CREATE INDEX digital_post_status_message ON digital_post_status (message_uuid);

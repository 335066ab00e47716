-- The raw inquiries table, partitioned by Danish calendar month
-- (declarative range partitioning on occurred_at), so that 100 million
-- rows and more stay cheap to insert, to recount month by month and to
-- drop after a retention period (docs/operations.md). Partitions are named
-- inquiries_YYYY_MM and hold [the month's first midnight, the next month's
-- first midnight) in Europe/Copenhagen, the same months as inquiry_months.
-- This migration makes one for every month that has rows; the recorder
-- makes the rest when a month first gets an inquiry (inquiry.Partitions),
-- under an advisory lock, and serve makes the coming months at start.
--
-- A primary key or unique index on a partitioned table must include the
-- partition key: the key is (id, occurred_at), and the ids still come from
-- one sequence, so an id alone still names one inquiry. The sender's own
-- id (source, external_id) is recognised in inquiry_external_ids, not
-- partitioned, so that a resent inquiry is refused whatever its time, as
-- before. PostgreSQL before 17 has no identity columns on partitioned
-- tables: the id's default is a sequence, continued from the old one.
--
-- Every row is copied with its id; on a large installation this migration
-- reads and writes the whole table once (docs/operations.md, upgrades).
CREATE TABLE inquiry_external_ids (
    municipality_id TEXT NOT NULL REFERENCES municipalities (id),
    source          TEXT NOT NULL,
    external_id     TEXT NOT NULL,
    PRIMARY KEY (municipality_id, source, external_id)
);
INSERT INTO inquiry_external_ids (municipality_id, source, external_id)
    SELECT municipality_id, source, external_id FROM inquiries WHERE external_id IS NOT NULL;

ALTER TABLE inquiries RENAME TO inquiries_unpartitioned;
ALTER INDEX inquiries_pkey RENAME TO inquiries_unpartitioned_pkey;
DROP INDEX inquiries_municipality_time;
DROP INDEX inquiries_external_id;
DROP INDEX inquiries_demo;

CREATE TABLE inquiries (
    id                     BIGINT NOT NULL,
    municipality_id        TEXT NOT NULL REFERENCES municipalities (id),
    strategy_version_id    BIGINT NOT NULL,
    occurred_at            TIMESTAMPTZ NOT NULL,
    channel                TEXT NOT NULL,
    type                   TEXT NOT NULL,
    direction              TEXT NOT NULL CHECK (direction IN ('inbound', 'outbound')),
    area                   TEXT NOT NULL,
    department             TEXT NOT NULL,
    resolved_first_contact BOOLEAN NOT NULL,
    guided                 BOOLEAN NOT NULL,
    assisted               BOOLEAN NOT NULL,
    exempt                 BOOLEAN NOT NULL,
    duration_seconds       BIGINT CHECK (duration_seconds >= 0),
    source                 TEXT NOT NULL,
    external_id            TEXT,
    recorded_at            TIMESTAMPTZ NOT NULL,
    test                   BOOLEAN NOT NULL DEFAULT FALSE,
    desk                   TEXT,
    referred_to            TEXT,
    PRIMARY KEY (id, occurred_at),
    FOREIGN KEY (municipality_id, strategy_version_id) REFERENCES strategy_versions (municipality_id, id)
) PARTITION BY RANGE (occurred_at);

DO $$
DECLARE
    month timestamp;
BEGIN
    FOR month IN SELECT DISTINCT date_trunc('month', occurred_at AT TIME ZONE 'Europe/Copenhagen')
                 FROM inquiries_unpartitioned LOOP
        EXECUTE format('CREATE TABLE %I PARTITION OF inquiries FOR VALUES FROM (%L) TO (%L)',
            'inquiries_' || to_char(month, 'YYYY_MM'),
            month AT TIME ZONE 'Europe/Copenhagen',
            (month + interval '1 month') AT TIME ZONE 'Europe/Copenhagen');
    END LOOP;
END
$$;

INSERT INTO inquiries (id, municipality_id, strategy_version_id, occurred_at, channel, type, direction, area, department,
        resolved_first_contact, guided, assisted, exempt, duration_seconds, source, external_id, recorded_at, test, desk, referred_to)
    SELECT id, municipality_id, strategy_version_id, occurred_at, channel, type, direction, area, department,
        resolved_first_contact, guided, assisted, exempt, duration_seconds, source, external_id, recorded_at, test, desk, referred_to
    FROM inquiries_unpartitioned;

CREATE SEQUENCE inquiries_id AS BIGINT;
SELECT setval('inquiries_id', COALESCE((SELECT MAX(id) FROM inquiries_unpartitioned), 0) + 1, false);
DROP TABLE inquiries_unpartitioned;
ALTER SEQUENCE inquiries_id OWNED BY inquiries.id;
ALTER TABLE inquiries ALTER COLUMN id SET DEFAULT nextval('inquiries_id');

-- Each partition's indexes are named after the parent's (as
-- store.EnsureInquiryPartitions names them), built after the rows are in;
-- the parent's indexes then adopt them.
DO $$
DECLARE
    part text;
BEGIN
    FOR part IN SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                WHERE i.inhparent = 'inquiries'::regclass LOOP
        EXECUTE format('CREATE INDEX %I ON %I (municipality_id, occurred_at)',
            'inquiries_municipality_time_' || substr(part, 11), part);
        EXECUTE format('CREATE INDEX %I ON %I (municipality_id, occurred_at) WHERE source = ''demo''',
            'inquiries_demo_' || substr(part, 11), part);
    END LOOP;
END
$$;
CREATE INDEX inquiries_municipality_time ON inquiries (municipality_id, occurred_at);
-- See 0007: demo inquiries only.
CREATE INDEX inquiries_demo ON inquiries (municipality_id, occurred_at) WHERE source = 'demo';

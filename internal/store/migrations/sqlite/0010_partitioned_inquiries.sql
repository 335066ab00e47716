-- A sender's own id (source, external_id) is recognised in a table of its
-- own instead of a unique index on inquiries: on PostgreSQL the inquiries
-- table is partitioned by month (see postgres/0010), and a unique index on
-- a partitioned table must include the partition key, so that the same id
-- sent again with another time would no longer be refused. Both engines
-- keep the ids the same way, so the recorder refuses a resent inquiry by
-- the same statement on both. SQLite's inquiries table is not partitioned.
CREATE TABLE inquiry_external_ids (
    municipality_id TEXT NOT NULL REFERENCES municipalities (id),
    source          TEXT NOT NULL,
    external_id     TEXT NOT NULL,
    PRIMARY KEY (municipality_id, source, external_id)
);
INSERT INTO inquiry_external_ids (municipality_id, source, external_id)
    SELECT municipality_id, source, external_id FROM inquiries WHERE external_id IS NOT NULL;
DROP INDEX inquiries_external_id;

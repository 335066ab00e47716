-- Rollups: inquiries counted per Danish day and every dimension the
-- dashboards filter on, updated in the same transaction as the raw rows, so
-- that figures cost O(cells), not O(inquiries). The flags are counted per
-- cell (how many were resolved at first contact, guided, assisted, exempt)
-- rather than split on: no figure filters on them, and fewer, narrower
-- cells are cheaper to keep. Test inquiries are never counted here.
CREATE TABLE inquiry_counts (
    municipality_id     TEXT NOT NULL REFERENCES municipalities (id),
    strategy_version_id INTEGER NOT NULL,
    day                 TEXT NOT NULL,
    area                TEXT NOT NULL,
    department          TEXT NOT NULL,
    channel             TEXT NOT NULL,
    type                TEXT NOT NULL,
    direction           TEXT NOT NULL,
    inquiries           INTEGER NOT NULL,
    resolved            INTEGER NOT NULL,
    guided              INTEGER NOT NULL,
    assisted            INTEGER NOT NULL,
    exempt              INTEGER NOT NULL,
    timed               INTEGER NOT NULL,
    duration_seconds    INTEGER NOT NULL,
    PRIMARY KEY (municipality_id, day, area, department, channel, type, direction, strategy_version_id)
);

-- Monthly counts: the dashboards read a municipality's whole strategy
-- period from here in O(months × combinations), whatever the volume.
-- Updated in the same transaction as inquiries and daily counts.
CREATE TABLE inquiry_months (
    municipality_id  TEXT NOT NULL REFERENCES municipalities (id),
    month            TEXT NOT NULL,
    area             TEXT NOT NULL,
    department       TEXT NOT NULL,
    channel          TEXT NOT NULL,
    type             TEXT NOT NULL,
    direction        TEXT NOT NULL,
    inquiries        INTEGER NOT NULL,
    resolved         INTEGER NOT NULL,
    guided           INTEGER NOT NULL,
    assisted         INTEGER NOT NULL,
    exempt           INTEGER NOT NULL,
    timed            INTEGER NOT NULL,
    duration_seconds INTEGER NOT NULL,
    PRIMARY KEY (municipality_id, month, area, department, channel, type, direction)
);

-- A batch sent with an Idempotency-Key (or a file imported without ids) is
-- remembered with its answer, so that a retry is answered the same and
-- stores nothing twice.
CREATE TABLE ingest_batches (
    municipality_id TEXT NOT NULL REFERENCES municipalities (id),
    source          TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    request_sha256  TEXT NOT NULL,
    response        TEXT NOT NULL,
    created_at      TIMESTAMP NOT NULL,
    PRIMARY KEY (municipality_id, source, idempotency_key)
);

-- The staff console's desk (a staffed channel at a location) an inquiry was
-- registered at, for the desk's own counts of the day.
ALTER TABLE inquiries ADD COLUMN desk TEXT;

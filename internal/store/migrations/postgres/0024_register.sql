-- The self-service solution register (internal/register, docs/register.md):
-- per municipality and service area the solution in use. Every save adds
-- a version (1, 2, …) and rows are never changed, so the table is the
-- entry's history; the current entry of an area is its highest version.
-- login is none or national (NemID or MitID by date); integration is none,
-- esdh (the case system), backend (the back-end system) or two_way. cost
-- is whole kroner a year; started and completed are counts entered by hand
-- for counts_year, where Kanal's forms do not count them. demo marks
-- entries the demo wrote.
CREATE TABLE register_entries (
    municipality_id TEXT NOT NULL REFERENCES municipalities (id),
    area            TEXT NOT NULL,
    version         INTEGER NOT NULL CHECK (version >= 1),
    supplier        TEXT NOT NULL DEFAULT '',
    url             TEXT NOT NULL DEFAULT '',
    sb_level        INTEGER CHECK (sb_level BETWEEN 0 AND 4),
    login           TEXT NOT NULL CHECK (login IN ('none', 'national')),
    borger_dk       BOOLEAN NOT NULL,
    integration     TEXT NOT NULL CHECK (integration IN ('none', 'esdh', 'backend', 'two_way')),
    cost            BIGINT CHECK (cost >= 0),
    started         BIGINT CHECK (started >= 0),
    completed       BIGINT CHECK (completed >= 0),
    counts_year     INTEGER,
    changed_at      TIMESTAMPTZ NOT NULL,
    changed_by      TEXT NOT NULL,
    demo            BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (municipality_id, area, version),
    CHECK (completed IS NULL OR started IS NULL OR completed <= started)
);

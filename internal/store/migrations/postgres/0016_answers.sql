-- Answer pages of the citizen portal (internal/answers, docs/answers.md):
-- one page per municipality and service area, written by the area's
-- department. Every save is a new version (answer_versions, never
-- changed); answer_pages points at the current version and keeps when
-- the page was last reviewed and by whom: a save is a review, and
-- "reviewed, nothing to change" records one without a new version.
-- saved_by and reviewed_by are staff members' e-mail addresses or
-- "demo". example marks a page written as an example (the demo's).
CREATE TABLE answer_versions (
    municipality_id TEXT NOT NULL REFERENCES municipalities (id),
    area_id         TEXT NOT NULL,
    version         INTEGER NOT NULL CHECK (version > 0),
    title           TEXT NOT NULL,
    body            TEXT NOT NULL,
    -- The English version, optional: both empty when there is none.
    title_en        TEXT NOT NULL DEFAULT '',
    body_en         TEXT NOT NULL DEFAULT '',
    example         BOOLEAN NOT NULL,
    saved_by        TEXT NOT NULL,
    saved_at        TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (municipality_id, area_id, version)
);

CREATE TABLE answer_pages (
    municipality_id TEXT NOT NULL REFERENCES municipalities (id),
    area_id         TEXT NOT NULL,
    version         INTEGER NOT NULL,
    reviewed_by     TEXT NOT NULL,
    reviewed_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (municipality_id, area_id),
    FOREIGN KEY (municipality_id, area_id, version) REFERENCES answer_versions (municipality_id, area_id, version)
);

-- The portal's web activity per Danish day (YYYY-MM-DD) and area: views
-- of the answer page and the answers to "Fandt du svaret?". Counts only,
-- nothing about who: the buttons set no cookie and ask for nothing.
CREATE TABLE answer_activity (
    municipality_id TEXT NOT NULL REFERENCES municipalities (id),
    day             TEXT NOT NULL,
    area_id         TEXT NOT NULL,
    views           BIGINT NOT NULL DEFAULT 0,
    found           BIGINT NOT NULL DEFAULT 0,
    not_found       BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (municipality_id, day, area_id)
);

-- Business cases made before a self-service solution is bought (Dragør,
-- principle 5), per municipality, area and solution. Every save is a new
-- row of business_case_versions (never changed afterwards) with its
-- author and time; scenarios holds the version's scenarios side by side
-- as a JSON array (businesscase.Scenario), read and written whole.
-- approved_version is the version the strategy group approved, at
-- approved_at by approved_by; a later version needs a new approval.
-- demo marks the demo's cases.
CREATE TABLE business_cases (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    municipality_id  TEXT NOT NULL REFERENCES municipalities (id),
    area             TEXT NOT NULL,
    version          INTEGER NOT NULL,
    approved_version INTEGER,
    approved_at      TIMESTAMPTZ,
    approved_by      TEXT,
    demo             BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX business_cases_municipality ON business_cases (municipality_id, area);
CREATE TABLE business_case_versions (
    case_id   BIGINT NOT NULL REFERENCES business_cases (id),
    version   INTEGER NOT NULL,
    title     TEXT NOT NULL,
    solution  TEXT NOT NULL,
    scenarios TEXT NOT NULL,
    saved_by  TEXT NOT NULL,
    saved_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (case_id, version)
);

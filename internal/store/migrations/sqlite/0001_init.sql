-- Every table carries the municipality: one installation hosts several.

CREATE TABLE municipalities (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);

-- A strategy document as loaded; versions are never changed or deleted, so
-- figures keep pointing at the version they were made under.
CREATE TABLE strategy_versions (
    id              INTEGER PRIMARY KEY,
    municipality_id TEXT NOT NULL REFERENCES municipalities (id),
    version         INTEGER NOT NULL CHECK (version > 0),
    sha256          TEXT NOT NULL,
    source_name     TEXT NOT NULL,
    document        TEXT NOT NULL,
    loaded_at       TIMESTAMP NOT NULL,
    UNIQUE (municipality_id, version),
    UNIQUE (municipality_id, id)
);

-- One contact between citizen or business and municipality. No personal data.
CREATE TABLE inquiries (
    id                     INTEGER PRIMARY KEY,
    municipality_id        TEXT NOT NULL REFERENCES municipalities (id),
    strategy_version_id    INTEGER NOT NULL,
    occurred_at            TIMESTAMP NOT NULL,
    channel                TEXT NOT NULL,
    type                   TEXT NOT NULL CHECK (type IN ('information', 'interaction', 'transaction')),
    direction              TEXT NOT NULL CHECK (direction IN ('inbound', 'outbound')),
    area                   TEXT NOT NULL,
    department             TEXT NOT NULL,
    resolved_first_contact BOOLEAN NOT NULL,
    guided                 BOOLEAN NOT NULL,
    assisted               BOOLEAN NOT NULL,
    exempt                 BOOLEAN NOT NULL,
    duration_seconds       INTEGER CHECK (duration_seconds >= 0),
    source                 TEXT NOT NULL,
    external_id            TEXT,
    recorded_at            TIMESTAMP NOT NULL,
    FOREIGN KEY (municipality_id, strategy_version_id) REFERENCES strategy_versions (municipality_id, id)
);

CREATE INDEX inquiries_municipality_time ON inquiries (municipality_id, occurred_at);
CREATE UNIQUE INDEX inquiries_external_id ON inquiries (municipality_id, source, external_id)
    WHERE external_id IS NOT NULL;

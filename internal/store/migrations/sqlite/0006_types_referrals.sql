-- Inquiry types a strategy defines itself, and referrals.
--
-- A strategy names its own inquiry types (Tårnby has two: information and
-- transaction), so the database no longer restricts inquiries.type to the
-- three known ids; inquiry.Check holds every inquiry to its strategy's
-- types before it is stored. SQLite cannot drop a CHECK constraint, so the
-- table is rebuilt by SQLite's documented procedure for other schema
-- changes (https://www.sqlite.org/lang_altertable.html#otheralter): create
-- the new table, copy every row with its id, drop the old one, rename the
-- new one, and make its indexes again. No table, view or trigger refers to
-- inquiries, so nothing else needs making again. Foreign keys stay on:
-- they cannot be switched off inside the migration's transaction, and they
-- need not be, because the copy checks every row's reference to its
-- strategy version as it is inserted (the procedure's foreign_key_check).
CREATE TABLE inquiries_0006 (
    id                     INTEGER PRIMARY KEY,
    municipality_id        TEXT NOT NULL REFERENCES municipalities (id),
    strategy_version_id    INTEGER NOT NULL,
    occurred_at            TIMESTAMP NOT NULL,
    channel                TEXT NOT NULL,
    type                   TEXT NOT NULL,
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
    test                   BOOLEAN NOT NULL DEFAULT FALSE,
    desk                   TEXT,
    -- The referral (a place outside the municipality, such as Udbetaling
    -- Danmark or borger.dk's contact centre) staff referred the citizen
    -- to; the id is the strategy's. The inquiry itself stays counted on
    -- the municipality's channel it came by.
    referred_to            TEXT,
    FOREIGN KEY (municipality_id, strategy_version_id) REFERENCES strategy_versions (municipality_id, id)
);

INSERT INTO inquiries_0006 (id, municipality_id, strategy_version_id, occurred_at, channel, type, direction, area,
    department, resolved_first_contact, guided, assisted, exempt, duration_seconds, source, external_id, recorded_at,
    test, desk)
SELECT id, municipality_id, strategy_version_id, occurred_at, channel, type, direction, area,
    department, resolved_first_contact, guided, assisted, exempt, duration_seconds, source, external_id, recorded_at,
    test, desk
FROM inquiries;

DROP TABLE inquiries;
ALTER TABLE inquiries_0006 RENAME TO inquiries;

CREATE INDEX inquiries_municipality_time ON inquiries (municipality_id, occurred_at);
CREATE UNIQUE INDEX inquiries_external_id ON inquiries (municipality_id, source, external_id)
    WHERE external_id IS NOT NULL;

-- Referred inquiries are counted in every cell, like the other flags.
ALTER TABLE inquiry_counts ADD COLUMN referred INTEGER NOT NULL DEFAULT 0;
ALTER TABLE inquiry_months ADD COLUMN referred INTEGER NOT NULL DEFAULT 0;

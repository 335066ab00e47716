-- The departments' action plans (internal/plan, docs/plans.md). Every
-- save is a new version (plan_versions, never changed) holding the plan
-- as a JSON document: channels per area and type, targets, barriers,
-- actions and the deadline. plans points at the newest version and keeps
-- the status with the strategy group (draft, submitted, approved) and the
-- version approved last (0 when none is). saved_by is a staff member's
-- e-mail address or "demo"; demo marks a plan the demo wrote.
CREATE TABLE plan_versions (
    municipality_id TEXT NOT NULL REFERENCES municipalities (id),
    department_id   TEXT NOT NULL,
    version         INTEGER NOT NULL CHECK (version > 0),
    document        TEXT NOT NULL,
    demo            BOOLEAN NOT NULL,
    saved_by        TEXT NOT NULL,
    saved_at        TIMESTAMP NOT NULL,
    PRIMARY KEY (municipality_id, department_id, version)
);

CREATE TABLE plans (
    municipality_id  TEXT NOT NULL REFERENCES municipalities (id),
    department_id    TEXT NOT NULL,
    version          INTEGER NOT NULL,
    status           TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'approved')),
    approved_version INTEGER NOT NULL DEFAULT 0,
    status_by        TEXT NOT NULL,
    status_at        TIMESTAMP NOT NULL,
    PRIMARY KEY (municipality_id, department_id),
    FOREIGN KEY (municipality_id, department_id, version) REFERENCES plan_versions (municipality_id, department_id, version)
);

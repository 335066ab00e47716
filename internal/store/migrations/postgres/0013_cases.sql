-- Cases opened by self-service submissions (internal/casework, docs/cases.md):
-- Kanal's own forms on the citizen portal and other vendors' solutions
-- through POST /api/v1/cases. A case has a short reference a citizen can
-- read aloud (unique in the installation), the expected answer date its
-- receipt states ('' when the area has no response time), its status and,
-- until the area's retention period ends, the citizen's personal data:
-- cpr, name, answers (a JSON object) and attachments. erased_at is when
-- that data was erased; the case itself, its history and its inquiry stay.
-- external_id is the sender's own id (NULL for the portal's forms), unique
-- per municipality and source, which makes a resent submission the same
-- case. updated_at is the time of the last status change, from which the
-- retention period of a decided or closed case runs. inquiry_id is the
-- inquiry the submission registered (NULL when the recorder found it a
-- duplicate); no foreign key, as raw inquiries are retired in time.
CREATE TABLE cases (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    municipality_id TEXT NOT NULL REFERENCES municipalities (id),
    reference       TEXT NOT NULL UNIQUE,
    area            TEXT NOT NULL,
    department      TEXT NOT NULL,
    form            TEXT NOT NULL,
    channel         TEXT NOT NULL,
    assisted        BOOLEAN NOT NULL,
    source          TEXT NOT NULL,
    external_id     TEXT,
    status          TEXT NOT NULL CHECK (status IN ('received', 'in_progress', 'awaiting_citizen', 'decided', 'closed')),
    submitted_at    TIMESTAMPTZ NOT NULL,
    answer_by       TEXT NOT NULL,
    working_days    INTEGER NOT NULL CHECK (working_days >= 0),
    cpr             TEXT NOT NULL,
    name            TEXT NOT NULL,
    answers         TEXT NOT NULL,
    erased_at       TIMESTAMPTZ,
    inquiry_id      BIGINT,
    updated_at      TIMESTAMPTZ NOT NULL,
    UNIQUE (municipality_id, source, external_id)
);
CREATE INDEX cases_municipality_status ON cases (municipality_id, status, submitted_at);
CREATE INDEX cases_citizen ON cases (municipality_id, cpr);

-- A case's status changes, the first ("received") included. changed_by is
-- a staff member's e-mail, "apikey:NAME", "citizen" or "system"; notify
-- asks for the citizen to be told, which is stored until outbound letters
-- send it.
CREATE TABLE case_changes (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id    BIGINT NOT NULL REFERENCES cases (id),
    status     TEXT NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL,
    changed_by TEXT NOT NULL,
    note       TEXT NOT NULL,
    notify     BOOLEAN NOT NULL
);
CREATE INDEX case_changes_case ON case_changes (case_id, changed_at);

-- The files a citizen attached (personal data, erased with the case's).
CREATE TABLE case_attachments (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id      BIGINT NOT NULL REFERENCES cases (id),
    field        TEXT NOT NULL,
    filename     TEXT NOT NULL,
    content_type TEXT NOT NULL,
    data         BYTEA NOT NULL
);
CREATE INDEX case_attachments_case ON case_attachments (case_id);

-- Signed-in citizens' unfinished forms. cpr_hash is the SHA-256 of the
-- municipality and the CPR number, never the number itself; a draft is
-- dropped at expires_at.
CREATE TABLE case_drafts (
    municipality_id TEXT NOT NULL REFERENCES municipalities (id),
    cpr_hash        TEXT NOT NULL,
    form            TEXT NOT NULL,
    step            INTEGER NOT NULL CHECK (step >= 0),
    answers         TEXT NOT NULL,
    saved_at        TIMESTAMPTZ NOT NULL,
    expires_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (municipality_id, cpr_hash, form)
);

-- The funnel: one row per form started, with the last step reached, when
-- it was last touched and when it was completed. No personal data: id is
-- random and ties a run to nobody.
CREATE TABLE form_runs (
    id              TEXT NOT NULL PRIMARY KEY,
    municipality_id TEXT NOT NULL REFERENCES municipalities (id),
    area            TEXT NOT NULL,
    form            TEXT NOT NULL,
    started_at      TIMESTAMPTZ NOT NULL,
    last_step       INTEGER NOT NULL CHECK (last_step >= 0),
    touched_at      TIMESTAMPTZ NOT NULL,
    completed_at    TIMESTAMPTZ
);
CREATE INDEX form_runs_started ON form_runs (municipality_id, started_at);

-- The retirement of raw inquiries after an installation's retention
-- period (kanal inquiries retire, docs/operations.md). A row records that
-- the raw inquiries of every month before retired_before (YYYY-MM, the
-- first month kept) were removed, for every municipality; the newest row
-- is the boundary. The counts of the retired months stay as they were:
-- verify and rebuild recount only from the boundary on, and the recorder
-- refuses an inquiry dated before it. The boundary only moves forward and
-- its history is never changed, which the database enforces.
CREATE TABLE inquiry_retirements (
    retired_before TEXT NOT NULL PRIMARY KEY,
    retired_at     TIMESTAMP NOT NULL
);

CREATE TRIGGER inquiry_retirements_no_update BEFORE UPDATE ON inquiry_retirements
BEGIN
    SELECT RAISE(ABORT, 'inquiry_retirements is append-only: a retirement is never undone');
END;
CREATE TRIGGER inquiry_retirements_no_delete BEFORE DELETE ON inquiry_retirements
BEGIN
    SELECT RAISE(ABORT, 'inquiry_retirements is append-only: a retirement is never undone');
END;

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
    retired_at     TIMESTAMPTZ NOT NULL
);

CREATE FUNCTION inquiry_retirements_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: a retirement is never undone', TG_TABLE_NAME;
END
$$;
CREATE TRIGGER inquiry_retirements_no_change BEFORE UPDATE OR DELETE ON inquiry_retirements
    FOR EACH ROW EXECUTE FUNCTION inquiry_retirements_append_only();
CREATE TRIGGER inquiry_retirements_no_truncate BEFORE TRUNCATE ON inquiry_retirements
    FOR EACH STATEMENT EXECUTE FUNCTION inquiry_retirements_append_only();

-- Checks of a strategy version's KLE numbers against KL's KLE emneplan
-- (kanal strategy load --kle FILE): which plan (its file name and its
-- UdgivelsesDato as the file states it), when, by whom and the result, so
-- that the areas pages can say whether a number was checked and against
-- what. A check belongs to the version it checked: a later version is
-- unchecked until it is checked itself. A check with a number the plan
-- does not hold is never stored (the load stores nothing), so every row
-- says that all its numbers were known; warnings count the titles that
-- differ from the plan's and the numbers gone out of use.
-- Rows are never changed or deleted, which the database enforces; a
-- check made again is a new row, and the newest one is shown.
CREATE TABLE kle_checks (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    municipality_id     TEXT NOT NULL REFERENCES municipalities (id),
    strategy_version_id BIGINT NOT NULL,
    strategy_version    INTEGER NOT NULL,
    plan_file           TEXT NOT NULL,
    plan_published      TEXT NOT NULL,
    checked_at          TIMESTAMPTZ NOT NULL,
    checked_by          TEXT NOT NULL,
    numbers             INTEGER NOT NULL CHECK (numbers >= 0),
    warnings            INTEGER NOT NULL CHECK (warnings >= 0),
    FOREIGN KEY (municipality_id, strategy_version_id) REFERENCES strategy_versions (municipality_id, id)
);
CREATE INDEX kle_checks_version ON kle_checks (strategy_version_id, checked_at);

-- What the check found for each area: the plan's title for the area's
-- number, whether the area's title differs from it, and the date the
-- number went out of use ('' while it is in use).
CREATE TABLE kle_check_areas (
    check_id      BIGINT NOT NULL REFERENCES kle_checks (id),
    area_id       TEXT NOT NULL,
    kle           TEXT NOT NULL,
    plan_title    TEXT NOT NULL,
    title_differs BOOLEAN NOT NULL,
    expired       TEXT NOT NULL,
    PRIMARY KEY (check_id, area_id)
);

CREATE FUNCTION kle_checks_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: a KLE check never changes', TG_TABLE_NAME;
END
$$;
CREATE TRIGGER kle_checks_no_change BEFORE UPDATE OR DELETE ON kle_checks
    FOR EACH ROW EXECUTE FUNCTION kle_checks_append_only();
CREATE TRIGGER kle_checks_no_truncate BEFORE TRUNCATE ON kle_checks
    FOR EACH STATEMENT EXECUTE FUNCTION kle_checks_append_only();
CREATE TRIGGER kle_check_areas_no_change BEFORE UPDATE OR DELETE ON kle_check_areas
    FOR EACH ROW EXECUTE FUNCTION kle_checks_append_only();
CREATE TRIGGER kle_check_areas_no_truncate BEFORE TRUNCATE ON kle_check_areas
    FOR EACH STATEMENT EXECUTE FUNCTION kle_checks_append_only();

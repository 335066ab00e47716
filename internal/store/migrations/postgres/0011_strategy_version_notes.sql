-- Who changed a strategy in the forms, and why (kanal's strategy edit pages):
-- a version stored from a form carries the staff member's e-mail and the
-- reason they gave, which the versions page and the comparison of two
-- versions show. A version loaded as a file has no row here; its loading is
-- in the audit log. A note belongs to the version it was stored with and is
-- never changed or deleted, which the database enforces.
CREATE TABLE strategy_version_notes (
    strategy_version_id BIGINT NOT NULL PRIMARY KEY,
    municipality_id     TEXT NOT NULL REFERENCES municipalities (id),
    written_by          TEXT NOT NULL,
    reason              TEXT NOT NULL,
    FOREIGN KEY (municipality_id, strategy_version_id) REFERENCES strategy_versions (municipality_id, id)
);

CREATE FUNCTION strategy_version_notes_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: the note of a version never changes', TG_TABLE_NAME;
END
$$;
CREATE TRIGGER strategy_version_notes_no_change BEFORE UPDATE OR DELETE ON strategy_version_notes
    FOR EACH ROW EXECUTE FUNCTION strategy_version_notes_append_only();
CREATE TRIGGER strategy_version_notes_no_truncate BEFORE TRUNCATE ON strategy_version_notes
    FOR EACH STATEMENT EXECUTE FUNCTION strategy_version_notes_append_only();

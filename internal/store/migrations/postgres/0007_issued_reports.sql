-- The council's yearly report as issued: the PDF and the HTML exactly as
-- they were issued to the council, with the year, when, by whom and under
-- which strategy version. Figures made later can differ (more inquiries
-- counted, a new strategy version loaded); an issued report never does.
-- Rows are never changed or deleted, which the database enforces; a
-- report issued again is a new row.
CREATE TABLE issued_reports (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    municipality_id     TEXT NOT NULL REFERENCES municipalities (id),
    year                INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    lang                TEXT NOT NULL,
    issued_at           TIMESTAMPTZ NOT NULL,
    issued_by           TEXT NOT NULL,
    strategy_version_id BIGINT NOT NULL,
    strategy_version    INTEGER NOT NULL,
    pdf                 BYTEA NOT NULL,
    pdf_sha256          TEXT NOT NULL,
    html                BYTEA NOT NULL,
    html_sha256         TEXT NOT NULL,
    FOREIGN KEY (municipality_id, strategy_version_id) REFERENCES strategy_versions (municipality_id, id)
);
CREATE INDEX issued_reports_municipality_year ON issued_reports (municipality_id, year);
CREATE FUNCTION issued_reports_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'issued_reports is append-only: an issued report never changes';
END
$$;
CREATE TRIGGER issued_reports_no_change BEFORE UPDATE OR DELETE ON issued_reports
    FOR EACH ROW EXECUTE FUNCTION issued_reports_append_only();
CREATE TRIGGER issued_reports_no_truncate BEFORE TRUNCATE ON issued_reports
    FOR EACH STATEMENT EXECUTE FUNCTION issued_reports_append_only();

-- Demo inquiries (source 'demo') only: every page, export and report asks
-- whether the figures it shows include demo data, and this answers with
-- one index probe instead of a scan of the inquiries. Real inquiries are
-- not in it, so it costs their writes nothing.
CREATE INDEX inquiries_demo ON inquiries (municipality_id, occurred_at) WHERE source = 'demo';

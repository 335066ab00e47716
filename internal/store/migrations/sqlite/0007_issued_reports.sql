-- The council's yearly report as issued: the PDF and the HTML exactly as
-- they were issued to the council, with the year, when, by whom and under
-- which strategy version. Figures made later can differ (more inquiries
-- counted, a new strategy version loaded); an issued report never does.
-- Rows are never changed or deleted, which the database enforces; a
-- report issued again is a new row.
CREATE TABLE issued_reports (
    id                  INTEGER PRIMARY KEY,
    municipality_id     TEXT NOT NULL REFERENCES municipalities (id),
    year                INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    lang                TEXT NOT NULL,
    issued_at           TIMESTAMP NOT NULL,
    issued_by           TEXT NOT NULL,
    strategy_version_id INTEGER NOT NULL,
    strategy_version    INTEGER NOT NULL,
    pdf                 BLOB NOT NULL,
    pdf_sha256          TEXT NOT NULL,
    html                BLOB NOT NULL,
    html_sha256         TEXT NOT NULL,
    FOREIGN KEY (municipality_id, strategy_version_id) REFERENCES strategy_versions (municipality_id, id)
);
CREATE INDEX issued_reports_municipality_year ON issued_reports (municipality_id, year);
CREATE TRIGGER issued_reports_no_update BEFORE UPDATE ON issued_reports
BEGIN
    SELECT RAISE(ABORT, 'issued_reports is append-only: an issued report never changes');
END;
CREATE TRIGGER issued_reports_no_delete BEFORE DELETE ON issued_reports
BEGIN
    SELECT RAISE(ABORT, 'issued_reports is append-only: an issued report never changes');
END;

-- Demo inquiries (source 'demo') only: every page, export and report asks
-- whether the figures it shows include demo data, and this answers with
-- one index probe instead of a scan of the inquiries. Real inquiries are
-- not in it, so it costs their writes nothing.
CREATE INDEX inquiries_demo ON inquiries (municipality_id, occurred_at) WHERE source = 'demo';

-- A letter's content beyond its body (internal/letters, docs/letters.md):
-- the template it was merged from, the sender's own PDF as the main
-- document, attachments (PDF only, JSON with base64 contents) and actions
-- (JSON: label, url, kind). pdf and attachments are personal data like
-- body and are emptied with it after the retention period.
ALTER TABLE letters ADD COLUMN template TEXT NOT NULL DEFAULT '';
ALTER TABLE letters ADD COLUMN pdf BLOB;
ALTER TABLE letters ADD COLUMN attachments TEXT NOT NULL DEFAULT '';
ALTER TABLE letters ADD COLUMN actions TEXT NOT NULL DEFAULT '';
-- The staff list of letters: newest first within a municipality.
CREATE INDEX letters_list ON letters (municipality_id, created_at);

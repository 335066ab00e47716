-- A municipality may let the others of the installation see its digital
-- share per area beside theirs (the operator always sees all).
ALTER TABLE municipalities ADD COLUMN share_comparison BOOLEAN NOT NULL DEFAULT 0;

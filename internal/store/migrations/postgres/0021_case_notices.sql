-- Case notices and receipts sent as letters (internal/casenotice,
-- docs/cases.md): notice is what is to be done with a case change's
-- letter to the citizen — '' nothing (no notice asked for, or a change
-- made before letters could send it), 'pending' to send, 'sent' sent as
-- the letter letter_id, or why it was not sent ('erased': the case's
-- personal data was erased first; 'no_recipient': the case holds no CPR
-- number; 'stale': it waited longer than a notice is worth sending).
ALTER TABLE case_changes ADD COLUMN notice TEXT NOT NULL DEFAULT '';
ALTER TABLE case_changes ADD COLUMN letter_id TEXT NOT NULL DEFAULT '';
CREATE INDEX case_changes_notice_pending ON case_changes (id) WHERE notice = 'pending';

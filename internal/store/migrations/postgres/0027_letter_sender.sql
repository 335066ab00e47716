-- The sender of a letter's MeMo message: the municipality's CVR number
-- as its strategy gave it when the letter was accepted (strategy
-- municipality.cvr), or '' when the strategy has none, in which case the
-- sender is the municipality's Kanal id with idType Andet.
ALTER TABLE letters ADD COLUMN sender_cvr TEXT NOT NULL DEFAULT '';

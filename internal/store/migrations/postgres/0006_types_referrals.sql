-- Inquiry types a strategy defines itself, and referrals.
--
-- A strategy names its own inquiry types (Tårnby has two: information and
-- transaction), so the database no longer restricts inquiries.type to the
-- three known ids; inquiry.Check holds every inquiry to its strategy's
-- types before it is stored. (0001 declared the check on the column, so
-- PostgreSQL named it inquiries_type_check.)
ALTER TABLE inquiries DROP CONSTRAINT inquiries_type_check;

-- The referral (a place outside the municipality, such as Udbetaling
-- Danmark or borger.dk's contact centre) staff referred the citizen to; the
-- id is the strategy's. The inquiry itself stays counted on the
-- municipality's channel it came by.
ALTER TABLE inquiries ADD COLUMN referred_to TEXT;

-- Referred inquiries are counted in every cell, like the other flags.
ALTER TABLE inquiry_counts ADD COLUMN referred BIGINT NOT NULL DEFAULT 0;
ALTER TABLE inquiry_months ADD COLUMN referred BIGINT NOT NULL DEFAULT 0;

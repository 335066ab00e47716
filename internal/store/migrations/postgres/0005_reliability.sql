-- Staff time per inquiry is bounded by the checks before storage (a day at
-- most); the column is 64-bit like the sums in the rollups, so that no
-- value that passed a check can fail an insert.
ALTER TABLE inquiries ALTER COLUMN duration_seconds TYPE BIGINT;

-- A one-time password stops working after this instant (NULL: the password
-- is the user's own and does not expire).
ALTER TABLE users ADD COLUMN password_expires_at TIMESTAMPTZ;

-- Secrets the server generates once and every instance shares, such as the
-- key that signs the staff console's undo cookie.
CREATE TABLE server_secrets (
    name       TEXT PRIMARY KEY,
    secret     TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

-- (SQLite's INTEGER is already 64-bit: inquiries.duration_seconds needs no
-- change here; PostgreSQL's migration widens it.)

-- A one-time password stops working after this instant (NULL: the password
-- is the user's own and does not expire).
ALTER TABLE users ADD COLUMN password_expires_at TIMESTAMP;

-- Secrets the server generates once and every instance shares, such as the
-- key that signs the staff console's undo cookie.
CREATE TABLE server_secrets (
    name       TEXT PRIMARY KEY,
    secret     TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);

-- A primary key is never NULL. SQLite lets NULL into a primary key that is
-- not the rowid unless the column says NOT NULL — an old bug it keeps for
-- compatibility (https://www.sqlite.org/lang_createtable.html#the_primary_key)
-- — so municipalities.id, sessions.id_hash and server_secrets.name took
-- NULL here while PostgreSQL refused it. The comparison of the two engines'
-- schemas (internal/store/schema_test.go) found it. NOT NULL cannot be
-- added to a column in SQLite, so the three tables are made again with it
-- and keep every row; a row with NULL there, which Kanal never writes,
-- would stop this migration.
--
-- sessions and server_secrets are rebuilt by SQLite's documented procedure
-- (https://www.sqlite.org/lang_altertable.html#otheralter), as in 0006: no
-- table refers to them.
CREATE TABLE sessions_0009 (
    id_hash         TEXT NOT NULL PRIMARY KEY,
    user_id         INTEGER NOT NULL REFERENCES users (id),
    municipality_id TEXT REFERENCES municipalities (id),
    created_at      TIMESTAMP NOT NULL,
    last_seen_at    TIMESTAMP NOT NULL,
    expires_at      TIMESTAMP NOT NULL,
    revoked_at      TIMESTAMP
);
INSERT INTO sessions_0009 (id_hash, user_id, municipality_id, created_at, last_seen_at, expires_at, revoked_at)
SELECT id_hash, user_id, municipality_id, created_at, last_seen_at, expires_at, revoked_at FROM sessions;
DROP TABLE sessions;
ALTER TABLE sessions_0009 RENAME TO sessions;
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE server_secrets_0009 (
    name       TEXT NOT NULL PRIMARY KEY,
    secret     TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
INSERT INTO server_secrets_0009 (name, secret, created_at) SELECT name, secret, created_at FROM server_secrets;
DROP TABLE server_secrets;
ALTER TABLE server_secrets_0009 RENAME TO server_secrets;

-- Every other table refers to municipalities, and foreign keys cannot be
-- switched off inside the migration's transaction, which the documented
-- procedure would do. Instead the checks are deferred to the commit
-- (defer_foreign_keys lasts until the transaction ends): dropping the
-- table counts every row that refers to a municipality as a violation,
-- and putting each municipality back into the table of the same name
-- counts them off again. The commit fails unless every reference is
-- satisfied once more, as the documented foreign_key_check would.
PRAGMA defer_foreign_keys = ON;
CREATE TEMP TABLE municipalities_0009 (id TEXT, name TEXT, created_at TIMESTAMP, share_comparison BOOLEAN);
INSERT INTO temp.municipalities_0009 SELECT id, name, created_at, share_comparison FROM municipalities;
DROP TABLE municipalities;
CREATE TABLE municipalities (
    id               TEXT NOT NULL PRIMARY KEY,
    name             TEXT NOT NULL,
    created_at       TIMESTAMP NOT NULL,
    -- A municipality may let the others of the installation see its
    -- digital share per area beside theirs (0004).
    share_comparison BOOLEAN NOT NULL DEFAULT FALSE
);
INSERT INTO municipalities (id, name, created_at, share_comparison)
SELECT id, name, created_at, share_comparison FROM temp.municipalities_0009;
DROP TABLE temp.municipalities_0009;

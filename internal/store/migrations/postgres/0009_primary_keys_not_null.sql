-- A primary key is never NULL. PostgreSQL has always refused NULL in one;
-- SQLite's migration 0009 makes its primary keys refuse it too. Nothing to
-- change here.
SELECT 1;

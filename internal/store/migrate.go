package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Migrations are numbered files per engine (0001_init.sql, …). They are
// never edited after they land; a change is a new file.
//
//go:embed migrations
var migrationFiles embed.FS

type migration struct {
	version int
	name    string
	sql     string
}

// SchemaTooNewError is returned when the database was migrated by a newer
// Kanal than this one.
type SchemaTooNewError struct {
	Database, Binary int
}

func (e *SchemaTooNewError) Error() string {
	return fmt.Sprintf("the database has schema version %d, but this kanal knows only up to %d: "+
		"it was used by a newer kanal; run that version or a newer one", e.Database, e.Binary)
}

func (db *DB) migrations() ([]migration, error) {
	dir := path.Join("migrations", string(db.Engine))
	entries, err := migrationFiles.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		version, err := strconv.Atoi(num)
		if !ok || err != nil || !strings.HasSuffix(e.Name(), ".sql") {
			return nil, fmt.Errorf("migration %s/%s: name must be NNNN_description.sql", dir, e.Name())
		}
		data, err := migrationFiles.ReadFile(path.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		out = append(out, migration{version: version, name: e.Name(), sql: string(data)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	for i, m := range out {
		if m.version != i+1 {
			return nil, fmt.Errorf("migration %s/%s: expected number %d", dir, m.name, i+1)
		}
	}
	return out, nil
}

// Migrate brings the schema up to date, one migration per transaction, and
// reports how many it applied. Running it again changes nothing. On
// PostgreSQL an advisory lock keeps instances that start together from
// migrating at the same time; on SQLite the immediate transactions do.
func (db *DB) Migrate(ctx context.Context) (int, error) {
	ms, err := db.migrations()
	if err != nil {
		return 0, err
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return 0, err
	}
	defer conn.Close()
	if db.Engine == Postgres {
		if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, migrationLockID); err != nil {
			return 0, fmt.Errorf("take migration lock: %w", err)
		}
		defer conn.ExecContext(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, migrationLockID)
	}
	stamp := "TIMESTAMP"
	if db.Engine == Postgres {
		stamp = "TIMESTAMPTZ"
	}
	if _, err := conn.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version    INTEGER PRIMARY KEY,
		applied_at `+stamp+` NOT NULL)`); err != nil {
		return 0, fmt.Errorf("create schema_migrations: %w", err)
	}
	current, err := schemaVersion(ctx, conn)
	if err != nil {
		return 0, err
	}
	if current > len(ms) {
		return 0, &SchemaTooNewError{Database: current, Binary: len(ms)}
	}
	applied := 0
	for _, m := range ms[current:] {
		done, err := db.apply(ctx, conn, m)
		if err != nil {
			return applied, fmt.Errorf("migration %s/%s: %w", db.Engine, m.name, err)
		}
		if done {
			applied++
		}
	}
	return applied, nil
}

// apply runs one migration in its own transaction unless another process
// applied it meanwhile.
func (db *DB) apply(ctx context.Context, conn *sql.Conn, m migration) (bool, error) {
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM schema_migrations WHERE version = $1`, m.version).Scan(&n); err != nil {
		return false, err
	}
	if n > 0 {
		return false, nil
	}
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return false, err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)`,
		m.version, time.Now().UTC()); err != nil {
		return false, err
	}
	return true, tx.Commit()
}

type queryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func schemaVersion(ctx context.Context, q queryer) (int, error) {
	var v int
	if err := q.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&v); err != nil {
		return 0, fmt.Errorf("read schema version: %w", err)
	}
	return v, nil
}

// LatestSchema is the schema version this Kanal migrates an engine's
// database to.
func LatestSchema(engine Engine) (int, error) {
	ms, err := (&DB{Engine: engine}).migrations()
	return len(ms), err
}

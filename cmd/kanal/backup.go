package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/kanal-dk/kanal/internal/store"
)

// kanal backup and kanal restore are for the embedded default, an SQLite
// file. A backup is a consistent snapshot made with SQLite's VACUUM INTO,
// which reads the database in one read transaction: the server may go on
// serving and writing meanwhile, and the copy holds every transaction
// committed before it began and none after. PostgreSQL has its own tools
// (pg_dump, pg_restore, point-in-time recovery; docs/operations.md).

// sqlitePath is the file of an sqlite: address; ok is false for any other.
func sqlitePath(dsn string) (path string, ok bool) {
	rest, ok := strings.CutPrefix(dsn, "sqlite:")
	if !ok {
		return "", false
	}
	path, _, _ = strings.Cut(rest, "?")
	return path, true
}

// backupCommand runs "kanal backup [--db sqlite:PATH] FILE".
func backupCommand(ctx context.Context, c *call, args []string) error {
	c.cfg.BindDB(c.flags)
	if err := c.parse(args, 1, 1); err != nil {
		return err
	}
	out := c.flags.Arg(0)
	path, ok := sqlitePath(c.cfg.DB)
	if !ok {
		return &notice{key: "cli.backup.postgres"}
	}
	if !exists(path) {
		return &notice{key: "cli.backup.no_database", args: []any{path}}
	}
	if exists(out) {
		return &notice{key: "cli.backup.exists", args: []any{out}}
	}
	db, err := store.Open(ctx, c.cfg.DB)
	if err != nil {
		return err
	}
	defer db.Close()
	// Written beside the target and renamed when complete and checked, so
	// that FILE is never a half-written backup.
	tmp := out + ".unfinished"
	os.Remove(tmp)
	if _, err := db.ExecContext(ctx, `VACUUM INTO $1`, tmp); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("snapshot %s: %w", path, err)
	}
	// The backup holds the users' password hashes and the audit log.
	if err := os.Chmod(tmp, 0o600); err != nil {
		os.Remove(tmp)
		return err
	}
	version, inquiries, err := checkSnapshot(ctx, tmp)
	if err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, out); err != nil {
		os.Remove(tmp)
		return err
	}
	tr := c.tr()
	fmt.Fprintf(c.stdout, tr.T("cli.backup.done"), out, version, tr.Count("cli.count.inquiries", inquiries))
	return nil
}

// restoreCommand runs "kanal restore [--db sqlite:PATH] [--replace] FILE".
func restoreCommand(ctx context.Context, c *call, args []string) error {
	c.cfg.BindDB(c.flags)
	replace := c.flags.Bool("replace", false, "replace the database that is there (stop Kanal first)")
	if err := c.parse(args, 1, 1); err != nil {
		return err
	}
	from := c.flags.Arg(0)
	target, ok := sqlitePath(c.cfg.DB)
	if !ok {
		return &notice{key: "cli.restore.postgres"}
	}
	if !exists(from) {
		return &notice{key: "cli.restore.no_backup", args: []any{from}}
	}
	version, _, err := checkSnapshot(ctx, from)
	if err != nil {
		return &notice{key: "cli.restore.bad_backup", args: []any{from}, cause: err}
	}
	latest, err := store.LatestSchema(store.SQLite)
	if err != nil {
		return err
	}
	if version > latest {
		return &notice{key: "cli.restore.too_new", args: []any{from, version, latest}}
	}
	if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
		return err
	}
	tr := c.tr()
	if exists(target) {
		if !*replace {
			return &notice{key: "cli.restore.exists", args: []any{target}}
		}
		if inUse(ctx, target) {
			return &notice{key: "cli.restore.in_use", args: []any{target}}
		}
		aside := target + ".before-restore-" + time.Now().Format("20060102-150405")
		for _, suffix := range []string{"", "-wal", "-shm"} {
			if err := os.Rename(target+suffix, aside+suffix); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
		}
		fmt.Fprintf(c.stdout, tr.T("cli.restore.aside"), target, aside)
	}
	tmp := target + ".unfinished"
	os.Remove(tmp)
	backup, err := openReadOnly(from)
	if err != nil {
		return err
	}
	_, err = backup.ExecContext(ctx, `VACUUM INTO $1`, tmp)
	backup.Close()
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("copy %s: %w", from, err)
	}
	if err := os.Chmod(tmp, 0o600); err != nil {
		return err
	}
	if err := os.Rename(tmp, target); err != nil {
		return err
	}
	db, err := openDB(ctx, *c.cfg, nil)
	if err != nil {
		return err
	}
	db.Close()
	fmt.Fprintf(c.stdout, tr.T("cli.restore.done"), target, from, version)
	return nil
}

// checkSnapshot opens an SQLite file read-only, runs SQLite's integrity
// check and returns its schema version and number of inquiries.
func checkSnapshot(ctx context.Context, path string) (version int, inquiries int64, err error) {
	db, err := openReadOnly(path)
	if err != nil {
		return 0, 0, err
	}
	defer db.Close()
	var result string
	if err := db.QueryRowContext(ctx, `PRAGMA quick_check`).Scan(&result); err != nil {
		return 0, 0, fmt.Errorf("check %s: %w", path, err)
	}
	if result != "ok" {
		return 0, 0, fmt.Errorf("check %s: %s", path, result)
	}
	if err := db.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&version); err != nil {
		return 0, 0, fmt.Errorf("%s is no Kanal database: %w", path, err)
	}
	if err := db.QueryRowContext(ctx, `SELECT COUNT(*) FROM inquiries`).Scan(&inquiries); err != nil {
		return 0, 0, fmt.Errorf("%s is no Kanal database: %w", path, err)
	}
	return version, inquiries, nil
}

func openReadOnly(path string) (*sql.DB, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	u := url.URL{Scheme: "file", Path: abs, RawQuery: "mode=ro"}
	return sql.Open("sqlite", u.String())
}

// inUse reports whether another process has the SQLite file open: SQLite
// removes the write-ahead log when the last connection closes, so a log
// still there after this process opened and closed the file belongs to a
// running Kanal (or to one that died, which a start and stop tidies up).
func inUse(ctx context.Context, path string) bool {
	db, err := store.Open(ctx, "sqlite:"+path)
	if err != nil {
		return true
	}
	db.Close()
	return exists(path + "-wal")
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

package store

import (
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"time"

	_ "modernc.org/sqlite" // pure Go: the binary stays static, no cgo
)

// openSQLite opens (and creates) an SQLite file in WAL mode. Writers take
// the lock when their transaction begins (_txlock=immediate) and wait up to
// busy_timeout for each other instead of failing with "database is locked".
func openSQLite(path string) (*DB, error) {
	if path == "" {
		return nil, errors.New("sqlite: no file given; use sqlite:./data/kanal.db")
	}
	created := false
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
			return nil, fmt.Errorf("create folder for %s: %w", path, err)
		}
		created = true
	}
	q := url.Values{}
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "synchronous(FULL)") // "accepted" means on disk, even after a power cut
	q.Set("_txlock", "immediate")
	sqlDB, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	// In WAL mode readers do not block each other or the writer, so the
	// pool may hold a connection per concurrent request. Opening one costs
	// reading the schema again; database/sql's default keeps only two idle,
	// and under load closed and reopened them all the time. The bound is
	// generous: a writer waiting for the lock holds its connection.
	sqlDB.SetMaxOpenConns(sqliteMaxOpen)
	sqlDB.SetMaxIdleConns(sqliteMaxIdle)
	sqlDB.SetConnMaxIdleTime(5 * time.Minute)
	return &DB{DB: sqlDB, Engine: SQLite, Created: created, dsn: "sqlite:" + path}, nil
}

// The SQLite pool: up to sqliteMaxOpen connections, of which up to
// sqliteMaxIdle stay open between requests.
const (
	sqliteMaxOpen = 32
	sqliteMaxIdle = 16
)

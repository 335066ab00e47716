// Package storetest gives tests a fresh, migrated database: an SQLite file
// in the test's temporary folder, or, when KANAL_TEST_DB holds a postgres://
// address, a schema of its own in that PostgreSQL database, dropped after the
// test. .ci/run runs the whole suite both ways.
package storetest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kanal-dk/kanal/internal/store"
)

// EnvDB names the variable that points the tests at PostgreSQL.
const EnvDB = "KANAL_TEST_DB"

// DSN returns the address of a fresh, empty database for t.
func DSN(t testing.TB) string {
	t.Helper()
	base := os.Getenv(EnvDB)
	if base == "" {
		return "sqlite:" + filepath.Join(t.TempDir(), "kanal.db")
	}
	if !strings.HasPrefix(base, "postgres") {
		t.Fatalf("%s=%q: want a postgres:// address or nothing", EnvDB, base)
	}
	buf := make([]byte, 6)
	rand.Read(buf)
	schema := "test_" + hex.EncodeToString(buf)
	admin, err := store.Open(context.Background(), base)
	if err != nil {
		t.Fatalf("open %s: %v", EnvDB, err)
	}
	defer admin.Close()
	if _, err := admin.Exec(`CREATE SCHEMA ` + schema); err != nil {
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		admin, err := store.Open(context.Background(), base)
		if err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
			return
		}
		defer admin.Close()
		if _, err := admin.Exec(`DROP SCHEMA ` + schema + ` CASCADE`); err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("%s: %v", EnvDB, err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// Open returns a fresh, migrated database for t, closed after the test.
func Open(t testing.TB) *store.DB {
	t.Helper()
	db, err := store.Open(context.Background(), DSN(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := db.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	return db
}

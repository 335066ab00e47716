package store_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/store/storetest"
)

// schema lists every table and column, so two migrations can be compared.
func schema(t *testing.T, db *store.DB) string {
	t.Helper()
	q := `SELECT name || '(' || COALESCE(sql, '') || ')' FROM sqlite_master WHERE type IN ('table', 'index') ORDER BY name`
	if db.Engine == store.Postgres {
		q = `SELECT table_name || '.' || column_name || ' ' || data_type FROM information_schema.columns
		     WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`
	}
	rows, err := db.Query(q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var b strings.Builder
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		b.WriteString(s + "\n")
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestMigrate_SecondRunChangesNothing(t *testing.T) {
	ctx := context.Background()
	db, err := store.Open(ctx, storetest.DSN(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	n, err := db.Migrate(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Fatal("first migration applied nothing")
	}
	first := schema(t, db)
	if !strings.Contains(first, "inquiries") || !strings.Contains(first, "strategy_versions") {
		t.Fatalf("schema lacks the core tables:\n%s", first)
	}
	n, err = db.Migrate(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Errorf("second run applied %d migrations, want 0", n)
	}
	if second := schema(t, db); second != first {
		t.Errorf("schema changed on second run:\n%s\nvs\n%s", first, second)
	}
}

func TestMigrate_RefusesNewerDatabase(t *testing.T) {
	ctx := context.Background()
	db := storetest.Open(t)
	if _, err := db.Exec(`INSERT INTO schema_migrations (version, applied_at) VALUES (9999, CURRENT_TIMESTAMP)`); err != nil {
		t.Fatal(err)
	}
	_, err := db.Migrate(ctx)
	var tooNew *store.SchemaTooNewError
	if !errors.As(err, &tooNew) || tooNew.Database != 9999 {
		t.Fatalf("Migrate on a newer database: got %v, want SchemaTooNewError for 9999", err)
	}
	if !strings.Contains(err.Error(), "newer kanal") {
		t.Errorf("message does not tell what to do: %v", err)
	}
}

func TestOpen_RejectsUnknownAddressWithoutLeakingPassword(t *testing.T) {
	_, err := store.Open(context.Background(), "mysql://kanal:hemmelig@db/kanal")
	if err == nil {
		t.Fatal("opened an unknown engine")
	}
	if strings.Contains(err.Error(), "hemmelig") {
		t.Errorf("error leaks the password: %v", err)
	}
}

func TestRedact(t *testing.T) {
	got := store.Redact("postgres://kanal:hemmelig@db:5432/kanal?sslmode=disable")
	if strings.Contains(got, "hemmelig") || !strings.Contains(got, "kanal@db:5432") && !strings.Contains(got, "kanal:xxxxx@db:5432") {
		t.Errorf("Redact = %q", got)
	}
}

package store_test

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/rollup"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/store/storetest"
)

// migrateTo applies the migrations up to and including version, read from
// the files as they are embedded, the way Migrate applies them: one
// transaction each, recorded in schema_migrations.
func migrateTo(t *testing.T, db *store.DB, version int) {
	t.Helper()
	stamp := "TIMESTAMP"
	if db.Engine == store.Postgres {
		stamp = "TIMESTAMPTZ"
	}
	if _, err := db.ExecContext(context.Background(), `CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at `+stamp+` NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	migrateOn(t, db, 0, version)
}

// migrateOn applies the migrations after from up to version, as Migrate
// would, to a database at from.
func migrateOn(t *testing.T, db *store.DB, from, version int) {
	t.Helper()
	ctx := context.Background()
	files, err := filepath.Glob(filepath.Join("migrations", string(db.Engine), "*.sql"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	if len(files) < version {
		t.Fatalf("%d migration files, want at least %d", len(files), version)
	}
	for i, f := range files[:version] {
		if i < from {
			continue
		}
		text, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		err = db.InTx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, string(text)); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)`, i+1, time.Now().UTC())
			return err
		})
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
	}
}

// inquiryRow is every column an inquiry had at schema 0005.
type inquiryRow struct {
	ID                                         int64
	Municipality                               string
	Version                                    int64
	OccurredAt                                 time.Time
	Channel, Type, Direction, Area, Department string
	Resolved, Guided, Assisted, Exempt         bool
	Duration                                   sql.NullInt64
	Source                                     string
	External                                   sql.NullString
	RecordedAt                                 time.Time
	Test                                       bool
	Desk                                       sql.NullString
}

func inquiryRows(t *testing.T, db *store.DB) []inquiryRow {
	t.Helper()
	rows, err := db.Query(`SELECT id, municipality_id, strategy_version_id, occurred_at, channel, type, direction, area, department,
		resolved_first_contact, guided, assisted, exempt, duration_seconds, source, external_id, recorded_at, test, desk
		FROM inquiries ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []inquiryRow
	for rows.Next() {
		var r inquiryRow
		if err := rows.Scan(&r.ID, &r.Municipality, &r.Version, &r.OccurredAt, &r.Channel, &r.Type, &r.Direction, &r.Area,
			&r.Department, &r.Resolved, &r.Guided, &r.Assisted, &r.Exempt, &r.Duration, &r.Source, &r.External,
			&r.RecordedAt, &r.Test, &r.Desk); err != nil {
			t.Fatal(err)
		}
		r.OccurredAt, r.RecordedAt = r.OccurredAt.UTC(), r.RecordedAt.UTC()
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// inquiryIndexes names the indexes on inquiries with their definitions.
func inquiryIndexes(t *testing.T, db *store.DB) map[string]string {
	t.Helper()
	q := `SELECT name, COALESCE(sql, '') FROM sqlite_master WHERE type = 'index' AND tbl_name = 'inquiries'`
	if db.Engine == store.Postgres {
		q = `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'inquiries'`
	}
	rows, err := db.Query(q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var name, def string
		if err := rows.Scan(&name, &def); err != nil {
			t.Fatal(err)
		}
		out[name] = def
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// Migration 0006 drops the check that held inquiries to the three known
// types — on SQLite by rebuilding the table — and adds the referral column
// and counts. A database that already holds inquiries keeps every row with
// its id, every index (the partial unique index on the sender's id
// included), the reference to the strategy version, and counts that agree
// with a recount.
func TestMigrate0006_KeepsRowsIndexesKeysAndCounts(t *testing.T) {
	ctx := context.Background()
	db, err := store.Open(ctx, storetest.DSN(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	migrateTo(t, db, 5)

	now := time.Date(2014, 4, 1, 8, 0, 0, 0, time.UTC)
	must := func(q string, args ...any) {
		t.Helper()
		if _, err := db.ExecContext(ctx, q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	must(`INSERT INTO municipalities (id, name, created_at) VALUES ('dragoer', 'Dragør Kommune', $1)`, now)
	must(`INSERT INTO strategy_versions (municipality_id, version, sha256, source_name, document, loaded_at)
		VALUES ('dragoer', 1, 'x', 'dragoer.yaml', 'x', $1)`, now)
	var version int64
	if err := db.QueryRowContext(ctx, `SELECT id FROM strategy_versions`).Scan(&version); err != nil {
		t.Fatal(err)
	}
	// Three counted inquiries in one cell of 31 March 2014 (Danish time),
	// one with an id and a desk, two timed; one test inquiry, never counted.
	insert := `INSERT INTO inquiries (municipality_id, strategy_version_id, occurred_at, channel, type, direction, area, department,
		resolved_first_contact, guided, assisted, exempt, duration_seconds, source, external_id, recorded_at, test, desk)
		VALUES ('dragoer', $1, $2, 'phone', 'interaction', 'inbound', 'flytning', 'borgerbutikken', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`
	at := time.Date(2014, 3, 31, 8, 15, 0, 0, time.UTC)
	must(insert, version, at, true, false, false, false, 120, "api:Telefoni", "tlf-1", now, false, "phone|Rådhuset")
	must(insert, version, at.Add(time.Minute), false, true, false, true, 300, "console", nil, now, false, nil)
	must(insert, version, at.Add(2*time.Minute), false, false, false, false, nil, "console", nil, now, false, nil)
	must(insert, version, at.Add(3*time.Minute), true, true, false, false, 60, "api:Prøve", "p-1", now, true, nil)
	// The counts as Kanal 0005 kept them, written by hand: 3 inquiries, 1
	// resolved, 1 guided, 0 assisted, 1 exempt, 2 timed, 420 seconds.
	must(`INSERT INTO inquiry_counts (municipality_id, strategy_version_id, day, area, department, channel, type, direction,
		inquiries, resolved, guided, assisted, exempt, timed, duration_seconds)
		VALUES ('dragoer', $1, '2014-03-31', 'flytning', 'borgerbutikken', 'phone', 'interaction', 'inbound', 3, 1, 1, 0, 1, 2, 420)`, version)
	must(`INSERT INTO inquiry_months (municipality_id, month, area, department, channel, type, direction,
		inquiries, resolved, guided, assisted, exempt, timed, duration_seconds)
		VALUES ('dragoer', '2014-03', 'flytning', 'borgerbutikken', 'phone', 'interaction', 'inbound', 3, 1, 1, 0, 1, 2, 420)`)
	before := inquiryRows(t, db)
	indexesBefore := inquiryIndexes(t, db)
	if len(before) != 4 || len(indexesBefore) < 2 {
		t.Fatalf("at 0005: %d inquiries, indexes %v", len(before), indexesBefore)
	}

	// Up to 0009: 0010 moves the sender's id out of inquiries
	// (migrate_0010_test.go).
	migrateOn(t, db, 5, 9)

	if after := inquiryRows(t, db); !reflect.DeepEqual(after, before) {
		t.Errorf("inquiries changed:\nbefore %+v\nafter  %+v", before, after)
	}
	indexesAfter := inquiryIndexes(t, db)
	// Migration 0007 adds inquiries_demo, the partial index of demo
	// inquiries; 0006 itself keeps the indexes as they were.
	delete(indexesAfter, "inquiries_demo")
	for _, name := range []string{"inquiries_municipality_time", "inquiries_external_id"} {
		if indexesAfter[name] == "" {
			t.Errorf("index %s is gone: %v", name, indexesAfter)
		}
	}
	if !strings.Contains(strings.ToLower(indexesAfter["inquiries_external_id"]), "where") {
		t.Errorf("inquiries_external_id is no longer partial: %s", indexesAfter["inquiries_external_id"])
	}
	if len(indexesAfter) != len(indexesBefore) {
		t.Errorf("indexes before %v, after %v", indexesBefore, indexesAfter)
	}

	// The counts survive, with no referral counted, and agree with a recount.
	stored, err := rollup.Stored(ctx, db, "dragoer")
	if err != nil {
		t.Fatal(err)
	}
	want := rollup.Tally{Inquiries: 3, Resolved: 1, Guided: 1, Exempt: 1, Timed: 2, DurationSeconds: 420}
	if len(stored) != 1 {
		t.Fatalf("%d day cells, want 1: %+v", len(stored), stored)
	}
	for _, got := range stored {
		if got != want {
			t.Errorf("day cell %+v, want %+v", got, want)
		}
	}
	// A recount from the raw rows by hand: rollup.Verify needs the
	// newest schema (it reads the retirement's boundary, migration 0012).
	var raw rollup.Tally
	if err := db.QueryRowContext(ctx, `SELECT COUNT(*), SUM(CASE WHEN resolved_first_contact THEN 1 ELSE 0 END),
		SUM(CASE WHEN guided THEN 1 ELSE 0 END), SUM(CASE WHEN assisted THEN 1 ELSE 0 END), SUM(CASE WHEN exempt THEN 1 ELSE 0 END),
		COUNT(referred_to), COUNT(duration_seconds), COALESCE(SUM(duration_seconds), 0)
		FROM inquiries WHERE municipality_id = 'dragoer' AND NOT test`).Scan(&raw.Inquiries, &raw.Resolved, &raw.Guided,
		&raw.Assisted, &raw.Exempt, &raw.Referred, &raw.Timed, &raw.DurationSeconds); err != nil || raw != want {
		t.Errorf("the raw inquiries after 0006 count %+v (%v), want %+v", raw, err, want)
	}

	// A type of the strategy's own is stored; the sender's id is still
	// unique; the reference to the strategy version still holds.
	ownType := `INSERT INTO inquiries (municipality_id, strategy_version_id, occurred_at, channel, type, direction, area, department,
		resolved_first_contact, guided, assisted, exempt, source, external_id, recorded_at, referred_to)
		VALUES ('dragoer', $1, $2, 'phone', $3, 'inbound', 'flytning', 'borgerbutikken', FALSE, FALSE, FALSE, FALSE, $4, $5, $2, $6)`
	must(ownType, version, now, "sagsoplysning", "console", nil, "udbetaling-danmark")
	if _, err := db.ExecContext(ctx, ownType, version, now, "information", "api:Telefoni", "tlf-1", nil); err == nil {
		t.Error("a second inquiry with the sender's id tlf-1 was stored")
	}
	if _, err := db.ExecContext(ctx, ownType, version+100, now, "information", "console", nil, nil); err == nil {
		t.Error("an inquiry of a strategy version that does not exist was stored")
	}
	if _, err := db.ExecContext(ctx, strings.Replace(ownType, "'inbound'", "'sideways'", 1), version, now, "information", "console", nil, nil); err == nil {
		t.Error("the check on direction is gone")
	}
	if db.Engine == store.SQLite {
		var problems int
		if err := db.QueryRowContext(ctx, `SELECT COUNT(*) FROM pragma_foreign_key_check`).Scan(&problems); err != nil {
			t.Fatal(err)
		}
		var integrity string
		if err := db.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&integrity); err != nil {
			t.Fatal(err)
		}
		if problems != 0 || integrity != "ok" {
			t.Errorf("after the rebuild: %d foreign key problems, integrity %q", problems, integrity)
		}
	}
}

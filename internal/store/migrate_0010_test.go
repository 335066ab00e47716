package store_test

import (
	"context"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/store/storetest"
)

// Migration 0010 moves the sender's ids into inquiry_external_ids and, on
// PostgreSQL, partitions inquiries by Danish month. Every row stays with
// its id, every month that has rows gets its partition, a new row gets an
// id after the old ones, and a stored sender id is still known.
func TestMigrate0010_KeepsEveryInquiryWithItsIDAndEverySenderID(t *testing.T) {
	ctx := context.Background()
	db, err := store.Open(ctx, storetest.DSN(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	migrateTo(t, db, 9)

	now := time.Date(2014, 4, 1, 8, 0, 0, 0, time.UTC)
	must := func(q string, args ...any) {
		t.Helper()
		if _, err := db.ExecContext(ctx, q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	must(`INSERT INTO municipalities (id, name, created_at) VALUES ('dragoer', 'Dragør Kommune', $1)`, now)
	must(`INSERT INTO strategy_versions (municipality_id, version, sha256, source_name, document, loaded_at) VALUES ('dragoer', 1, 'x', 'x.yaml', 'x', $1)`, now)
	var version int64
	if err := db.QueryRowContext(ctx, `SELECT id FROM strategy_versions`).Scan(&version); err != nil {
		t.Fatal(err)
	}
	insert := `INSERT INTO inquiries (municipality_id, strategy_version_id, occurred_at, channel, type, direction, area, department,
		resolved_first_contact, guided, assisted, exempt, duration_seconds, source, external_id, recorded_at, test, desk, referred_to)
		VALUES ('dragoer', $1, $2, 'phone', 'information', 'inbound', 'flytning', 'borgerservice', TRUE, FALSE, FALSE, FALSE, 60, $3, $4, $5, FALSE, NULL, NULL)`
	// 31 January 23:30 UTC is 1 February in Copenhagen: the row belongs
	// to February's partition.
	times := []time.Time{time.Date(2013, 1, 31, 23, 30, 0, 0, time.UTC), time.Date(2013, 1, 15, 9, 0, 0, 0, time.UTC),
		time.Date(2014, 3, 2, 9, 0, 0, 0, time.UTC)}
	must(insert, version, times[0], "api:Telefoni", "tlf-1", now)
	must(insert, version, times[1], "console", nil, now)
	must(insert, version, times[2], "api:Telefoni", "tlf-2", now)
	before := tableRows(t, db, "inquiries")

	if _, err := db.Migrate(ctx); err != nil {
		t.Fatalf("migrate from 0009: %v", err)
	}
	if after := tableRows(t, db, "inquiries"); !reflect.DeepEqual(after, before) {
		t.Errorf("inquiries changed:\nbefore %q\nafter  %q", before, after)
	}
	if got, want := tableRows(t, db, "inquiry_external_ids"), []string{
		"municipality_id=dragoer source=api:Telefoni external_id=tlf-1 ",
		"municipality_id=dragoer source=api:Telefoni external_id=tlf-2 ",
	}; !reflect.DeepEqual(got, want) {
		t.Errorf("sender ids %q, want %q", got, want)
	}
	var maxOld, next int64
	if err := db.QueryRowContext(ctx, `SELECT MAX(id) FROM inquiries`).Scan(&maxOld); err != nil {
		t.Fatal(err)
	}
	if db.Engine == store.Postgres {
		months, err := db.InquiryPartitions(ctx)
		if err != nil {
			t.Fatal(err)
		}
		want := []civil.Month{{Year: 2013, Month: 1}, {Year: 2013, Month: 2}, {Year: 2014, Month: 3}}
		if !slices.Equal(months, want) {
			t.Errorf("partitions %v, want %v", months, want)
		}
		for _, ix := range [][2]string{{"inquiries_demo_2013_02", "inquiries_demo"},
			{"inquiries_municipality_time_2014_03", "inquiries_municipality_time"}} {
			var attached bool
			if err := db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM pg_inherits
				WHERE inhrelid = to_regclass($1) AND inhparent = to_regclass($2))`, ix[0], ix[1]).Scan(&attached); err != nil || !attached {
				t.Errorf("index %s is not a partition of %s (%v)", ix[0], ix[1], err)
			}
		}
		var n int
		if err := db.QueryRowContext(ctx, `SELECT COUNT(*) FROM inquiries_2013_02`).Scan(&n); err != nil || n != 1 {
			t.Errorf("February 2013 holds %d rows (%v), want the one of 1 February in Copenhagen", n, err)
		}
	}
	if err := db.QueryRowContext(ctx, `INSERT INTO inquiries (municipality_id, strategy_version_id, occurred_at, channel, type, direction, area, department,
		resolved_first_contact, guided, assisted, exempt, source, recorded_at)
		VALUES ('dragoer', $1, $2, 'phone', 'information', 'inbound', 'flytning', 'borgerservice', FALSE, FALSE, FALSE, FALSE, 'console', $2)
		RETURNING id`, version, times[2]).Scan(&next); err != nil {
		t.Fatal(err)
	}
	if next <= maxOld {
		t.Errorf("a new inquiry got id %d, not after the old ones (up to %d)", next, maxOld)
	}
}

package store_test

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/store/storetest"
)

// retireFixture is a database at the newest schema with two
// municipalities' inquiries in January to April 2013, one a month each,
// each with a sender id; the times are the Danish months' edges, where a
// month of UTC and a month of Copenhagen differ.
func retireFixture(t *testing.T) *store.DB {
	t.Helper()
	ctx := context.Background()
	db := storetest.Open(t)
	now := time.Date(2014, 4, 1, 8, 0, 0, 0, time.UTC)
	must := func(q string, args ...any) {
		t.Helper()
		if _, err := db.ExecContext(ctx, q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	for _, m := range []string{"dragoer", "taarnby"} {
		must(`INSERT INTO municipalities (id, name, created_at) VALUES ($1, $1, $2)`, m, now)
		must(`INSERT INTO strategy_versions (municipality_id, version, sha256, source_name, document, loaded_at) VALUES ($1, 1, 'x', 'x.yaml', 'x', $2)`, m, now)
	}
	var months []civil.Month
	for i := 1; i <= 4; i++ {
		months = append(months, civil.Month{Year: 2013, Month: time.Month(i)})
	}
	if err := db.EnsureInquiryPartitions(ctx, months...); err != nil {
		t.Fatal(err)
	}
	for _, m := range []string{"dragoer", "taarnby"} {
		for _, at := range []time.Time{
			time.Date(2013, 1, 31, 22, 59, 0, 0, time.UTC), // 23:59 on 31 January in Copenhagen
			time.Date(2013, 2, 28, 23, 0, 0, 0, time.UTC),  // midnight on 1 March in Copenhagen
			time.Date(2013, 3, 15, 9, 0, 0, 0, time.UTC),
			time.Date(2013, 4, 1, 8, 0, 0, 0, time.UTC),
		} {
			must(`INSERT INTO inquiries (municipality_id, strategy_version_id, occurred_at, channel, type, direction, area, department,
				resolved_first_contact, guided, assisted, exempt, source, external_id, recorded_at)
				SELECT $1, id, $2, 'phone', 'information', 'inbound', 'flytning', 'borgerservice', TRUE, FALSE, FALSE, FALSE, 'api:x', $3, $2
				FROM strategy_versions WHERE municipality_id = $1`, m, at, m+at.Format(time.RFC3339))
			must(`INSERT INTO inquiry_external_ids (municipality_id, source, external_id) VALUES ($1, 'api:x', $2)`, m, m+at.Format(time.RFC3339))
		}
	}
	return db
}

func inquiryTimes(t *testing.T, db *store.DB) []string {
	t.Helper()
	rows, err := db.Query(`SELECT municipality_id, occurred_at FROM inquiries`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var m string
		var at time.Time
		if err := rows.Scan(&m, &at); err != nil {
			t.Fatal(err)
		}
		out = append(out, m+" "+at.UTC().Format(time.RFC3339))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

// Retiring the inquiries before March 2013 removes the raw rows of
// January and February (Danish months) of every municipality, and
// nothing else: March's and April's rows, every sender id and every
// other table stay. On PostgreSQL it drops exactly those months'
// partitions.
func TestRetireInquiries_RemovesTheMonthsBeforeAndNothingElse(t *testing.T) {
	ctx := context.Background()
	db := retireFixture(t)
	ids := tableRows(t, db, "inquiry_external_ids")
	before := civil.Month{Year: 2013, Month: time.March}
	r, err := db.RetireInquiries(ctx, before, time.Date(2014, 4, 1, 8, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"dragoer 2013-02-28T23:00:00Z", "dragoer 2013-03-15T09:00:00Z", "dragoer 2013-04-01T08:00:00Z",
		"taarnby 2013-02-28T23:00:00Z", "taarnby 2013-03-15T09:00:00Z", "taarnby 2013-04-01T08:00:00Z",
	}
	if got := inquiryTimes(t, db); !reflect.DeepEqual(got, want) {
		t.Errorf("inquiries left %q, want %q", got, want)
	}
	wantGone := int64(0)
	if db.Engine == store.SQLite {
		wantGone = 2 // one a municipality in January; February has none in Copenhagen
	}
	if !r.Moved || r.Before != before || r.Deleted != wantGone {
		t.Errorf("retirement %+v", r)
	}
	if got := tableRows(t, db, "inquiry_external_ids"); !reflect.DeepEqual(got, ids) {
		t.Errorf("sender ids changed:\nbefore %q\nafter  %q", ids, got)
	}
	if got, ok, err := store.RetiredBefore(ctx, db); err != nil || !ok || got != before {
		t.Errorf("boundary %v %v %v, want %v", got, ok, err, before)
	}
	if db.Engine == store.Postgres {
		parts, err := db.InquiryPartitions(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if want := []civil.Month{{Year: 2013, Month: 3}, {Year: 2013, Month: 4}}; !slices.Equal(parts, want) {
			t.Errorf("partitions %v, want %v", parts, want)
		}
		if want := []civil.Month{{Year: 2013, Month: 1}, {Year: 2013, Month: 2}}; !slices.Equal(r.Partitions, want) {
			t.Errorf("dropped %v, want %v", r.Partitions, want)
		}
		var left int
		if err := db.QueryRowContext(ctx, `SELECT COUNT(*) FROM pg_class
			WHERE relname IN ('inquiries_2013_01', 'inquiries_2013_02') AND relnamespace = current_schema()::regnamespace`).Scan(&left); err != nil || left != 0 {
			t.Errorf("%d tables of the retired months left (%v)", left, err)
		}
		// A retired month gets no partition again.
		if err := db.EnsureInquiryPartitions(ctx, civil.Month{Year: 2013, Month: 2}); !errors.Is(err, store.ErrMonthRetired) {
			t.Errorf("a partition for a retired month: %v", err)
		}
	}
}

// On PostgreSQL a row outside the monthly partitions — in a default
// partition an operator added — is retired too, one row at a time.
func TestRetireInquiries_DefaultPartitionOnPostgres(t *testing.T) {
	db := retireFixture(t)
	if db.Engine != store.Postgres {
		t.Skip("partitions are PostgreSQL's")
	}
	ctx := context.Background()
	if _, err := db.ExecContext(ctx, `CREATE TABLE inquiries_other PARTITION OF inquiries DEFAULT`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(ctx, `INSERT INTO inquiries (municipality_id, strategy_version_id, occurred_at, channel, type, direction, area, department,
		resolved_first_contact, guided, assisted, exempt, source, recorded_at)
		SELECT municipality_id, id, t, 'phone', 'information', 'inbound', 'flytning', 'borgerservice', TRUE, FALSE, FALSE, FALSE, 'x', t
		FROM strategy_versions, (VALUES (TIMESTAMPTZ '2012-12-10 10:00+00'), (TIMESTAMPTZ '2013-06-10 10:00+00')) AS v (t)
		WHERE municipality_id = 'dragoer'`); err != nil {
		t.Fatal(err)
	}
	r, err := db.RetireInquiries(ctx, civil.Month{Year: 2013, Month: time.March}, time.Date(2014, 4, 1, 8, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if r.Deleted != 1 || len(r.Partitions) != 2 {
		t.Errorf("retirement %+v, want December's row deleted and two partitions dropped", r)
	}
	var n int
	if err := db.QueryRowContext(ctx, `SELECT COUNT(*) FROM inquiries_other`).Scan(&n); err != nil || n != 1 {
		t.Errorf("the default partition holds %d rows (%v), want June's", n, err)
	}
	if got := len(inquiryTimes(t, db)); got != 7 {
		t.Errorf("%d inquiries left, want 7", got)
	}
}

// The boundary only moves forward, never into the current month, and the
// record of it is never changed: the same boundary again changes nothing.
func TestRetireInquiries_BoundaryOnlyMovesForward(t *testing.T) {
	ctx := context.Background()
	db := retireFixture(t)
	now := time.Date(2013, 5, 31, 22, 30, 0, 0, time.UTC) // 1 June in Copenhagen
	if _, err := db.RetireInquiries(ctx, civil.Month{Year: 2013, Month: time.March}, now); err != nil {
		t.Fatal(err)
	}
	var back *store.RetireBackwardsError
	if _, err := db.RetireInquiries(ctx, civil.Month{Year: 2013, Month: time.February}, now); !errors.As(err, &back) ||
		back.Recorded != (civil.Month{Year: 2013, Month: time.March}) {
		t.Errorf("a boundary moved back: %v", err)
	}
	var late *store.RetireTooLateError
	if _, err := db.RetireInquiries(ctx, civil.Month{Year: 2013, Month: time.June}, now); !errors.As(err, &late) ||
		late.Latest != (civil.Month{Year: 2013, Month: time.May}) {
		t.Errorf("a boundary in the current month: %v", err)
	}
	again, err := db.RetireInquiries(ctx, civil.Month{Year: 2013, Month: time.March}, now)
	if err != nil || again.Moved || again.Deleted != 0 || len(again.Partitions) != 0 {
		t.Errorf("the same boundary again: %+v %v", again, err)
	}
	if got, _, err := store.RetiredBefore(ctx, db); err != nil || got != (civil.Month{Year: 2013, Month: time.March}) {
		t.Errorf("boundary %v (%v)", got, err)
	}
	for _, q := range []string{`UPDATE inquiry_retirements SET retired_before = '2000-01'`, `DELETE FROM inquiry_retirements`} {
		if _, err := db.ExecContext(ctx, q); err == nil {
			t.Errorf("%s: allowed", q)
		}
	}
	if got := len(tableRows(t, db, "inquiry_retirements")); got != 1 {
		t.Errorf("%d retirements recorded, want 1", got)
	}
}

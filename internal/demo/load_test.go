package demo_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/demo"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/kanaltest"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/rollup"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/store/storetest"
	"github.com/kanal-dk/kanal/internal/strategy"
)

func day(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, strategy.Location)
}

// storedRows lists a municipality's inquiries, every column but the row id
// and the moment of recording, in a fixed order.
func storedRows(t *testing.T, db *store.DB, municipality string) []string {
	t.Helper()
	rows, err := db.Query(`SELECT strategy_version_id, occurred_at, channel, type, direction, area, department,
		resolved_first_contact, guided, assisted, exempt, COALESCE(duration_seconds, -1), source,
		COALESCE(external_id, ''), test, COALESCE(desk, ''), COALESCE(referred_to, '')
		FROM inquiries WHERE municipality_id = $1
		ORDER BY occurred_at, channel, type, direction, area, resolved_first_contact, guided, assisted, exempt,
		COALESCE(duration_seconds, -1), COALESCE(referred_to, '')`, municipality)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var version, duration int64
		var at time.Time
		var channel, typ, direction, area, department, source, external, desk, referred string
		var resolved, guided, assisted, exempt, test bool
		if err := rows.Scan(&version, &at, &channel, &typ, &direction, &area, &department, &resolved, &guided, &assisted,
			&exempt, &duration, &source, &external, &test, &desk, &referred); err != nil {
			t.Fatal(err)
		}
		out = append(out, fmt.Sprint(version, at.UTC(), channel, typ, direction, area, department, resolved, guided,
			assisted, exempt, duration, source, external, test, desk, referred))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func verify(t *testing.T, db *store.DB, municipality string) {
	t.Helper()
	diffs, err := rollup.Verify(context.Background(), db, municipality)
	if err != nil {
		t.Fatal(err)
	}
	if len(diffs) > 0 {
		t.Fatalf("the counts differ from a recount in %d cells, first %+v", len(diffs), diffs[0])
	}
}

func TestLoad_StoresAndCountsWhatTheRecorderWould(t *testing.T) {
	ctx := context.Background()
	opt := demo.Options{From: day(2014, 1, 1), To: day(2014, 3, 31), MonthlySeed: true}
	viaRecorder, regA := kanaltest.Presets(t)
	seeded, err := demo.Seed(ctx, inquiry.NewRecorder(viaRecorder), kanaltest.Current(t, regA, "dragoer"), opt)
	if err != nil {
		t.Fatal(err)
	}
	inBulk, regB := kanaltest.Presets(t)
	loaded, err := demo.Load(ctx, inBulk, inquiry.NewRecorder(inBulk), kanaltest.Current(t, regB, "dragoer"), opt)
	if err != nil {
		t.Fatal(err)
	}
	if seeded == 0 || loaded != seeded {
		t.Fatalf("Load wrote %d inquiries, the recorder %d", loaded, seeded)
	}
	a, b := storedRows(t, viaRecorder, "dragoer"), storedRows(t, inBulk, "dragoer")
	if !reflect.DeepEqual(a, b) {
		for i := range min(len(a), len(b)) {
			if a[i] != b[i] {
				t.Fatalf("row %d differs:\nrecorder %s\nLoad     %s", i, a[i], b[i])
			}
		}
		t.Fatalf("the recorder stored %d rows, Load %d", len(a), len(b))
	}
	countsA, err := rollup.Stored(ctx, viaRecorder, "dragoer")
	if err != nil {
		t.Fatal(err)
	}
	countsB, err := rollup.Stored(ctx, inBulk, "dragoer")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(countsA, countsB) {
		t.Errorf("the counts differ: the recorder's %d cells, Load's %d", len(countsA), len(countsB))
	}
	verify(t, inBulk, "dragoer")
}

// monthly counts a municipality's inquiries per month, from the raw rows.
func monthly(t *testing.T, db *store.DB, municipality string) map[string]int {
	t.Helper()
	rows, err := db.Query(`SELECT occurred_at FROM inquiries WHERE municipality_id = $1`, municipality)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var at time.Time
		if err := rows.Scan(&at); err != nil {
			t.Fatal(err)
		}
		out[at.In(strategy.Location).Format("2006-01")]++
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// loadUntilStopped runs Load and stops it as soon as it has stored
// something more; it returns Load's error (nil when it finished first).
func loadUntilStopped(t *testing.T, db *store.DB, rec *inquiry.Recorder, cur *municipality.Current, opt demo.Options) error {
	t.Helper()
	had, err := rec.Count(context.Background(), cur.Strategy.Municipality.ID)
	if err != nil {
		t.Fatal(err)
	}
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	done := make(chan error, 1)
	go func() {
		_, err := demo.Load(ctx, db, rec, cur, opt)
		done <- err
	}()
	for {
		select {
		case err := <-done:
			return err
		default:
		}
		n, err := rec.Count(context.Background(), cur.Strategy.Municipality.ID)
		if err != nil {
			t.Fatal(err)
		}
		if n > had {
			break
		}
		time.Sleep(time.Millisecond)
	}
	stop()
	return <-done
}

// uninterrupted is the rows of one Load of opt into a database of its own.
func uninterrupted(t *testing.T, id string, opt demo.Options) []string {
	t.Helper()
	db, reg := kanaltest.Presets(t)
	if _, err := demo.Load(context.Background(), db, inquiry.NewRecorder(db), kanaltest.Current(t, reg, id), opt); err != nil {
		t.Fatal(err)
	}
	return storedRows(t, db, id)
}

func sameRows(t *testing.T, got, want []string) {
	t.Helper()
	if reflect.DeepEqual(got, want) {
		return
	}
	for i := range min(len(got), len(want)) {
		if got[i] != want[i] {
			t.Fatalf("row %d differs:\ngot  %s\nwant %s", i, got[i], want[i])
		}
	}
	t.Fatalf("%d rows, an uninterrupted load %d", len(got), len(want))
}

func TestLoad_ContinuesAfterAStopAndWritesNothingTwice(t *testing.T) {
	ctx := context.Background()
	db, reg := kanaltest.Presets(t)
	cur := kanaltest.Current(t, reg, "dragoer")
	rec := inquiry.NewRecorder(db)
	half := demo.Options{To: day(2012, 6, 30)} // the first half year keeps the test short

	// A first start stopped after some months.
	if err := loadUntilStopped(t, db, rec, cur, half); err == nil {
		t.Skip("the whole period was written before the stop; nothing to continue")
	}
	before := monthly(t, db, "dragoer")
	verify(t, db, "dragoer")
	if len(before) == 0 || len(before) == 6 {
		t.Fatalf("after the stop %d months hold inquiries, want some of the six", len(before))
	}

	n, err := demo.Load(ctx, db, rec, cur, half)
	if err != nil {
		t.Fatal(err)
	}
	after := monthly(t, db, "dragoer")
	if len(after) != 6 {
		t.Errorf("after the second run %d months of January–June 2012 hold inquiries, want 6", len(after))
	}
	added := 0
	for m, c := range after {
		if b, ok := before[m]; ok && b != c {
			t.Errorf("%s: %d inquiries before the second run, %d after", m, b, c)
		}
		if _, ok := before[m]; !ok {
			added += c
		}
	}
	if added != n {
		t.Errorf("the second run says it wrote %d, the new months hold %d", n, added)
	}
	verify(t, db, "dragoer")
	sameRows(t, storedRows(t, db, "dragoer"), uninterrupted(t, "dragoer", half))

	if again, err := demo.Load(ctx, db, rec, cur, half); err != nil || again != 0 {
		t.Errorf("a third run wrote %d (err %v), want none", again, err)
	}
}

// The first start writes the last year first and the earlier ones after;
// a stop at any moment leaves whole months, and the next start writes the
// missing ones, whatever their order, as an uninterrupted run would.
func TestLoad_WritesTheMissingMonthsInAnyOrder(t *testing.T) {
	ctx := context.Background()
	db, reg := kanaltest.Presets(t)
	cur := kanaltest.Current(t, reg, "dragoer")
	rec := inquiry.NewRecorder(db)
	quarter := demo.Options{From: day(2013, 1, 1), To: day(2013, 4, 30)}

	// April first, then January–April stopped half-way, then the rest.
	if _, err := demo.Load(ctx, db, rec, cur, demo.Options{From: day(2013, 4, 1), To: day(2013, 4, 30)}); err != nil {
		t.Fatal(err)
	}
	april := monthly(t, db, "dragoer")["2013-04"]
	if err := loadUntilStopped(t, db, rec, cur, quarter); err != nil && !errors.Is(err, context.Canceled) {
		t.Fatal(err)
	}
	verify(t, db, "dragoer")
	if got := monthly(t, db, "dragoer")["2013-04"]; got != april {
		t.Fatalf("April held %d inquiries, %d after a run over January–April", april, got)
	}
	if _, err := demo.Load(ctx, db, rec, cur, quarter); err != nil {
		t.Fatal(err)
	}
	verify(t, db, "dragoer")
	sameRows(t, storedRows(t, db, "dragoer"), uninterrupted(t, "dragoer", quarter))
}

// Two instances that start together on one PostgreSQL database each load
// the demo data; the lock lets one write each month.
func TestLoad_TwoInstancesWriteEachMonthOnce(t *testing.T) {
	dsn := storetest.DSN(t)
	if !strings.HasPrefix(dsn, "postgres") {
		t.Skip("one SQLite file has one server; this is about instances sharing PostgreSQL (KANAL_TEST_DB)")
	}
	ctx := context.Background()
	opt := demo.Options{From: day(2014, 1, 1), To: day(2014, 3, 31)}
	var dbs [2]*store.DB
	var regs [2]*municipality.Registry
	for i := range dbs {
		db, err := store.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		if _, err := db.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		dbs[i], regs[i] = db, kanaltest.LoadPresets(t, db)
	}
	var wg sync.WaitGroup
	written := [2]int{}
	errs := [2]error{}
	for i := range dbs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			written[i], errs[i] = demo.Load(ctx, dbs[i], inquiry.NewRecorder(dbs[i]), kanaltest.Current(t, regs[i], "dragoer"), opt)
		}()
	}
	wg.Wait()
	if errs[0] != nil || errs[1] != nil {
		t.Fatal(errs)
	}
	want := uninterrupted(t, "dragoer", opt)
	if written[0]+written[1] != len(want) {
		t.Errorf("the instances wrote %d and %d, one load %d", written[0], written[1], len(want))
	}
	verify(t, dbs[0], "dragoer")
	sameRows(t, storedRows(t, dbs[0], "dragoer"), want)
}

func TestMissingYears_TheEarlierYearsLackingAMonth(t *testing.T) {
	ctx := context.Background()
	db, reg := kanaltest.Presets(t)
	cur := kanaltest.Current(t, reg, "dragoer") // 2012–2015
	rec := inquiry.NewRecorder(db)
	if unfinished, err := demo.Unfinished(ctx, db, cur.Strategy); err != nil || unfinished {
		t.Fatalf("no demo data yet: unfinished %v (%v), want false: nothing was begun", unfinished, err)
	}
	for _, opt := range []demo.Options{{From: day(2013, 3, 1), To: day(2013, 3, 31)}, {From: day(2015, 12, 1), To: day(2015, 12, 31)}} {
		if _, err := demo.Load(ctx, db, rec, cur, opt); err != nil {
			t.Fatal(err)
		}
	}
	years, err := demo.MissingYears(ctx, db, cur.Strategy)
	if err != nil {
		t.Fatal(err)
	}
	if want := (demo.Years{2014, 2013, 2012}); !reflect.DeepEqual(years, want) {
		t.Errorf("missing years %v, want %v (the last year, 2015, is not asked about)", years, want)
	}
	if unfinished, err := demo.Unfinished(ctx, db, cur.Strategy); err != nil || !unfinished {
		t.Errorf("two months written: unfinished %v (%v), want true", unfinished, err)
	}
}

package demo_test

import (
	"context"
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/demo"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/kanaltest"
	"github.com/kanal-dk/kanal/internal/rollup"
	"github.com/kanal-dk/kanal/internal/store"
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
	opt := demo.Options{From: day(2014, 1, 1), To: day(2014, 3, 31)}
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

func TestLoad_ContinuesAfterAStopAndWritesNothingTwice(t *testing.T) {
	ctx := context.Background()
	db, reg := kanaltest.Presets(t)
	cur := kanaltest.Current(t, reg, "dragoer")
	rec := inquiry.NewRecorder(db)
	half := demo.Options{To: day(2012, 6, 30)} // the first half year keeps the test short

	// A first start stopped after some months: stop it as soon as
	// anything is stored.
	stopCtx, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() {
		_, err := demo.Load(stopCtx, db, rec, cur, half)
		done <- err
	}()
	for {
		n, err := rec.Count(ctx, "dragoer")
		if err != nil {
			t.Fatal(err)
		}
		if n > 0 {
			break
		}
		time.Sleep(time.Millisecond)
	}
	stop()
	if err := <-done; err == nil {
		t.Skip("the whole period was written before the stop; nothing to continue")
	}
	before := monthly(t, db, "dragoer")
	verify(t, db, "dragoer")
	last, ok, err := demo.LastMonth(ctx, db, "dragoer")
	if err != nil || !ok {
		t.Fatalf("LastMonth after a stop: %v, %v", ok, err)
	}
	if len(before) != last.Index()-(2012*12)+1 {
		t.Fatalf("after the stop %d months hold inquiries, but the last is %s: months are not whole", len(before), last)
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

	if again, err := demo.Load(ctx, db, rec, cur, half); err != nil || again != 0 {
		t.Errorf("a third run wrote %d (err %v), want none", again, err)
	}
}

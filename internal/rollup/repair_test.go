package rollup_test

import (
	"context"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/kanaltest"
	"github.com/kanal-dk/kanal/internal/rollup"
	"github.com/kanal-dk/kanal/internal/store"
)

// A database written before durations were bounded holds inquiries with
// absurd durations and, on SQLite, a cell whose sum overflowed into a
// floating-point value. Verify must report the cell instead of failing, and
// rebuild must repair it: the absurd durations count as no duration.
func TestRebuild_RepairsACellThatAnAbsurdDurationOverflowed(t *testing.T) {
	ctx := context.Background()
	db, reg := kanaltest.Presets(t)
	cur := kanaltest.Current(t, reg, "dragoer")
	at := time.Date(2014, 3, 31, 10, 0, 0, 0, time.UTC)
	four, six := 240, 360
	good := []inquiry.Inquiry{
		{OccurredAt: at, Channel: "phone", Type: "interaction", Direction: "inbound", Area: "flytning", Source: "test", DurationSeconds: &four},
		{OccurredAt: at.Add(time.Minute), Channel: "phone", Type: "interaction", Direction: "inbound", Area: "flytning", Source: "test", DurationSeconds: &six},
	}
	if _, err := inquiry.NewRecorder(db).Record(ctx, cur, good); err != nil {
		t.Fatal(err)
	}
	// What an older kanal let through, written as it wrote it.
	for _, d := range []int64{9223372036854775707, 2147483648} {
		if _, err := db.ExecContext(ctx, `INSERT INTO inquiries (municipality_id, strategy_version_id, occurred_at, channel, type,
			direction, area, department, resolved_first_contact, guided, assisted, exempt, duration_seconds, source, recorded_at)
			VALUES ($1, $2, $3, 'phone', 'interaction', 'inbound', 'flytning', 'borgerbutikken', $4, $4, $4, $4, $5, 'old', $3)`,
			"dragoer", cur.ID, at.Add(2*time.Minute).UTC(), false, d); err != nil {
			t.Fatal(err)
		}
	}
	corrupt := `UPDATE inquiry_counts SET inquiries = inquiries + 2, timed = timed + 2, duration_seconds = 9223372036854775707
		WHERE municipality_id = 'dragoer'`
	if db.Engine == store.SQLite {
		// SQLite turns an integer sum that overflows into a REAL.
		corrupt = `UPDATE inquiry_counts SET inquiries = inquiries + 2, timed = timed + 2,
			duration_seconds = duration_seconds + 9223372036854775707 + 2147483648 WHERE municipality_id = 'dragoer'`
		var kind string
		if _, err := db.ExecContext(ctx, corrupt); err != nil {
			t.Fatal(err)
		}
		if err := db.QueryRowContext(ctx, `SELECT typeof(duration_seconds) FROM inquiry_counts WHERE municipality_id = 'dragoer'`).Scan(&kind); err != nil {
			t.Fatal(err)
		}
		if kind != "real" {
			t.Fatalf("the corrupted cell is %s, not the real of an overflowed sum", kind)
		}
	} else if _, err := db.ExecContext(ctx, corrupt); err != nil {
		t.Fatal(err)
	}

	diffs, err := rollup.Verify(ctx, db, "dragoer")
	if err != nil {
		t.Fatalf("verify fails on the bad cell instead of reporting it: %v", err)
	}
	if len(diffs) == 0 {
		t.Fatal("verify finds nothing wrong with the bad cell")
	}
	if _, err := rollup.Rebuild(ctx, db, "dragoer"); err != nil {
		t.Fatalf("rebuild: %v", err)
	}
	if diffs, err := rollup.Verify(ctx, db, "dragoer"); err != nil || len(diffs) != 0 {
		t.Fatalf("after rebuild: %v %+v", err, diffs)
	}
	stored, err := rollup.Stored(ctx, db, "dragoer")
	if err != nil {
		t.Fatal(err)
	}
	// By hand: four inquiries in one cell, two of them timed, 240 + 360 s.
	want := rollup.Tally{Inquiries: 4, Timed: 2, DurationSeconds: 600}
	if len(stored) != 1 {
		t.Fatalf("%d cells, want one: %+v", len(stored), stored)
	}
	for _, got := range stored {
		if got != want {
			t.Errorf("repaired cell %+v, want %+v", got, want)
		}
	}
	if n, err := rollup.UncountedDurations(ctx, db, "dragoer"); err != nil || n != 2 {
		t.Errorf("uncounted durations: %d %v, want 2", n, err)
	}
}

package demo_test

import (
	"context"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/demo"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/kanaltest"
)

// The demo callbacks of both presets on Monday 30 November 2026 at 10:00:
// thirteen, in every state. Before the demo cases' day (1 January after
// each strategy's period) four done (one of them late) registering
// outbound phone inquiries, one not reached, one tried once, one nobody
// handled; today three (the second slot tried once where it has begun:
// Dragør's 09:15 has, Tårnby's 10:15 has not and stays booked); the next
// days booked. A second run books none.
func TestCallbacks_EveryStateInBothPresets(t *testing.T) {
	db, reg := kanaltest.Presets(t)
	ctx := context.Background()
	rec := inquiry.NewRecorder(db)
	now := time.Date(2026, time.November, 30, 10, 0, 0, 0, civil.Location)
	count := func(q string, args ...any) int {
		t.Helper()
		var n int
		if err := db.QueryRowContext(ctx, q, args...).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	for _, m := range []string{"dragoer", "taarnby"} {
		cur := kanaltest.Current(t, reg, m)
		n, err := demo.Callbacks(ctx, db, rec, cur, now)
		if err != nil || n != 13 {
			t.Fatalf("%s: booked %d, %v; want 13", m, n, err)
		}
		retry := map[string]int{"dragoer": 2, "taarnby": 1}[m]
		for status, want := range map[string]int{"done": 4, "not_reached": 1, "retry": retry, "booked": 8 - retry} {
			if got := count(`SELECT COUNT(*) FROM callbacks WHERE municipality_id = $1 AND status = $2`, m, status); got != want {
				t.Errorf("%s: %d %s, want %d", m, got, status, want)
			}
		}
		if got := count(`SELECT COUNT(*) FROM inquiries WHERE municipality_id = $1 AND source = 'callback' AND channel = 'phone' AND direction = 'outbound'`, m); got != 4 {
			t.Errorf("%s: %d phone inquiries, want 4", m, got)
		}
		// The inquiries end before the demo cases' day, after the period.
		end := civil.NewDate(cur.Strategy.Period.To+1, time.January, 1).Start()
		if got := count(`SELECT COUNT(*) FROM inquiries WHERE municipality_id = $1 AND source = 'callback' AND occurred_at >= $2`, m, end.UTC()); got != 0 {
			t.Errorf("%s: %d callback inquiries after the period", m, got)
		}
		today := count(`SELECT COUNT(*) FROM callbacks WHERE municipality_id = $1 AND slot_start >= $2 AND slot_start < $3`,
			m, civil.DateOf(now).Start().UTC(), civil.DateOf(now).AddDays(1).Start().UTC())
		if today != 3 {
			t.Errorf("%s: %d callbacks today, want 3", m, today)
		}
		if n, err := demo.Callbacks(ctx, db, rec, cur, now); err != nil || n != 0 {
			t.Errorf("%s: a second run booked %d, %v", m, n, err)
		}
	}
}

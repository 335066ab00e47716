package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/kanal-dk/kanal/internal/callback"
	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// Demo callbacks: bookings in every state, written through
// internal/callback on a clock set to each step's time. The old ones
// (done, one of them late; not reached; one tried once and one nobody
// handled, both left open and so counted unused) lie in
// the days with phone hours before the demo cases' day (caseDay), so
// that the phone inquiries the done ones register fall where the demo's
// inquiries end; the open ones (booked, and one tried once and waiting
// for its second try) lie in the next days with phone hours from today,
// for the staff's day list (a slot of today that has begun is booked on
// a clock set before it, as a citizen would have). The phone numbers are
// made up, in the 70 10 xx xx range of service numbers, not citizens'.

type demoCallback struct {
	// day counts days with phone hours: -1 is the last before caseDay,
	// 0 the first from today on, 1 the next.
	day, slot int
	// outcome: "" stays booked; callback.Retry, callback.Done or
	// callback.NotReached; "late" is done 45 minutes after the slot.
	outcome string
}

var demoCallbacks = []demoCallback{
	{-3, 2, callback.Done}, {-3, 5, callback.NotReached}, {-2, 1, callback.Done}, {-2, 8, ""},
	{-1, 0, "late"}, {-1, 3, callback.Done}, {-1, 6, callback.Retry},
	{0, 0, ""}, {0, 1, callback.Retry}, {0, 4, ""}, {1, 2, ""}, {1, 6, ""}, {2, 3, ""},
}

// Callbacks books the municipality's demo callbacks, unless it has
// callbacks already or its strategy offers no booking; it returns how
// many it booked.
func Callbacks(ctx context.Context, db *store.DB, rec *inquiry.Recorder, cur *municipality.Current, now time.Time) (int, error) {
	st := cur.Strategy
	if _, ok := st.CallbackSetting(); !ok {
		return 0, nil
	}
	var n int
	if err := db.QueryRowContext(ctx, `SELECT COUNT(*) FROM callbacks WHERE municipality_id = $1`, cur.Municipality).Scan(&n); err != nil {
		return 0, fmt.Errorf("demo callbacks of %s: %w", cur.Municipality, err)
	}
	if n > 0 {
		return 0, nil
	}
	var areas []*strategy.Area
	for i := range st.Areas {
		if a := &st.Areas[i]; !a.Other {
			areas = append(areas, a)
		}
	}
	if len(areas) == 0 {
		return 0, nil
	}
	before := phoneDays(st, caseDay(st, now), -1)
	after := phoneDays(st, civil.DateOf(now), 1)
	var clock time.Time
	cb := callback.New(db, rec, func() time.Time { return clock })
	clerk := demoClerk(cur.Municipality)
	booked := 0
	for i, d := range demoCallbacks {
		var day civil.Date
		switch {
		case d.day < 0 && -d.day <= len(before):
			day = before[-d.day-1]
		case d.day >= 0 && d.day < len(after):
			day = after[d.day]
		default:
			continue
		}
		slots := callback.SlotsOn(st, day)
		if d.slot >= len(slots) {
			continue
		}
		slot := slots[d.slot]
		clock = slot.Start.Add(-26 * time.Hour)
		k, err := cb.Book(ctx, cur, callback.Booking{Area: areas[(i*5)%len(areas)].ID, Slot: slot.Start, Phone: fmt.Sprintf("7010%04d", 1200+i*37)})
		if err != nil {
			return booked, fmt.Errorf("demo callback %d of %s: %w", i, cur.Municipality, err)
		}
		booked++
		clock = slot.Start.Add(5 * time.Minute)
		switch d.outcome {
		case callback.Done:
			_, err = cb.Complete(ctx, cur, k.ID, "", clerk)
		case "late":
			clock = slot.End.Add(45 * time.Minute)
			_, err = cb.Complete(ctx, cur, k.ID, "", clerk)
		case callback.Retry:
			// A first try is never in the future: a slot still to come
			// stays booked.
			if !clock.After(now) {
				_, err = cb.NoAnswer(ctx, cur.Municipality, k.ID, clerk)
			}
		case callback.NotReached:
			if _, err = cb.NoAnswer(ctx, cur.Municipality, k.ID, clerk); err == nil {
				clock = clock.Add(2 * time.Hour)
				_, err = cb.NoAnswer(ctx, cur.Municipality, k.ID, clerk)
			}
		}
		if err != nil {
			return booked, fmt.Errorf("demo callback %d of %s: %w", i, cur.Municipality, err)
		}
	}
	return booked, nil
}

// phoneDays are up to three days with phone slots from day on in the
// direction step (1 forward from day itself, -1 backward from the day
// before), within a month.
func phoneDays(st *strategy.Strategy, day civil.Date, step int) []civil.Date {
	var out []civil.Date
	if step < 0 {
		day = day.AddDays(-1)
	}
	for i := 0; i < 31 && len(out) < 3; i, day = i+1, day.AddDays(step) {
		if len(callback.SlotsOn(st, day)) > 0 {
			out = append(out, day)
		}
	}
	return out
}

package callback

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/store"
)

// Callbacks keeps the bookings of every municipality.
type Callbacks struct {
	db       *store.DB
	recorder *inquiry.Recorder
	now      func() time.Time
}

// New returns the callbacks on db; now is the clock (time.Now when nil).
func New(db *store.DB, recorder *inquiry.Recorder, now func() time.Time) *Callbacks {
	if now == nil {
		now = time.Now
	}
	return &Callbacks{db: db, recorder: recorder, now: now}
}

// Booking is what a citizen asks for.
type Booking struct {
	// Area is the area's id or KLE number.
	Area string
	// Slot is the start of the slot.
	Slot time.Time
	// Phone is the number as written; ParsePhone reads it.
	Phone string
}

// FieldError names the field a booking fails on and why.
type FieldError struct {
	Field string
	Err   error
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Err.Error() }

func (e *FieldError) Unwrap() error { return e.Err }

// ErrUnknownArea: the area is not the strategy's.
var ErrUnknownArea = errors.New("unknown area")

// Book stores a booking: the area known to the strategy, the slot one of
// the phone's slots that can be booked now and is not full, the phone
// number a Danish one. It returns the callback, or a *FieldError naming
// the field (area, slot or phone) it fails on.
func (c *Callbacks) Book(ctx context.Context, cur *municipality.Current, b Booking) (*Callback, error) {
	st := cur.Strategy
	set, ok := st.CallbackSetting()
	if !ok {
		return nil, ErrNotOffered
	}
	now := c.now()
	area, ok := st.Area(b.Area)
	if !ok || area.Other {
		return nil, &FieldError{"area", ErrUnknownArea}
	}
	slot, err := SlotAt(st, b.Slot, now)
	if err != nil {
		return nil, &FieldError{"slot", err}
	}
	phone, err := ParsePhone(b.Phone)
	if err != nil {
		return nil, &FieldError{"phone", err}
	}
	k := &Callback{Municipality: cur.Municipality, Area: area.ID, Department: area.Department,
		Start: slot.Start.UTC(), End: slot.End.UTC(), Phone: phone, Status: Booked, BookedAt: now.UTC().Truncate(time.Second)}
	// Each booking takes the first free seat of its slot; the unique key
	// refuses a seat a concurrent booking took, and the next is tried.
	for attempt := 0; attempt < 3; attempt++ {
		err = c.db.InTx(ctx, func(tx *sql.Tx) error {
			seat, err := freeSeat(ctx, tx, k, set.CallsPerSlot)
			if err != nil {
				return err
			}
			if seat == 0 {
				return &FieldError{"slot", ErrFull}
			}
			return tx.QueryRowContext(ctx, `INSERT INTO callbacks (municipality_id, area, department, slot_start, slot_end, seat, phone, status, booked_at)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
				k.Municipality, k.Area, k.Department, k.Start, k.End, seat, k.Phone, k.Status, k.BookedAt).Scan(&k.ID)
		})
		var fe *FieldError
		if err == nil || errors.As(err, &fe) {
			break
		}
	}
	if err != nil {
		var fe *FieldError
		if errors.As(err, &fe) {
			return nil, err
		}
		return nil, fmt.Errorf("book a callback in %s: %w", cur.Municipality, err)
	}
	return k, nil
}

// freeSeat is the lowest seat from 1 to calls no booking of the slot
// holds, or 0 when the slot is full.
func freeSeat(ctx context.Context, tx *sql.Tx, k *Callback, calls int) (int, error) {
	rows, err := tx.QueryContext(ctx, `SELECT seat FROM callbacks WHERE municipality_id = $1 AND slot_start = $2`, k.Municipality, k.Start)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	taken := map[int]bool{}
	for rows.Next() {
		var s int
		if err := rows.Scan(&s); err != nil {
			return 0, err
		}
		taken[s] = true
	}
	if err := rows.Err(); err != nil {
		return 0, err
	}
	for s := 1; s <= calls; s++ {
		if !taken[s] {
			return s, nil
		}
	}
	return 0, nil
}

// Booked returns how many callbacks each slot start between from and to
// holds, keyed by the start's Unix time.
func (c *Callbacks) Booked(ctx context.Context, municipalityID string, from, to time.Time) (map[int64]int, error) {
	rows, err := c.db.QueryContext(ctx, `SELECT slot_start, COUNT(*) FROM callbacks
		WHERE municipality_id = $1 AND slot_start >= $2 AND slot_start < $3 GROUP BY slot_start`,
		municipalityID, from.UTC(), to.UTC())
	if err != nil {
		return nil, fmt.Errorf("count booked slots: %w", err)
	}
	defer rows.Close()
	out := map[int64]int{}
	for rows.Next() {
		var t time.Time
		var n int
		if err := rows.Scan(&t, &n); err != nil {
			return nil, err
		}
		out[t.Unix()] = n
	}
	return out, rows.Err()
}

// Open returns the days Days offers, each slot with its bookings, and the
// full slots left out; a day left with no slot is left out.
func (c *Callbacks) Open(ctx context.Context, cur *municipality.Current) ([]Day, error) {
	st := cur.Strategy
	set, ok := st.CallbackSetting()
	if !ok {
		return nil, nil
	}
	days := Days(st, c.now())
	if len(days) == 0 {
		return nil, nil
	}
	booked, err := c.Booked(ctx, cur.Municipality, days[0].Slots[0].Start, days[len(days)-1].Date.AddDays(1).Start())
	if err != nil {
		return nil, err
	}
	var out []Day
	for _, d := range days {
		var slots []Slot
		for _, sl := range d.Slots {
			sl.Booked = booked[sl.Start.Unix()]
			if sl.Booked < set.CallsPerSlot {
				slots = append(slots, sl)
			}
		}
		if len(slots) > 0 {
			out = append(out, Day{Date: d.Date, Slots: slots})
		}
	}
	return out, nil
}

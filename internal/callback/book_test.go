package callback_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/callback"
	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/kanaltest"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/store"
)

// fixture is the presets on a fresh database (SQLite, or PostgreSQL with
// KANAL_TEST_DB) and callbacks on a clock the test moves.
type fixture struct {
	db  *store.DB
	reg *municipality.Registry
	cur *municipality.Current
	cb  *callback.Callbacks
	now time.Time
}

func newFixture(t *testing.T, now time.Time) *fixture {
	t.Helper()
	db, reg := kanaltest.Presets(t)
	f := &fixture{db: db, reg: reg, cur: kanaltest.Current(t, reg, "dragoer"), now: now}
	rec := inquiry.NewRecorder(db)
	rec.Now = func() time.Time { return f.now }
	f.cb = callback.New(db, rec, func() time.Time { return f.now })
	return f
}

func (f *fixture) book(t *testing.T, area string, slot time.Time, phone string) (*callback.Callback, error) {
	t.Helper()
	return f.cb.Book(context.Background(), f.cur, callback.Booking{Area: area, Slot: slot, Phone: phone})
}

func (f *fixture) count(t *testing.T, q string, args ...any) int {
	t.Helper()
	var n int
	if err := f.db.QueryRowContext(context.Background(), q, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// Monday 7 December 2026 10:05; the slots booked are Tuesday's.
var monday = at(2026, 12, 7, 10, 5)

func TestBook_TwoCallsASlotThenFull(t *testing.T) {
	f := newFixture(t, monday)
	slot := at(2026, 12, 8, 9, 0)
	area := f.cur.Strategy.Areas[0]
	for i, phone := range []string{"23 45 67 89", "+45 31 32 33 34"} {
		k, err := f.book(t, area.KLE, slot, phone)
		if err != nil {
			t.Fatalf("booking %d: %v", i+1, err)
		}
		if k.Area != area.ID || k.Department != area.Department || !k.Start.Equal(slot) || !k.End.Equal(slot.Add(15*time.Minute)) || k.Status != callback.Booked {
			t.Errorf("booking %d: %+v", i+1, k)
		}
	}
	_, err := f.book(t, area.ID, slot, "41424344")
	var fe *callback.FieldError
	if !errors.As(err, &fe) || fe.Field != "slot" || !errors.Is(err, callback.ErrFull) {
		t.Fatalf("a third booking: %v, want the slot full", err)
	}
	if n := f.count(t, `SELECT COUNT(*) FROM callbacks`); n != 2 {
		t.Errorf("%d callbacks stored, want 2", n)
	}
	// The full slot is no longer offered; the next one is.
	days, err := f.cb.Open(context.Background(), f.cur)
	if err != nil {
		t.Fatal(err)
	}
	tuesday := days[1]
	if tuesday.Date != civil.NewDate(2026, 12, 8) || clockOf(tuesday.Slots[0].Start) != "09:15" || len(tuesday.Slots) != 23 {
		t.Errorf("Tuesday offers %d slots from %s", len(tuesday.Slots), clockOf(tuesday.Slots[0].Start))
	}
}

func TestBook_RefusesEachFieldByName(t *testing.T) {
	f := newFixture(t, monday)
	slot := at(2026, 12, 8, 9, 0)
	for _, c := range []struct {
		name, area string
		slot       time.Time
		phone      string
		field      string
		err        error
	}{
		{"unknown area", "no-such-area", slot, "23456789", "area", callback.ErrUnknownArea},
		{"outside hours", "", at(2026, 12, 8, 16, 0), "23456789", "slot", callback.ErrOutsideHours},
		{"a holiday", "", at(2026, 12, 25, 10, 0), "23456789", "slot", callback.ErrOutsideHours},
		{"past", "", at(2026, 12, 7, 9, 0), "23456789", "slot", callback.ErrTooSoon},
		{"a bad phone number", "", slot, "1234", "phone", callback.ErrBadPhone},
	} {
		t.Run(c.name, func(t *testing.T) {
			area := c.area
			if area == "" {
				area = f.cur.Strategy.Areas[0].ID
			}
			_, err := f.book(t, area, c.slot, c.phone)
			var fe *callback.FieldError
			if !errors.As(err, &fe) || fe.Field != c.field || !errors.Is(err, c.err) {
				t.Errorf("error %v, want %s: %v", err, c.field, c.err)
			}
		})
	}
	if n := f.count(t, `SELECT COUNT(*) FROM callbacks`); n != 0 {
		t.Errorf("%d refused bookings stored", n)
	}
}

// Completing a callback registers one outbound phone inquiry of its area;
// a callback not answered twice is closed as not reached and registers
// nothing.
func TestOutcomes_DoneRegistersAPhoneInquiryNoAnswerTriesOnce(t *testing.T) {
	f := newFixture(t, monday)
	ctx := context.Background()
	area := f.cur.Strategy.Areas[0]
	a, err := f.book(t, area.ID, at(2026, 12, 8, 9, 0), "23456789")
	if err != nil {
		t.Fatal(err)
	}
	b, err := f.book(t, area.ID, at(2026, 12, 8, 9, 15), "23456780")
	if err != nil {
		t.Fatal(err)
	}
	f.now = at(2026, 12, 8, 9, 5)
	if k, err := f.cb.NoAnswer(ctx, "dragoer", a.ID, "staff@dragoer.demo"); err != nil || k.Status != callback.Retry || k.Open() != true {
		t.Fatalf("first no answer: %+v, %v", k, err)
	}
	f.now = at(2026, 12, 8, 11, 0)
	done, err := f.cb.Complete(ctx, f.cur, a.ID, "", "staff@dragoer.demo")
	if err != nil || done.Status != callback.Done || done.InquiryID == 0 || done.ClosedBy != "staff@dragoer.demo" {
		t.Fatalf("complete: %+v, %v", done, err)
	}
	var channel, direction, typ, areaID, source string
	if err := f.db.QueryRowContext(ctx, `SELECT channel, direction, type, area, source FROM inquiries WHERE id = $1`, done.InquiryID).
		Scan(&channel, &direction, &typ, &areaID, &source); err != nil {
		t.Fatal(err)
	}
	if channel != "phone" || direction != "outbound" || typ != callback.DefaultType(f.cur.Strategy, area.ID) || areaID != area.ID || source != "callback" {
		t.Errorf("the inquiry is %s %s %s %s %s", channel, direction, typ, areaID, source)
	}
	if _, err := f.cb.Complete(ctx, f.cur, a.ID, "", "staff@dragoer.demo"); !errors.Is(err, callback.ErrClosed) {
		t.Errorf("completing twice: %v", err)
	}
	for i, want := range []string{callback.Retry, callback.NotReached} {
		k, err := f.cb.NoAnswer(ctx, "dragoer", b.ID, "staff@dragoer.demo")
		if err != nil || k.Status != want {
			t.Fatalf("no answer %d: %+v, %v", i+1, k, err)
		}
	}
	if _, err := f.cb.NoAnswer(ctx, "dragoer", b.ID, "x"); !errors.Is(err, callback.ErrClosed) {
		t.Errorf("a third no answer: %v", err)
	}
	if n := f.count(t, `SELECT COUNT(*) FROM inquiries WHERE source = 'callback'`); n != 1 {
		t.Errorf("%d inquiries registered, want 1", n)
	}
	if _, err := f.cb.NoAnswer(ctx, "taarnby", b.ID, "x"); !errors.Is(err, callback.ErrNotFound) {
		t.Errorf("another municipality's callback: %v", err)
	}
}

// Counted by hand on Wednesday 9 December 00:30, for Tuesday's callbacks:
// 09:00 handled 09:10 (in time), 09:15 first called 10:00 (ended 09:30:
// 30 minutes is not late, so 09:15's call at 10:01 is), 09:30 never
// handled (unused), 10:00 called the next morning (unused), and one of
// Wednesday's still waiting.
func TestCount_UnusedAndLate(t *testing.T) {
	f := newFixture(t, monday)
	ctx := context.Background()
	area := f.cur.Strategy.Areas[0].ID
	book := func(h, m int) *callback.Callback {
		k, err := f.book(t, area, at(2026, 12, 8, h, m), "23456789")
		if err != nil {
			t.Fatal(err)
		}
		return k
	}
	inTime, late, unused, nextDay := book(9, 0), book(9, 15), book(9, 30), book(10, 0)
	_ = unused
	waiting, err := f.book(t, area, at(2026, 12, 9, 9, 0), "23456789")
	if err != nil {
		t.Fatal(err)
	}
	_ = waiting
	f.now = at(2026, 12, 8, 9, 10)
	if _, err := f.cb.Complete(ctx, f.cur, inTime.ID, "", "s"); err != nil {
		t.Fatal(err)
	}
	f.now = at(2026, 12, 8, 10, 1)
	if _, err := f.cb.NoAnswer(ctx, "dragoer", late.ID, "s"); err != nil {
		t.Fatal(err)
	}
	f.now = at(2026, 12, 9, 8, 0)
	if _, err := f.cb.Complete(ctx, f.cur, nextDay.ID, "", "s"); err != nil {
		t.Fatal(err)
	}
	f.now = at(2026, 12, 9, 8, 30)
	n, err := f.cb.Count(ctx, "dragoer", civil.NewDate(2026, 12, 1).Start(), civil.NewDate(2027, 1, 1).Start(), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := callback.Counts{Booked: 5, Done: 2, NotReached: 0, Waiting: 1, Unused: 2, Late: 1}
	if n != want {
		t.Errorf("counts %+v\nwant   %+v", n, want)
	}
}

// A number is kept for the setting's 7 days after its callback closed,
// and an unhandled callback's for 7 days after its day; the rows stay.
func TestErase_AfterTheSettingsDays(t *testing.T) {
	f := newFixture(t, monday)
	ctx := context.Background()
	area := f.cur.Strategy.Areas[0].ID
	done, err := f.book(t, area, at(2026, 12, 8, 9, 0), "23456789")
	if err != nil {
		t.Fatal(err)
	}
	open, err := f.book(t, area, at(2026, 12, 8, 9, 15), "23456780")
	if err != nil {
		t.Fatal(err)
	}
	f.now = at(2026, 12, 8, 12, 0)
	if _, err := f.cb.Complete(ctx, f.cur, done.ID, "", "s"); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		now  time.Time
		want int64
		kept []int64
	}{
		{at(2026, 12, 15, 11, 59), 0, []int64{done.ID, open.ID}},
		{at(2026, 12, 15, 12, 0), 1, []int64{open.ID}},
		{at(2026, 12, 15, 23, 59), 0, []int64{open.ID}},
		{at(2026, 12, 16, 0, 0), 1, nil},
	} {
		f.now = c.now
		n, err := f.cb.Erase(ctx, "dragoer", 7)
		if err != nil || n != c.want {
			t.Fatalf("at %s: erased %d, %v; want %d", c.now, n, err, c.want)
		}
		if k := f.count(t, `SELECT COUNT(*) FROM callbacks WHERE phone IS NOT NULL`); k != len(c.kept) {
			t.Errorf("at %s: %d numbers kept, want %d", c.now, k, len(c.kept))
		}
	}
	k, err := f.cb.Get(ctx, "dragoer", done.ID)
	if err != nil || k.Phone != "" || !k.Erased || k.Status != callback.Done {
		t.Errorf("erased callback: %+v, %v", k, err)
	}
}

// The hourly job erases in every municipality with its own setting: both
// presets keep a number 7 days (example values), so a Tårnby and a
// Dragør callback done on the same Tuesday noon go together a week later.
func TestEraseAll_EveryMunicipality(t *testing.T) {
	f := newFixture(t, monday)
	ctx := context.Background()
	taarnby := kanaltest.Current(t, f.reg, "taarnby")
	var ids []int64
	for _, cur := range []*municipality.Current{f.cur, taarnby} {
		days, err := f.cb.Open(ctx, cur)
		if err != nil {
			t.Fatal(err)
		}
		k, err := f.cb.Book(ctx, cur, callback.Booking{Area: cur.Strategy.Areas[0].ID, Slot: days[1].Slots[0].Start, Phone: "23456789"})
		if err != nil {
			t.Fatalf("%s: %v", cur.Municipality, err)
		}
		f.now = at(2026, 12, 8, 12, 0)
		if _, err := f.cb.Complete(ctx, cur, k.ID, "", "s"); err != nil {
			t.Fatalf("%s: %v", cur.Municipality, err)
		}
		f.now = monday
		ids = append(ids, k.ID)
	}
	f.now = at(2026, 12, 15, 11, 0)
	if n, err := f.cb.EraseAll(ctx, f.reg); err != nil || n != 0 {
		t.Fatalf("a day early: %d, %v", n, err)
	}
	f.now = at(2026, 12, 15, 12, 0)
	if n, err := f.cb.EraseAll(ctx, f.reg); err != nil || n != 2 {
		t.Fatalf("after 7 days: %d, %v; want 2", n, err)
	}
}

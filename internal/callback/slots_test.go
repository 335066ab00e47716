package callback_test

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/callback"
	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/strategy"
	"github.com/kanal-dk/kanal/strategies"
)

// dragoer is Dragør's preset. Its phone hours (example values) are
// Monday–Wednesday 09:00–15:00, Thursday 09:00–17:30 and Friday
// 09:00–13:00; its closing days 5 June, 24 and 31 December; the setting
// 15-minute slots, 2 calls each.
func dragoer(t *testing.T) *strategy.Strategy {
	t.Helper()
	all, err := strategies.Parsed()
	if err != nil {
		t.Fatal(err)
	}
	return all["dragoer"]
}

// at is a Danish wall-clock time.
func at(y int, m time.Month, d, hh, mm int) time.Time {
	return time.Date(y, m, d, hh, mm, 0, 0, civil.Location)
}

func clockOf(t time.Time) string { return t.In(civil.Location).Format("15:04") }

// Days are written out by hand from the calendar: which days the phone
// opens and how many 15-minute slots each has.
func TestSlotsOn_FollowTheCalendarAndTheHours(t *testing.T) {
	st := dragoer(t)
	for _, c := range []struct {
		name        string
		day         civil.Date
		n           int
		first, last string
	}{
		{"an ordinary Monday: 09:00–15:00 is 24 slots", civil.NewDate(2026, 12, 7), 24, "09:00", "14:45"},
		{"a Thursday: 09:00–17:30 is 34 slots", civil.NewDate(2026, 12, 10), 34, "09:00", "17:15"},
		{"a Friday: 09:00–13:00 is 16 slots", civil.NewDate(2026, 12, 11), 16, "09:00", "12:45"},
		{"a Saturday", civil.NewDate(2026, 12, 12), 0, "", ""},
		{"Christmas Eve, a closing day (Thursday)", civil.NewDate(2026, 12, 24), 0, "", ""},
		{"Christmas Day (Juledag, Friday)", civil.NewDate(2026, 12, 25), 0, "", ""},
		{"New Year's Eve, a closing day", civil.NewDate(2026, 12, 31), 0, "", ""},
		{"Maundy Thursday 2026 (Skærtorsdag, 2 April)", civil.NewDate(2026, 4, 2), 0, "", ""},
		{"Good Friday 2026 (Langfredag, 3 April)", civil.NewDate(2026, 4, 3), 0, "", ""},
		{"Easter Monday 2026 (6 April)", civil.NewDate(2026, 4, 6), 0, "", ""},
		{"the Tuesday after Easter 2026 is open", civil.NewDate(2026, 4, 7), 24, "09:00", "14:45"},
		{"Store bededag 2023 (Friday 5 May) is a holiday", civil.NewDate(2023, 5, 5), 0, "", ""},
		{"its day in 2024 (Friday 26 April) is a working day", civil.NewDate(2024, 4, 26), 16, "09:00", "12:45"},
		{"Grundlovsdag 2026 (Friday 5 June), a closing day", civil.NewDate(2026, 6, 5), 0, "", ""},
		{"the Monday after the change to summer time", civil.NewDate(2026, 3, 30), 24, "09:00", "14:45"},
	} {
		t.Run(c.name, func(t *testing.T) {
			slots := callback.SlotsOn(st, c.day)
			if len(slots) != c.n {
				t.Fatalf("%d slots, want %d", len(slots), c.n)
			}
			if c.n == 0 {
				return
			}
			if clockOf(slots[0].Start) != c.first || clockOf(slots[c.n-1].Start) != c.last {
				t.Errorf("slots from %s to %s, want %s to %s", clockOf(slots[0].Start), clockOf(slots[c.n-1].Start), c.first, c.last)
			}
			for i, s := range slots {
				if s.End.Sub(s.Start) != 15*time.Minute || i > 0 && !s.Start.Equal(slots[i-1].End) {
					t.Fatalf("slot %d is %s–%s", i, s.Start, s.End)
				}
			}
		})
	}
	// In summer time 09:00 is 07:00 UTC.
	if got := callback.SlotsOn(st, civil.NewDate(2026, 3, 30))[0].Start.UTC(); got != time.Date(2026, 3, 30, 7, 0, 0, 0, time.UTC) {
		t.Errorf("the first slot after the change is %s UTC", got)
	}
}

// A closing day of the strategy's own, and a slot length that does not
// divide the hours: the rest shorter than a slot is no slot.
func TestSlotsOn_OwnClosingDayAndUnevenSlots(t *testing.T) {
	st := *dragoer(t)
	st.Holidays.Closed = append(append([]string(nil), st.Holidays.Closed...), "2026-03-10")
	st.Callback = &strategy.Callback{SlotMinutes: 20, CallsPerSlot: 1, EraseAfterDays: 7}
	if n := len(callback.SlotsOn(&st, civil.NewDate(2026, 3, 10))); n != 0 {
		t.Errorf("the closing day 10 March 2026 has %d slots", n)
	}
	// Thursday 09:00–17:30 in 20 minutes: 09:00, 09:20, …, 17:00 (25
	// slots; 17:20–17:40 would end after closing).
	thu := callback.SlotsOn(&st, civil.NewDate(2026, 3, 12))
	if len(thu) != 25 || clockOf(thu[24].Start) != "17:00" || clockOf(thu[24].End) != "17:20" {
		t.Errorf("Thursday has %d slots, the last %v", len(thu), thu[len(thu)-1])
	}
}

// Over Christmas 2026 the next days with phone hours after Wednesday 23
// December 14:30 are 28, 29 and 30 December and then 4 January: 23
// December has no slot an hour ahead before 15:00, 24 and 31 December
// are closing days, 25 December and 1 January holidays.
func TestDays_SkipChristmasAndStartAnHourAhead(t *testing.T) {
	st := dragoer(t)
	days := callback.Days(st, at(2026, 12, 23, 14, 30))
	var got []string
	for _, d := range days {
		got = append(got, d.Date.String())
	}
	want := []string{"2026-12-28", "2026-12-29", "2026-12-30", "2027-01-04", "2027-01-05", "2027-01-06", "2027-01-07",
		"2027-01-08", "2027-01-11", "2027-01-12"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("days %v\nwant %v", got, want)
	}
	// On an open day at 10:05 the first slot offered is 11:15: 11:00 is
	// less than an hour away.
	today := callback.Days(st, at(2026, 12, 7, 10, 5))[0]
	if today.Date != civil.NewDate(2026, 12, 7) || clockOf(today.Slots[0].Start) != "11:15" || len(today.Slots) != 15 {
		t.Errorf("today from %s, %d slots", clockOf(today.Slots[0].Start), len(today.Slots))
	}
}

func TestSlotAt_NamesWhyATimeCannotBeBooked(t *testing.T) {
	st := dragoer(t)
	now := at(2026, 12, 7, 10, 5) // Monday
	for _, c := range []struct {
		name string
		t    time.Time
		want error
	}{
		{"a slot tomorrow", at(2026, 12, 8, 9, 0), nil},
		{"the last slot on Thursday", at(2026, 12, 10, 17, 15), nil},
		{"before opening", at(2026, 12, 8, 8, 45), callback.ErrOutsideHours},
		{"at closing", at(2026, 12, 8, 15, 0), callback.ErrOutsideHours},
		{"a Saturday", at(2026, 12, 12, 10, 0), callback.ErrOutsideHours},
		{"Christmas Day", at(2026, 12, 25, 10, 0), callback.ErrOutsideHours},
		{"Christmas Eve, a closing day", at(2026, 12, 24, 10, 0), callback.ErrOutsideHours},
		{"within hours but not a slot's start", at(2026, 12, 8, 9, 5), callback.ErrNotSlotStart},
		{"begun", at(2026, 12, 7, 10, 0), callback.ErrTooSoon},
		{"within the hour", at(2026, 12, 7, 11, 0), callback.ErrTooSoon},
		{"yesterday", at(2026, 12, 4, 10, 0), callback.ErrTooSoon},
		{"beyond ten days with phone hours", at(2027, 1, 20, 10, 0), callback.ErrTooFar},
		{"the same instant written in UTC", time.Date(2026, 12, 8, 8, 0, 0, 0, time.UTC), nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, err := callback.SlotAt(st, c.t, now)
			if !errors.Is(err, c.want) {
				t.Fatalf("error %v, want %v", err, c.want)
			}
			if err == nil && (!s.Start.Equal(c.t) || s.End.Sub(s.Start) != 15*time.Minute) {
				t.Errorf("slot %v", s)
			}
		})
	}
}

func TestParsePhone_TakesDanishNumbers(t *testing.T) {
	for in, want := range map[string]string{
		"12345678": "", "23456789": "23456789", "23 45 67 89": "23456789", "+45 23 45 67 89": "23456789",
		"004523456789": "23456789", "2345-6789": "23456789", "2345678": "", "234567890": "", "+46 23456789": "",
		"0123 4567": "", "2345678a": "", "": "",
	} {
		got, err := callback.ParsePhone(in)
		if got != want || (err == nil) != (want != "") {
			t.Errorf("ParsePhone(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if got := callback.FormatPhone("23456789"); got != "23 45 67 89" {
		t.Errorf("FormatPhone = %q", got)
	}
}

// Dragør's strategy asks for callback: "Telefonisk betjening via
// kontaktcentre vil få en stadig vigtigere rolle i betjeningen af
// borgerne, og servicen bør udvides med længere åbningstider, tilbud om
// tilbagering og lignende." Its phone channel offers callback and its
// booking values are examples; Tårnby's strategy does not mention
// callback, so its phone channel does not offer it, and its booking is
// an example too.
func TestPresets_CallbackSetting(t *testing.T) {
	all, err := strategies.Parsed()
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range []string{"dragoer", "taarnby"} {
		st := all[m]
		set, ok := st.CallbackSetting()
		if !ok || !set.Example || set.SlotMinutes != 15 || set.CallsPerSlot != 2 || set.EraseAfterDays != 7 {
			t.Errorf("%s: %+v, %v", m, set, ok)
		}
		ch, _ := st.Channel(strategy.Phone)
		if ch.Callback != (m == "dragoer") {
			t.Errorf("%s: the phone channel's callback is %v", m, ch.Callback)
		}
	}
}

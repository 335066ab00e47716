package callback

import (
	"slices"
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// Slot is one bookable period. Booked is how many callbacks it holds,
// filled in by the caller that knows the bookings.
type Slot struct {
	Start, End time.Time
	Booked     int
}

// Day is a day with phone hours and its slots.
type Day struct {
	Date  civil.Date
	Slots []Slot
}

// maxSearchDays bounds the search for days with phone hours: a strategy
// closed for weeks still ends the search.
const maxSearchDays = 60

// SlotsOn returns the slots of the phone channel on a date, in order: the
// opening intervals of its weekday at any location, cut into slots of the
// setting's length from each interval's start (a rest shorter than a slot
// is no slot), none on a public holiday or closing day. Slots of two
// locations that start at the same time are one.
func SlotsOn(s *strategy.Strategy, d civil.Date) []Slot {
	set, ok := s.CallbackSetting()
	if !ok || set.SlotMinutes <= 0 {
		return nil
	}
	noon := time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, strategy.Location)
	if closed, _ := s.IsClosedDay(noon); closed {
		return nil
	}
	var starts []int
	for _, iv := range s.OpenIntervals(strategy.Phone, noon) {
		for m := iv[0]; m+set.SlotMinutes <= iv[1]; m += set.SlotMinutes {
			if !slices.Contains(starts, m) {
				starts = append(starts, m)
			}
		}
	}
	slices.Sort(starts)
	out := make([]Slot, 0, len(starts))
	for _, m := range starts {
		start := time.Date(d.Year, d.Month, d.Day, m/60, m%60, 0, 0, strategy.Location)
		out = append(out, Slot{Start: start, End: start.Add(time.Duration(set.SlotMinutes) * time.Minute)})
	}
	return out
}

// Days returns the next BookDays days with phone hours from now's day on,
// each with the slots that start at least Lead after now. A day whose
// slots have all begun is left out.
func Days(s *strategy.Strategy, now time.Time) []Day {
	var out []Day
	first := civil.DateOf(now)
	for i := 0; i < maxSearchDays && len(out) < BookDays; i++ {
		d := first.AddDays(i)
		var slots []Slot
		for _, sl := range SlotsOn(s, d) {
			if !sl.Start.Before(now.Add(Lead)) {
				slots = append(slots, sl)
			}
		}
		if len(slots) > 0 {
			out = append(out, Day{Date: d, Slots: slots})
		}
	}
	return out
}

// SlotAt finds the slot that starts at t and checks it can be booked at
// now: ErrOutsideHours when t is not within the phone's opening hours on
// a day it opens, ErrNotSlotStart when it is but no slot starts then,
// ErrTooSoon for a slot that starts within Lead of now (or has passed),
// ErrTooFar beyond the days Days offers. Fullness is the bookings' to say.
func SlotAt(s *strategy.Strategy, t, now time.Time) (Slot, error) {
	if _, ok := s.CallbackSetting(); !ok {
		return Slot{}, ErrNotOffered
	}
	d := civil.DateOf(t)
	slots := SlotsOn(s, d)
	var found *Slot
	within := false
	for i, sl := range slots {
		if sl.Start.Equal(t) {
			found = &slots[i]
		}
		if !t.Before(sl.Start) && t.Before(sl.End) {
			within = true
		}
	}
	switch {
	case found == nil && !within:
		return Slot{}, ErrOutsideHours
	case found == nil:
		return Slot{}, ErrNotSlotStart
	case found.Start.Before(now.Add(Lead)):
		return Slot{}, ErrTooSoon
	}
	days := Days(s, now)
	if len(days) == 0 || days[len(days)-1].Date.Before(d) {
		return Slot{}, ErrTooFar
	}
	return *found, nil
}

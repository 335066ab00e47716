package strategy

import (
	"fmt"
	"strconv"
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
)

// Calendars for Holidays.Calendar.
const (
	CalendarDK   = "dk"
	CalendarNone = "none"
)

// Location is the time zone every strategy's clock times are read in:
// Danish time, civil.Location.
var Location = civil.Location

var weekdays = map[string]time.Weekday{
	"mon": time.Monday, "tue": time.Tuesday, "wed": time.Wednesday, "thu": time.Thursday,
	"fri": time.Friday, "sat": time.Saturday, "sun": time.Sunday,
}

// parseClock reads "HH:MM" (00:00–24:00) as minutes after midnight.
func parseClock(s string) (int, bool) {
	if len(s) != 5 || s[2] != ':' {
		return 0, false
	}
	h, err1 := strconv.Atoi(s[:2])
	m, err2 := strconv.Atoi(s[3:])
	if err1 != nil || err2 != nil || h < 0 || m < 0 || m > 59 || h > 24 || h == 24 && m != 0 {
		return 0, false
	}
	return h*60 + m, true
}

func clock(minutes int) string { return fmt.Sprintf("%02d:%02d", minutes/60, minutes%60) }

// parseClosedDay reads "MM-DD" (every year, year 0) or "YYYY-MM-DD".
func parseClosedDay(s string) (year int, month time.Month, day int, ok bool) {
	layout := "2006-01-02"
	if len(s) == 5 {
		layout = "01-02"
	}
	t, err := time.Parse(layout, s)
	if err != nil || t.Format(layout) != s {
		return 0, 0, 0, false
	}
	if layout == "01-02" {
		return 0, t.Month(), t.Day(), true
	}
	return t.Year(), t.Month(), t.Day(), true
}

// IsClosedDay reports whether the staffed channels are closed all day on the
// date of t: a public holiday, which it names, or one of the strategy's own
// closing days, for which the name is empty.
func (s *Strategy) IsClosedDay(t time.Time) (bool, string) {
	t = t.In(Location)
	y, m, d := t.Date()
	if s.Holidays.Calendar != CalendarNone {
		if name, ok := DanishHoliday(y, m, d); ok {
			return true, name
		}
	}
	for _, c := range s.Holidays.Closed {
		cy, cm, cd, ok := parseClosedDay(c)
		if ok && (cy == 0 || cy == y) && cm == m && cd == d {
			return true, ""
		}
	}
	return false, ""
}

// HasHours reports whether the strategy gives opening hours for a channel.
// A channel without hours (self-service, the website) is always open.
func (s *Strategy) HasHours(channel string) bool {
	for _, oh := range s.OpeningHours {
		if oh.Channel == channel {
			return true
		}
	}
	return false
}

// IsOpen reports whether a channel is open at t at any of its locations.
func (s *Strategy) IsOpen(channel string, t time.Time) bool {
	if !s.HasHours(channel) {
		return true
	}
	if closed, _ := s.IsClosedDay(t); closed {
		return false
	}
	for _, iv := range s.OpenIntervals(channel, t) {
		if m := minuteOfDay(t); m >= iv[0] && m < iv[1] {
			return true
		}
	}
	return false
}

// NextOpen returns when a channel next opens after t, looking two weeks
// ahead; false when it does not open in that time.
func (s *Strategy) NextOpen(channel string, t time.Time) (time.Time, bool) {
	t = t.In(Location)
	for d := 0; d < 14; d++ {
		day := time.Date(t.Year(), t.Month(), t.Day()+d, 12, 0, 0, 0, Location)
		if closed, _ := s.IsClosedDay(day); closed {
			continue
		}
		best := -1
		for _, iv := range s.OpenIntervals(channel, day) {
			if (d > 0 || iv[0] > minuteOfDay(t)) && (best < 0 || iv[0] < best) {
				best = iv[0]
			}
		}
		if best >= 0 {
			return time.Date(day.Year(), day.Month(), day.Day(), best/60, best%60, 0, 0, Location), true
		}
	}
	return time.Time{}, false
}

// OpenIntervals returns the channel's opening intervals, in minutes after
// midnight, on the weekday of t, ignoring holidays.
func (s *Strategy) OpenIntervals(channel string, t time.Time) [][2]int {
	wd := t.In(Location).Weekday()
	var out [][2]int
	for _, oh := range s.OpeningHours {
		if oh.Channel != channel {
			continue
		}
		for _, h := range oh.Hours {
			from, ok1 := parseClock(h.From)
			to, ok2 := parseClock(h.To)
			if !ok1 || !ok2 {
				continue
			}
			for _, d := range h.Days {
				if weekdays[d] == wd {
					out = append(out, [2]int{from, to})
				}
			}
		}
	}
	return out
}

func minuteOfDay(t time.Time) int {
	t = t.In(Location)
	return t.Hour()*60 + t.Minute()
}

// DanishHoliday reports whether the date is a Danish public holiday
// (helligdag) and names it. Store bededag was abolished from 2024.
func DanishHoliday(year int, month time.Month, day int) (string, bool) {
	switch {
	case month == time.January && day == 1:
		return "Nytårsdag", true
	case month == time.December && day == 25:
		return "Juledag", true
	case month == time.December && day == 26:
		return "2. juledag", true
	case month < time.March || month > time.June:
		return "", false // every movable holiday falls in March–June
	}
	date := time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
	switch int(date.Sub(easterSunday(year)).Hours() / 24) {
	case -3:
		return "Skærtorsdag", true
	case -2:
		return "Langfredag", true
	case 0:
		return "Påskedag", true
	case 1:
		return "2. påskedag", true
	case 26:
		if year < 2024 {
			return "Store bededag", true
		}
	case 39:
		return "Kristi himmelfartsdag", true
	case 49:
		return "Pinsedag", true
	case 50:
		return "2. pinsedag", true
	}
	return "", false
}

// easterSunday computes Easter Sunday (Gregorian) by the anonymous
// Meeus/Jones/Butcher algorithm.
func easterSunday(year int) time.Time {
	a := year % 19
	b, c := year/100, year%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
}

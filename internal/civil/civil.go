// Package civil is the calendar as a Danish municipality counts it: a Date
// is a day in Danish time with no time of day, a Month a calendar month.
// Filters, counts, strategy versions and reports handle days and months as
// these, never as strings; the database keeps them as text, YYYY-MM-DD and
// YYYY-MM, converted where it is read and written.
package civil

import (
	"cmp"
	"fmt"
	"time"
	_ "time/tzdata" // Danish time wherever Kanal runs
)

// Location is Danish time (Europe/Copenhagen), from the time zone database
// the binary embeds.
var Location = mustLoadLocation("Europe/Copenhagen")

func mustLoadLocation(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(fmt.Sprintf("load time zone %s: %v (the binary embeds time/tzdata)", name, err))
	}
	return loc
}

// Date is a calendar day. The zero Date is no day (IsZero).
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// NewDate returns the day, normalised as time.Date normalises: month 13
// is January of the next year, day 0 the last day of the month before.
func NewDate(year int, month time.Month, day int) Date {
	return dateOf(time.Date(year, month, day, 0, 0, 0, 0, time.UTC))
}

// DateOf is the Danish calendar day of an instant.
func DateOf(t time.Time) Date { return dateOf(t.In(Location)) }

func dateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{Year: y, Month: m, Day: d}
}

// ParseDate reads a day written YYYY-MM-DD, and only a day that exists.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, fmt.Errorf("%q is not a date (YYYY-MM-DD)", s)
	}
	return dateOf(t), nil
}

// String writes the day as YYYY-MM-DD.
func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day) }

// IsZero reports whether d is the zero Date: no day.
func (d Date) IsZero() bool { return d == Date{} }

// IsValid reports whether the day exists: 30 February does not.
func (d Date) IsValid() bool { return NewDate(d.Year, d.Month, d.Day) == d }

// utc is the day's midnight in UTC: a point to count days from.
func (d Date) utc() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// AddDays is the day n days later (earlier when n is negative).
func (d Date) AddDays(n int) Date { return NewDate(d.Year, d.Month, d.Day+n) }

// DaysSince is how many days d is after e; negative when it is before.
// It counts from the days' seconds, not from a time.Duration, which stops
// at 292 years.
func (d Date) DaysSince(e Date) int { return int((d.utc().Unix() - e.utc().Unix()) / (24 * 60 * 60)) }

// Compare is -1 when d is before e, 0 when they are the same day and +1
// when d is after e.
func (d Date) Compare(e Date) int {
	switch {
	case d.Year != e.Year:
		return cmp.Compare(d.Year, e.Year)
	case d.Month != e.Month:
		return cmp.Compare(d.Month, e.Month)
	}
	return cmp.Compare(d.Day, e.Day)
}

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// YearMonth is the month the day is in.
func (d Date) YearMonth() Month { return Month{Year: d.Year, Month: d.Month} }

// Start is the first instant of the day in Danish time. (Denmark changes
// its clocks at 02:00 and 03:00, so every day has a midnight.)
func (d Date) Start() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, Location) }

// Month is a calendar month. The zero Month is no month (IsZero).
type Month struct {
	Year  int
	Month time.Month
}

// ParseMonth reads a month written YYYY-MM.
func ParseMonth(s string) (Month, error) {
	t, err := time.Parse("2006-01", s)
	if err != nil {
		return Month{}, fmt.Errorf("%q is not a month (YYYY-MM)", s)
	}
	return Month{Year: t.Year(), Month: t.Month()}, nil
}

// String writes the month as YYYY-MM.
func (m Month) String() string { return fmt.Sprintf("%04d-%02d", m.Year, int(m.Month)) }

// IsZero reports whether m is the zero Month: no month.
func (m Month) IsZero() bool { return m == Month{} }

// FirstDay is the month's first day.
func (m Month) FirstDay() Date { return NewDate(m.Year, m.Month, 1) }

// LastDay is the month's last day.
func (m Month) LastDay() Date { return NewDate(m.Year, m.Month+1, 0) }

// Index numbers the months one after another, 12 a year (12·Year +
// Month − 1), so that months can be counted and fitted like numbers.
func (m Month) Index() int { return 12*m.Year + int(m.Month) - 1 }

// Compare is -1 when m is before n, 0 when they are the same month and +1
// when m is after n.
func (m Month) Compare(n Month) int { return cmp.Compare(m.Index(), n.Index()) }

// Before reports whether m is before n.
func (m Month) Before(n Month) bool { return m.Compare(n) < 0 }

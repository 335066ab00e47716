package measure_test

import (
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/measure"
)

// Days counts calendar days, both ends included, for any span a custom
// period can ask for; the savings are scaled to a year by it.
func TestFilter_DaysCountsCalendarDaysOverAnySpan(t *testing.T) {
	d := func(y int, m time.Month, day int) civil.Date { return civil.Date{Year: y, Month: m, Day: day} }
	cases := []struct {
		from, to civil.Date
		want     int
	}{
		{d(2014, 1, 1), d(2014, 12, 31), 365},
		{d(2016, 1, 1), d(2016, 12, 31), 366}, // a leap year
		{d(2014, 3, 30), d(2014, 3, 30), 1},   // the day summer time begins is a whole day
		{d(2014, 1, 1), d(2015, 12, 31), 730},
		// Longer than a time.Duration reaches (292 years): the Gregorian
		// calendar's 400-year cycle has 146,097 days, so years 1–10000
		// have 25 × 146,097 = 3,652,425, less 10000-01-01 … 10000-12-31
		// (366 days, a leap year): 3,652,059.
		{d(1, 1, 1), d(9999, 12, 31), 3652059},
		{d(2014, 12, 31), d(2014, 1, 1), 0},  // reversed
		{d(2014, 13, 1), d(2014, 12, 31), 0}, // not a date
		{civil.Date{}, d(2014, 12, 31), 0},   // no day
	}
	for _, c := range cases {
		if got := (measure.Filter{From: c.from, To: c.to}).Days(); got != c.want {
			t.Errorf("%s–%s: %d days, want %d", c.from, c.to, got, c.want)
		}
	}
}

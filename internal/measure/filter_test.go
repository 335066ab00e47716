package measure_test

import (
	"testing"

	"github.com/kanal-dk/kanal/internal/measure"
)

// Days counts calendar days, both ends included, for any span a custom
// period can ask for; the savings are scaled to a year by it.
func TestFilter_DaysCountsCalendarDaysOverAnySpan(t *testing.T) {
	cases := []struct {
		from, to string
		want     int
	}{
		{"2014-01-01", "2014-12-31", 365},
		{"2016-01-01", "2016-12-31", 366}, // a leap year
		{"2014-03-30", "2014-03-30", 1},   // the day summer time begins is a whole day
		{"2014-01-01", "2015-12-31", 730},
		// Longer than a time.Duration reaches (292 years): the Gregorian
		// calendar's 400-year cycle has 146,097 days, so years 1–10000
		// have 25 × 146,097 = 3,652,425, less 10000-01-01 … 10000-12-31
		// (366 days, a leap year): 3,652,059.
		{"0001-01-01", "9999-12-31", 3652059},
		{"2014-12-31", "2014-01-01", 0}, // reversed
		{"2014-13-01", "2014-12-31", 0}, // not a date
	}
	for _, c := range cases {
		if got := (measure.Filter{From: c.from, To: c.to}).Days(); got != c.want {
			t.Errorf("%s–%s: %d days, want %d", c.from, c.to, got, c.want)
		}
	}
}

package locale

import (
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
)

// Dates are written by hand here, as Danish and English write them in
// running text: the day with a full stop in Danish, the month in words,
// lower case in Danish and capitalised in English.
func TestDate_WritesTheDayAsTheLanguageDoes(t *testing.T) {
	da, en := New(Danish), New(English)
	winter := time.Date(2012, 11, 30, 23, 30, 0, 0, time.UTC) // 00:30 on 1 December in Denmark
	summer := time.Date(2014, 3, 31, 22, 15, 0, 0, time.UTC)  // 00:15 on 1 April (summer time, UTC+2)
	cases := []struct{ got, want string }{
		{da.Date(civil.Date{Year: 2012, Month: time.December, Day: 1}), "1. december 2012"},
		{en.Date(civil.Date{Year: 2012, Month: time.December, Day: 1}), "1 December 2012"},
		{da.Date(civil.Date{Year: 2016, Month: time.February, Day: 29}), "29. februar 2016"},
		{da.Date(civil.Date{}), "–"},
		{da.Day(winter), "1. december 2012"},
		{en.Day(winter), "1 December 2012"},
		{da.Day(summer), "1. april 2014"},
		{da.Day(time.Time{}), "–"},
		{da.Month(civil.Month{Year: 2014, Month: time.May}), "maj 2014"},
		{en.Month(civil.Month{Year: 2014, Month: time.May}), "May 2014"},
		{da.DateTime(winter), "1. december 2012 kl. 00:30"},
		{en.DateTime(summer), "1 April 2014 at 00:15"},
		{da.DateTime(summer.In(time.FixedZone("EDT", -4*60*60))), "1. april 2014 kl. 00:15"},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

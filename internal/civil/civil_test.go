package civil_test

import (
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
)

func TestDateOf_IsTheDanishDay(t *testing.T) {
	cases := []struct {
		at   time.Time
		want civil.Date
	}{
		// Winter time is UTC+1: 23:00 UTC on 31 December is 1 January.
		{time.Date(2014, 12, 31, 22, 59, 59, 0, time.UTC), civil.Date{Year: 2014, Month: time.December, Day: 31}},
		{time.Date(2014, 12, 31, 23, 0, 0, 0, time.UTC), civil.Date{Year: 2015, Month: time.January, Day: 1}},
		// Summer time is UTC+2: 22:00 UTC on 31 May is 1 June.
		{time.Date(2014, 5, 31, 21, 59, 59, 0, time.UTC), civil.Date{Year: 2014, Month: time.May, Day: 31}},
		{time.Date(2014, 5, 31, 22, 0, 0, 0, time.UTC), civil.Date{Year: 2014, Month: time.June, Day: 1}},
		// The zone of the instant does not matter, only the instant.
		{time.Date(2014, 5, 31, 18, 0, 0, 0, time.FixedZone("EDT", -4*60*60)), civil.Date{Year: 2014, Month: time.June, Day: 1}},
	}
	for _, c := range cases {
		if got := civil.DateOf(c.at); got != c.want {
			t.Errorf("DateOf(%s) = %s, want %s", c.at, got, c.want)
		}
	}
}

func TestParseDate_TakesOnlyDaysThatExist(t *testing.T) {
	for s, want := range map[string]civil.Date{
		"2014-03-05": {Year: 2014, Month: time.March, Day: 5},
		"2016-02-29": {Year: 2016, Month: time.February, Day: 29},
		"0001-01-01": {Year: 1, Month: time.January, Day: 1},
		"9999-12-31": {Year: 9999, Month: time.December, Day: 31},
	} {
		got, err := civil.ParseDate(s)
		if err != nil || got != want {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", s, got, err, want)
		}
		if got.String() != s {
			t.Errorf("%v writes as %q, want %q", got, got.String(), s)
		}
	}
	for _, s := range []string{"", "2014-13-01", "2014-02-29", "2014-04-31", "2014-3-5", "14-03-05", "2014-03-05T00:00", " 2014-03-05", "2014/03/05"} {
		if d, err := civil.ParseDate(s); err == nil {
			t.Errorf("ParseDate(%q) = %v, want an error", s, d)
		}
	}
}

func TestDate_ArithmeticAndOrder(t *testing.T) {
	d := func(y int, m time.Month, day int) civil.Date { return civil.Date{Year: y, Month: m, Day: day} }
	adds := []struct {
		from civil.Date
		n    int
		want civil.Date
	}{
		{d(2014, 12, 31), 1, d(2015, 1, 1)},
		{d(2014, 3, 1), -1, d(2014, 2, 28)},
		{d(2016, 3, 1), -1, d(2016, 2, 29)},
		{d(2014, 3, 30), 1, d(2014, 3, 31)}, // the day summer time begins is one day
		{d(2014, 1, 1), 365, d(2015, 1, 1)},
	}
	for _, c := range adds {
		if got := c.from.AddDays(c.n); got != c.want {
			t.Errorf("%s + %d days = %s, want %s", c.from, c.n, got, c.want)
		}
		if got := c.want.DaysSince(c.from); got != c.n {
			t.Errorf("%s is %d days after %s, want %d", c.want, got, c.from, c.n)
		}
	}
	// Years 1–10000 are 25 Gregorian cycles of 146,097 days: 3,652,425;
	// less the 366 days of the leap year 10000, years 1–9999 have
	// 3,652,059 days, so their last is 3,652,058 days after their first.
	if got := d(9999, 12, 31).DaysSince(d(1, 1, 1)); got != 3652058 {
		t.Errorf("9999-12-31 is %d days after 0001-01-01, want 3652058", got)
	}
	if !d(2014, 12, 31).Before(d(2015, 1, 1)) || !d(2015, 1, 1).After(d(2014, 12, 31)) ||
		d(2014, 2, 1).Before(d(2014, 1, 31)) || d(2014, 5, 5).Compare(d(2014, 5, 5)) != 0 || d(2014, 5, 6).Compare(d(2014, 5, 5)) != 1 {
		t.Error("dates are not ordered by the calendar")
	}
	if !d(2014, 2, 28).IsValid() || d(2014, 2, 29).IsValid() || d(2014, 13, 1).IsValid() || (civil.Date{}).IsValid() {
		t.Error("IsValid does not follow the calendar")
	}
	if got := civil.NewDate(2014, 13, 0); got != d(2014, 12, 31) {
		t.Errorf("NewDate(2014, 13, 0) = %s, want 2014-12-31", got)
	}
}

func TestDate_StartIsDanishMidnight(t *testing.T) {
	for _, c := range []struct {
		day  civil.Date
		want time.Time
	}{
		{civil.Date{Year: 2014, Month: time.January, Day: 1}, time.Date(2013, 12, 31, 23, 0, 0, 0, time.UTC)},
		{civil.Date{Year: 2014, Month: time.June, Day: 1}, time.Date(2014, 5, 31, 22, 0, 0, 0, time.UTC)},
		// 30 March 2014 begins in winter time; the next day in summer time.
		{civil.Date{Year: 2014, Month: time.March, Day: 30}, time.Date(2014, 3, 29, 23, 0, 0, 0, time.UTC)},
		{civil.Date{Year: 2014, Month: time.March, Day: 31}, time.Date(2014, 3, 30, 22, 0, 0, 0, time.UTC)},
	} {
		if got := c.day.Start(); !got.Equal(c.want) {
			t.Errorf("%s starts at %s, want %s", c.day, got.UTC(), c.want)
		}
	}
}

func TestMonth(t *testing.T) {
	m, err := civil.ParseMonth("2016-02")
	if err != nil || m != (civil.Month{Year: 2016, Month: time.February}) || m.String() != "2016-02" {
		t.Fatalf("ParseMonth(2016-02) = %v, %v", m, err)
	}
	if m.FirstDay() != (civil.Date{Year: 2016, Month: time.February, Day: 1}) || m.LastDay() != (civil.Date{Year: 2016, Month: time.February, Day: 29}) {
		t.Errorf("February 2016 runs %s–%s, want 2016-02-01–2016-02-29", m.FirstDay(), m.LastDay())
	}
	dec := civil.Month{Year: 2015, Month: time.December}
	if dec.LastDay() != (civil.Date{Year: 2015, Month: time.December, Day: 31}) {
		t.Errorf("December 2015 ends %s", dec.LastDay())
	}
	// 12 · 2015 + 12 − 1 = 24191, and January 2016 is the next: 24192.
	if dec.Index() != 24191 || m.Index() != 24193 || !dec.Before(m) || m.Compare(dec) != 1 {
		t.Errorf("indexes %d %d", dec.Index(), m.Index())
	}
	if (civil.Date{Year: 2014, Month: time.May, Day: 17}).YearMonth() != (civil.Month{Year: 2014, Month: time.May}) {
		t.Error("17 May 2014 is not in May 2014")
	}
	for _, s := range []string{"", "2016-13", "2016-2", "2016-02-01", "201602"} {
		if got, err := civil.ParseMonth(s); err == nil {
			t.Errorf("ParseMonth(%q) = %v, want an error", s, got)
		}
	}
}

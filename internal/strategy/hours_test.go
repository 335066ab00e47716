package strategy_test

import (
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/strategy"
)

func TestDanishHoliday(t *testing.T) {
	cases := []struct {
		date string
		want string
	}{
		{"2014-04-20", "Påskedag"},
		{"2014-04-17", "Skærtorsdag"},
		{"2014-04-18", "Langfredag"},
		{"2014-04-21", "2. påskedag"},
		{"2015-05-01", "Store bededag"},
		{"2016-05-05", "Kristi himmelfartsdag"},
		{"2018-05-20", "Pinsedag"},
		{"2018-05-21", "2. pinsedag"},
		{"2012-01-01", "Nytårsdag"},
		{"2013-12-25", "Juledag"},
		{"2013-12-26", "2. juledag"},
		{"2024-04-26", ""}, // Store bededag was abolished from 2024
		{"2014-06-05", ""}, // Grundlovsdag is not a public holiday
		{"2014-04-22", ""},
	}
	for _, c := range cases {
		d, _ := time.Parse(time.DateOnly, c.date)
		got, ok := strategy.DanishHoliday(d.Year(), d.Month(), d.Day())
		if got != c.want || ok != (c.want != "") {
			t.Errorf("DanishHoliday(%s) = %q, %v; want %q", c.date, got, ok, c.want)
		}
	}
}

func TestIsClosedDay_StrategyClosingDays(t *testing.T) {
	s, err := strategy.Parse("minimal.yaml", []byte(minimal(t)))
	if err != nil {
		t.Fatal(err)
	}
	for date, want := range map[string]bool{
		"2013-12-24": true,  // "12-24" every year
		"2014-12-31": true,  // "2014-12-31" that year only
		"2013-12-31": false, // … not the year before
		"2013-12-23": false,
		"2013-12-25": true, // Juledag from the Danish calendar
	} {
		d, _ := time.ParseInLocation(time.DateOnly, date, strategy.Location)
		if got, _ := s.IsClosedDay(d.Add(12 * time.Hour)); got != want {
			t.Errorf("IsClosedDay(%s) = %v, want %v", date, got, want)
		}
	}
}

func TestIsOpen_ChannelWithoutHoursIsAlwaysOpen(t *testing.T) {
	s, err := strategy.Parse("minimal.yaml", []byte(minimal(t)))
	if err != nil {
		t.Fatal(err)
	}
	sunday := time.Date(2013, 12, 25, 3, 0, 0, 0, strategy.Location)
	if !s.IsOpen(strategy.SelfService, sunday) {
		t.Error("self-service has no hours and must be open at any time")
	}
	if s.IsOpen(strategy.Phone, sunday) {
		t.Error("the phone is closed on Christmas Day at 3 am")
	}
	// 14:59 local time in winter and in summer (the zone is Europe/Copenhagen).
	for _, d := range []time.Time{time.Date(2013, 1, 7, 13, 59, 0, 0, time.UTC), time.Date(2013, 7, 8, 12, 59, 0, 0, time.UTC)} {
		if !s.IsOpen(strategy.Phone, d) {
			t.Errorf("phone should be open at %s (14:59 in Denmark)", d)
		}
	}
}

func TestPriority_AreaOverrideInheritsWhatItLeavesOut(t *testing.T) {
	s, err := strategy.Parse("minimal.yaml", []byte(minimal(t)))
	if err != nil {
		t.Fatal(err)
	}
	pas, _ := s.Area("23.09.02")
	p := s.Priority(pas, strategy.Transaction, strategy.Inbound)
	if !equal(p.Primary, []string{"in_person"}) || len(p.Secondary) != 0 || p.Secondary == nil {
		t.Errorf("override: primary %v secondary %v, want [in_person] and an explicit empty list", p.Primary, p.Secondary)
	}
	if !equal(p.Inappropriate, []string{"email"}) {
		t.Errorf("inappropriate should be inherited from the type, got %v", p.Inappropriate)
	}
	flyt, _ := s.Area("flytning")
	if got := s.Priority(flyt, strategy.Transaction, strategy.Outbound).Primary; !equal(got, []string{"digital_post"}) {
		t.Errorf("outbound default = %v", got)
	}
}

func TestPriceOf_MostSpecificEntryWins(t *testing.T) {
	s, err := strategy.Parse("minimal.yaml", []byte(minimal(t)))
	if err != nil {
		t.Fatal(err)
	}
	three, two := 3, 2
	cases := []struct {
		channel, typ string
		sb           *int
		want         float64
		found        bool
	}{
		{"self_service", "transaction", &three, 20, true},
		{"self_service", "transaction", &two, 0, false}, // no entry for level 2 and none without level
		{"in_person", "interaction", nil, 75, true},     // a price for all types
		{"phone", "information", nil, 35, true},
		{"phone", "transaction", nil, 0, false}, // the phone price is for information only
	}
	for _, c := range cases {
		p, ok := s.PriceOf(c.channel, c.typ, c.sb)
		if ok != c.found || ok && *p.DKK != c.want {
			t.Errorf("PriceOf(%s, %s) = %v, %v; want %v, %v", c.channel, c.typ, p.DKK, ok, c.want, c.found)
		}
	}
}

// An area is mandatory from its Since day on, Danish days compared as
// days; without Since, always; without the obligation, never.
func TestIsMandatoryOn_FromTheDayItTookEffect(t *testing.T) {
	since := &strategy.Area{Mandatory: &strategy.Mandatory{Law: "L 1", Since: "2014-12-01"}}
	always := &strategy.Area{Mandatory: &strategy.Mandatory{Law: "L 1"}}
	never := &strategy.Area{}
	day := func(y int, m time.Month, d int) civil.Date { return civil.Date{Year: y, Month: m, Day: d} }
	for _, c := range []struct {
		area *strategy.Area
		day  civil.Date
		want bool
	}{
		{since, day(2014, 11, 30), false},
		{since, day(2014, 12, 1), true},
		{since, day(2015, 1, 1), true},
		{since, day(2013, 12, 31), false},
		{always, day(2000, 1, 1), true},
		{never, day(2014, 12, 1), false},
	} {
		if got := c.area.IsMandatoryOn(c.day); got != c.want {
			t.Errorf("%+v on %s: %v, want %v", c.area.Mandatory, c.day, got, c.want)
		}
	}
}

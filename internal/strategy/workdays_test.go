package strategy_test

import (
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// Dragør's strategy: "I den gode selvbetjenings- eller indberetningsløsning
// skal borgeren have en kvittering for, at selvbetjeningen er gennemført og
// oplysning om, hvornår der kan forventes svar etc." The answer date is that
// information: the area's response time counted in working days. Every
// expected date below is worked out by hand from the calendar (Easter Sunday
// 31 March 2013, 20 April 2014, 9 April 2023, 31 March 2024) and the Dragør
// preset's closing days, 5 June, 24 and 31 December (examples).
func TestAnswerBy_CountsWorkingDaysAcrossYears(t *testing.T) {
	dragoer := preset(t, "dragoer")
	open := *dragoer // the same strategy without closing days of its own
	open.Holidays.Closed = nil
	noCalendar := *dragoer // staffed channels open on public holidays
	noCalendar.Holidays.Calendar = strategy.CalendarNone

	for _, c := range []struct {
		name      string
		s         *strategy.Strategy
		submitted string
		n         int
		want      string
	}{
		{"Easter 2013: Skærtorsdag, Langfredag, weekend, 2. påskedag skipped", dragoer, "2013-03-27T10:00:00+01:00", 5, "2013-04-08"},
		{"Easter 2024", dragoer, "2024-03-26T10:00:00+01:00", 3, "2024-04-03"},
		{"public holidays count even when the channels stay open on them", &noCalendar, "2013-03-27T10:00:00+01:00", 5, "2013-04-08"},
		{"Christmas and New Year with the closing days 24 and 31 December", dragoer, "2013-12-20T09:00:00+01:00", 5, "2014-01-03"},
		{"Christmas and New Year without closing days", &open, "2013-12-20T09:00:00+01:00", 5, "2013-12-31"},
		{"Store bededag 2023 is a holiday", dragoer, "2023-05-04T12:00:00+02:00", 1, "2023-05-08"},
		{"Store bededag 2024 is a working day", dragoer, "2024-04-25T12:00:00+02:00", 1, "2024-04-26"},
		{"Kristi himmelfart, Grundlovsdag (closing day) and Pinse 2014", dragoer, "2014-05-28T10:00:00+02:00", 7, "2014-06-11"},
		{"Kristi himmelfart and Pinse 2014 without closing days", &open, "2014-05-28T10:00:00+02:00", 7, "2014-06-10"},
		{"Friday: the next working day is Monday", dragoer, "2014-03-14T15:00:00+01:00", 1, "2014-03-17"},
		{"Saturday counts from Monday, which is not counted", dragoer, "2014-03-15T11:00:00+01:00", 1, "2014-03-18"},
		{"Saturday in Danish time, Friday in UTC", dragoer, "2014-03-14T23:30:00Z", 1, "2014-03-18"},
		{"Langfredag counts from the Tuesday after Easter", dragoer, "2014-04-18T10:00:00+02:00", 1, "2014-04-23"},
		{"2. påskedag counts from Tuesday", dragoer, "2014-04-21T10:00:00+02:00", 2, "2014-04-24"},
		{"n = 0 on a working day is the same day", dragoer, "2014-03-12T16:00:00+01:00", 0, "2014-03-12"},
		{"n = 0 on a Saturday is the Monday", dragoer, "2014-03-15T11:00:00+01:00", 0, "2014-03-17"},
		{"n = 0 on a closing day is the next working day", dragoer, "2014-12-24T10:00:00+01:00", 0, "2014-12-29"},
		{"40 working days over the year boundary", dragoer, "2014-11-25T10:00:00+01:00", 40, "2015-01-27"},
	} {
		at, err := time.Parse(time.RFC3339, c.submitted)
		if err != nil {
			t.Fatal(err)
		}
		got, ok := c.s.AnswerBy(at, c.n)
		if !ok || got.String() != c.want {
			t.Errorf("%s: %s + %d working days = %s (%v), want %s", c.name, c.submitted, c.n, got, ok, c.want)
		}
	}
}

func TestIsWorkingDay(t *testing.T) {
	dragoer := preset(t, "dragoer")
	for _, c := range []struct {
		date string
		want bool
	}{
		{"2023-05-05", false}, // Store bededag 2023
		{"2024-04-26", true},  // the Friday Store bededag would have been in 2024
		{"2013-04-26", false}, // Store bededag 2013
		{"2013-03-28", false}, // Skærtorsdag
		{"2024-03-29", false}, // Langfredag
		{"2024-04-01", false}, // 2. påskedag
		{"2023-05-18", false}, // Kristi himmelfartsdag
		{"2023-05-29", false}, // 2. pinsedag
		{"2014-01-01", false}, // Nytårsdag
		{"2014-12-26", false}, // 2. juledag
		{"2014-06-05", false}, // Grundlovsdag: a closing day of the preset
		{"2014-12-24", false}, // Juleaftensdag: a closing day of the preset
		{"2014-12-23", true},
		{"2014-06-06", true},
		{"2014-03-15", false}, // Saturday
		{"2014-03-16", false}, // Sunday
		{"2014-03-17", true},
	} {
		if got := dragoer.IsWorkingDay(day(t, c.date)); got != c.want {
			t.Errorf("%s: working day = %v, want %v", c.date, got, c.want)
		}
	}

	// Grundlovsdag is no public holiday: a strategy without the closing day
	// works on it, and a one-time closing day closes only its year.
	s := &strategy.Strategy{Holidays: strategy.Holidays{Calendar: strategy.CalendarDK, Closed: []string{"2014-12-31"}}}
	for date, want := range map[string]bool{"2014-06-05": true, "2014-12-31": false, "2015-12-31": true} {
		if got := s.IsWorkingDay(day(t, date)); got != want {
			t.Errorf("%s: working day = %v, want %v", date, got, want)
		}
	}
}

// A strategy closed every day of the year has no answer date, rather than
// a search that never ends.
func TestAnswerBy_NoWorkingDay(t *testing.T) {
	s := &strategy.Strategy{}
	for d := civil.NewDate(2016, 1, 1); d.Year == 2016; d = d.AddDays(1) {
		s.Holidays.Closed = append(s.Holidays.Closed, d.String()[5:])
	}
	if d, ok := s.AnswerBy(time.Date(2014, 3, 12, 10, 0, 0, 0, strategy.Location), 3); ok {
		t.Errorf("every day closed, yet an answer by %s", d)
	}
}

func day(t *testing.T, s string) civil.Date {
	t.Helper()
	d, err := civil.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// Only a closing day on what would be a working day counts as skipped:
// Dragør's 24 December 2016 is a Saturday, 2014's a Wednesday.
func TestSkipsClosingDay(t *testing.T) {
	dragoer := preset(t, "dragoer")
	for _, c := range []struct {
		from, to string
		want     bool
	}{
		{"2014-12-22", "2014-12-29", true},
		{"2016-12-19", "2016-12-30", false},
		{"2014-06-02", "2014-06-04", false},
		{"2014-06-02", "2014-06-05", true},
		{"2014-03-01", "2014-05-31", false}, // Easter and Store bededag are public holidays, not closing days
	} {
		if got := dragoer.SkipsClosingDay(day(t, c.from), day(t, c.to)); got != c.want {
			t.Errorf("%s–%s: skips a closing day = %v, want %v", c.from, c.to, got, c.want)
		}
	}
}

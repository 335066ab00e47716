package strategy

import (
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
)

// IsWorkingDay reports whether the date is a working day of the
// municipality's case handling, the days an area's response time
// (ResponseDays) is counted in: not a Saturday or Sunday, not a Danish
// public holiday of that year (DanishHoliday: the helligdage Nytårsdag,
// Skærtorsdag, Langfredag, Påskedag, 2. påskedag, Store bededag until 2023,
// Kristi himmelfartsdag, Pinsedag, 2. pinsedag, Juledag and 2. juledag), and
// not one of the strategy's own closing days (Holidays.Closed).
//
// Grundlovsdag, Juleaftensdag and Nytårsaftensdag are not public holidays
// by law and are working days unless the strategy lists them as closing
// days, as both presets do (5 June, 24 and 31 December, as examples).
// Public holidays are never working days, even in a strategy whose staffed
// channels stay open on them (Holidays.Calendar "none"): the calendar says
// when the channels answer, not when cases are handled.
func (s *Strategy) IsWorkingDay(d civil.Date) bool {
	switch time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC).Weekday() {
	case time.Saturday, time.Sunday:
		return false
	}
	if _, ok := DanishHoliday(d.Year, d.Month, d.Day); ok {
		return false
	}
	closed, _ := s.IsClosedDay(d.Start())
	return !closed
}

// maxNonWorkingDays bounds the search for a working day: a strategy that
// closed every weekday of the year would otherwise never give an answer.
const maxNonWorkingDays = 366

// AnswerBy returns the date a receipt states for a submission at
// submitted (read in Danish time) that the municipality answers within n
// working days: the n-th working day after the day of submission, which
// itself does not count. A submission on a day that is not a working day
// (a Saturday, a public holiday, a closing day) is taken as received on the
// next working day, and the same rule counts from there: Saturday with one
// working day is answered by Tuesday, Friday by Monday. With n = 0 the
// answer date is the day of receipt: the submission day if it is a working
// day, else the next working day. A negative n is read as 0. It reports
// false when no working day follows within a year of closed days.
func (s *Strategy) AnswerBy(submitted time.Time, n int) (civil.Date, bool) {
	d, ok := s.nextWorkingDay(civil.DateOf(submitted))
	for ; ok && n > 0; n-- {
		d, ok = s.nextWorkingDay(d.AddDays(1))
	}
	return d, ok
}

// nextWorkingDay returns the first working day on or after d.
func (s *Strategy) nextWorkingDay(d civil.Date) (civil.Date, bool) {
	for i := 0; i <= maxNonWorkingDays; i++ {
		if s.IsWorkingDay(d) {
			return d, true
		}
		d = d.AddDays(1)
	}
	return d, false
}

// SkipsClosingDay reports whether the count of working days from one date
// to another (both included) skipped one of the strategy's own closing
// days: a day that would be a working day without them. A receipt's date
// that rests on closing days marked as examples rests on examples.
func (s *Strategy) SkipsClosingDay(from, to civil.Date) bool {
	without := *s
	without.Holidays.Closed = nil
	for d := from; !d.After(to); d = d.AddDays(1) {
		if !s.IsWorkingDay(d) && without.IsWorkingDay(d) {
			return true
		}
	}
	return false
}

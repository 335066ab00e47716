package measure

import (
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/rollup"
)

// Filter narrows the figures. From and To are Danish calendar days, both
// included; the other fields are ids, empty for all.
type Filter struct {
	From, To   civil.Date
	Department string
	Area       string
	Type       string
	Direction  string
}

// Days is how many calendar days the period has: 0 when it is none.
func (f Filter) Days() int {
	if !f.From.IsValid() || !f.To.IsValid() || f.To.Before(f.From) {
		return 0
	}
	return f.To.DaysSince(f.From) + 1
}

// matches reports whether a row lies within the filter's dimensions.
func (f Filter) matches(r rollup.Row) bool {
	return (f.Department == "" || r.Department == f.Department) && (f.Area == "" || r.Area == f.Area) &&
		(f.Type == "" || r.Type == f.Type) && (f.Direction == "" || r.Direction == f.Direction)
}

// Year is the filter of a whole calendar year.
func Year(year int) Filter {
	return Filter{From: civil.Date{Year: year, Month: time.January, Day: 1}, To: civil.Date{Year: year, Month: time.December, Day: 31}}
}

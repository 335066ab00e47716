package measure

import (
	"time"

	"github.com/kanal-dk/kanal/internal/rollup"
)

// Filter narrows the figures. From and To are Danish calendar days,
// YYYY-MM-DD, both included; the other fields are ids, empty for all.
type Filter struct {
	From, To   string
	Department string
	Area       string
	Type       string
	Direction  string
}

// Days is how many calendar days the period has.
func (f Filter) Days() int {
	from, err1 := time.Parse(time.DateOnly, f.From)
	to, err2 := time.Parse(time.DateOnly, f.To)
	if err1 != nil || err2 != nil || to.Before(from) {
		return 0
	}
	// From the dates' seconds, both midnight UTC, not from a Duration,
	// which stops at 292 years.
	return int((to.Unix()-from.Unix())/(24*60*60)) + 1
}

// matches reports whether a row lies within the filter's dimensions.
func (f Filter) matches(r rollup.Row) bool {
	return (f.Department == "" || r.Department == f.Department) && (f.Area == "" || r.Area == f.Area) &&
		(f.Type == "" || r.Type == f.Type) && (f.Direction == "" || r.Direction == f.Direction)
}

package selfservice

import (
	"regexp"
	"strconv"

	"github.com/kanal-dk/kanal/internal/civil"
)

// dateBound is a date field's min or max: a fixed day, or a number of days
// from the day the citizen fills the form in.
type dateBound struct {
	day      civil.Date
	relative bool
	days     int
}

var relativeDay = regexp.MustCompile(`^today(?:([+-])(\d{1,5}))?$`)

// parseDateBound reads YYYY-MM-DD, "today", "today+N" or "today-N".
func parseDateBound(s string) (dateBound, bool) {
	if m := relativeDay.FindStringSubmatch(s); m != nil {
		n, _ := strconv.Atoi(m[2]) // digits only, or empty for today
		if m[1] == "-" {
			n = -n
		}
		return dateBound{relative: true, days: n}, true
	}
	d, err := civil.ParseDate(s)
	if err != nil {
		return dateBound{}, false
	}
	return dateBound{day: d}, true
}

// on is the bound's day when today is today.
func (b dateBound) on(today civil.Date) civil.Date {
	if b.relative {
		return today.AddDays(b.days)
	}
	return b.day
}

// after compares two bounds of the same sort (both fixed or both
// relative).
func (b dateBound) after(c dateBound) bool {
	if b.relative {
		return b.days > c.days
	}
	return b.day.After(c.day)
}

package departmentreport

import (
	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// Years are the years a strategy asks its departments to report on,
// newest first: the years of its period up to the current one. A
// strategy that has ended asks for no report after its last year; one
// that has not begun, for its first.
func Years(p strategy.Period, today civil.Date) []int {
	last := min(p.To, today.Year)
	if last < p.From {
		last = p.From
	}
	var out []int
	for y := last; y >= p.From; y-- {
		out = append(out, y)
	}
	return out
}

// LastFinished is the newest year of the strategy's period that has
// ended by today, whose report is due by the end of the next first
// quarter; false when no year of the period has ended.
func LastFinished(p strategy.Period, today civil.Date) (int, bool) {
	year := min(today.Year-1, p.To)
	return year, year >= p.From
}

package measure

import (
	"context"
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/rollup"
)

// DefaultYear is the year the figures are for when no year is asked for —
// on the figures page and its exports, and for the council's report, from
// the page and from kanal report alike: the year of the last month with
// counted inquiries, else the year of today, the Danish day.
func DefaultYear(lastCounted civil.Month, today civil.Date) int {
	if !lastCounted.IsZero() {
		return lastCounted.Year
	}
	return today.Year
}

// DefaultYear reads a municipality's last month with counted inquiries
// and gives the default year at the instant now (see DefaultYear).
func (src *Source) DefaultYear(ctx context.Context, municipality string, now time.Time) (int, error) {
	_, last, err := rollup.Span(ctx, src.db, municipality)
	if err != nil {
		return 0, err
	}
	return DefaultYear(last, civil.DateOf(now)), nil
}

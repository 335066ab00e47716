// Package report turns the inquiry counts into management information:
// the digital share against the strategy's targets, with trend and
// forecast; Tårnby's measures; the channel mix over time; cost by channel
// priced by the strategy (self-service by the area's SB level); the
// savings potential per service area; and comparisons between the
// municipalities of one installation.
//
// Every figure is computed from rollup rows by Build, which is pure, so
// the same code computes the naive figures from raw rows that the tests
// and benchmarks compare with.
package report

import (
	"context"
	"fmt"
	"time"

	"github.com/kanal-dk/kanal/internal/rollup"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/strategy"
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

// Reader reads rollup rows: rollup.Read, or rollup.ReadRaw for the naive
// way.
type Reader func(context.Context, *store.DB, rollup.Query) ([]rollup.Row, error)

// Load reads what the dashboard needs and builds it.
func Load(ctx context.Context, db *store.DB, read Reader, municipality string, s *strategy.Strategy, f Filter) (*Dashboard, error) {
	period, trend, err := Rows(ctx, db, read, municipality, s, f)
	if err != nil {
		return nil, err
	}
	return Build(s, f, period, trend), nil
}

// Rows reads the rows a dashboard is built from: the period's (by day
// when the period is at most two months, else by month) and, for the
// targets' trend, the months from the start of the strategy period. Build
// narrows them to a filter's type, direction, department and area, so
// rows read for a whole municipality serve each of its departments.
func Rows(ctx context.Context, db *store.DB, read Reader, municipality string, s *strategy.Strategy, f Filter) (period, trend []rollup.Row, err error) {
	if f.Days() == 0 {
		return nil, nil, fmt.Errorf("the period %s–%s is not a period", f.From, f.To)
	}
	q := rollup.Query{Municipality: municipality, From: f.From, To: f.To, Department: f.Department, Area: f.Area,
		ByDay: f.Days() <= 62}
	if period, err = read(ctx, db, q); err != nil {
		return nil, nil, err
	}
	trendFrom := fmt.Sprintf("%d-01-01", s.Period.From)
	if f.From < trendFrom {
		trendFrom = f.From[:8] + "01"
	}
	trend, err = read(ctx, db, rollup.Query{Municipality: municipality, From: trendFrom, To: f.To,
		Department: f.Department, Area: f.Area})
	if err != nil {
		return nil, nil, err
	}
	// A fixed order makes the sums, and so the figures, the same to the
	// last digit whichever way the rows were read.
	rollup.Sort(period)
	rollup.Sort(trend)
	return period, trend, nil
}

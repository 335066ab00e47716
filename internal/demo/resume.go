package demo

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// missingMonths lists the months of from–to that hold no demo inquiries of
// a municipality, in time order. Load writes a month in one transaction,
// so a month that holds any is complete, whatever order the months were
// written in and wherever a run was stopped.
func missingMonths(ctx context.Context, db *store.DB, municipality string, from, to time.Time) ([]civil.Month, error) {
	// source = 'demo' written out lets both engines use the partial index
	// inquiries_demo: one index probe a month.
	const q = `SELECT EXISTS (SELECT 1 FROM inquiries WHERE municipality_id = $1 AND source = 'demo'
		AND occurred_at >= $2 AND occurred_at < $3)`
	var missing []civil.Month
	last := civil.DateOf(to).YearMonth()
	for m := civil.DateOf(from).YearMonth(); !last.Before(m); m = m.LastDay().AddDays(1).YearMonth() {
		var written bool
		start, end := m.FirstDay().Start(), m.LastDay().AddDays(1).Start()
		if err := db.QueryRowContext(ctx, q, municipality, start.UTC(), end.UTC()).Scan(&written); err != nil {
			return nil, fmt.Errorf("look for the demo inquiries of %s in %s: %w", municipality, m, err)
		}
		if !written {
			missing = append(missing, m)
		}
	}
	return missing, nil
}

// LastMonth returns the last month that holds demo inquiries of a
// municipality; ok is false when it has none. Fill writes a copy's months
// in time order, one month per transaction, so every month up to this one
// is complete and a run that was stopped continues with the next.
func LastMonth(ctx context.Context, db *store.DB, municipality string) (m civil.Month, ok bool, err error) {
	var last time.Time
	err = db.QueryRowContext(ctx, `SELECT occurred_at FROM inquiries WHERE municipality_id = $1 AND source = 'demo'
		ORDER BY occurred_at DESC LIMIT 1`, municipality).Scan(&last)
	if errors.Is(err, sql.ErrNoRows) {
		return civil.Month{}, false, nil
	}
	if err != nil {
		return civil.Month{}, false, fmt.Errorf("the last month of demo inquiries of %s: %w", municipality, err)
	}
	return civil.DateOf(last).YearMonth(), true, nil
}

// remaining is the part of the options' span after the last month that
// already holds demo inquiries (LastMonth); done is true when nothing
// remains. Only for writers that go in time order (Fill).
func remaining(ctx context.Context, db *store.DB, s *strategy.Strategy, opt Options) (_ Options, done bool, err error) {
	last, ok, err := LastMonth(ctx, db, s.Municipality.ID)
	if err != nil || !ok {
		return opt, false, err
	}
	next := civil.NewDate(last.Year, last.Month+1, 1).Start()
	from, to := span(s, opt)
	if next.After(from) {
		opt.From = next
	}
	opt.To = to
	return opt, opt.From.After(to), nil
}

// span is the first and last day the options ask for: the strategy's
// period unless they say otherwise.
func span(s *strategy.Strategy, opt Options) (from, to time.Time) {
	from, to = opt.From, opt.To
	if from.IsZero() {
		from = time.Date(s.Period.From, 1, 1, 0, 0, 0, 0, strategy.Location)
	}
	if to.IsZero() {
		to = time.Date(s.Period.To, 12, 31, 0, 0, 0, 0, strategy.Location)
	}
	return from, to
}

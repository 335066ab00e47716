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

// LastMonth returns the last month that holds demo inquiries of a
// municipality; ok is false when it has none. Demo data is written in time
// order, one month per transaction, so every month up to this one is
// complete and a run that was stopped continues with the next.
func LastMonth(ctx context.Context, db *store.DB, municipality string) (m civil.Month, ok bool, err error) {
	var last time.Time
	// source = 'demo' written out lets both engines use the partial index
	// inquiries_demo.
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
// already holds demo inquiries; done is true when nothing remains.
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

package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/store"
)

// Load writes a municipality's demo inquiries in bulk, for the first start
// of a new installation, where over half a million of them stand between a
// newcomer and the address to open. It writes the months of the options'
// span that hold none of the municipality's demo inquiries yet
// (missingMonths), so a start that was stopped at any moment is completed
// and nothing is written twice, whichever months were written first. Each
// month goes through Recorder.RecordBulk in one transaction — every
// inquiry checked, its row and its counts stored together, so that the
// counts always equal a recount — while the next month is generated on
// the other core. Demo inquiries carry no sender id: what keeps them from
// being written twice is the month they belong to, so the options should
// span whole months. Each month is drawn from its own seed
// (Options.MonthlySeed), so what a stopped run and its continuation write
// is what one uninterrupted run writes. It returns how many it wrote.
//
// Seed writes the same inquiries through Recorder.Record, as an import
// would, given MonthlySeed.
func Load(ctx context.Context, db *store.DB, rec *inquiry.Recorder, cur *municipality.Current, opt Options) (int, error) {
	opt.MonthlySeed = true
	id := cur.Strategy.Municipality.ID
	total := 0
	err := whileLocked(ctx, db, id, func() error {
		from, to := span(cur.Strategy, opt)
		missing, err := missingMonths(ctx, db, id, from, to)
		if err != nil || len(missing) == 0 {
			return err
		}
		total, err = loadMonths(ctx, rec, cur, opt, missing)
		return err
	})
	return total, err
}

// loadMonths writes the months, each in a transaction of its own, while
// the next is generated.
func loadMonths(ctx context.Context, rec *inquiry.Recorder, cur *municipality.Current, opt Options, months []civil.Month) (int, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	generated := make(chan month, 2)
	done := make(chan error, 1)
	go func() {
		defer close(generated)
		done <- generateMonths(ctx, cur, opt, months, generated)
	}()
	total := 0
	for m := range generated {
		if _, err := rec.RecordBulk(ctx, cur, m.rows); err != nil {
			cancel()
			for range generated { // let the generator end
			}
			return total, fmt.Errorf("demo inquiries of %s, %s: %w", cur.Municipality, m.month, err)
		}
		total += len(m.rows)
	}
	return total, <-done
}

// month is one calendar month of demo inquiries.
type month struct {
	month civil.Month
	rows  []inquiry.Inquiry
}

// generateMonths generates the months' inquiries, within the options'
// span, and sends them a month at a time.
func generateMonths(ctx context.Context, cur *municipality.Current, opt Options, months []civil.Month, out chan<- month) error {
	from, to := span(cur.Strategy, opt)
	for _, mon := range months {
		m := month{month: mon}
		one := opt
		one.From = latest(from, mon.FirstDay().Start())
		one.To = earliest(to, mon.LastDay().Start())
		err := Generate(cur.Strategy, one, func(day []inquiry.Inquiry) error {
			m.rows = append(m.rows, day...)
			return nil
		})
		if err != nil {
			return err
		}
		if len(m.rows) == 0 {
			continue
		}
		select {
		case out <- m:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return nil
}

func latest(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func earliest(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

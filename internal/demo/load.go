package demo

import (
	"context"
	"fmt"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/store"
)

// Load writes a municipality's demo inquiries in bulk, for the first start
// of a new installation, where over half a million of them stand between a
// newcomer and the address to open. It continues after the last month
// that holds the municipality's demo inquiries (LastMonth), so a start that
// was stopped half-way is completed and nothing is written twice. Each
// month goes through Recorder.RecordBulk in one transaction — every
// inquiry checked, its row and its counts stored together, so that the
// counts always equal a recount — while the next month is generated on
// the other core. Demo inquiries carry no sender id: what keeps them from
// being written twice is the month they belong to. It returns how many it
// wrote.
//
// Seed writes the same inquiries through Recorder.Record, as an import
// would.
func Load(ctx context.Context, db *store.DB, rec *inquiry.Recorder, cur *municipality.Current, opt Options) (int, error) {
	opt, done, err := remaining(ctx, db, cur.Strategy, opt)
	if err != nil || done {
		return 0, err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	months := make(chan month, 2)
	generated := make(chan error, 1)
	go func() {
		defer close(months)
		generated <- generateMonths(ctx, cur, opt, months)
	}()
	total := 0
	for m := range months {
		if _, err := rec.RecordBulk(ctx, cur, m.rows); err != nil {
			cancel()
			for range months { // let the generator end
			}
			return total, fmt.Errorf("demo inquiries of %s, %s: %w", cur.Municipality, m.month, err)
		}
		total += len(m.rows)
	}
	return total, <-generated
}

// month is one calendar month of demo inquiries.
type month struct {
	month civil.Month
	rows  []inquiry.Inquiry
}

// generateMonths generates the inquiries and sends them a month at a time.
func generateMonths(ctx context.Context, cur *municipality.Current, opt Options, out chan<- month) error {
	var m month
	send := func() error {
		if len(m.rows) == 0 {
			return nil
		}
		select {
		case out <- m:
		case <-ctx.Done():
			return ctx.Err()
		}
		m = month{}
		return nil
	}
	err := Generate(cur.Strategy, opt, func(day []inquiry.Inquiry) error {
		mon := civil.DateOf(day[0].OccurredAt).YearMonth()
		if len(m.rows) > 0 && mon != m.month {
			if err := send(); err != nil {
				return err
			}
		}
		m.month = mon
		m.rows = append(m.rows, day...)
		return nil
	})
	if err != nil {
		return err
	}
	return send()
}

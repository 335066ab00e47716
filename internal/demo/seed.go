package demo

import (
	"context"

	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/municipality"
)

// batchSize is how many inquiries go into one transaction.
const batchSize = 10000

// Seed generates demo inquiries for a municipality and records them through
// the same recorder as real registrations. It returns how many it recorded.
func Seed(ctx context.Context, rec *inquiry.Recorder, cur *municipality.Current, opt Options) (int, error) {
	var batch []inquiry.Inquiry
	total := 0
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		if _, err := rec.Record(ctx, cur, batch); err != nil {
			return err
		}
		total += len(batch)
		batch = batch[:0]
		return nil
	}
	err := Generate(cur.Strategy, opt, func(day []inquiry.Inquiry) error {
		batch = append(batch, day...)
		if len(batch) >= batchSize {
			return flush()
		}
		return ctx.Err()
	})
	if err == nil {
		err = flush()
	}
	return total, err
}

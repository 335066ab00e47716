package inquiry

import (
	"context"
	"errors"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/store"
)

// inPartitions runs write after making sure that every month of the batch
// has its partition of PostgreSQL's inquiries table, so that no inquiry in
// the window is refused for want of one. A partition this recorder knew
// may have been dropped since (after the retention period): the refusal
// makes it forget what it knew, make the partitions again and write once
// more — write's transaction was rolled back, so nothing is written twice.
func (r *Recorder) inPartitions(ctx context.Context, batch []Inquiry, write func() error) error {
	if r.db.Engine != store.Postgres {
		return write()
	}
	// A retired month gets no partition; write refuses its inquiry.
	if err := r.ensurePartitions(ctx, batch); err != nil && !errors.Is(err, store.ErrMonthRetired) {
		return err
	}
	err := write()
	if store.IsNoPartition(err) {
		r.partitions.Lock()
		r.partitions.known = nil
		r.partitions.Unlock()
		if err := r.ensurePartitions(ctx, batch); err != nil {
			return err
		}
		err = write()
	}
	return err
}

func (r *Recorder) ensurePartitions(ctx context.Context, batch []Inquiry) error {
	r.partitions.Lock()
	defer r.partitions.Unlock()
	if r.partitions.known == nil {
		r.partitions.known = map[civil.Month]bool{}
	}
	var missing []civil.Month
	for _, in := range batch {
		m := civil.DateOf(in.OccurredAt).YearMonth()
		if !r.partitions.known[m] {
			r.partitions.known[m] = true // once per batch; undone below on error
			missing = append(missing, m)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	if err := r.db.EnsureInquiryPartitions(ctx, missing...); err != nil {
		for _, m := range missing {
			delete(r.partitions.known, m)
		}
		return err
	}
	return nil
}

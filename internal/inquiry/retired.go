package inquiry

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/store"
)

// The months before a retirement's boundary (store.RetireInquiries) take
// no inquiries: their raw inquiries were removed, their counts stand as
// they were, and an inquiry added to them could never be recounted. The
// window names the boundary so that each path refuses such an inquiry at
// its field (API) or row (CSV); the recording transaction reads the
// boundary again, so that a boundary moved by another process a moment
// ago is not passed by.

// retiredFresh is how long the recorder trusts the boundary it read last
// for its window.
const retiredFresh = time.Second

// RetiredError refuses a batch with an inquiry dated before the boundary.
type RetiredError struct {
	// Index is the inquiry's place in the batch, from 1; Before is the
	// first month kept.
	Index  int
	Before civil.Month
}

func (e *RetiredError) Error() string {
	return fmt.Sprintf("inquiry %d: occurred_at: the inquiries before %s were retired", e.Index, e.Before)
}

// retiredStart is the start of the first month kept, zero when no month
// was retired, as last read (at most retiredFresh ago). A failed read
// keeps what was known: the recording transaction checks again.
func (r *Recorder) retiredStart() time.Time {
	r.retired.Lock()
	defer r.retired.Unlock()
	if time.Since(r.retired.read) >= retiredFresh {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if before, ok, err := store.RetiredBefore(ctx, r.db); err == nil {
			r.retired.start, r.retired.read = monthStart(before, ok), time.Now()
		}
	}
	return r.retired.start
}

// checkRetired refuses a batch with an inquiry before the boundary as tx
// reads it.
func (r *Recorder) checkRetired(ctx context.Context, tx *sql.Tx, batch []Inquiry) error {
	before, ok, err := store.RetiredBefore(ctx, tx)
	if err != nil {
		return err
	}
	start := monthStart(before, ok)
	r.retired.Lock()
	r.retired.start, r.retired.read = start, time.Now()
	r.retired.Unlock()
	for i, in := range batch {
		if in.OccurredAt.Before(start) {
			return &RetiredError{Index: i + 1, Before: before}
		}
	}
	return nil
}

func monthStart(m civil.Month, ok bool) time.Time {
	if !ok {
		return time.Time{}
	}
	return m.FirstDay().Start()
}

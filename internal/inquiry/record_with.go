package inquiry

import (
	"context"
	"database/sql"

	"github.com/kanal-dk/kanal/internal/municipality"
)

// RecordWith records a batch as Record does and runs also in the same
// transaction, after the inquiries are stored and counted: a caller that
// writes rows of its own beside the inquiries (a case opened by a
// self-service submission) commits both or neither. The batch is checked
// first, and on PostgreSQL its months get their partitions first; when a
// partition was dropped meanwhile, the transaction is run again from the
// start, so also must be safe to run twice after a rollback (it is only
// ever committed once).
func (r *Recorder) RecordWith(ctx context.Context, cur *municipality.Current, batch []Inquiry,
	also func(tx *sql.Tx, res Result) error) (Result, error) {
	if err := r.checkAll(cur, batch); err != nil {
		return Result{}, err
	}
	var res Result
	err := r.inPartitions(ctx, batch, func() error {
		return r.db.InTx(ctx, func(tx *sql.Tx) error {
			var err error
			if res, err = r.record(ctx, tx, cur, batch); err != nil {
				return err
			}
			return also(tx, res)
		})
	})
	return res, err
}

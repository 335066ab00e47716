package inquiry

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/rollup"
)

// ErrSenderIDInBulk is RecordBulk's answer to an inquiry with a sender id,
// which only Record can keep from being stored twice.
var ErrSenderIDInBulk = errors.New("an inquiry with a sender id must be recorded with Record, which refuses it a second time")

// bulkRows is how many rows one INSERT of RecordBulk carries: 19,000
// values, below both engines' limits on bound parameters (SQLite 32,766,
// PostgreSQL 65,535).
const bulkRows = 1000

// RecordBulk records a large batch of generated inquiries — the demo data
// — as Record does: every inquiry checked against the strategy and the
// window, all stored or none, the counts added in the same transaction.
// It is cheaper per inquiry because it returns no row ids and sends the
// rows through one prepared INSERT of bulkRows rows. Inquiries with a
// sender id are refused (ErrSenderIDInBulk): what keeps generated data
// from being stored twice is the caller's (for the demo, the months it
// has written). It returns how many inquiries it stored.
func (r *Recorder) RecordBulk(ctx context.Context, cur *municipality.Current, batch []Inquiry) (int, error) {
	for i := range batch {
		if batch[i].ExternalID != "" {
			return 0, ErrSenderIDInBulk
		}
	}
	if err := r.checkAll(cur, batch); err != nil {
		return 0, err
	}
	counts := rollup.Counts{}
	for _, in := range batch {
		if !in.Test {
			counts.Add(cellOf(cur, in), flagsOf(in), in.DurationSeconds, 1)
		}
	}
	now := time.Now().UTC().Truncate(time.Second)
	err := r.inPartitions(ctx, batch, func() error {
		return r.db.InTx(ctx, func(tx *sql.Tx) error {
			full, err := tx.PrepareContext(ctx, r.insertRows(bulkRows))
			if err != nil {
				return err
			}
			defer full.Close()
			args := make([]any, 0, bulkRows*columnsPerRow)
			for start := 0; start < len(batch); start += bulkRows {
				part := batch[start:min(start+bulkRows, len(batch))]
				args = args[:0]
				for i := range part {
					args = appendRow(args, cur, &part[i], now)
				}
				if len(part) == bulkRows {
					_, err = full.ExecContext(ctx, args...)
				} else {
					_, err = tx.ExecContext(ctx, r.insertRows(len(part)), args...)
				}
				if err != nil {
					return err
				}
			}
			return rollup.Apply(ctx, r.db, tx, counts)
		})
	})
	if err != nil {
		return 0, err
	}
	return len(batch), nil
}

func (r *Recorder) insertRows(n int) string {
	return "INSERT INTO inquiries (" + insertColumns + ") VALUES " + r.db.ValuesList(n, columnsPerRow)
}

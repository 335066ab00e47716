package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
)

// After an installation's retention period the raw inquiries of old months
// are retired: removed for every municipality, while their counts — the
// statistics — stay. The boundary, the first month kept, is recorded in
// inquiry_retirements (migration 0012) before a row is removed, so that a
// recount never mistakes a retired month for one whose inquiries are gone
// by accident: verify and rebuild recount from the boundary on, and the
// recorder refuses inquiries dated before it.

// retireLockID is the PostgreSQL advisory lock that orders a retirement
// with the recounts. A recount holds it shared from reading the boundary
// to reading the raw inquiries (LockRetirement); a retirement takes it
// exclusively to record a new boundary, and so waits for every recount
// that read the old one, before it removes a row.
const retireLockID = 0x6b616e616c03

// retireBatch is how many rows one transaction deletes, so that writers
// wait for one batch at a time, not for the whole retirement.
const retireBatch = 10000

// ErrMonthRetired refuses a partition for a retired month.
var ErrMonthRetired = errors.New("the month's raw inquiries were retired")

// RetiredBefore reads the first month whose raw inquiries are kept; ok is
// false when no month was ever retired. q is the database or a
// transaction of it.
func RetiredBefore(ctx context.Context, q queryer) (before civil.Month, ok bool, err error) {
	var s sql.NullString
	if err := q.QueryRowContext(ctx, `SELECT MAX(retired_before) FROM inquiry_retirements`).Scan(&s); err != nil {
		return civil.Month{}, false, fmt.Errorf("read the retired months: %w", err)
	}
	if !s.Valid {
		return civil.Month{}, false, nil
	}
	before, err = civil.ParseMonth(s.String)
	if err != nil {
		return civil.Month{}, false, fmt.Errorf("read the retired months: %w", err)
	}
	return before, true, nil
}

// LockRetirement takes, for the rest of tx, the shared lock that keeps a
// retirement from moving the boundary while tx recounts (PostgreSQL; on
// SQLite a write transaction already excludes the retirement's).
func (db *DB) LockRetirement(ctx context.Context, tx *sql.Tx) error {
	if db.Engine != Postgres {
		return nil
	}
	_, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock_shared($1)`, retireLockID)
	return err
}

// RetireTooLateError refuses a boundary in the current month or later:
// the current month still gets inquiries, and the month before it those
// sent late.
type RetireTooLateError struct {
	// Before is the boundary asked for; Latest is the latest allowed.
	Before, Latest civil.Month
}

func (e *RetireTooLateError) Error() string {
	return fmt.Sprintf("cannot retire the inquiries before %s: the latest boundary allowed now is %s", e.Before, e.Latest)
}

// RetireBackwardsError refuses a boundary before the recorded one: the
// months between were retired and cannot come back.
type RetireBackwardsError struct {
	Before, Recorded civil.Month
}

func (e *RetireBackwardsError) Error() string {
	return fmt.Sprintf("cannot retire the inquiries before %s: the months before %s are retired already", e.Before, e.Recorded)
}

// Retirement says what RetireInquiries did.
type Retirement struct {
	// Before is the boundary; Moved is false when it was recorded before
	// (a retirement run again, to finish one that was interrupted).
	Before civil.Month
	Moved  bool
	// Partitions are the months whose PostgreSQL partitions were dropped;
	// Deleted is how many rows were deleted one by one (every row on
	// SQLite; on PostgreSQL those in a partition of another kind).
	Partitions []civil.Month
	Deleted    int64
	// LeftBehind are the months whose tables an interrupted retirement
	// had detached but not dropped, dropped now (PostgreSQL).
	LeftBehind []civil.Month
}

// RetireInquiries removes the raw inquiries of every month before before,
// for every municipality, after recording the boundary. now is the
// clock's time: the boundary must be before now's month (Danish time).
// The sender ids (inquiry_external_ids) stay, so that an old inquiry sent
// again is still recognised. Run again with the same boundary, it
// finishes a retirement that was interrupted.
func (db *DB) RetireInquiries(ctx context.Context, before civil.Month, now time.Time) (Retirement, error) {
	current := civil.DateOf(now).YearMonth()
	if !before.Before(current) {
		return Retirement{}, &RetireTooLateError{Before: before, Latest: current.FirstDay().AddDays(-1).YearMonth()}
	}
	r := Retirement{Before: before}
	err := db.InTx(ctx, func(tx *sql.Tx) error {
		if db.Engine == Postgres {
			if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, retireLockID); err != nil {
				return err
			}
		}
		recorded, ok, err := RetiredBefore(ctx, tx)
		if err != nil {
			return err
		}
		switch {
		case ok && before.Before(recorded):
			return &RetireBackwardsError{Before: before, Recorded: recorded}
		case ok && before == recorded:
			return nil
		}
		r.Moved = true
		_, err = tx.ExecContext(ctx, `INSERT INTO inquiry_retirements (retired_before, retired_at) VALUES ($1, $2)`,
			before.String(), now.UTC())
		return err
	})
	if err != nil {
		return Retirement{}, fmt.Errorf("record the retirement before %s: %w", before, err)
	}
	if db.Engine == Postgres {
		if r.Partitions, err = db.dropPartitionsBefore(ctx, before); err != nil {
			return r, err
		}
		if r.LeftBehind, err = db.dropLeftBehind(ctx, before); err != nil {
			return r, err
		}
	}
	// Rows of a partition of another kind (a default partition, or one an
	// operator attached by another name) and every row on SQLite.
	r.Deleted, err = db.deleteInquiriesBefore(ctx, before.FirstDay().Start())
	return r, err
}

// dropPartitionsBefore drops the monthly partitions of the months before
// before. Each is detached concurrently where it can be, so that inserts
// into the other months never wait for it.
func (db *DB) dropPartitionsBefore(ctx context.Context, before civil.Month) ([]civil.Month, error) {
	months, err := db.InquiryPartitions(ctx)
	if err != nil {
		return nil, err
	}
	var hasDefault bool
	if err := db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM pg_partitioned_table
		WHERE partrelid = to_regclass('inquiries') AND partdefid <> 0)`).Scan(&hasDefault); err != nil {
		return nil, fmt.Errorf("look for a default partition of inquiries: %w", err)
	}
	var dropped []civil.Month
	for _, m := range months {
		if !m.Before(before) {
			break
		}
		if err := db.dropPartition(ctx, InquiryPartition(m), hasDefault); err != nil {
			return dropped, fmt.Errorf("drop the inquiries' partition of %s: %w", m, err)
		}
		dropped = append(dropped, m)
	}
	return dropped, nil
}

func (db *DB) dropPartition(ctx context.Context, name string, hasDefault bool) error {
	var pending bool
	err := db.QueryRowContext(ctx, `SELECT i.inhdetachpending FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
		WHERE i.inhparent = to_regclass('inquiries') AND c.relname = $1 AND c.relnamespace = current_schema()::regnamespace`,
		name).Scan(&pending)
	if err != nil {
		return err
	}
	detach := `ALTER TABLE inquiries DETACH PARTITION ` + name
	switch {
	case pending: // an earlier retirement stopped in the middle of a concurrent detach
		detach += ` FINALIZE`
	case !hasDefault: // PostgreSQL detaches concurrently only without a default partition
		detach += ` CONCURRENTLY`
	}
	if _, err := db.ExecContext(ctx, detach); err != nil {
		return err
	}
	// Detached just now, by this process: the table is the month's raw
	// inquiries and nothing else.
	_, err = db.ExecContext(ctx, `DROP TABLE `+name)
	return err
}

// dropLeftBehind drops the tables that a retirement stopped between the
// detach and the drop left behind: in the current schema only, named
// exactly like a monthly partition, attached to no table, of a month
// before the recorded boundary before. A table of a later month, of
// another name or in another schema (an operator's copy) is left alone.
func (db *DB) dropLeftBehind(ctx context.Context, before civil.Month) ([]civil.Month, error) {
	rows, err := db.QueryContext(ctx, `SELECT c.relname FROM pg_class c
		WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'
			AND c.relname ~ '^inquiries_[0-9]{4}_[0-9]{2}$'
			AND NOT EXISTS (SELECT 1 FROM pg_inherits i WHERE i.inhrelid = c.oid)
		ORDER BY c.relname`)
	if err != nil {
		return nil, fmt.Errorf("look for the retired months' tables left behind: %w", err)
	}
	var names []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			rows.Close()
			return nil, err
		}
		names = append(names, name)
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return nil, fmt.Errorf("look for the retired months' tables left behind: %w", err)
	}
	var dropped []civil.Month
	for _, name := range names {
		m, err := civil.ParseMonth(strings.Replace(strings.TrimPrefix(name, "inquiries_"), "_", "-", 1))
		if err != nil || InquiryPartition(m) != name || !m.Before(before) {
			continue
		}
		if _, err := db.ExecContext(ctx, `DROP TABLE `+name); err != nil {
			return dropped, fmt.Errorf("drop the retired month %s's table left behind: %w", m, err)
		}
		dropped = append(dropped, m)
	}
	return dropped, nil
}

// deleteInquiriesBefore deletes the inquiries before a time in batches and
// returns how many it deleted.
func (db *DB) deleteInquiriesBefore(ctx context.Context, before time.Time) (int64, error) {
	var total int64
	for {
		res, err := db.ExecContext(ctx, `DELETE FROM inquiries WHERE occurred_at < $1
			AND id IN (SELECT id FROM inquiries WHERE occurred_at < $1 LIMIT $2)`, before.UTC(), retireBatch)
		if err != nil {
			return total, fmt.Errorf("delete the inquiries before %s: %w", civil.DateOf(before), err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return total, err
		}
		total += n
		if n < retireBatch {
			return total, nil
		}
	}
}

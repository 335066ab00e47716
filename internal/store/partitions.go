package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/kanal-dk/kanal/internal/civil"
)

// On PostgreSQL the raw inquiries table is partitioned by Danish calendar
// month (migration 0010): one partition per month, named inquiries_YYYY_MM.
// There is no default partition — a row of a month without a partition is
// refused — so a month's partition is made before its first row is
// written: ahead of time by serve, and on demand by the recorder for an
// older month that first gets an inquiry (an import of history).
// SQLite's table is not partitioned and these functions do nothing there.

// partitionLockID is the PostgreSQL advisory lock under which partitions
// are made, so that two instances making the same month do not collide.
const partitionLockID = 0x6b616e616c02

// InquiryPartition names a month's partition of PostgreSQL's inquiries
// table.
func InquiryPartition(m civil.Month) string {
	return fmt.Sprintf("inquiries_%04d_%02d", m.Year, int(m.Month))
}

// EnsureInquiryPartitions makes the partitions of the months that have
// none. A partition is made as a table of its own and then attached: an
// attach takes a lock on inquiries that lets inserts and reads go on (a
// CREATE TABLE … PARTITION OF would wait for every running query on
// inquiries, and make every insert wait behind it).
func (db *DB) EnsureInquiryPartitions(ctx context.Context, months ...civil.Month) error {
	if db.Engine != Postgres {
		return nil
	}
	for _, m := range months {
		if err := db.ensurePartition(ctx, m); err != nil {
			return fmt.Errorf("make the inquiries' partition for %s: %w", m, err)
		}
	}
	return nil
}

func (db *DB) ensurePartition(ctx context.Context, m civil.Month) error {
	name := InquiryPartition(m)
	exists, err := partitionExists(ctx, db, name)
	if err != nil || exists {
		return err
	}
	return db.InTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, partitionLockID); err != nil {
			return err
		}
		// Another instance may have made it while this one waited.
		if exists, err := partitionExists(ctx, tx, name); err != nil || exists {
			return err
		}
		// A retired month gets no partition again (the recorder refuses
		// its inquiries): its rows could never be recounted.
		if before, ok, err := RetiredBefore(ctx, tx); err != nil {
			return err
		} else if ok && m.Before(before) {
			return ErrMonthRetired
		}
		from := time.Date(m.Year, m.Month, 1, 0, 0, 0, 0, civil.Location)
		to := from.AddDate(0, 1, 0)
		const stamp = "2006-01-02 15:04:05-07:00"
		suffix := strings.TrimPrefix(name, "inquiries_")
		for _, q := range []string{
			`CREATE TABLE ` + name + ` (LIKE inquiries INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`,
			// The partition's own indexes, named after the parent's so that
			// a query plan shows which one it uses; the attach adopts them.
			`ALTER TABLE ` + name + ` ADD CONSTRAINT ` + name + `_pkey PRIMARY KEY (id, occurred_at)`,
			`CREATE INDEX inquiries_municipality_time_` + suffix + ` ON ` + name + ` (municipality_id, occurred_at)`,
			`CREATE INDEX inquiries_demo_` + suffix + ` ON ` + name + ` (municipality_id, occurred_at) WHERE source = 'demo'`,
			`ALTER TABLE inquiries ATTACH PARTITION ` + name +
				` FOR VALUES FROM ('` + from.Format(stamp) + `') TO ('` + to.Format(stamp) + `')`,
		} {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return err
			}
		}
		return nil
	})
}

func partitionExists(ctx context.Context, q queryer, name string) (bool, error) {
	var exists bool
	err := q.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
		WHERE i.inhparent = to_regclass('inquiries') AND c.relname = $1 AND c.relnamespace = current_schema()::regnamespace)`,
		name).Scan(&exists)
	return exists, err
}

// InquiryPartitions lists the months that have a partition, oldest first;
// nil on SQLite.
func (db *DB) InquiryPartitions(ctx context.Context) ([]civil.Month, error) {
	if db.Engine != Postgres {
		return nil, nil
	}
	rows, err := db.QueryContext(ctx, `SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
		WHERE i.inhparent = to_regclass('inquiries') ORDER BY c.relname`)
	if err != nil {
		return nil, fmt.Errorf("list the inquiries' partitions: %w", err)
	}
	defer rows.Close()
	var out []civil.Month
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, err
		}
		m, err := civil.ParseMonth(strings.Replace(strings.TrimPrefix(name, "inquiries_"), "_", "-", 1))
		if err != nil {
			continue // a table an operator attached by another name
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// IsNoPartition reports whether err is PostgreSQL's refusal of a row for
// which the partitioned table has no partition (made, then dropped after
// the retention period while a process still thought it was there).
func IsNoPartition(err error) bool {
	var pg *pgconn.PgError
	return errors.As(err, &pg) && pg.Code == "23514" && strings.Contains(pg.Message, "no partition")
}

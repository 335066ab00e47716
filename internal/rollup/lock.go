package rollup

import (
	"context"
	"database/sql"
	"slices"

	"github.com/kanal-dk/kanal/internal/store"
)

// Several Kanal instances may share one PostgreSQL database. Writers add to
// the counts in their own transactions; a rebuild replaces a
// municipality's counts with a recount. A rebuild that ran beside a writer
// could recount without the writer's rows and then delete the writer's
// counts, or, beside another rebuild, add its recount to the other's and
// count everything twice. So on PostgreSQL every transaction that changes a
// municipality's counts holds a shared advisory lock on the municipality
// until it ends, and a rebuild holds it exclusively while it recounts and
// replaces: a rebuild waits for the writers in flight and for another
// rebuild, and writers wait for a rebuild. SQLite's immediate transactions
// already let one writer at a time.

// countsLockClass is the first key of the advisory locks on a
// municipality's counts; the second is a hash of the municipality's id
// (two municipalities with the same hash only wait for each other).
const countsLockClass = 0x6b6e6c01

// lockShared takes the shared lock on the counts of every municipality of
// counts, in a fixed order, for the rest of tx.
func lockShared(ctx context.Context, db *store.DB, tx *sql.Tx, counts Counts) error {
	if db.Engine != store.Postgres {
		return nil
	}
	var ids []string
	for c := range counts {
		if !slices.Contains(ids, c.Municipality) {
			ids = append(ids, c.Municipality)
		}
	}
	slices.Sort(ids)
	for _, id := range ids {
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock_shared($1, hashtext($2))`, countsLockClass, id); err != nil {
			return err
		}
	}
	return nil
}

// lockExclusive takes the exclusive lock on a municipality's counts for the
// rest of tx. When another transaction holds it, waiting is called once
// before lockExclusive waits.
func lockExclusive(ctx context.Context, db *store.DB, tx *sql.Tx, municipality string, waiting func()) error {
	if db.Engine != store.Postgres {
		return nil
	}
	var got bool
	if err := tx.QueryRowContext(ctx, `SELECT pg_try_advisory_xact_lock($1, hashtext($2))`, countsLockClass, municipality).Scan(&got); err != nil {
		return err
	}
	if got {
		return nil
	}
	if waiting != nil {
		waiting()
	}
	_, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1, hashtext($2))`, countsLockClass, municipality)
	return err
}

package demo

import (
	"context"
	"database/sql/driver"
	"fmt"

	"github.com/kanal-dk/kanal/internal/store"
)

// Several Kanal instances may start with --demo on one PostgreSQL
// database, and each writes the demo months it finds missing. Two that
// looked at the same time would both write a month, and count it twice.
// So on PostgreSQL a Load holds an advisory lock on the municipality's
// demo data from looking until its last month is written: another
// instance waits, then finds those months written. The lock belongs to
// the session, so an instance that dies lets the next one go on. SQLite's
// file has one server.

// loadLockClass is the first key of the advisory locks on a
// municipality's demo data; the second is a hash of the municipality's id
// (package rollup's counts locks use 0x6b6e6c01).
const loadLockClass = 0x6b6e6c02

// whileLocked runs fn holding the lock on a municipality's demo data.
func whileLocked(ctx context.Context, db *store.DB, municipality string, fn func() error) error {
	if db.Engine != store.Postgres {
		return fn()
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock($1, hashtext($2))`, loadLockClass, municipality); err != nil {
		return fmt.Errorf("lock the demo data of %s: %w", municipality, err)
	}
	defer func() {
		_, err := conn.ExecContext(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1, hashtext($2))`, loadLockClass, municipality)
		if err != nil {
			// A connection that still holds the lock must not go back to
			// the pool: closing it ends the session and the lock.
			conn.Raw(func(any) error { return driver.ErrBadConn })
		}
	}()
	return fn()
}

// Package store opens Kanal's database — SQLite (embedded default) or
// PostgreSQL — and keeps its schema current. Every difference between the two
// engines that the rest of the code must know about is in this package.
//
// SQL statements live beside the code that uses them, written once for both
// engines with $1-style placeholders, which both drivers accept.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Engine is the kind of database behind a DB.
type Engine string

// The supported engines.
const (
	SQLite   Engine = "sqlite"
	Postgres Engine = "postgres"
)

// DB is an open Kanal database.
type DB struct {
	*sql.DB
	Engine Engine
	// Created is true when Open made a new SQLite file.
	Created bool
	// dsn is the address without password, for messages.
	dsn string
	// epochs counts, per table, the changes written through this handle
	// that caches over it must see at once (see Changed).
	epochs sync.Map // string → *atomic.Uint64
	// stmts holds the prepared statements of Prepared, by their SQL.
	stmts sync.Map // string → *sql.Stmt
}

// String describes the database without secrets.
func (db *DB) String() string { return db.dsn }

// EngineOf is the engine a database address names, and whether it is an
// address Open takes: sqlite:PATH (with a path) or a postgres:// or
// postgresql:// URL.
func EngineOf(dsn string) (Engine, bool) {
	switch {
	case strings.HasPrefix(dsn, "sqlite:"):
		return SQLite, dsn != "sqlite:"
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		return Postgres, true
	}
	return "", false
}

// Open opens the database addressed by dsn: "sqlite:PATH" for an SQLite
// file (created with its folder if missing) or a "postgres://" or
// "postgresql://" URL. It does not migrate; call Migrate.
func Open(ctx context.Context, dsn string) (*DB, error) {
	var (
		db  *DB
		err error
	)
	engine, ok := EngineOf(dsn)
	switch {
	case !ok:
		return nil, fmt.Errorf("unknown database address %q: use sqlite:PATH or postgres://USER@HOST/DB", Redact(dsn))
	case engine == SQLite:
		db, err = openSQLite(strings.TrimPrefix(dsn, "sqlite:"))
	default:
		db, err = openPostgres(dsn)
	}
	if err != nil {
		return nil, err
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("connect to %s: %w", db, err)
	}
	return db, nil
}

// Changed says that this handle wrote a change to table that caches kept
// over the same handle must see at once: a revoked API key, a new strategy
// version. Other handles — other instances of Kanal on the same database —
// cannot be told; their caches keep entries only briefly (see CacheFor).
func (db *DB) Changed(table string) {
	db.epoch(table).Add(1)
}

// Epoch is the number of changes to table written through this handle. A
// cache remembers it with an entry and drops the entry when it has moved.
func (db *DB) Epoch(table string) uint64 {
	return db.epoch(table).Load()
}

func (db *DB) epoch(table string) *atomic.Uint64 {
	if e, ok := db.epochs.Load(table); ok {
		return e.(*atomic.Uint64)
	}
	e, _ := db.epochs.LoadOrStore(table, new(atomic.Uint64))
	return e.(*atomic.Uint64)
}

// CacheFor is how long an in-memory cache may answer from what it read from
// the database without reading again. Several instances of Kanal share one
// database and learn of each other's changes only by reading, so a change
// made through one (a revoked key, a new strategy version) takes effect on
// the others within this time; on the instance that made it, at once.
const CacheFor = time.Second

// Prepared returns the statement for query, prepared once for this handle;
// database/sql prepares it again on each connection that runs it, once.
// SQLite otherwise parses the SQL every time. The statement lives as long
// as the handle.
func (db *DB) Prepared(ctx context.Context, query string) (*sql.Stmt, error) {
	if st, ok := db.stmts.Load(query); ok {
		return st.(*sql.Stmt), nil
	}
	st, err := db.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	if prev, loaded := db.stmts.LoadOrStore(query, st); loaded {
		st.Close()
		return prev.(*sql.Stmt), nil
	}
	return st, nil
}

// QueryRowPrepared is QueryRowContext through the statement Prepared keeps
// for query on SQLite, and plain QueryRowContext on PostgreSQL: for the few
// queries a request may run every time. Measured (bench/BenchmarkHotQuery),
// the prepared key look-up takes 0.4 of the time on SQLite and gains
// nothing on PostgreSQL, where pgx already prepares and caches each
// statement per connection.
func (db *DB) QueryRowPrepared(ctx context.Context, query string, args ...any) *sql.Row {
	if db.Engine != SQLite {
		return db.QueryRowContext(ctx, query, args...)
	}
	st, err := db.Prepared(ctx, query)
	if err != nil {
		// The plain query reports the same error the way callers expect.
		return db.QueryRowContext(ctx, query, args...)
	}
	return st.QueryRowContext(ctx, args...)
}

// Redact removes a password from a database address.
func Redact(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil || u.User == nil {
		return dsn
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	return u.String()
}

// InTx runs fn in a transaction, committing when fn returns nil.
func (db *DB) InTx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin transaction: %w", err)
	}
	if err := fn(tx); err != nil {
		return cancelled(ctx, errors.Join(err, tx.Rollback()))
	}
	if err := tx.Commit(); err != nil {
		return cancelled(ctx, fmt.Errorf("commit: %w", err))
	}
	return nil
}

// cancelled is a failed transaction's error, which also says that the
// context ended when it did: database/sql rolls a transaction back when
// its context ends, and the statement running then fails with "statement
// is closed" or "transaction has already been committed or rolled back"
// instead of the context's error, so a caller that stops work on purpose
// (errors.Is(err, context.Canceled)) would take it for a failure.
func cancelled(ctx context.Context, err error) error {
	if cerr := ctx.Err(); cerr != nil && !errors.Is(err, cerr) {
		return errors.Join(cerr, err)
	}
	return err
}

// ValuesList writes the placeholders of a multi-row INSERT: rows groups of
// cols parameters. SQLite gets anonymous "?" — it looks named parameters
// such as $1 up by name, which makes a statement with thousands of them
// slow — and PostgreSQL gets $1, $2, ….
func (db *DB) ValuesList(rows, cols int) string {
	var b strings.Builder
	b.Grow(rows * cols * 6)
	n := 0
	for r := 0; r < rows; r++ {
		if r > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('(')
		for c := 0; c < cols; c++ {
			if c > 0 {
				b.WriteByte(',')
			}
			n++
			if db.Engine == SQLite {
				b.WriteByte('?')
			} else {
				b.WriteByte('$')
				b.WriteString(strconv.Itoa(n))
			}
		}
		b.WriteByte(')')
	}
	return b.String()
}

// UTCHour is an SQL expression for the UTC hour of a timestamp column, as
// text "YYYY-MM-DD HH". Danish time differs from UTC by whole hours, so
// rows grouped by it can be put on their Danish day exactly, in Go —
// SQLite knows no time zones.
func (db *DB) UTCHour(column string) string {
	if db.Engine == SQLite {
		// Times are stored as UTC text, "2014-03-31 07:02:00 +0000 UTC".
		return "substr(" + column + ", 1, 13)"
	}
	return "to_char(" + column + " AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24')"
}

// Column types a Rows source takes.
const (
	Text   = "text"
	BigInt = "bigint"
)

// Rows writes the source of a multi-row INSERT of n rows with columns of
// the given types (Text or BigInt), calling row for the values of row i.
// SQLite gets "VALUES (?, …), …"; PostgreSQL gets "SELECT * FROM
// unnest($1::text[], …)" with one array per column, which it parses and
// plans once, whatever the number of rows — for the rollups' upserts that
// is most of their cost.
func (db *DB) Rows(types []string, n int, row func(i int) []any) (string, []any, error) {
	if db.Engine == SQLite {
		args := make([]any, 0, n*len(types))
		for i := 0; i < n; i++ {
			args = append(args, row(i)...)
		}
		return "VALUES " + db.ValuesList(n, len(types)), args, nil
	}
	texts := make([][]string, len(types))
	ints := make([][]int64, len(types))
	for i := 0; i < n; i++ {
		for c, v := range row(i) {
			switch v := v.(type) {
			case string:
				texts[c] = append(texts[c], v)
			case int64:
				ints[c] = append(ints[c], v)
			default:
				return "", nil, fmt.Errorf("rows: column %d: %T is neither text nor bigint", c+1, v)
			}
		}
	}
	var b strings.Builder
	args := make([]any, len(types))
	b.WriteString("SELECT * FROM unnest(")
	for c, t := range types {
		if c > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "$%d::%s[]", c+1, t)
		if t == Text {
			args[c] = texts[c]
		} else {
			args[c] = ints[c]
		}
	}
	b.WriteString(")")
	return b.String(), args, nil
}

// RowsPerStatement is how many rows one Rows source may carry: SQLite
// binds every value (at most 32766 in a statement), PostgreSQL an array
// per column.
func (db *DB) RowsPerStatement() int {
	if db.Engine == SQLite {
		return 500
	}
	return 20000
}

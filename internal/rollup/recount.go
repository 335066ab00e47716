package rollup

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strconv"
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/store"
)

// storedTally reads a cell's tally as 64-bit integers, even a duration sum
// that overflowed into a floating-point value in an SQLite file written
// before durations were bounded, so that verify can report the cell and
// rebuild replace it.
const storedTally = `inquiries, resolved, guided, assisted, exempt, referred, timed, CAST(duration_seconds AS BIGINT)`

// querier is the database or a transaction of it.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// Stored reads the stored day cells of a municipality.
func Stored(ctx context.Context, db *store.DB, municipality string) (Counts, error) {
	return stored(ctx, db, municipality, kept{})
}

// stored reads the stored day cells of a municipality that a recount
// counts: those of the months kept.
func stored(ctx context.Context, q querier, municipality string, k kept) (Counts, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+dayDims+`, `+storedTally+` FROM inquiry_counts WHERE municipality_id = $1 AND day >= $2`,
		municipality, k.day())
	if err != nil {
		return nil, fmt.Errorf("read inquiry counts: %w", err)
	}
	defer rows.Close()
	out := Counts{}
	for rows.Next() {
		var c Cell
		var t Tally
		var day string
		if err := rows.Scan(&c.Municipality, &c.Version, &day, &c.Area, &c.Department, &c.Channel, &c.Type, &c.Direction,
			&t.Inquiries, &t.Resolved, &t.Guided, &t.Assisted, &t.Exempt, &t.Referred, &t.Timed, &t.DurationSeconds); err != nil {
			return nil, err
		}
		if c.Day, err = civil.ParseDate(day); err != nil {
			return nil, fmt.Errorf("read inquiry counts: %w", err)
		}
		if t != (Tally{}) {
			out[c] = t
		}
	}
	return out, rows.Err()
}

// StoredMonths reads the stored month cells of a municipality.
func StoredMonths(ctx context.Context, db *store.DB, municipality string) (MonthCounts, error) {
	return storedMonths(ctx, db, municipality, kept{})
}

func storedMonths(ctx context.Context, q querier, municipality string, k kept) (MonthCounts, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+monthDims+`, `+storedTally+` FROM inquiry_months WHERE municipality_id = $1 AND month >= $2`,
		municipality, k.month())
	if err != nil {
		return nil, fmt.Errorf("read monthly inquiry counts: %w", err)
	}
	defer rows.Close()
	out := MonthCounts{}
	for rows.Next() {
		var c MonthCell
		var t Tally
		var month string
		if err := rows.Scan(&c.Municipality, &month, &c.Area, &c.Department, &c.Channel, &c.Type, &c.Direction,
			&t.Inquiries, &t.Resolved, &t.Guided, &t.Assisted, &t.Exempt, &t.Referred, &t.Timed, &t.DurationSeconds); err != nil {
			return nil, err
		}
		if c.Month, err = civil.ParseMonth(month); err != nil {
			return nil, fmt.Errorf("read monthly inquiry counts: %w", err)
		}
		if t != (Tally{}) {
			out[c] = t
		}
	}
	return out, rows.Err()
}

// Recount counts a municipality's raw inquiries again, the slow way: every
// row is read by the database. It is what the stored cells of the months
// kept must equal; the months before a retirement's boundary have no raw
// inquiries left to count.
func Recount(ctx context.Context, db *store.DB, municipality string) (Counts, error) {
	k, err := keptMonths(ctx, db)
	if err != nil {
		return nil, err
	}
	return k.recount(ctx, db, db, municipality)
}

// kept are the months whose raw inquiries are kept: from the first month
// after the last retirement (store.RetireInquiries), or every month. The
// counts of the months retired stay as they were: no recount reads them,
// and neither verify nor rebuild touches them.
type kept struct {
	from civil.Month // zero: every month
}

// keptMonths reads the retirement's boundary. A recount that reads raw
// inquiries after it must hold store.LockRetirement in the same
// transaction, so that the boundary cannot move in between.
func keptMonths(ctx context.Context, q interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}) (kept, error) {
	before, _, err := store.RetiredBefore(ctx, q)
	return kept{from: before}, err
}

// day and month are the first day and month kept, as the counts write
// them; "" (before every other) when every month is kept.
func (k kept) day() string {
	if k.from.IsZero() {
		return ""
	}
	return k.from.FirstDay().String()
}

func (k kept) month() string {
	if k.from.IsZero() {
		return ""
	}
	return k.from.String()
}

// recount counts the raw inquiries of the months kept.
func (k kept) recount(ctx context.Context, db *store.DB, q querier, municipality string) (Counts, error) {
	if k.from.IsZero() {
		return recount(ctx, db, q, municipality, "")
	}
	return recount(ctx, db, q, municipality, ` AND occurred_at >= $2`, k.from.FirstDay().Start().UTC())
}

// countedDuration is the duration the counts sum: a stored duration beyond
// MaxDurationSeconds (possible before the bound was checked) counts as no
// duration, so that one absurd value cannot overflow a cell's sum and
// every figure built on it.
var countedDuration = `CASE WHEN duration_seconds BETWEEN 0 AND ` + strconv.Itoa(MaxDurationSeconds) + ` THEN duration_seconds END`

// UncountedDurations is how many of a municipality's inquiries carry a
// duration the counts leave out (see countedDuration).
func UncountedDurations(ctx context.Context, db *store.DB, municipality string) (int64, error) {
	var n int64
	err := db.QueryRowContext(ctx, `SELECT COUNT(*) FROM inquiries WHERE municipality_id = $1 AND NOT test
		AND duration_seconds IS NOT NULL AND NOT duration_seconds BETWEEN 0 AND `+strconv.Itoa(MaxDurationSeconds), municipality).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("look for durations beyond a day: %w", err)
	}
	return n, nil
}

// recount groups the raw inquiries that match the extra condition (on
// placeholders $2 …) by UTC hour and every dimension, and puts each group
// on its Danish day.
func recount(ctx context.Context, db *store.DB, q querier, municipality, where string, args ...any) (Counts, error) {
	hour := db.UTCHour("occurred_at")
	dims := hour + `, strategy_version_id, area, department, channel, type, direction`
	rows, err := q.QueryContext(ctx, `SELECT `+dims+`, COUNT(*),
		SUM(CASE WHEN resolved_first_contact THEN 1 ELSE 0 END), SUM(CASE WHEN guided THEN 1 ELSE 0 END),
		SUM(CASE WHEN assisted THEN 1 ELSE 0 END), SUM(CASE WHEN exempt THEN 1 ELSE 0 END),
		SUM(CASE WHEN referred_to IS NOT NULL THEN 1 ELSE 0 END),
		COUNT(`+countedDuration+`), COALESCE(SUM(`+countedDuration+`), 0)
		FROM inquiries WHERE municipality_id = $1 AND NOT test`+where+` GROUP BY `+dims,
		append([]any{municipality}, args...)...)
	if err != nil {
		return nil, fmt.Errorf("recount inquiries: %w", err)
	}
	defer rows.Close()
	out := Counts{}
	days := map[string]civil.Date{} // UTC hour → Danish day
	for rows.Next() {
		c := Cell{Municipality: municipality}
		var h string
		var t Tally
		if err := rows.Scan(&h, &c.Version, &c.Area, &c.Department, &c.Channel, &c.Type, &c.Direction,
			&t.Inquiries, &t.Resolved, &t.Guided, &t.Assisted, &t.Exempt, &t.Referred, &t.Timed, &t.DurationSeconds); err != nil {
			return nil, err
		}
		day, ok := days[h]
		if !ok {
			at, err := time.Parse("2006-01-02 15", h)
			if err != nil {
				return nil, fmt.Errorf("recount inquiries: hour %q: %w", h, err)
			}
			day = civil.DateOf(at)
			days[h] = day
		}
		c.Day = day
		out.addTally(c, t)
	}
	return out, rows.Err()
}

// Difference is a cell whose stored tally is not its recount.
type Difference struct {
	// Cell names the cell: its day or month and its dimensions.
	Cell              string
	Stored, Recounted Tally
}

// Verify recounts a municipality's inquiries and reports every day and
// month cell whose stored counts differ, in the months whose raw
// inquiries are kept (see kept). On PostgreSQL the counts and the
// inquiries are read in one snapshot, so that inquiries recorded meanwhile
// (by this or another instance) cannot show as differences, under the
// lock that keeps a retirement from removing inquiries meanwhile.
func Verify(ctx context.Context, db *store.DB, municipality string) ([]Difference, error) {
	var q interface {
		querier
		QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	} = db
	if db.Engine == store.Postgres {
		tx, err := db.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true})
		if err != nil {
			return nil, fmt.Errorf("begin verify: %w", err)
		}
		defer tx.Rollback()
		if err := db.LockRetirement(ctx, tx); err != nil {
			return nil, fmt.Errorf("lock the retirement: %w", err)
		}
		q = tx
	}
	k, err := keptMonths(ctx, q)
	if err != nil {
		return nil, err
	}
	stored, err := stored(ctx, q, municipality, k)
	if err != nil {
		return nil, err
	}
	storedMonths, err := storedMonths(ctx, q, municipality, k)
	if err != nil {
		return nil, err
	}
	recounted, err := k.recount(ctx, db, q, municipality)
	if err != nil {
		return nil, err
	}
	diffs := compare(stored, recounted, func(c Cell) string {
		return fmt.Sprintf("%s %s %s %s %s %s v%d", c.Day, c.Area, c.Department, c.Channel, c.Type, c.Direction, c.Version)
	})
	diffs = append(diffs, compare(storedMonths, recounted.Months(), func(c MonthCell) string {
		return fmt.Sprintf("%s %s %s %s %s %s", c.Month, c.Area, c.Department, c.Channel, c.Type, c.Direction)
	})...)
	return diffs, nil
}

func compare[K comparable](stored, recounted map[K]Tally, name func(K) string) []Difference {
	var diffs []Difference
	for c, t := range recounted {
		if stored[c] != t {
			diffs = append(diffs, Difference{Cell: name(c), Stored: stored[c], Recounted: t})
		}
	}
	for c, t := range stored {
		if _, ok := recounted[c]; !ok {
			diffs = append(diffs, Difference{Cell: name(c), Stored: t})
		}
	}
	sort.Slice(diffs, func(i, j int) bool { return diffs[i].Cell < diffs[j].Cell })
	return diffs
}

// Rebuild replaces a municipality's stored counts with a recount, in one
// transaction: the counts of the months whose raw inquiries are kept (see
// kept); those of the months retired stay exactly as they were. It
// returns how many day cells it stored. The recount is
// made inside the transaction, under the exclusive lock on the
// municipality's counts (lock.go), so that inquiries recorded meanwhile
// are counted once — in the recount or by their own writer afterwards —
// and a second rebuild, from this or another instance, waits and then
// replaces the first one's counts instead of adding to them.
func Rebuild(ctx context.Context, db *store.DB, municipality string) (int, error) {
	return RebuildWaiting(ctx, db, municipality, nil)
}

// RebuildWaiting is Rebuild that calls waiting once when it has to wait
// for another rebuild or for writers of the municipality's counts.
func RebuildWaiting(ctx context.Context, db *store.DB, municipality string, waiting func()) (int, error) {
	var cells int
	err := db.InTx(ctx, func(tx *sql.Tx) error {
		if err := db.LockRetirement(ctx, tx); err != nil {
			return fmt.Errorf("lock the retirement: %w", err)
		}
		if err := lockExclusive(ctx, db, tx, municipality, waiting); err != nil {
			return fmt.Errorf("lock the counts of %s: %w", municipality, err)
		}
		k, err := keptMonths(ctx, tx)
		if err != nil {
			return err
		}
		recounted, err := k.recount(ctx, db, tx, municipality)
		if err != nil {
			return err
		}
		cells = len(recounted)
		for _, del := range []struct{ table, period, from string }{
			{"inquiry_counts", "day", k.day()}, {"inquiry_months", "month", k.month()},
		} {
			if _, err := tx.ExecContext(ctx, `DELETE FROM `+del.table+` WHERE municipality_id = $1 AND `+del.period+` >= $2`,
				municipality, del.from); err != nil {
				return err
			}
		}
		return Apply(ctx, db, tx, recounted)
	})
	return cells, err
}

// EnsureBuilt rebuilds the counts of every municipality that has counted
// inquiries but no cells — a database from before the rollups existed.
func EnsureBuilt(ctx context.Context, db *store.DB) ([]string, error) {
	rows, err := db.QueryContext(ctx, `SELECT id FROM municipalities m
		WHERE EXISTS (SELECT 1 FROM inquiries i WHERE i.municipality_id = m.id AND NOT i.test)
		AND NOT EXISTS (SELECT 1 FROM inquiry_counts c WHERE c.municipality_id = m.id)`)
	if err != nil {
		return nil, fmt.Errorf("look for municipalities without counts: %w", err)
	}
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, err
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, id := range ids {
		if _, err := Rebuild(ctx, db, id); err != nil {
			return nil, err
		}
	}
	return ids, nil
}

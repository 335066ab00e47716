// Package rollup keeps the inquiry counts every figure is made from: one
// cell per Danish day, municipality, strategy version, service area,
// department, channel, inquiry type, direction and flag combination. The
// cells are updated in the same transaction as the raw inquiries, so a
// dashboard reads O(cells), never O(inquiries) — GoatCounter's hit_counts and
// GOV.UK Notify's fact tables work the same way. Test inquiries are never
// counted.
package rollup

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"time"

	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// Cell is one combination of dimensions.
type Cell struct {
	Municipality string
	Version      int64
	// Day is the Danish calendar day, YYYY-MM-DD.
	Day        string
	Area       string
	Department string
	Channel    string
	Type       string
	Direction  string
	Resolved   bool
	Guided     bool
	Assisted   bool
	Exempt     bool
}

// Tally is what a cell counts.
type Tally struct {
	Inquiries int64
	// Timed inquiries carry a duration; DurationSeconds is their sum.
	Timed           int64
	DurationSeconds int64
}

// Counts are tallies by cell.
type Counts map[Cell]Tally

// Day is the Danish calendar day of an instant.
func Day(t time.Time) string { return t.In(strategy.Location).Format(time.DateOnly) }

// Add counts one inquiry (or, with sign -1, takes one away).
func (c Counts) Add(cell Cell, duration *int, sign int64) {
	t := c[cell]
	t.Inquiries += sign
	if duration != nil {
		t.Timed += sign
		t.DurationSeconds += sign * int64(*duration)
	}
	c[cell] = t
}

// cellsPerUpsert keeps each statement below both engines' parameter limits.
const cellsPerUpsert = 500

const columns = `municipality_id, strategy_version_id, day, area, department, channel, type, direction,
	resolved_first_contact, guided, assisted, exempt, inquiries, timed, duration_seconds`

const key = `municipality_id, day, area, department, channel, type, direction,
	resolved_first_contact, guided, assisted, exempt, strategy_version_id`

// Apply adds counts to the stored cells within tx, and removes cells that
// reach zero (after an undone registration).
func Apply(ctx context.Context, db *store.DB, tx *sql.Tx, counts Counts) error {
	if len(counts) == 0 {
		return nil
	}
	cells := sorted(counts) // a fixed order keeps concurrent writers from deadlocking on PostgreSQL
	for start := 0; start < len(cells); start += cellsPerUpsert {
		part := cells[start:min(start+cellsPerUpsert, len(cells))]
		args := make([]any, 0, len(part)*15)
		for _, c := range part {
			t := counts[c]
			args = append(args, c.Municipality, c.Version, c.Day, c.Area, c.Department, c.Channel, c.Type, c.Direction,
				c.Resolved, c.Guided, c.Assisted, c.Exempt, t.Inquiries, t.Timed, t.DurationSeconds)
		}
		q := `INSERT INTO inquiry_counts (` + columns + `) VALUES ` + db.ValuesList(len(part), 15) +
			` ON CONFLICT (` + key + `) DO UPDATE SET
				inquiries = inquiry_counts.inquiries + excluded.inquiries,
				timed = inquiry_counts.timed + excluded.timed,
				duration_seconds = inquiry_counts.duration_seconds + excluded.duration_seconds`
		if _, err := tx.ExecContext(ctx, q, args...); err != nil {
			return fmt.Errorf("update inquiry counts: %w", err)
		}
	}
	for _, c := range cells {
		if counts[c].Inquiries < 0 {
			if _, err := tx.ExecContext(ctx, `DELETE FROM inquiry_counts WHERE inquiries = 0 AND municipality_id = $1 AND day = $2`,
				c.Municipality, c.Day); err != nil {
				return fmt.Errorf("remove empty inquiry counts: %w", err)
			}
		}
	}
	return nil
}

func sorted(counts Counts) []Cell {
	cells := make([]Cell, 0, len(counts))
	for c := range counts {
		cells = append(cells, c)
	}
	sort.Slice(cells, func(i, j int) bool { return less(cells[i], cells[j]) })
	return cells
}

// less orders cells by their key columns.
func less(a, b Cell) bool {
	for _, p := range [...][2]string{
		{a.Municipality, b.Municipality}, {a.Day, b.Day}, {a.Area, b.Area}, {a.Department, b.Department},
		{a.Channel, b.Channel}, {a.Type, b.Type}, {a.Direction, b.Direction},
	} {
		if p[0] != p[1] {
			return p[0] < p[1]
		}
	}
	if a.Version != b.Version {
		return a.Version < b.Version
	}
	return flags(a) < flags(b)
}

func flags(c Cell) int {
	n := 0
	for i, f := range []bool{c.Resolved, c.Guided, c.Assisted, c.Exempt} {
		if f {
			n |= 1 << i
		}
	}
	return n
}

// Stored reads the stored cells of a municipality.
func Stored(ctx context.Context, db *store.DB, municipality string) (Counts, error) {
	rows, err := db.QueryContext(ctx, `SELECT `+columns+` FROM inquiry_counts WHERE municipality_id = $1`, municipality)
	if err != nil {
		return nil, fmt.Errorf("read inquiry counts: %w", err)
	}
	defer rows.Close()
	out := Counts{}
	for rows.Next() {
		var c Cell
		var t Tally
		if err := rows.Scan(&c.Municipality, &c.Version, &c.Day, &c.Area, &c.Department, &c.Channel, &c.Type, &c.Direction,
			&c.Resolved, &c.Guided, &c.Assisted, &c.Exempt, &t.Inquiries, &t.Timed, &t.DurationSeconds); err != nil {
			return nil, err
		}
		if t != (Tally{}) {
			out[c] = t
		}
	}
	return out, rows.Err()
}

// Recount counts a municipality's raw inquiries again, the slow way: every
// row is read. It is what the stored cells must equal.
func Recount(ctx context.Context, db *store.DB, municipality string) (Counts, error) {
	rows, err := db.QueryContext(ctx, `SELECT strategy_version_id, occurred_at, area, department, channel, type, direction,
		resolved_first_contact, guided, assisted, exempt, duration_seconds
		FROM inquiries WHERE municipality_id = $1 AND NOT test`, municipality)
	if err != nil {
		return nil, fmt.Errorf("read inquiries: %w", err)
	}
	defer rows.Close()
	out := Counts{}
	for rows.Next() {
		c := Cell{Municipality: municipality}
		var at time.Time
		var duration sql.NullInt64
		if err := rows.Scan(&c.Version, &at, &c.Area, &c.Department, &c.Channel, &c.Type, &c.Direction,
			&c.Resolved, &c.Guided, &c.Assisted, &c.Exempt, &duration); err != nil {
			return nil, err
		}
		c.Day = Day(at)
		var d *int
		if duration.Valid {
			v := int(duration.Int64)
			d = &v
		}
		out.Add(c, d, 1)
	}
	return out, rows.Err()
}

// Difference is a cell whose stored tally is not its recount.
type Difference struct {
	Cell              Cell
	Stored, Recounted Tally
}

// Verify recounts a municipality's inquiries and reports every cell where
// the stored counts differ.
func Verify(ctx context.Context, db *store.DB, municipality string) ([]Difference, error) {
	stored, err := Stored(ctx, db, municipality)
	if err != nil {
		return nil, err
	}
	recounted, err := Recount(ctx, db, municipality)
	if err != nil {
		return nil, err
	}
	var diffs []Difference
	for c, t := range recounted {
		if stored[c] != t {
			diffs = append(diffs, Difference{Cell: c, Stored: stored[c], Recounted: t})
		}
	}
	for c, t := range stored {
		if _, ok := recounted[c]; !ok {
			diffs = append(diffs, Difference{Cell: c, Stored: t})
		}
	}
	sort.Slice(diffs, func(i, j int) bool { return less(diffs[i].Cell, diffs[j].Cell) })
	return diffs, nil
}

// Rebuild replaces a municipality's stored counts with a recount, in one
// transaction.
func Rebuild(ctx context.Context, db *store.DB, municipality string) (int, error) {
	recounted, err := Recount(ctx, db, municipality)
	if err != nil {
		return 0, err
	}
	err = db.InTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM inquiry_counts WHERE municipality_id = $1`, municipality); err != nil {
			return err
		}
		return Apply(ctx, db, tx, recounted)
	})
	return len(recounted), err
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
	for _, id := range ids {
		if _, err := Rebuild(ctx, db, id); err != nil {
			return nil, err
		}
	}
	return ids, rows.Err()
}

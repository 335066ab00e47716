// Package rollup keeps the inquiry counts every figure is made from, at two
// grains: per Danish day, with every dimension and the four flags
// (inquiry_counts), and per month with the flags counted
// (inquiry_months). Both are updated in the same transaction as the raw
// inquiries, so a dashboard reads O(cells), never O(inquiries) —
// GoatCounter's hit_counts and GOV.UK Notify's fact tables work the same
// way. Test inquiries are never counted.
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

// Cell is one combination of dimensions of a day.
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

// MonthCell is one combination of dimensions of a month; the flags are
// counted in its Tally instead.
type MonthCell struct {
	Municipality string
	// Month is the Danish calendar month, YYYY-MM.
	Month      string
	Area       string
	Department string
	Channel    string
	Type       string
	Direction  string
}

// Tally is what a cell counts.
type Tally struct {
	Inquiries int64
	// Resolved, Guided, Assisted and Exempt count the inquiries with the
	// flag (in a day cell they are all or none of its inquiries).
	Resolved, Guided, Assisted, Exempt int64
	// Timed inquiries carry a duration; DurationSeconds is their sum.
	Timed           int64
	DurationSeconds int64
}

func (t *Tally) add(u Tally) {
	t.Inquiries += u.Inquiries
	t.Resolved += u.Resolved
	t.Guided += u.Guided
	t.Assisted += u.Assisted
	t.Exempt += u.Exempt
	t.Timed += u.Timed
	t.DurationSeconds += u.DurationSeconds
}

// Counts are tallies by day cell.
type Counts map[Cell]Tally

// MonthCounts are tallies by month cell.
type MonthCounts map[MonthCell]Tally

// Day is the Danish calendar day of an instant.
func Day(t time.Time) string { return t.In(strategy.Location).Format(time.DateOnly) }

// Add counts n inquiries of a cell with the same duration (or, with a
// negative n, takes them away).
func (c Counts) Add(cell Cell, duration *int, n int64) {
	c.addTally(cell, tallyOf(cell, duration, n))
}

func (c Counts) addTally(cell Cell, u Tally) {
	t := c[cell]
	t.add(u)
	c[cell] = t
}

func tallyOf(cell Cell, duration *int, n int64) Tally {
	t := Tally{Inquiries: n}
	for _, f := range []struct {
		on  bool
		dst *int64
	}{{cell.Resolved, &t.Resolved}, {cell.Guided, &t.Guided}, {cell.Assisted, &t.Assisted}, {cell.Exempt, &t.Exempt}} {
		if f.on {
			*f.dst = n
		}
	}
	if duration != nil {
		t.Timed = n
		t.DurationSeconds = n * int64(*duration)
	}
	return t
}

// Months sums day cells into month cells.
func (c Counts) Months() MonthCounts {
	out := MonthCounts{}
	for cell, t := range c {
		mc := MonthCell{Municipality: cell.Municipality, Month: cell.Day[:7], Area: cell.Area, Department: cell.Department,
			Channel: cell.Channel, Type: cell.Type, Direction: cell.Direction}
		u := out[mc]
		u.add(t)
		out[mc] = u
	}
	return out
}

// cellsPerUpsert keeps each statement below both engines' parameter limits.
const cellsPerUpsert = 500

const dayColumns = `municipality_id, strategy_version_id, day, area, department, channel, type, direction,
	resolved_first_contact, guided, assisted, exempt, inquiries, timed, duration_seconds`

const dayKey = `municipality_id, day, area, department, channel, type, direction,
	resolved_first_contact, guided, assisted, exempt, strategy_version_id`

const monthColumns = `municipality_id, month, area, department, channel, type, direction,
	inquiries, resolved, guided, assisted, exempt, timed, duration_seconds`

const monthKey = `municipality_id, month, area, department, channel, type, direction`

// Apply adds counts to the stored day and month cells within tx, and
// removes cells that reach zero (after an undone registration).
func Apply(ctx context.Context, db *store.DB, tx *sql.Tx, counts Counts) error {
	if len(counts) == 0 {
		return nil
	}
	// A fixed order keeps concurrent writers from deadlocking on PostgreSQL.
	days := sortedDays(counts)
	err := upsert(ctx, db, tx, "inquiry_counts", dayColumns, dayKey, 15, len(days), func(i int, args []any) []any {
		c, t := days[i], counts[days[i]]
		return append(args, c.Municipality, c.Version, c.Day, c.Area, c.Department, c.Channel, c.Type, c.Direction,
			c.Resolved, c.Guided, c.Assisted, c.Exempt, t.Inquiries, t.Timed, t.DurationSeconds)
	}, `inquiries = inquiry_counts.inquiries + excluded.inquiries,
		timed = inquiry_counts.timed + excluded.timed,
		duration_seconds = inquiry_counts.duration_seconds + excluded.duration_seconds`)
	if err != nil {
		return fmt.Errorf("update inquiry counts: %w", err)
	}
	months := counts.Months()
	monthCells := sortedMonths(months)
	err = upsert(ctx, db, tx, "inquiry_months", monthColumns, monthKey, 14, len(monthCells), func(i int, args []any) []any {
		c, t := monthCells[i], months[monthCells[i]]
		return append(args, c.Municipality, c.Month, c.Area, c.Department, c.Channel, c.Type, c.Direction,
			t.Inquiries, t.Resolved, t.Guided, t.Assisted, t.Exempt, t.Timed, t.DurationSeconds)
	}, `inquiries = inquiry_months.inquiries + excluded.inquiries,
		resolved = inquiry_months.resolved + excluded.resolved,
		guided = inquiry_months.guided + excluded.guided,
		assisted = inquiry_months.assisted + excluded.assisted,
		exempt = inquiry_months.exempt + excluded.exempt,
		timed = inquiry_months.timed + excluded.timed,
		duration_seconds = inquiry_months.duration_seconds + excluded.duration_seconds`)
	if err != nil {
		return fmt.Errorf("update monthly inquiry counts: %w", err)
	}
	for _, c := range days {
		if counts[c].Inquiries >= 0 {
			continue
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM inquiry_counts WHERE inquiries = 0 AND municipality_id = $1 AND day = $2`,
			c.Municipality, c.Day); err != nil {
			return fmt.Errorf("remove empty inquiry counts: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM inquiry_months WHERE inquiries = 0 AND municipality_id = $1 AND month = $2`,
			c.Municipality, c.Day[:7]); err != nil {
			return fmt.Errorf("remove empty monthly inquiry counts: %w", err)
		}
	}
	return nil
}

// upsert adds n rows of cols columns to table, in statements of at most
// cellsPerUpsert rows; row appends the i-th row's values.
func upsert(ctx context.Context, db *store.DB, tx *sql.Tx, table, columns, key string, cols, n int,
	row func(i int, args []any) []any, update string) error {
	for start := 0; start < n; start += cellsPerUpsert {
		end := min(start+cellsPerUpsert, n)
		args := make([]any, 0, (end-start)*cols)
		for i := start; i < end; i++ {
			args = row(i, args)
		}
		q := `INSERT INTO ` + table + ` (` + columns + `) VALUES ` + db.ValuesList(end-start, cols) +
			` ON CONFLICT (` + key + `) DO UPDATE SET ` + update
		if _, err := tx.ExecContext(ctx, q, args...); err != nil {
			return err
		}
	}
	return nil
}

func sortedDays(counts Counts) []Cell {
	cells := make([]Cell, 0, len(counts))
	for c := range counts {
		cells = append(cells, c)
	}
	sort.Slice(cells, func(i, j int) bool { return less(cells[i], cells[j]) })
	return cells
}

func sortedMonths(counts MonthCounts) []MonthCell {
	cells := make([]MonthCell, 0, len(counts))
	for c := range counts {
		cells = append(cells, c)
	}
	sort.Slice(cells, func(i, j int) bool { return lessMonth(cells[i], cells[j]) })
	return cells
}

// less orders day cells by their key columns.
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

func lessMonth(a, b MonthCell) bool {
	for _, p := range [...][2]string{
		{a.Municipality, b.Municipality}, {a.Month, b.Month}, {a.Area, b.Area}, {a.Department, b.Department},
		{a.Channel, b.Channel}, {a.Type, b.Type}, {a.Direction, b.Direction},
	} {
		if p[0] != p[1] {
			return p[0] < p[1]
		}
	}
	return false
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

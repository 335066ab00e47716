// Package rollup keeps the inquiry counts every figure is made from, at two
// grains: per Danish day (inquiry_counts) and per month (inquiry_months),
// each per municipality, service area, department, channel, inquiry type and
// direction, with the flags — resolved at first contact, guided, assisted,
// exempt — counted in every cell. Both are updated in the same transaction
// as the raw inquiries, so a dashboard reads O(cells), never O(inquiries) —
// GoatCounter's hit_counts and GOV.UK Notify's fact tables work the same
// way. Test inquiries are never counted.
package rollup

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"sort"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/store"
)

// MaxDurationSeconds is the longest staff time of one inquiry that the
// counts sum (inquiry.Check refuses longer ones): a day. With it, a cell's
// sum stays far inside 64 bits.
const MaxDurationSeconds = 24 * 60 * 60

// Cell is one combination of dimensions of a day.
type Cell struct {
	Municipality string
	// Version is the strategy version the inquiries were recorded under.
	Version int64
	// Day is the Danish calendar day.
	Day        civil.Date
	Area       string
	Department string
	Channel    string
	Type       string
	Direction  string
}

// MonthCell is one combination of dimensions of a month.
type MonthCell struct {
	Municipality string
	// Month is the Danish calendar month.
	Month      civil.Month
	Area       string
	Department string
	Channel    string
	Type       string
	Direction  string
}

// Flags are what staff noted about one inquiry. Referred: the citizen was
// referred to a place outside the municipality (a referral of the
// strategy); the inquiry stays counted on the channel it came by.
type Flags struct {
	Resolved, Guided, Assisted, Exempt, Referred bool
}

// Tally is what a cell counts.
type Tally struct {
	Inquiries int64
	// Resolved, Guided, Assisted, Exempt and Referred count the inquiries
	// with the flag.
	Resolved, Guided, Assisted, Exempt, Referred int64
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
	t.Referred += u.Referred
	t.Timed += u.Timed
	t.DurationSeconds += u.DurationSeconds
}

// Counts are tallies by day cell.
type Counts map[Cell]Tally

// MonthCounts are tallies by month cell.
type MonthCounts map[MonthCell]Tally

// Add counts n inquiries of a cell with the same flags and duration (or,
// with a negative n, takes them away).
func (c Counts) Add(cell Cell, f Flags, duration *int, n int64) {
	t := Tally{Inquiries: n}
	for _, x := range []struct {
		on  bool
		dst *int64
	}{{f.Resolved, &t.Resolved}, {f.Guided, &t.Guided}, {f.Assisted, &t.Assisted}, {f.Exempt, &t.Exempt}, {f.Referred, &t.Referred}} {
		if x.on {
			*x.dst = n
		}
	}
	if duration != nil {
		t.Timed = n
		t.DurationSeconds = n * int64(*duration)
	}
	c.addTally(cell, t)
}

func (c Counts) addTally(cell Cell, u Tally) {
	t := c[cell]
	t.add(u)
	c[cell] = t
}

// Months sums day cells into month cells.
func (c Counts) Months() MonthCounts {
	out := MonthCounts{}
	for cell, t := range c {
		mc := MonthCell{Municipality: cell.Municipality, Month: cell.Day.YearMonth(), Area: cell.Area, Department: cell.Department,
			Channel: cell.Channel, Type: cell.Type, Direction: cell.Direction}
		u := out[mc]
		u.add(t)
		out[mc] = u
	}
	return out
}

const tallyColumns = `inquiries, resolved, guided, assisted, exempt, referred, timed, duration_seconds`

const dayDims = `municipality_id, strategy_version_id, day, area, department, channel, type, direction`

const dayColumns = dayDims + `, ` + tallyColumns

const dayKey = `municipality_id, day, area, department, channel, type, direction, strategy_version_id`

const monthDims = `municipality_id, month, area, department, channel, type, direction`

const monthColumns = monthDims + `, ` + tallyColumns

const monthKey = `municipality_id, month, area, department, channel, type, direction`

var (
	dayTypes   = []string{store.Text, store.BigInt, store.Text, store.Text, store.Text, store.Text, store.Text, store.Text, store.BigInt, store.BigInt, store.BigInt, store.BigInt, store.BigInt, store.BigInt, store.BigInt, store.BigInt}
	monthTypes = []string{store.Text, store.Text, store.Text, store.Text, store.Text, store.Text, store.Text, store.BigInt, store.BigInt, store.BigInt, store.BigInt, store.BigInt, store.BigInt, store.BigInt, store.BigInt}
)

func (t Tally) values() []any {
	return []any{t.Inquiries, t.Resolved, t.Guided, t.Assisted, t.Exempt, t.Referred, t.Timed, t.DurationSeconds}
}

// Apply adds counts to the stored day and month cells within tx, and
// removes cells that reach zero (after an undone registration).
func Apply(ctx context.Context, db *store.DB, tx *sql.Tx, counts Counts) error {
	if len(counts) == 0 {
		return nil
	}
	if err := lockShared(ctx, db, tx, counts); err != nil {
		return fmt.Errorf("lock the counts: %w", err)
	}
	// A fixed order keeps concurrent writers from deadlocking on PostgreSQL.
	days := sortedDays(counts)
	err := upsert(ctx, db, tx, "inquiry_counts", dayColumns, dayKey, dayTypes, len(days), func(i int) []any {
		c := days[i]
		return append([]any{c.Municipality, c.Version, c.Day.String(), c.Area, c.Department, c.Channel, c.Type, c.Direction}, counts[c].values()...)
	})
	if err != nil {
		return fmt.Errorf("update inquiry counts: %w", err)
	}
	months := counts.Months()
	monthCells := sortedMonths(months)
	err = upsert(ctx, db, tx, "inquiry_months", monthColumns, monthKey, monthTypes, len(monthCells), func(i int) []any {
		c := monthCells[i]
		return append([]any{c.Municipality, c.Month.String(), c.Area, c.Department, c.Channel, c.Type, c.Direction}, months[c].values()...)
	})
	if err != nil {
		return fmt.Errorf("update monthly inquiry counts: %w", err)
	}
	for _, c := range days {
		if counts[c].Inquiries >= 0 {
			continue
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM inquiry_counts WHERE inquiries = 0 AND municipality_id = $1 AND day = $2`,
			c.Municipality, c.Day.String()); err != nil {
			return fmt.Errorf("remove empty inquiry counts: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM inquiry_months WHERE inquiries = 0 AND municipality_id = $1 AND month = $2`,
			c.Municipality, c.Day.YearMonth().String()); err != nil {
			return fmt.Errorf("remove empty monthly inquiry counts: %w", err)
		}
	}
	return nil
}

// upsert adds n rows to a table's cells, adding the tallies of a cell that
// exists to its own.
func upsert(ctx context.Context, db *store.DB, tx *sql.Tx, table, columns, key string, types []string, n int, row func(i int) []any) error {
	per := db.RowsPerStatement()
	for start := 0; start < n; start += per {
		end := min(start+per, n)
		source, args, err := db.Rows(types, end-start, func(i int) []any { return row(start + i) })
		if err != nil {
			return err
		}
		q := `INSERT INTO ` + table + ` (` + columns + `) ` + source + ` ON CONFLICT (` + key + `) DO UPDATE SET
			inquiries = ` + table + `.inquiries + excluded.inquiries,
			resolved = ` + table + `.resolved + excluded.resolved,
			guided = ` + table + `.guided + excluded.guided,
			assisted = ` + table + `.assisted + excluded.assisted,
			exempt = ` + table + `.exempt + excluded.exempt,
			referred = ` + table + `.referred + excluded.referred,
			timed = ` + table + `.timed + excluded.timed,
			duration_seconds = ` + table + `.duration_seconds + excluded.duration_seconds`
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
	return cmp.Or(cmp.Compare(a.Municipality, b.Municipality), a.Day.Compare(b.Day), cmp.Compare(a.Area, b.Area),
		cmp.Compare(a.Department, b.Department), cmp.Compare(a.Channel, b.Channel), cmp.Compare(a.Type, b.Type),
		cmp.Compare(a.Direction, b.Direction), cmp.Compare(a.Version, b.Version)) < 0
}

func lessMonth(a, b MonthCell) bool {
	return cmp.Or(cmp.Compare(a.Municipality, b.Municipality), a.Month.Compare(b.Month), cmp.Compare(a.Area, b.Area),
		cmp.Compare(a.Department, b.Department), cmp.Compare(a.Channel, b.Channel), cmp.Compare(a.Type, b.Type),
		cmp.Compare(a.Direction, b.Direction)) < 0
}

package rollup

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"time"

	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// Query selects the counts a figure is made from.
type Query struct {
	Municipality string
	// From and To are Danish calendar days, YYYY-MM-DD, both included.
	From, To string
	// Department and Area (ids) narrow the counts; empty means all.
	Department, Area string
	// ByDay gives a row per day; otherwise a row per month.
	ByDay bool
}

// Row is the counts of one period — a month, YYYY-MM, or a day,
// YYYY-MM-DD — and combination of dimensions.
type Row struct {
	Period                                     string
	Area, Department, Channel, Type, Direction string
	Tally
}

// Read returns the counts of a query. Whole months come from the monthly
// cells and the days at either end from the day cells, so a year costs
// twelve months of cells, whatever the volume.
func Read(ctx context.Context, db *store.DB, q Query) ([]Row, error) {
	from, to, err := q.days()
	if err != nil {
		return nil, err
	}
	if q.ByDay {
		return readDays(ctx, db, q, q.From, q.To, "day")
	}
	firstFull := from
	if from.Day() != 1 {
		firstFull = time.Date(from.Year(), from.Month()+1, 1, 0, 0, 0, 0, time.UTC)
	}
	lastFull := to
	if next := to.AddDate(0, 0, 1); next.Day() != 1 {
		lastFull = time.Date(to.Year(), to.Month(), 0, 0, 0, 0, 0, time.UTC)
	}
	if lastFull.Before(firstFull) {
		return readDays(ctx, db, q, q.From, q.To, "substr(day, 1, 7)")
	}
	var out []Row
	if from.Before(firstFull) {
		head, err := readDays(ctx, db, q, q.From, date(firstFull.AddDate(0, 0, -1)), "substr(day, 1, 7)")
		if err != nil {
			return nil, err
		}
		out = append(out, head...)
	}
	months, err := readMonths(ctx, db, q, date(firstFull)[:7], date(lastFull)[:7])
	if err != nil {
		return nil, err
	}
	out = append(out, months...)
	if lastFull.Before(to) {
		tail, err := readDays(ctx, db, q, date(lastFull.AddDate(0, 0, 1)), q.To, "substr(day, 1, 7)")
		if err != nil {
			return nil, err
		}
		out = append(out, tail...)
	}
	return out, nil
}

func (q Query) days() (from, to time.Time, err error) {
	from, err = time.Parse(time.DateOnly, q.From)
	if err != nil {
		return from, to, fmt.Errorf("read counts: from %q: %w", q.From, err)
	}
	to, err = time.Parse(time.DateOnly, q.To)
	if err != nil {
		return from, to, fmt.Errorf("read counts: to %q: %w", q.To, err)
	}
	return from, to, nil
}

func date(t time.Time) string { return t.Format(time.DateOnly) }

// filter appends the query's department and area conditions.
func (q Query) filter(where string, args []any) (string, []any) {
	if q.Department != "" {
		args = append(args, q.Department)
		where += ` AND department = $` + strconv.Itoa(len(args))
	}
	if q.Area != "" {
		args = append(args, q.Area)
		where += ` AND area = $` + strconv.Itoa(len(args))
	}
	return where, args
}

const rowDims = `area, department, channel, type, direction`

func readDays(ctx context.Context, db *store.DB, q Query, from, to, period string) ([]Row, error) {
	where, args := q.filter(`municipality_id = $1 AND day >= $2 AND day <= $3`, []any{q.Municipality, from, to})
	return readRows(ctx, db, `SELECT `+period+`, `+rowDims+`, SUM(inquiries), SUM(resolved), SUM(guided),
		SUM(assisted), SUM(exempt), SUM(referred), SUM(timed), SUM(duration_seconds)
		FROM inquiry_counts WHERE `+where+` GROUP BY `+period+`, `+rowDims, args)
}

func readMonths(ctx context.Context, db *store.DB, q Query, from, to string) ([]Row, error) {
	where, args := q.filter(`municipality_id = $1 AND month >= $2 AND month <= $3`, []any{q.Municipality, from, to})
	return readRows(ctx, db, `SELECT month, `+rowDims+`, `+tallyColumns+` FROM inquiry_months WHERE `+where, args)
}

func readRows(ctx context.Context, db *store.DB, query string, args []any) ([]Row, error) {
	rows, err := db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("read counts: %w", err)
	}
	defer rows.Close()
	var out []Row
	for rows.Next() {
		var r Row
		if err := rows.Scan(&r.Period, &r.Area, &r.Department, &r.Channel, &r.Type, &r.Direction,
			&r.Inquiries, &r.Resolved, &r.Guided, &r.Assisted, &r.Exempt, &r.Referred, &r.Timed, &r.DurationSeconds); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// ReadRaw answers a query the naive way, by grouping the raw inquiries:
// what Read must equal, and what it is measured against.
func ReadRaw(ctx context.Context, db *store.DB, q Query) ([]Row, error) {
	from, to, err := q.days()
	if err != nil {
		return nil, err
	}
	start := time.Date(from.Year(), from.Month(), from.Day(), 0, 0, 0, 0, strategy.Location)
	end := time.Date(to.Year(), to.Month(), to.Day()+1, 0, 0, 0, 0, strategy.Location)
	where, args := q.filter(` AND occurred_at >= $2 AND occurred_at < $3`, []any{q.Municipality, start.UTC(), end.UTC()})
	counts, err := recount(ctx, db, q.Municipality, where, args[1:]...)
	if err != nil {
		return nil, err
	}
	type key struct{ period, area, department, channel, typ, direction string }
	sums := map[key]Tally{}
	for c, t := range counts {
		period := c.Day
		if !q.ByDay {
			period = c.Day[:7]
		}
		k := key{period, c.Area, c.Department, c.Channel, c.Type, c.Direction}
		u := sums[k]
		u.add(t)
		sums[k] = u
	}
	out := make([]Row, 0, len(sums))
	for k, t := range sums {
		out = append(out, Row{Period: k.period, Area: k.area, Department: k.department, Channel: k.channel,
			Type: k.typ, Direction: k.direction, Tally: t})
	}
	Sort(out)
	return out, nil
}

// Sort puts rows in a fixed order: by period, then dimensions.
func Sort(rows []Row) {
	sort.Slice(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		for _, p := range [...][2]string{{a.Period, b.Period}, {a.Area, b.Area}, {a.Department, b.Department},
			{a.Channel, b.Channel}, {a.Type, b.Type}, {a.Direction, b.Direction}} {
			if p[0] != p[1] {
				return p[0] < p[1]
			}
		}
		return false
	})
}

// Span returns the first and last month with counted inquiries of a
// municipality, YYYY-MM; empty when there are none.
func Span(ctx context.Context, db *store.DB, municipality string) (first, last string, err error) {
	var f, l *string
	err = db.QueryRowContext(ctx, `SELECT MIN(month), MAX(month) FROM inquiry_months WHERE municipality_id = $1`,
		municipality).Scan(&f, &l)
	if err != nil || f == nil || l == nil {
		return "", "", err
	}
	return *f, *l, nil
}

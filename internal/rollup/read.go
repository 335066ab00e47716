package rollup

import (
	"cmp"
	"context"
	"fmt"
	"sort"
	"strconv"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/store"
)

// Query selects the counts a figure is made from.
type Query struct {
	Municipality string
	// From and To are Danish calendar days, both included.
	From, To civil.Date
	// Department and Area (ids) narrow the counts; empty means all.
	Department, Area string
	// ByDay gives a row per day; otherwise a row per month.
	ByDay bool
}

// Row is the counts of one period — a day or a month — and combination of
// dimensions.
type Row struct {
	// Month is the month of the row's period. Day is its day when the
	// query asked for rows by day, else zero: the row counts Month, or
	// the part of it the query asked for.
	Month civil.Month
	Day   civil.Date

	Area, Department, Channel, Type, Direction string
	Tally
}

// setPeriod reads a row's period as the database writes it: a month,
// YYYY-MM, or a day, YYYY-MM-DD.
func (r *Row) setPeriod(period string) error {
	if len(period) == len("2006-01") {
		m, err := civil.ParseMonth(period)
		r.Month = m
		return err
	}
	d, err := civil.ParseDate(period)
	r.Day, r.Month = d, d.YearMonth()
	return err
}

// Read returns the counts of a query. Whole months come from the monthly
// cells and the days at either end from the day cells, so a year costs
// twelve months of cells, whatever the volume.
func Read(ctx context.Context, db *store.DB, q Query) ([]Row, error) {
	if err := q.check(); err != nil {
		return nil, err
	}
	from, to := q.From, q.To
	if q.ByDay {
		return readDays(ctx, db, q, from, to, "day")
	}
	// The whole months run from firstFull's month to lastFull's.
	firstFull := from
	if from.Day != 1 {
		firstFull = from.YearMonth().LastDay().AddDays(1)
	}
	lastFull := to
	if to != to.YearMonth().LastDay() {
		lastFull = to.YearMonth().FirstDay().AddDays(-1)
	}
	if lastFull.Before(firstFull) {
		return readDays(ctx, db, q, from, to, "substr(day, 1, 7)")
	}
	var out []Row
	if from.Before(firstFull) {
		head, err := readDays(ctx, db, q, from, firstFull.AddDays(-1), "substr(day, 1, 7)")
		if err != nil {
			return nil, err
		}
		out = append(out, head...)
	}
	months, err := readMonths(ctx, db, q, firstFull.YearMonth(), lastFull.YearMonth())
	if err != nil {
		return nil, err
	}
	out = append(out, months...)
	if lastFull.Before(to) {
		tail, err := readDays(ctx, db, q, lastFull.AddDays(1), to, "substr(day, 1, 7)")
		if err != nil {
			return nil, err
		}
		out = append(out, tail...)
	}
	return out, nil
}

// check refuses a period whose ends are not days.
func (q Query) check() error {
	if !q.From.IsValid() {
		return fmt.Errorf("read counts: from %s is not a day", q.From)
	}
	if !q.To.IsValid() {
		return fmt.Errorf("read counts: to %s is not a day", q.To)
	}
	return nil
}

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

func readDays(ctx context.Context, db *store.DB, q Query, from, to civil.Date, period string) ([]Row, error) {
	where, args := q.filter(`municipality_id = $1 AND day >= $2 AND day <= $3`, []any{q.Municipality, from.String(), to.String()})
	return readRows(ctx, db, `SELECT `+period+`, `+rowDims+`, SUM(inquiries), SUM(resolved), SUM(guided),
		SUM(assisted), SUM(exempt), SUM(referred), SUM(timed), SUM(duration_seconds)
		FROM inquiry_counts WHERE `+where+` GROUP BY `+period+`, `+rowDims, args)
}

func readMonths(ctx context.Context, db *store.DB, q Query, from, to civil.Month) ([]Row, error) {
	where, args := q.filter(`municipality_id = $1 AND month >= $2 AND month <= $3`, []any{q.Municipality, from.String(), to.String()})
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
		var period string
		if err := rows.Scan(&period, &r.Area, &r.Department, &r.Channel, &r.Type, &r.Direction,
			&r.Inquiries, &r.Resolved, &r.Guided, &r.Assisted, &r.Exempt, &r.Referred, &r.Timed, &r.DurationSeconds); err != nil {
			return nil, err
		}
		if err := r.setPeriod(period); err != nil {
			return nil, fmt.Errorf("read counts: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// ReadRaw answers a query the naive way, by grouping the raw inquiries:
// what Read must equal, and what it is measured against.
func ReadRaw(ctx context.Context, db *store.DB, q Query) ([]Row, error) {
	if err := q.check(); err != nil {
		return nil, err
	}
	start, end := q.From.Start(), q.To.AddDays(1).Start()
	where, args := q.filter(` AND occurred_at >= $2 AND occurred_at < $3`, []any{q.Municipality, start.UTC(), end.UTC()})
	counts, err := recount(ctx, db, db, q.Municipality, where, args[1:]...)
	if err != nil {
		return nil, err
	}
	type key struct {
		month                                     civil.Month
		day                                       civil.Date
		area, department, channel, typ, direction string
	}
	sums := map[key]Tally{}
	for c, t := range counts {
		k := key{c.Day.YearMonth(), c.Day, c.Area, c.Department, c.Channel, c.Type, c.Direction}
		if !q.ByDay {
			k.day = civil.Date{}
		}
		u := sums[k]
		u.add(t)
		sums[k] = u
	}
	out := make([]Row, 0, len(sums))
	for k, t := range sums {
		out = append(out, Row{Month: k.month, Day: k.day, Area: k.area, Department: k.department, Channel: k.channel,
			Type: k.typ, Direction: k.direction, Tally: t})
	}
	Sort(out)
	return out, nil
}

// Sort puts rows in a fixed order: by period, then dimensions.
func Sort(rows []Row) {
	sort.Slice(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		return cmp.Or(a.Month.Compare(b.Month), a.Day.Compare(b.Day), cmp.Compare(a.Area, b.Area),
			cmp.Compare(a.Department, b.Department), cmp.Compare(a.Channel, b.Channel), cmp.Compare(a.Type, b.Type),
			cmp.Compare(a.Direction, b.Direction)) < 0
	})
}

// Span returns the first and last month with counted inquiries of a
// municipality; zero months when there are none.
func Span(ctx context.Context, db *store.DB, municipality string) (first, last civil.Month, err error) {
	var f, l *string
	err = db.QueryRowContext(ctx, `SELECT MIN(month), MAX(month) FROM inquiry_months WHERE municipality_id = $1`,
		municipality).Scan(&f, &l)
	if err != nil || f == nil || l == nil {
		return civil.Month{}, civil.Month{}, err
	}
	if first, err = civil.ParseMonth(*f); err != nil {
		return civil.Month{}, civil.Month{}, fmt.Errorf("the counted months of %s: %w", municipality, err)
	}
	if last, err = civil.ParseMonth(*l); err != nil {
		return civil.Month{}, civil.Month{}, fmt.Errorf("the counted months of %s: %w", municipality, err)
	}
	return first, last, nil
}

package measure

import (
	"context"
	"fmt"
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/rollup"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// Reader reads rollup rows: rollup.Read, or rollup.ReadRaw for the naive
// way.
type Reader func(context.Context, *store.DB, rollup.Query) ([]rollup.Row, error)

// Source is where the measures come from: one database's counts and the
// municipalities' strategy versions in its registry. Everything in this
// package that reads the database is a method of it.
type Source struct {
	db  *store.DB
	reg *municipality.Registry
	// Read reads the counts: rollup.Read, from the rollups. Tests and
	// benchmarks set rollup.ReadRaw to compute the same measures from the
	// raw inquiries.
	Read Reader
}

// NewSource returns the source of a database and its registry, reading
// the rollups.
func NewSource(db *store.DB, reg *municipality.Registry) *Source {
	return &Source{db: db, reg: reg, Read: rollup.Read}
}

// Row is a rollup row with the strategy version in force on its days,
// which prices it (see History).
type Row struct {
	rollup.Row
	In *strategy.Strategy
}

// Input is what a dashboard is built from: the period's rows (by day when
// the period is at most two months, else by month), the rows from the
// start of the strategy period for the targets' trend (by month before the
// period, then the period's own rows), the versions in force in the
// period, and whether the counted inquiries read hold demo data.
type Input struct {
	Period, Trend []Row
	Spans         []Span
	Demo          bool
	// Skipped are the versions left out of the history (History.Skipped).
	Skipped []int
	// NoTargets tells that the trend was not read (RowsWithoutTargets):
	// Build leaves the targets out rather than judge them on nothing.
	NoTargets bool
}

// OneVersion is the input of one strategy in force on every day: for
// tests and for rows read without a history.
func OneVersion(s *strategy.Strategy, f Filter, period, trend []rollup.Row) Input {
	return Input{Period: tag(period, s), Trend: tag(trend, s),
		Spans: []Span{{From: f.From, To: f.To, Version: Version{Strategy: s}}}}
}

func tag(rows []rollup.Row, s *strategy.Strategy) []Row {
	out := make([]Row, len(rows))
	for i, r := range rows {
		out[i] = Row{Row: r, In: s}
	}
	return out
}

// Load reads what the dashboard needs and builds it with one strategy in
// force on every day. LoadHistory is what the pages use.
func (src *Source) Load(ctx context.Context, municipality string, s *strategy.Strategy, f Filter) (*Dashboard, error) {
	return src.LoadHistory(ctx, municipality, Single(s), f)
}

// LoadHistory reads what the dashboard needs and builds it: each day
// priced by the version in force on it, the definitions the newest's.
func (src *Source) LoadHistory(ctx context.Context, municipality string, h History, f Filter) (*Dashboard, error) {
	in, err := src.Rows(ctx, municipality, h, f)
	if err != nil {
		return nil, err
	}
	return Build(h.Newest().Strategy, f, in), nil
}

// Rows reads the rows a whole dashboard is built from, each span of the
// period (and of the trend) with the version in force on it. Build
// narrows them to a filter's type, direction, department and area, so
// rows read for a whole municipality serve each of its departments.
func (src *Source) Rows(ctx context.Context, municipality string, h History, f Filter) (Input, error) {
	return src.rows(ctx, municipality, h, f, true)
}

// RowsWithoutTargets reads what every figure but the targets is built
// from: the period's rows, without the months since the start of the
// strategy period that only the targets' trend needs. An export of one
// table other than the targets reads this much and no more.
func (src *Source) RowsWithoutTargets(ctx context.Context, municipality string, h History, f Filter) (Input, error) {
	return src.rows(ctx, municipality, h, f, false)
}

// rows reads the period once: the trend is the months before the period,
// read by month, followed by the period's own rows. The targets count
// whole numbers per month, so the period's rows by day serve them as well
// as rows by month would.
func (src *Source) rows(ctx context.Context, municipality string, h History, f Filter, targets bool) (Input, error) {
	if f.Days() == 0 {
		return Input{}, fmt.Errorf("the period %s–%s is not a period", f.From, f.To)
	}
	in := Input{NoTargets: !targets}
	var err error
	q := rollup.Query{Municipality: municipality, Department: f.Department, Area: f.Area, ByDay: f.Days() <= 62}
	if in.Period, err = src.readSpans(ctx, q, h, f.From, f.To); err != nil {
		return Input{}, err
	}
	trendFrom := civil.Date{Year: h.Newest().Strategy.Period.From, Month: time.January, Day: 1}
	if f.From.Before(trendFrom) {
		trendFrom = f.From.YearMonth().FirstDay()
	}
	if targets {
		q.ByDay = false
		if trendFrom.Before(f.From) {
			if in.Trend, err = src.readSpans(ctx, q, h, trendFrom, f.From.AddDays(-1)); err != nil {
				return Input{}, err
			}
		}
		in.Trend = append(in.Trend, in.Period...)
	}
	in.Spans, in.Skipped = h.Spans(f.From, f.To), h.Skipped
	// Demo data anywhere in the trend's months marks the figures, with or
	// without the targets, so that every export of a page says the same.
	if in.Demo, err = src.HasDemo(ctx, municipality, trendFrom, f.To); err != nil {
		return Input{}, err
	}
	return in, nil
}

// PeriodRows reads a period's rows by month, each span with the version in
// force on it: what a comparison between municipalities needs.
func (src *Source) PeriodRows(ctx context.Context, municipality string, h History, f Filter) ([]Row, error) {
	return src.readSpans(ctx, rollup.Query{Municipality: municipality}, h, f.From, f.To)
}

// readSpans reads from–to one span at a time. A fixed order within each
// span makes the sums, and so the figures, the same to the last digit
// whichever way the rows were read.
func (src *Source) readSpans(ctx context.Context, q rollup.Query, h History, from, to civil.Date) ([]Row, error) {
	var out []Row
	for _, sp := range h.Spans(from, to) {
		q.From, q.To = sp.From, sp.To
		rows, err := src.Read(ctx, src.db, q)
		if err != nil {
			return nil, err
		}
		rollup.Sort(rows)
		out = append(out, tag(rows, sp.Version.Strategy)...)
	}
	return out, nil
}

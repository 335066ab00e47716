package measure_test

import (
	"context"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/measure"
	"github.com/kanal-dk/kanal/internal/rollup"
	"github.com/kanal-dk/kanal/internal/store"
)

// readTwice is the input as the dashboard read it before it read the
// period once: the period's rows, and then again every month from the
// start of the strategy period to the end of the period for the trend.
// Each span is read with rollup.Read straight, sorted and tagged with its
// version, so the oracle shares no reading code with Source.Rows.
func readTwice(t *testing.T, db *store.DB, src *measure.Source, municipality string, h measure.History, f measure.Filter) measure.Input {
	t.Helper()
	ctx := context.Background()
	read := func(byDay bool, from, to civil.Date) []measure.Row {
		var out []measure.Row
		for _, sp := range h.Spans(from, to) {
			rows, err := rollup.Read(ctx, db, rollup.Query{Municipality: municipality, Department: f.Department, Area: f.Area,
				ByDay: byDay, From: sp.From, To: sp.To})
			if err != nil {
				t.Fatal(err)
			}
			rollup.Sort(rows)
			for _, r := range rows {
				out = append(out, measure.Row{Row: r, In: sp.Version.Strategy})
			}
		}
		return out
	}
	trendFrom := civil.Date{Year: h.Newest().Strategy.Period.From, Month: time.January, Day: 1}
	if f.From.Before(trendFrom) {
		trendFrom = f.From.YearMonth().FirstDay()
	}
	demo, err := src.HasDemo(ctx, municipality, trendFrom, f.To)
	if err != nil {
		t.Fatal(err)
	}
	return measure.Input{Period: read(f.Days() <= 62, f.From, f.To), Trend: read(false, trendFrom, f.To),
		Spans: h.Spans(f.From, f.To), Demo: demo, Skipped: h.Skipped}
}

// The dashboard reads the period's rows once: the targets' trend reuses
// them after the months before the period. For random inquiries under two
// strategy versions (one of them coming into force mid-month) and random
// filters — by day and by month, from the first of a month and from its
// middle, before, across and after the version change — every figure is
// the same as when the period was read twice, to the last digit. Without
// the targets (an export of another table) every other figure is the
// same, and the targets are left out rather than judged on nothing.
func TestRows_ReadOnceGivesTheFiguresOfReadingTwice(t *testing.T) {
	ctx := context.Background()
	db, reg, cur := twoVersions(t)
	r := rand.New(rand.NewPCG(12, 2))
	from, to := time.Date(2012, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2015, 12, 31, 0, 0, 0, 0, time.UTC)
	record(t, db, cur, randomInquiries(r, cur.Strategy, 3000, from, to), r)
	src := measure.NewSource(db, reg)
	h, err := src.History(ctx, cur.Municipality)
	if err != nil {
		t.Fatal(err)
	}
	s := h.Newest().Strategy
	filters := []measure.Filter{measure.Year(2014), measure.Year(2012), measure.Year(2011),
		{From: civil.Date{Year: 2014, Month: time.June, Day: 1}, To: civil.Date{Year: 2014, Month: time.June, Day: 30}},
		{From: civil.Date{Year: 2014, Month: time.February, Day: 10}, To: civil.Date{Year: 2014, Month: time.August, Day: 20}}}
	for range 40 {
		filters = append(filters, randomFilter(r, s, from, to))
	}
	for _, f := range filters {
		want := measure.Build(s, f, readTwice(t, db, src, cur.Municipality, h, f))
		in, err := src.Rows(ctx, cur.Municipality, h, f)
		if err != nil {
			t.Fatal(err)
		}
		if got := measure.Build(s, f, in); !reflect.DeepEqual(got, want) {
			t.Errorf("%+v: the figures differ from reading twice", f)
		}
		in, err = src.RowsWithoutTargets(ctx, cur.Municipality, h, f)
		if err != nil {
			t.Fatal(err)
		}
		got := measure.Build(s, f, in)
		if got.Targets != nil || len(want.Targets) == 0 {
			t.Errorf("%+v: %d targets without the trend, %d with it", f, len(got.Targets), len(want.Targets))
		}
		want.Targets = nil
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%+v: the figures without the targets differ", f)
		}
	}
}

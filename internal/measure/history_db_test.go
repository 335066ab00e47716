package measure_test

import (
	"bytes"
	"context"
	"os"
	"reflect"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/demo"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/kanaltest"
	"github.com/kanal-dk/kanal/internal/measure"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/rollup"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/store/storetest"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// twoVersions is a database with testdata/definitions.yaml as version 1,
// loaded 10 January 2014, and the same with the phone at 60 kr. instead of
// 45 as version 2, loaded at 00:30 Danish summer time on 15 June 2014
// (22:30 UTC the day before).
func twoVersions(t *testing.T) (*store.DB, *municipality.Registry, *municipality.Current) {
	t.Helper()
	ctx := context.Background()
	db := storetest.Open(t)
	reg := municipality.NewRegistry(db)
	data, err := os.ReadFile("testdata/definitions.yaml")
	if err != nil {
		t.Fatal(err)
	}
	second := bytes.Replace(data, []byte("{channel: phone, dkk: 45"), []byte("{channel: phone, dkk: 60"), 1)
	if bytes.Equal(second, data) {
		t.Fatal("the fixture's phone price moved")
	}
	for i, doc := range [][]byte{data, second} {
		v, _, err := reg.Load(ctx, audit.System, "definitions.yaml", doc)
		if err != nil {
			t.Fatal(err)
		}
		at := []time.Time{time.Date(2014, 1, 10, 9, 0, 0, 0, time.UTC), time.Date(2014, 6, 14, 22, 30, 0, 0, time.UTC)}[i]
		if _, err := db.ExecContext(ctx, `UPDATE strategy_versions SET loaded_at = $1 WHERE id = $2`, at, v.ID); err != nil {
			t.Fatal(err)
		}
	}
	cur, err := reg.Current(ctx, "testkommune")
	if err != nil {
		t.Fatal(err)
	}
	return db, reg, cur
}

// sources are db's measures read from the rollups and, the naive way,
// from the raw inquiries.
func sources(db *store.DB, reg *municipality.Registry) (fast, naive *measure.Source) {
	fast, naive = measure.NewSource(db, reg), measure.NewSource(db, reg)
	naive.Read = rollup.ReadRaw
	return fast, naive
}

func phoneCall(at time.Time, source string) inquiry.Inquiry {
	return inquiry.Inquiry{OccurredAt: at, Area: "flytning", Type: strategy.Information, Direction: strategy.Inbound,
		Channel: strategy.Phone, Source: source}
}

func danish(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, strategy.Location)
}

// Every figure uses the prices of the strategy version in force on the day
// counted. Tårnby's prices are "KL – Reviderede kanalpriser 2012 – senest
// opdateret 23. januar 2015": a new price must not reprice the days before
// it, and June 2014, the month the price changed, is priced day by day.
func TestLoadHistory_EachDayIsPricedByTheVersionInForce(t *testing.T) {
	db, reg, cur := twoVersions(t)
	ctx := context.Background()
	calls := []inquiry.Inquiry{
		phoneCall(danish(2013, 12, 1, 12, 0), "test"),   // before the first version: the first, 45
		phoneCall(danish(2014, 3, 1, 12, 0), "test"),    // version 1, 45
		phoneCall(danish(2014, 6, 14, 23, 59), "test"),  // version 1, 45
		phoneCall(danish(2014, 6, 15, 0, 10), "test"),   // version 2, 60
		phoneCall(danish(2014, 6, 15, 0, 20), "test"),   // version 2, 60
		phoneCall(danish(2014, 9, 1, 12, 0), "test"),    // version 2, 60
		phoneCall(danish(2015, 12, 31, 23, 0), "test"),  // after the period
		phoneCall(danish(2013, 11, 30, 23, 59), "test"), // before the period
	}
	if _, err := inquiry.NewRecorder(db).Record(ctx, cur, calls); err != nil {
		t.Fatal(err)
	}
	src, raw := sources(db, reg)
	h, err := src.History(ctx, "testkommune")
	if err != nil {
		t.Fatal(err)
	}
	if len(h.Versions) != 2 || h.Versions[1].From != kanaltest.Day("2014-06-15") || h.Versions[0].From != kanaltest.Day("2014-01-10") {
		t.Fatalf("history %+v", h.Versions)
	}
	f := measure.Filter{From: kanaltest.Day("2013-12-01"), To: kanaltest.Day("2014-12-31")}
	d, err := src.LoadHistory(ctx, "testkommune", h, f)
	if err != nil {
		t.Fatal(err)
	}
	// 3 × 45 + 3 × 60 = 135 + 180 = 315 kr.
	if d.Inquiries != 6 || !near(d.Cost, 315) {
		t.Errorf("%d calls costing %.2f, want 6 costing 315", d.Inquiries, d.Cost)
	}
	naive, err := raw.LoadHistory(ctx, "testkommune", h, f)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(d, naive) {
		t.Error("the dashboard from the rollups differs from the one from raw rows")
	}
	for _, p := range d.Mix {
		if p.Month == (civil.Month{Year: 2014, Month: time.June}) && p.Total != 3 {
			t.Errorf("June 2014 holds %d calls in the mix, want 3 in one month", p.Total)
		}
	}
	if len(d.Spans) != 2 || d.Spans[0].To != kanaltest.Day("2014-06-14") || d.Spans[1].Version.Number != 2 {
		t.Errorf("spans %+v", d.Spans)
	}
	// June alone, read by day: 45 + 2 × 60 = 165.
	june, err := src.LoadHistory(ctx, "testkommune", h, measure.Filter{From: kanaltest.Day("2014-06-01"), To: kanaltest.Day("2014-06-30")})
	if err != nil {
		t.Fatal(err)
	}
	if !near(june.Cost, 165) {
		t.Errorf("June costs %.2f, want 165", june.Cost)
	}
	// With one strategy for every day, as before: 6 × 60 = 360.
	if flat, err := src.Load(ctx, "testkommune", cur.Strategy, f); err != nil || !near(flat.Cost, 360) {
		t.Errorf("the newest prices for every day: %v %v", flat.Cost, err)
	}
}

// Demo data is labelled wherever it is shown; the look-up finds demo
// inquiries of the municipality and period only, and not test inquiries.
func TestHasDemo_FindsCountedDemoInquiriesOfThePeriod(t *testing.T) {
	db, reg, cur := twoVersions(t)
	src, _ := sources(db, reg)
	ctx := context.Background()
	if demo.Source != "demo" {
		t.Fatalf("demo inquiries are marked %q; the look-up and its index (migration 0007) ask for 'demo'", demo.Source)
	}
	testDemo := phoneCall(danish(2013, 5, 1, 12, 0), demo.Source)
	testDemo.Test = true
	if _, err := inquiry.NewRecorder(db).Record(ctx, cur, []inquiry.Inquiry{
		phoneCall(danish(2014, 5, 1, 12, 0), "console"), phoneCall(danish(2014, 8, 31, 23, 30), demo.Source), testDemo}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		from, to string
		want     bool
	}{
		{"2014-01-01", "2014-12-31", true},
		{"2014-08-31", "2014-08-31", true}, // 23:30 Danish time is still 31 August
		{"2014-09-01", "2014-12-31", false},
		{"2014-01-01", "2014-08-30", false},
		{"2013-01-01", "2013-12-31", false}, // a test inquiry is not counted
	} {
		got, err := src.HasDemo(ctx, "testkommune", kanaltest.Day(c.from), kanaltest.Day(c.to))
		if err != nil || got != c.want {
			t.Errorf("%s–%s: %v %v, want %v", c.from, c.to, got, err, c.want)
		}
	}
	if found, err := src.AnyDemo(ctx, "testkommune"); err != nil || !found {
		t.Errorf("any demo: %v %v", found, err)
	}
	if found, err := src.AnyDemo(ctx, "nowhere"); err != nil || found {
		t.Errorf("a municipality without inquiries: %v %v", found, err)
	}
	// A dashboard's targets follow the months from the strategy period's
	// start: September's dashboard is made from August's demo call too,
	// May's is not.
	for _, c := range []struct {
		f    measure.Filter
		want bool
	}{{measure.Filter{From: kanaltest.Day("2014-09-01"), To: kanaltest.Day("2014-09-30")}, true},
		{measure.Filter{From: kanaltest.Day("2014-05-01"), To: kanaltest.Day("2014-05-31")}, false}} {
		d, err := src.LoadHistory(ctx, "testkommune", measure.Single(cur.Strategy), c.f)
		if err != nil || d.Demo != c.want {
			t.Errorf("%s–%s: demo %v %v, want %v", c.f.From, c.f.To, d.Demo, err, c.want)
		}
	}
}

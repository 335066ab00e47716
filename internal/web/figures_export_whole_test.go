package web

import (
	"bytes"
	"context"
	"net/url"
	"testing"

	"github.com/kanal-dk/kanal/internal/dashboard"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/measure"
	"github.com/kanal-dk/kanal/internal/render/table"
)

// wholeTables are every table of the figures page as the whole dashboard
// builds them — every figure read, every table and chart made — each with
// the notes under it: what an export sent before it built only its own
// table. The comparison is built from every municipality's period rows,
// as the operator sees it.
func (ts *testServer) wholeTables(t *testing.T, m string, query url.Values, department string) []dashboard.Table {
	t.Helper()
	ctx := context.Background()
	l := locale.New("da")
	cur, err := ts.registry.Current(ctx, m)
	if err != nil {
		t.Fatal(err)
	}
	_, f, errs := dashboard.ReadForm(query, cur.Strategy, l, 2014, department)
	if len(errs) > 0 {
		t.Fatalf("%v: %v", query, errs)
	}
	ft := dashboard.New(l, ts.dashboard(t, m, f))
	tables := []dashboard.Table{ft.KeyFigures(), ft.Definitions(), ft.Targets(), ft.Mix().Table, ft.Channels().Table, ft.CostByType(),
		ft.Areas(), ft.SelfService(), ft.Savings().Table, ft.WithoutSolution(), ft.Departments()}
	for _, c := range ft.TargetCharts() {
		tables = append(tables, c.Table)
	}
	all, err := ts.registry.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var list []measure.Compared
	for _, o := range all {
		h, err := ts.srv.measures.History(ctx, o.ID)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := ts.srv.measures.PeriodRows(ctx, o.ID, h, f)
		if err != nil {
			t.Fatal(err)
		}
		c := measure.Compared{ID: o.ID, Name: o.Name, Strategy: h.Newest().Strategy, Rows: rows}
		if o.ID == m {
			c.Department = department
		}
		list = append(list, c)
	}
	tables = append(tables, dashboard.Comparison(l, measure.Compare(list, f)))
	notes := ft.Notes()
	for i := range tables {
		tables[i].Notes = append(tables[i].Notes, notes...)
	}
	return tables
}

// An export builds only its table, yet every table of the page, in both
// formats, for periods read by month and by day, from the middle of a
// month, narrowed to a type or a department, is byte for byte the table
// as the whole dashboard builds it.
func TestFiguresExport_EveryTableIsTheWholeDashboardsTable(t *testing.T) {
	ts := newTestServer(t, true)
	ts.seed(t, "dragoer", 2012, 2014, 0.02)
	ts.seed(t, "taarnby", 2014, 2014, 0.02)
	c := ts.client(t, operator)
	queries := []string{
		"period=year&year=2014",
		"period=quarter&year=2014&quarter=2&type=transaction",
		"period=month&year=2014&month=3&direction=inbound",
		"period=custom&from=2013-11-15&to=2014-05-20",
		"period=year&year=2013&department=borgerbutikken",
	}
	seen := 0
	for _, q := range queries {
		query, err := url.ParseQuery(q)
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range ts.wholeTables(t, "dragoer", query, "") {
			if want.ID == "comparison" && len(want.Rows) == 0 {
				t.Fatalf("%s: the comparison is empty", q)
			}
			for _, format := range []string{"csv", "xlsx"} {
				var buf bytes.Buffer
				if format == "csv" {
					err = table.WriteCSV(&buf, want.Table, true)
				} else {
					err = table.WriteXLSX(&buf, want.Table, want.ID)
				}
				if err != nil {
					t.Fatal(err)
				}
				r := ts.get(t, c, "/m/dragoer/figures/export?"+q+"&table="+want.ID+"&format="+format)
				if r.status != 200 || r.body != buf.String() {
					t.Errorf("%s, %s as %s: %d, %d bytes, want the whole dashboard's %d bytes", q, want.ID, format, r.status, len(r.body), buf.Len())
				}
				seen++
			}
		}
	}
	if seen < 5*2*13 {
		t.Errorf("only %d exports compared", seen)
	}
	// A manager's exports are the own department's, and the comparison,
	// which nobody shares with Dragør, is not there to download.
	manager := ts.client(t, dragoerManager)
	q := "period=year&year=2014"
	query, _ := url.ParseQuery(q)
	for _, want := range ts.wholeTables(t, "dragoer", query, "borgerbutikken") {
		var buf bytes.Buffer
		if err := table.WriteCSV(&buf, want.Table, true); err != nil {
			t.Fatal(err)
		}
		r := ts.get(t, manager, "/m/dragoer/figures/export?"+q+"&table="+want.ID+"&format=csv")
		if want.ID == "comparison" {
			if r.status != 404 {
				t.Errorf("the manager's comparison: %d, want 404", r.status)
			}
			continue
		}
		if r.status != 200 || r.body != buf.String() {
			t.Errorf("the manager's %s: %d, %d bytes, want the department's %d bytes", want.ID, r.status, len(r.body), buf.Len())
		}
	}
}

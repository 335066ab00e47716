package web

import (
	"bytes"
	"context"
	"encoding/csv"
	"net/http"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// A department manager sees the own department's figures everywhere: on
// the page, in every export and in the comparison with other
// municipalities. leder@dragoer.demo manages Borgerbutikken, whose area
// is flytning (23.05.10); byggetilladelse (02.34.02) belongs to Teknik og
// miljø.

// inbound is n inbound transactions of one area, department and channel
// in May 2014.
func inbound(n int, area, department, channel string) []inquiry.Inquiry {
	var out []inquiry.Inquiry
	for i := 0; i < n; i++ {
		out = append(out, inquiry.Inquiry{OccurredAt: month(2014, 5).AddDate(0, 0, i), Channel: channel, Type: strategy.Transaction,
			Direction: strategy.Inbound, Area: area, Department: department, Source: "test"})
	}
	return out
}

// sharingServer has Dragør and Tårnby both sharing, with these inquiries:
//
//	Dragør  flytning         Borgerbutikken  1 self-service, 3 in person  → 25,0 %
//	Dragør  flytning         Teknik og miljø 4 self-service
//	Dragør  byggetilladelse  Teknik og miljø 2 by phone
//	Tårnby  flytning         Borgerservice   3 self-service, 1 by phone   → 75,0 %
//	Tårnby  byggetilladelse  Teknisk         1 self-service               → 100,0 %
//
// For Borgerbutikken's manager the comparison has one row, flytning:
// Dragør 25,0 % (1 of 4), Tårnby 75,0 % (3 of 4), and those are the totals
// too. Anyone else sees Dragør's flytning at 62,5 % (5 of 8), its
// byggetilladelse at 0,0 % and Dragør in all at 50,0 % (5 of 10).
func sharingServer(t *testing.T) *testServer {
	t.Helper()
	ts := newTestServer(t, true)
	var dragoer []inquiry.Inquiry
	dragoer = append(dragoer, inbound(1, "flytning", "borgerbutikken", "self_service")...)
	dragoer = append(dragoer, inbound(3, "flytning", "borgerbutikken", "in_person")...)
	dragoer = append(dragoer, inbound(4, "flytning", "teknik-miljoe", "self_service")...)
	dragoer = append(dragoer, inbound(2, "byggetilladelse", "teknik-miljoe", "phone")...)
	ts.record(t, "dragoer", dragoer)
	var taarnby []inquiry.Inquiry
	taarnby = append(taarnby, inbound(3, "flytning", "borgerservice", "self_service")...)
	taarnby = append(taarnby, inbound(1, "flytning", "borgerservice", "phone")...)
	taarnby = append(taarnby, inbound(1, "byggetilladelse", "teknisk", "self_service")...)
	ts.record(t, "taarnby", taarnby)
	for _, m := range []string{"dragoer", "taarnby"} {
		if err := ts.registry.SetShareComparison(context.Background(), audit.System, m, true); err != nil {
			t.Fatal(err)
		}
	}
	return ts
}

// comparisonCSV is the comparison export as rows of cells.
func comparisonCSV(t *testing.T, ts *testServer, c *http.Client) [][]string {
	t.Helper()
	status, _, body := ts.raw(t, c, "/m/dragoer/figures/export?period=year&year=2014&table=comparison&format=csv")
	if status != http.StatusOK {
		t.Fatalf("the comparison export answers %d: %s", status, body)
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(body, []byte("\ufeff"))))
	r.Comma, r.FieldsPerRecord = ';', -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return beforeNotes(rows)
}

func TestManager_ComparisonExportHoldsOnlyTheOwnDepartment(t *testing.T) {
	ts := sharingServer(t)
	got := comparisonCSV(t, ts, ts.client(t, dragoerManager))
	want := [][]string{
		{"Område", "Dragør Kommune", "Tårnby Kommune"},
		{"23.05.10 Flytteanmeldelse", "25,00 %", "75,00 %"},
		{"Afdelingens områder", "25,00 %", "75,00 %"},
	}
	if !equalRows(got, want) {
		t.Errorf("the manager's comparison:\n%v\nwant\n%v", got, want)
	}
	// The strategy group sees the whole municipality.
	got = comparisonCSV(t, ts, ts.client(t, dragoerGroup))
	want = [][]string{
		{"Område", "Dragør Kommune", "Tårnby Kommune"},
		{"02.34.02 Byggetilladelse", "0,00 %", "100,00 %"},
		{"23.05.10 Flytteanmeldelse", "62,50 %", "75,00 %"},
		{"Alle områder", "50,00 %", "80,00 %"},
	}
	if !equalRows(got, want) {
		t.Errorf("the strategy group's comparison:\n%v\nwant\n%v", got, want)
	}
}

func TestManager_ComparisonWorkbookHoldsOnlyTheOwnDepartment(t *testing.T) {
	ts := sharingServer(t)
	status, _, body := ts.raw(t, ts.client(t, dragoerManager), "/m/dragoer/figures/export?period=year&year=2014&table=comparison&format=xlsx")
	if status != http.StatusOK {
		t.Fatalf("%d", status)
	}
	book, err := excelize.OpenReader(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer book.Close()
	rows, err := book.GetRows("comparison", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	// Row 1 is the caption; then the header, flytning and the totals.
	want := [][]string{
		{"Område", "Dragør Kommune", "Tårnby Kommune"},
		{"23.05.10 Flytteanmeldelse", "0.25", "0.75"},
		{"Afdelingens områder", "0.25", "0.75"},
	}
	if len(rows) < 1 || !equalRows(beforeNotes(rows[1:]), want) {
		t.Errorf("the manager's workbook:\n%v\nwant, after the caption,\n%v", rows, want)
	}
}

func TestManager_ComparisonOnThePageHoldsOnlyTheOwnDepartment(t *testing.T) {
	ts := sharingServer(t)
	r := ts.get(t, ts.client(t, dragoerManager), "/m/dragoer/figures?period=year&year=2014")
	if r.status != http.StatusOK {
		t.Fatalf("%d", r.status)
	}
	table := r.body[strings.Index(r.body, `id="table-comparison"`):]
	table = table[:strings.Index(table, "</table>")]
	for _, leak := range []string{"Byggetilladelse", "62,5 %", "50,0 %", "Alle områder"} {
		if strings.Contains(table, leak) {
			t.Errorf("the manager's comparison shows %q", leak)
		}
	}
	for _, want := range []string{"Flytteanmeldelse", "25,0 %", "75,0 %", "Afdelingens områder"} {
		if !strings.Contains(table, want) {
			t.Errorf("the manager's comparison lacks %q", want)
		}
	}
}

// A manager whose department is missing (an account edited in the
// database, or made before managers needed one) sees no figures, rather
// than every department's.
func TestManager_WithoutADepartmentSeesNoFigures(t *testing.T) {
	ts := sharingServer(t)
	res, err := ts.db.ExecContext(context.Background(), `UPDATE users SET department = NULL WHERE email = $1`, dragoerManager)
	if err != nil {
		t.Fatal(err)
	}
	if n, err := res.RowsAffected(); err != nil || n != 1 {
		t.Fatalf("%d accounts changed (%v), want the manager's", n, err)
	}
	c := ts.client(t, dragoerManager)
	for _, path := range []string{
		"/m/dragoer/figures?period=year&year=2014",
		"/m/dragoer/figures/export?period=year&year=2014&table=departments&format=csv",
		"/m/dragoer/figures/export?period=year&year=2014&table=comparison&format=xlsx",
		"/m/dragoer/figures/report?year=2014&format=html",
	} {
		if status, _, body := ts.raw(t, c, path); status != http.StatusForbidden {
			t.Errorf("%s: %d, want 403: %.200s", path, status, body)
		}
	}
}

func equalRows(got, want [][]string) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range got {
		if strings.Join(got[i], "\x00") != strings.Join(want[i], "\x00") {
			return false
		}
	}
	return true
}

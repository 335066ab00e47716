package web

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/councilreport"
	"github.com/kanal-dk/kanal/internal/dashboard"
	"github.com/kanal-dk/kanal/internal/kanaltest"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/measure"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// beforeNotes is an export's table without the notes under it: the rows
// before the first empty row.
func beforeNotes(rows [][]string) [][]string {
	for i, row := range rows {
		if strings.TrimSpace(strings.Join(row, "")) == "" {
			return rows[:i]
		}
	}
	return rows
}

// issue issues a municipality's report for a year, as the strategy group
// would, in Danish.
func (ts *testServer) issue(t *testing.T, m string, year int) councilreport.Issued {
	t.Helper()
	h, err := ts.srv.measures.History(context.Background(), m)
	if err != nil {
		t.Fatal(err)
	}
	is, err := ts.srv.reports.Issue(context.Background(), councilreport.IssueRequest{Municipality: m, History: h, Year: year,
		Lang: locale.New(locale.Danish), Now: time.Now(), By: "Test", Actor: audit.System})
	if err != nil {
		t.Fatal(err)
	}
	return is
}

// The figures page, every export of it and the council report state each
// definition they use; demo data is labelled on every page, export and
// report made from it. Dragør: "Henvendelser fra borgere i Digital Post
// regnes i denne forbindelse for en digital henvendelse."
func TestFigures_StateEveryDefinitionAndLabelDemoData(t *testing.T) {
	ts := newTestServer(t, true)
	ts.seed(t, "dragoer", 2014, 2014, 0.03)
	c := ts.client(t, dragoerGroup)
	l := locale.New(locale.Danish)
	d := ts.dashboard(t, "dragoer", measure.Year(2014))
	ft := dashboard.New(l, d)
	notes := ft.Notes()
	if len(notes) < 9 || notes[0] != l.T("definition.demo") {
		t.Fatalf("the notes do not open with the demo data: %q", notes)
	}

	page := ts.get(t, c, "/m/dragoer/figures?period=year&year=2014")
	if page.status != http.StatusOK {
		t.Fatalf("%d", page.status)
	}
	for _, want := range append([]string{l.T("figures.demo"), "Definitioner og priser", `id="table-definitions"`,
		`id="table-self-service"`, "Bruttopotentiale ved kanalskift", "prisniveau 2011",
		dashboard.Definition(l, d.Strategy, d.Definition(strategy.MeasureInboundDigital))}, notes...) {
		if !strings.Contains(page.body, want) {
			t.Errorf("the figures page lacks %q", want)
		}
	}
	if strings.Contains(page.body, "Besparelsespotentiale") {
		t.Error("the page still calls the gross potential a saving")
	}

	// Each export: the table, then its notes, the demo data first.
	for _, id := range []string{"key-figures", "areas", "savings", "targets"} {
		r := ts.get(t, c, "/m/dragoer/figures/export?period=year&year=2014&format=csv&table="+id)
		cr := csv.NewReader(strings.NewReader(strings.TrimPrefix(r.body, "\ufeff")))
		cr.Comma = ';'
		rows, err := cr.ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		table := beforeNotes(rows)
		var got []string
		for _, row := range rows[len(table)+1:] {
			got = append(got, row[0])
		}
		if len(got) != len(notes) || got[0] != notes[0] || got[1] != notes[1] {
			t.Errorf("%s: the notes under the table are %q, want %q", id, got, notes)
		}
	}
	status, _, body := ts.raw(t, c, "/m/dragoer/figures/export?period=year&year=2014&format=xlsx&table=key-figures")
	book, err := excelize.OpenReader(bytes.NewReader(body))
	if status != http.StatusOK || err != nil {
		t.Fatalf("%d %v", status, err)
	}
	defer book.Close()
	rows, err := book.GetRows("key-figures")
	if err != nil {
		t.Fatal(err)
	}
	if last := rows[len(rows)-len(notes)]; len(last) == 0 || last[0] != notes[0] {
		t.Errorf("the workbook's notes start %q, want %q", last, notes[0])
	}

	// The report made on the fly: not issued, demo data, every definition.
	r := ts.get(t, c, "/m/dragoer/figures/report?year=2014&format=html")
	for _, want := range append([]string{l.T("council.not_issued"), l.T("council.demo"), "Definitioner og priser"}, notes[1:]...) {
		if !strings.Contains(r.body, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
}

// A municipality whose counted inquiries include demo data says so on
// every page; one without does not.
func TestLayout_DemoBannerOnEveryPageOfAMunicipalityWithDemoData(t *testing.T) {
	ts := newTestServer(t, true)
	banner := locale.New(locale.Danish).T("figures.demo")
	c := ts.client(t, operator)
	for _, p := range []string{"/m/dragoer", "/m/dragoer/areas", "/m/dragoer/figures"} {
		if r := ts.get(t, c, p); r.status != http.StatusOK || strings.Contains(r.body, banner) {
			t.Errorf("%s before any demo data: %d, banner %v", p, r.status, strings.Contains(r.body, banner))
		}
	}
	ts.seed(t, "dragoer", 2014, 2014, 0.01)
	for _, p := range []string{"/m/dragoer", "/m/dragoer/areas", "/m/dragoer/channels", "/m/dragoer/versions", "/m/dragoer/figures"} {
		if r := ts.get(t, c, p); r.status != http.StatusOK || !strings.Contains(r.body, banner) {
			t.Errorf("%s with demo data: %d, no banner", p, r.status)
		}
	}
	if r := ts.get(t, c, "/m/taarnby"); strings.Contains(r.body, banner) {
		t.Error("Tårnby, without demo data, shows the banner")
	}
	if r := ts.get(t, ts.client(t, dragoerStaff), "/m/dragoer/console"); !strings.Contains(r.body, banner) {
		t.Error("the console of a municipality with demo data shows no banner")
	}
}

// The strategy group issues the report ("Udsted rapport"); it is listed
// and downloadable exactly as issued, also after a new strategy version.
// Dragør: "Kommunalbestyrelsen orienteres i første kvartal af årene
// 2013-2015 om effekterne af kanalstrategien."
func TestCouncilReport_IssuedIsStoredListedAndServedAsIssued(t *testing.T) {
	ts := newTestServer(t, true)
	ts.seed(t, "dragoer", 2014, 2014, 0.02)
	group := ts.client(t, dragoerGroup)
	if r := ts.post(t, ts.client(t, operator), "/m/dragoer/figures/reports", url.Values{"year": {"2014"}}); r.status != http.StatusForbidden {
		t.Errorf("the operator issues a report: %d", r.status)
	}
	r := ts.post(t, group, "/m/dragoer/figures/reports", url.Values{"year": {"2014"}})
	if r.status != http.StatusSeeOther || r.header.Get("Location") != "/m/dragoer/figures?year=2014#council" {
		t.Fatalf("issue: %d %q", r.status, r.header.Get("Location"))
	}
	list, err := ts.srv.reports.Issued(context.Background(), "dragoer")
	if err != nil || len(list) != 1 {
		t.Fatalf("%+v %v", list, err)
	}
	is := list[0]
	page := ts.get(t, group, "/m/dragoer/figures?year=2014")
	link := fmt.Sprintf("/m/dragoer/figures/reports/%d?format=pdf", is.ID)
	// Issued once: the page lists it and offers no second issue.
	if !strings.Contains(page.body, link) || strings.Contains(page.body, "Udsted rapporten for 2014") ||
		!strings.Contains(page.body, "En rapport udstedes kun én gang") {
		t.Errorf("the figures page does not list the issued report, or offers to issue it again")
	}
	if !strings.Contains(is.IssuedBy, dragoerGroup) || is.Version != 1 || is.Lang != locale.Danish {
		t.Errorf("issued %+v", is)
	}

	_, stored, err := ts.srv.reports.IssuedFile(context.Background(), "dragoer", is.ID, councilreport.FormatHTML)
	if err != nil {
		t.Fatal(err)
	}
	// A new version loaded since changes nothing in what is served.
	preset := string(kanaltest.PresetDocument(t, "dragoer"))
	if _, _, err := ts.registry.Load(context.Background(), audit.System, "dragoer.yaml", []byte(preset+"\n# version 2\n")); err != nil {
		t.Fatal(err)
	}
	status, header, body := ts.raw(t, group, fmt.Sprintf("/m/dragoer/figures/reports/%d?format=html", is.ID))
	if status != http.StatusOK || !bytes.Equal(body, stored) {
		t.Fatalf("the issued HTML is not served as stored: %d", status)
	}
	if !strings.Contains(header.Get("Content-Security-Policy"), councilreport.StyleHashOf(stored)) {
		t.Error("the stored report's own style is not allowed")
	}
	if !strings.Contains(string(body), "under strategiens version 1") || strings.Contains(string(body), "Ikke udstedt") {
		t.Error("the issued report does not say it was issued under version 1")
	}
	status, header, body = ts.raw(t, ts.client(t, operator), link)
	if status != http.StatusOK || header.Get("Content-Type") != "application/pdf" || !bytes.HasPrefix(body, []byte("%PDF")) {
		t.Errorf("the operator downloads the PDF: %d %s", status, header.Get("Content-Type"))
	}
	for who, path := range map[string]string{dragoerManager: link, taarnbyGroup: link, dragoerGroup: "/m/dragoer/figures/reports/999999?format=pdf"} {
		if r := ts.get(t, ts.client(t, who), path); r.status != http.StatusForbidden && r.status != http.StatusNotFound {
			t.Errorf("%s %s: %d", who, path, r.status)
		}
	}
	if events := ts.events(t, audit.Filter{Municipality: "dragoer", Action: audit.ReportIssued}); len(events) != 1 || events[0].Actor != dragoerGroup {
		t.Errorf("audit %+v", events)
	}
}

// The KPI API states what each share counts, the page views it leaves
// out, the prices' versions and years, the gross potential and whether
// the figures rest on demo data.
func TestKPIs_StateTheDefinitions(t *testing.T) {
	ts := newTestServer(t, true)
	ts.seed(t, "taarnby", 2016, 2016, 0.02)
	secret, _ := ts.addKey(t, "taarnby", "Ledelsesinformation", false, auth.Read)
	r := loadSpec(t).call(t, ts, "GET", "/api/v1/kpis?from=2016-01-01&to=2016-12-31", secret, "", "")
	if r.status != http.StatusOK {
		t.Fatalf("%d %s", r.status, r.body)
	}
	var got struct {
		Demo        bool   `json:"demo_data"`
		PageViews   *int64 `json:"page_views"`
		Definitions map[string]struct {
			Counts, Of []string
			Types      []string
			Text       string
		} `json:"definitions"`
		Prices []struct {
			Version   int  `json:"version"`
			PriceYear *int `json:"price_year"`
		} `json:"prices"`
		Gross   *float64 `json:"gross_channel_shift_potential_per_year"`
		Minimum *int     `json:"minimum_sb_level"`
	}
	if err := json.Unmarshal([]byte(r.body), &got); err != nil {
		t.Fatal(err)
	}
	d := ts.dashboard(t, "taarnby", measure.Year(2016))
	if !got.Demo || got.PageViews == nil || got.Gross == nil || !near(*got.Gross, d.Savings.Total()) || got.Minimum == nil || *got.Minimum != 1 {
		t.Errorf("demo %v, page views %v, gross %v, minimum %v", got.Demo, got.PageViews, got.Gross, got.Minimum)
	}
	tx := got.Definitions[strategy.MeasureTransactionDigital]
	if !slices.Equal(tx.Types, []string{strategy.Transaction}) || !slices.Contains(tx.Counts, strategy.SelfService) ||
		slices.Contains(tx.Of, strategy.Website) || !strings.Contains(tx.Text, "Kun henvendelsestypen") {
		t.Errorf("the digital applications' definition: %+v", tx)
	}
	if len(got.Prices) != 1 || got.Prices[0].Version != 1 || got.Prices[0].PriceYear == nil {
		t.Errorf("prices %+v", got.Prices)
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-6*math.Max(1, math.Abs(b)) }

package web

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/demo"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/kanaltest"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/measure"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// seed records demo inquiries for a municipality from the first day of
// fromYear to the last of toYear, at a fraction of the preset's volume.
func (ts *testServer) seed(t *testing.T, m string, fromYear, toYear int, scale float64) {
	t.Helper()
	cur, err := ts.registry.Current(context.Background(), m)
	if err != nil {
		t.Fatal(err)
	}
	opt := demo.Options{From: time.Date(fromYear, 1, 1, 0, 0, 0, 0, strategy.Location),
		To: time.Date(toYear, 12, 31, 0, 0, 0, 0, strategy.Location), Scale: scale}
	if _, err := demo.Seed(context.Background(), inquiry.NewRecorder(ts.db), cur, opt); err != nil {
		t.Fatal(err)
	}
}

// dashboard is what measure.Source.LoadHistory makes of a filter with the
// municipality's strategy versions, for comparing pages and answers with.
func (ts *testServer) dashboard(t *testing.T, m string, f measure.Filter) *measure.Dashboard {
	t.Helper()
	h, err := ts.srv.measures.History(context.Background(), m)
	if err != nil {
		t.Fatal(err)
	}
	d, err := ts.srv.measures.LoadHistory(context.Background(), m, h, f)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestFigures_PageShowsTheFiguresTheirChartsAndTables(t *testing.T) {
	ts := newTestServer(t, true)
	ts.seed(t, "dragoer", 2012, 2014, 0.05)
	c := ts.client(t, dragoerGroup)
	r := ts.get(t, c, "/m/dragoer/figures?period=year&year=2014")
	if r.status != http.StatusOK {
		t.Fatalf("%d %s", r.status, r.body)
	}
	d := ts.dashboard(t, "dragoer", measure.Year(2014))
	l := locale.New("da")
	inbound := l.Decimal(100**d.Totals.InboundDigitalShare(), 1) + " %"
	for _, want := range []string{
		`<p class="figure-value">` + inbound + `</p>`,
		"digitale af " + l.Int(d.Totals.Digital.Whole) + " henvendelser til kommunen",
		`id="table-key-figures"`, `id="table-targets"`, `id="table-target-digitale-henvendelser"`, `id="table-mix"`,
		`id="table-channels"`, `id="table-areas"`, `id="table-savings"`, `id="table-departments"`,
		`role="img"`, "Mål 2015: 50 %", "Årsrapport til kommunalbestyrelsen",
	} {
		if !strings.Contains(r.body, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if n := strings.Count(r.body, "<svg"); n < 4 {
		t.Errorf("%d charts, want the targets', the mix, the channel cost and the savings", n)
	}
	// Twelve months of mix, each with its row in the table under the chart.
	if n := strings.Count(r.body, "<th scope=\"row\">"); n < 12 {
		t.Errorf("only %d table rows", n)
	}
	if en := ts.get(t, c, "/m/dragoer/figures?period=quarter&year=2014&quarter=2&lang=en"); !strings.Contains(en.body, "Q2 2014") ||
		!strings.Contains(en.body, "Management information") {
		t.Errorf("the English page, second quarter: %d", en.status)
	}
}

func TestFigures_ProblemsInTheFilterNameTheField(t *testing.T) {
	ts := newTestServer(t, true)
	c := ts.client(t, dragoerGroup)
	for query, want := range map[string]string{
		"period=custom&from=2014-13-01&to=2014-12-31": `"2014-13-01" er ikke en dato`,
		"period=custom&from=2014-05-01&to=2014-04-01": "Til-datoen ligger før fra-datoen",
		"period=custom&to=2014-04-01":                 "Angiv en dato",
		"department=hr":                               `Ukendt afdeling "hr"`,
		"area=99.99.99":                               `Ukendt område "99.99.99"`,
		"period=week":                                 "Ukendt periode",
		"year=tyve":                                   `"tyve" er ikke et tal`,
		"period=custom&from=0001-01-01&to=2014-12-31": `"0001-01-01" ligger uden for årene 2000–2100`,
		"period=custom&from=2014-01-01&to=9999-12-31": `"9999-12-31" ligger uden for årene 2000–2100`,
	} {
		r := ts.get(t, c, "/m/dragoer/figures?"+query)
		if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, want) || !strings.Contains(r.body, `aria-invalid="true"`) {
			t.Errorf("%s: %d, want 422 saying %q", query, r.status, want)
		}
	}
	// No inquiries yet: the page says so rather than showing zeros as facts.
	if r := ts.get(t, c, "/m/dragoer/figures"); r.status != http.StatusOK || !strings.Contains(r.body, "Der er ikke talt nogen henvendelser endnu") {
		t.Errorf("an empty municipality: %d", r.status)
	}
}

func TestFigures_ManagerSeesOnlyTheOwnDepartment(t *testing.T) {
	ts := newTestServer(t, true)
	ts.seed(t, "dragoer", 2014, 2014, 0.05)
	r := ts.get(t, ts.client(t, dragoerManager), "/m/dragoer/figures?period=year&year=2014&department=teknik-miljoe")
	if r.status != http.StatusOK {
		t.Fatalf("%d", r.status)
	}
	own := ts.dashboard(t, "dragoer", measure.Filter{From: kanaltest.Day("2014-01-01"), To: kanaltest.Day("2014-12-31"), Department: "borgerbutikken"})
	all := ts.dashboard(t, "dragoer", measure.Year(2014))
	l := locale.New("da")
	if !strings.Contains(r.body, "digitale af "+l.Int(own.Totals.Digital.Whole)+" henvendelser") || own.Totals.Digital.Whole == all.Totals.Digital.Whole {
		t.Errorf("the manager's page does not show the own department's %d inbound inquiries", own.Totals.Inbound)
	}
	if strings.Contains(r.body, `<option value="teknik-miljoe"`) {
		t.Error("the manager can choose another department")
	}
	if ex := ts.get(t, ts.client(t, dragoerManager), "/m/dragoer/figures/export?period=year&year=2014&table=departments&format=csv&department=teknik-miljoe"); strings.Contains(ex.body, "Teknik") {
		t.Errorf("the manager's export holds another department: %s", ex.body)
	}
}

func TestFigures_ExportsHoldWhatThePageShows(t *testing.T) {
	ts := newTestServer(t, true)
	ts.seed(t, "dragoer", 2014, 2014, 0.05)
	c := ts.client(t, dragoerGroup)
	d := ts.dashboard(t, "dragoer", measure.Filter{From: kanaltest.Day("2014-04-01"), To: kanaltest.Day("2014-06-30"), Type: "transaction"})
	base := "/m/dragoer/figures/export?period=quarter&year=2014&quarter=2&type=transaction"

	r := ts.get(t, c, base+"&table=areas&format=csv")
	if r.status != http.StatusOK || !strings.Contains(r.header.Get("Content-Disposition"), "kanal-dragoer-areas-2014.csv") {
		t.Fatalf("%d %q", r.status, r.header.Get("Content-Disposition"))
	}
	cr := csv.NewReader(strings.NewReader(strings.TrimPrefix(r.body, "\ufeff")))
	cr.Comma = ';'
	rows, err := cr.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	rows = beforeNotes(rows)
	if len(rows) != len(d.Areas)+1 || rows[0][0] != "Område" {
		t.Fatalf("%d rows for %d areas: %v", len(rows), len(d.Areas), rows)
	}
	first := d.Areas[0]
	if rows[1][0] != first.Area.KLE+" "+first.Area.Title || rows[1][2] != strconv.FormatInt(first.Inquiries, 10) {
		t.Errorf("first row %v, want %s with %d inquiries", rows[1], first.Area.ID, first.Inquiries)
	}

	r = ts.get(t, c, base+"&table=key-figures&format=xlsx")
	if r.status != http.StatusOK || !strings.HasPrefix(r.header.Get("Content-Type"), "application/vnd.openxmlformats") {
		t.Fatalf("xlsx: %d %s", r.status, r.header.Get("Content-Type"))
	}
	book, err := excelize.OpenReader(strings.NewReader(r.body))
	if err != nil {
		t.Fatal(err)
	}
	defer book.Close()
	// Row 1 is the caption, row 2 the header; row 3 the digital share.
	got, err := book.GetCellValue("key-figures", "B3", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	if v, err := strconv.ParseFloat(got, 64); err != nil || math.Abs(v-*d.Totals.InboundDigitalShare()) > 1e-9 {
		t.Errorf("B3 = %q, want the share %v as a number", got, *d.Totals.InboundDigitalShare())
	}
	if r := ts.get(t, c, base+"&table=nothing&format=csv"); r.status != http.StatusNotFound {
		t.Errorf("an unknown table: %d", r.status)
	}
}

func TestFigures_ComparisonOnlyBetweenMunicipalitiesThatShare(t *testing.T) {
	ts := newTestServer(t, true)
	ts.seed(t, "dragoer", 2014, 2014, 0.02)
	ts.seed(t, "taarnby", 2014, 2014, 0.02)
	page := "/m/dragoer/figures?period=year&year=2014"
	if r := ts.get(t, ts.client(t, operator), page); !strings.Contains(r.body, `id="table-comparison"`) || !strings.Contains(r.body, "Tårnby Kommune</th>") {
		t.Error("the operator sees no comparison")
	}
	group := ts.client(t, dragoerGroup)
	if r := ts.get(t, group, page); strings.Contains(r.body, `id="table-comparison"`) || !strings.Contains(r.body, `name="share"`) {
		t.Error("Dragør sees others' figures before anyone shares")
	}
	// A third municipality: two others share, Dragør does not, and so it
	// sees nobody's figures.
	third := strings.Replace(strings.Replace(string(kanaltest.PresetDocument(t, "dragoer")), "id: dragoer", "id: magleby", 1), "name: Dragør Kommune", "name: Magleby Kommune", 1)
	if _, _, err := ts.registry.Load(context.Background(), audit.System, "magleby.yaml", []byte(third)); err != nil {
		t.Fatal(err)
	}
	for _, m := range []string{"taarnby", "magleby"} {
		if err := ts.registry.SetShareComparison(context.Background(), audit.System, m, true); err != nil {
			t.Fatal(err)
		}
	}
	if r := ts.get(t, group, page); strings.Contains(r.body, `id="table-comparison"`) {
		t.Error("Dragør sees others' figures without sharing its own")
	}
	if r := ts.post(t, group, "/m/dragoer/figures/sharing", url.Values{"share": {"on"}}); r.status != http.StatusSeeOther {
		t.Fatalf("share: %d", r.status)
	}
	r := ts.get(t, group, page)
	if !strings.Contains(r.body, `id="table-comparison"`) || !strings.Contains(r.body, "23.05.10 Flytteanmeldelse") {
		t.Error("both share, and Dragør sees no comparison")
	}
	if r := ts.get(t, ts.client(t, dragoerManager), page); r.status != http.StatusOK || strings.Contains(r.body, `name="share"`) {
		t.Errorf("a manager may not change the sharing")
	}
	events, err := audit.List(context.Background(), ts.db, audit.Filter{Municipality: "dragoer", Action: audit.ComparisonShared})
	if err != nil || len(events) != 1 {
		t.Errorf("the choice is not audited: %v %v", events, err)
	}
}

func TestAPI_KPIs(t *testing.T) {
	sp := loadSpec(t)
	ts := newTestServer(t, true)
	ts.seed(t, "dragoer", 2013, 2014, 0.05)
	secret, _ := ts.addKey(t, "dragoer", "Ledelsesinformation", false, auth.Read)
	r := sp.call(t, ts, "GET", "/api/v1/kpis?municipality=dragoer&from=2014-01-01&to=2014-12-31&area=23.05.10", secret, "", "")
	if r.status != http.StatusOK {
		t.Fatalf("%d %s", r.status, r.body)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(r.body), &got); err != nil {
		t.Fatal(err)
	}
	d := ts.dashboard(t, "dragoer", measure.Filter{From: kanaltest.Day("2014-01-01"), To: kanaltest.Day("2014-12-31"), Area: "flytning"})
	for field, want := range map[string]float64{
		"inbound_total": float64(d.Totals.Inbound), "inbound_digital": float64(d.Totals.Digital.Part),
		"inbound_digital_share": *d.Totals.InboundDigitalShare(), "outbound_total": float64(d.Totals.Outbound),
		"outbound_digital_post_share": *d.Totals.OutboundDigitalPostShare(), "transaction_digital_share": *d.Totals.TransactionDigitalShare(),
		"cost_total": d.Totals.Cost,
	} {
		if v, ok := got[field].(float64); !ok || math.Abs(v-want) > 1e-9 {
			t.Errorf("%s = %v, want %v", field, got[field], want)
		}
	}
	if bc, ok := got["by_channel"].([]any); !ok || len(bc) == 0 {
		t.Errorf("by_channel: %v", got["by_channel"])
	}
	for query, field := range map[string]string{
		"to=2014-12-31":                          "from",
		"from=2014-01-01&to=2013-12-31":          "to",
		"from=2014-01-01&to=2014-12-31&type=x":   "type",
		"from=2014-01-01&to=2014-12-31&area=999": "area",
		"from=1900-01-01&to=2014-12-31":          "from",
	} {
		r := sp.call(t, ts, "GET", "/api/v1/kpis?"+query, secret, "", "")
		if r.status != http.StatusBadRequest || !strings.Contains(r.body, `"field":"`+field+`"`) {
			t.Errorf("%s: %d %s, want 400 naming %s", query, r.status, r.body, field)
		}
	}
	// Nothing counted: the shares are null, not zero.
	r = sp.call(t, ts, "GET", "/api/v1/kpis?from=2030-01-01&to=2030-12-31", secret, "", "")
	if !strings.Contains(r.body, `"inbound_digital_share":null`) {
		t.Errorf("an empty year: %s", r.body)
	}
}

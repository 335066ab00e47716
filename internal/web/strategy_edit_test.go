package web

import (
	"html"
	"net/http"
	"net/url"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pmezard/go-difflib/difflib"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/kanaltest"
	"github.com/kanal-dk/kanal/internal/measure"
	"github.com/kanal-dk/kanal/internal/strategy"
)

var (
	formInput    = regexp.MustCompile(`<input type="(text|hidden|checkbox)"[^>]*? id="([^"]*)"[^>]*?>|<input type="hidden" name="([^"]*)" value="([^"]*)">`)
	formAttr     = regexp.MustCompile(`(\w[\w-]*)="([^"]*)"`)
	formTextarea = regexp.MustCompile(`(?s)<textarea[^>]*? name="([^"]*)"[^>]*>(.*?)</textarea>`)
	formSelect   = regexp.MustCompile(`(?s)<select[^>]*? name="([^"]*)"[^>]*>(.*?)</select>`)
	formSelected = regexp.MustCompile(`<option value="([^"]*)" selected>`)
)

// formValues reads the values a browser would send for the page's form:
// every text input, hidden input, ticked checkbox, textarea and chosen
// option, as the page shows them (html.UnescapeString has been applied to
// the body by do).
func formValues(t *testing.T, body string) url.Values {
	t.Helper()
	form := strings.Index(body, `<form method="post"`)
	if form < 0 {
		t.Fatal("the page has no form")
	}
	body = body[form:]
	v := url.Values{}
	for _, m := range formInput.FindAllString(body, -1) {
		attrs := map[string]string{}
		for _, a := range formAttr.FindAllStringSubmatch(m, -1) {
			attrs[a[1]] = a[2]
		}
		if attrs["type"] == "checkbox" && !strings.Contains(m, " checked") {
			continue
		}
		v.Add(attrs["name"], attrs["value"])
	}
	for _, m := range formTextarea.FindAllStringSubmatch(body, -1) {
		v.Set(m[1], html.UnescapeString(m[2]))
	}
	for _, m := range formSelect.FindAllStringSubmatch(body, -1) {
		chosen := ""
		if s := formSelected.FindStringSubmatch(m[2]); s != nil {
			chosen = s[1]
		} else if first := regexp.MustCompile(`<option value="([^"]*)"`).FindStringSubmatch(m[2]); first != nil {
			chosen = first[1]
		}
		v.Set(m[1], chosen)
	}
	return v
}

// The strategy group changes Dragør's 2015 target for digital inquiries
// from 50 to 55 % in the form, with a reason: the next version is stored,
// it holds the new share and nothing else changed, the version carries
// who and why, and the comparison says where, before and after, in words.
func TestStrategyEdit_TargetBecomesTheNextVersionWithWhoAndWhy(t *testing.T) {
	ts := newTestServer(t, true)
	c := ts.client(t, dragoerGroup)
	page := ts.get(t, c, "/m/dragoer/strategy/edit/targets")
	if page.status != http.StatusOK {
		t.Fatalf("the targets form: %d", page.status)
	}
	form := formValues(t, page.body)
	const share = "f-targets-0-shares-2015"
	if got := form.Get(share); got != "50" {
		t.Fatalf("the form shows %q for the 2015 share, want Dragør's 50", got)
	}
	form.Set(share, "55")
	form.Set("reason", "Byrådet hævede målet for 2015")
	r := ts.post(t, c, "/m/dragoer/strategy/edit/targets", form)
	if r.status != http.StatusSeeOther || r.header.Get("Location") != "/m/dragoer/versions/diff?from=1&to=2&saved=1" {
		t.Fatalf("save: %d %q, want a redirect to the comparison of versions 1 and 2\n%s", r.status, r.header.Get("Location"), text(r.body))
	}
	cur := kanaltest.Current(t, ts.registry, "dragoer")
	if cur.Number != 2 || cur.Strategy.Targets[0].Shares[2015] != 55 || cur.Strategy.Targets[0].Shares[2012] != 30 {
		t.Fatalf("version %d has shares %v, want version 2 with 30 in 2012 and 55 in 2015", cur.Number, cur.Strategy.Targets[0].Shares)
	}
	before, err := strategy.Parse("dragoer.yaml", kanaltest.PresetDocument(t, "dragoer"))
	if err != nil {
		t.Fatal(err)
	}
	before.Targets[0].Shares[2015] = 55
	if !reflect.DeepEqual(before, cur.Strategy) {
		t.Error("the stored version differs from the preset in more than the 2015 share")
	}
	notes, err := ts.registry.Notes(t.Context(), "dragoer")
	if err != nil {
		t.Fatal(err)
	}
	if n := notes[cur.ID]; n.By != dragoerGroup || n.Reason != "Byrådet hævede målet for 2015" {
		t.Errorf("version 2's note is %+v", n)
	}
	if events := ts.events(t, audit.Filter{Municipality: "dragoer", Action: audit.StrategyLoaded, Actor: dragoerGroup}); len(events) != 1 || events[0].Target != "version 2" {
		t.Errorf("audit: %+v, want version 2 loaded by the strategy group", events)
	}

	diff := ts.get(t, c, r.header.Get("Location"))
	table := text(diff.body[strings.Index(diff.body, "<table>"):])
	for _, want := range []string{"Ændringen er gemt som version 2",
		"Mål › »30 % af alle henvendelser", "› Andel (%) › andel i 2015 50 55",
		"ændret i formularen af strategi@dragoer.demo: »Byrådet hævede målet for 2015«"} {
		if !strings.Contains(text(diff.body), want) && !strings.Contains(table, want) {
			t.Errorf("the comparison lacks %q:\n%s", want, text(diff.body))
		}
	}
	if lines := storedLines(t, ts, "dragoer", 2); !slices.Equal(lines, []string{"-      2015: 50", "+      2015: 55"}) {
		t.Errorf("the stored file changed the lines %q, want only the 2015 share's", lines)
	}
	if !strings.Contains(diff.body, "-      2015: 50\n+      2015: 55") {
		t.Errorf("the YAML line diff does not show the share's line changed")
	}
	if rows := strings.Count(diff.body, `<tr><th scope="row">`); rows != 1 {
		t.Errorf("the comparison has %d rows, want the one share changed", rows)
	}
	versions := ts.get(t, c, "/m/dragoer/versions").body
	if !strings.Contains(versions, "strategi@dragoer.demo: Byrådet hævede målet for 2015") ||
		!strings.Contains(versions, `/m/dragoer/versions/diff?from=1&to=2`) {
		t.Errorf("the versions page lacks the note or the link to the changes:\n%s", text(versions))
	}
}

// A share typed as "30 %" is refused with the loader's rule, at the share's
// field, with a summary that links to it; the missing reason is reported
// at its field; nothing is stored.
func TestStrategyEdit_ProblemsAreShownAtTheirFields(t *testing.T) {
	ts := newTestServer(t, true)
	c := ts.client(t, dragoerGroup)
	form := formValues(t, ts.get(t, c, "/m/dragoer/strategy/edit/targets").body)
	form.Set("f-targets-0-shares-2015", "30 %")
	r := ts.post(t, c, "/m/dragoer/strategy/edit/targets", form)
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("status %d, want 422\n%s", r.status, ts.logs.String())
	}
	for _, want := range []string{
		`<a href="#f-targets-0-shares-2015">Andel i 2015: "30 %" er ikke et tal; skriv fx 30 eller 12,5 uden enhed</a>`,
		`<p class="form-error-message error" id="f-targets-0-shares-2015-error">"30 %" er ikke et tal`,
		`aria-describedby="f-targets-0-shares-2015-error" aria-invalid="true"`,
		`<a href="#reason">Skriv, hvorfor strategien ændres</a>`,
		`value="30 %"`,
	} {
		if !strings.Contains(r.body, want) {
			t.Errorf("the answer lacks %s", want)
		}
	}
	if n := ts.count(t, `SELECT COUNT(*) FROM strategy_versions WHERE municipality_id = 'dragoer'`); n != 1 {
		t.Errorf("%d versions, want the preset's one", n)
	}
}

// save posts a form with its values as the page shows them, changed by
// set, and returns the answer.
func (ts *testServer) saveForm(t *testing.T, c *http.Client, path string, set func(url.Values)) response {
	t.Helper()
	form := formValues(t, ts.get(t, c, path).body)
	set(form)
	return ts.post(t, c, path, form)
}

// A price marked as an example (Dragør's self-service at SB level 0, 90
// kr.) changed to the municipality's own figure with its source stops
// being an example; the other examples stay; the year of the prices is
// edited with it.
func TestStrategyEdit_PriceChangedIsNoLongerAnExample(t *testing.T) {
	ts := newTestServer(t, true)
	c := ts.client(t, dragoerGroup)
	r := ts.saveForm(t, c, "/m/dragoer/strategy/edit/prices", func(f url.Values) {
		if f.Get("f-prices-entries-2-dkk") != "90" {
			t.Fatalf("the third price shows %q, want Dragør's 90", f.Get("f-prices-entries-2-dkk"))
		}
		f.Set("f-prices-entries-2-dkk", "62,5")
		f.Set("f-prices-entries-2-source", "Egen opgørelse 2013")
		f.Set("f-prices-year", "2013")
		f.Set("reason", "Egne priser fra 2013")
	})
	if r.status != http.StatusSeeOther {
		t.Fatalf("save: %d\n%s", r.status, text(r.body))
	}
	st := kanaltest.Current(t, ts.registry, "dragoer").Strategy
	p := st.Prices.Entries[2]
	if *p.DKK != 62.5 || p.Source != "Egen opgørelse 2013" || p.Example || st.Prices.Year != 2013 {
		t.Errorf("the price is %v kr. from %q, example %v, year %d", *p.DKK, p.Source, p.Example, st.Prices.Year)
	}
	if !st.Prices.Entries[3].Example {
		t.Error("the next price stopped being an example too")
	}
	if got := formValues(t, ts.get(t, c, "/m/dragoer/strategy/edit/prices").body).Get("f-prices-entries-2-dkk"); got != "62,5" {
		t.Errorf("the form shows the new price as %q, want 62,5 with a Danish decimal comma", got)
	}
	diff := text(ts.get(t, c, r.header.Get("Location")).body)
	if !strings.Contains(diff, "Priser › Kanalpris › »Digital selvbetjening, SB 0« › Pris (kr.) 90 62,5") {
		t.Errorf("the comparison does not say the price went from 90 to 62,5:\n%s", diff)
	}
}

// Tårnby's phone hours: the Friday interval emptied is removed, a Saturday
// interval is added, a closing day is added; an interval that ends before
// it begins is refused at its field.
func TestStrategyEdit_OpeningHoursAndClosingDays(t *testing.T) {
	ts := newTestServer(t, true)
	c := ts.client(t, taarnbyGroup)
	const path = "/m/taarnby/strategy/edit/hours"
	r := ts.saveForm(t, c, path, func(f url.Values) {
		f.Set("f-opening_hours-0-hours-1-to", "09:00")
		f.Set("reason", "Nye telefontider")
	})
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, `<a href="#f-opening_hours-0-hours-1-to">Lukker (tidsrum 2): `) {
		t.Fatalf("an interval 10:00–09:00: %d, want 422 with the error at its closing time\n%s", r.status, text(r.body))
	}
	r = ts.saveForm(t, c, path, func(f url.Values) {
		f.Del("f-opening_hours-0-hours-2-days")
		f.Set("f-opening_hours-0-hours-2-from", "")
		f.Set("f-opening_hours-0-hours-2-to", "")
		f.Set("f-opening_hours-0-hours-3-days", "sat")
		f.Set("f-opening_hours-0-hours-3-from", "09:00")
		f.Set("f-opening_hours-0-hours-3-to", "12:00")
		if got := f.Get("f-holidays-closed"); got != "05-06\n24-12\n31-12" {
			t.Errorf("the closing days show as %q, want them as people write them", got)
		}
		f.Set("f-holidays-closed", f.Get("f-holidays-closed")+"\r\n26-05-2017")
		f.Set("reason", "Nye telefontider")
	})
	if r.status != http.StatusSeeOther {
		t.Fatalf("save: %d\n%s", r.status, text(r.body))
	}
	st := kanaltest.Current(t, ts.registry, "taarnby").Strategy
	var got []string
	for _, h := range st.OpeningHours[0].Hours {
		got = append(got, strings.Join(h.Days, ",")+" "+h.From+"-"+h.To)
	}
	if want := "mon,tue,wed 10:00-15:00|thu 10:00-17:00|sat 09:00-12:00"; strings.Join(got, "|") != want {
		t.Errorf("phone hours %v, want %s", got, want)
	}
	if st.OpeningHours[0].Example || !st.OpeningHours[1].Example {
		t.Error("the phone hours should be the municipality's own now, the counter's still an example")
	}
	if !slices.Equal(st.Holidays.Closed, []string{"06-05", "12-24", "12-31", "2017-05-26"}) || st.Holidays.ClosedExample {
		t.Errorf("closing days %v (example %v)", st.Holidays.Closed, st.Holidays.ClosedExample)
	}
}

// An area: search words and the response time changed stop being
// examples, the other examples stay; e-mail made a secondary channel for
// transactions is written as the area's own list beside the one it had; a
// search word given twice is refused at the search words; mandatory
// self-service unticked is left out of the area.
func TestStrategyEdit_Area(t *testing.T) {
	ts := newTestServer(t, true)
	c := ts.client(t, dragoerGroup)
	const path = "/m/dragoer/strategy/edit/areas/flytning"
	r := ts.saveForm(t, c, path, func(f url.Values) {
		f.Set("f-areas-0-search_words", "adresse\r\nflyt\r\n\r\nny bolig")
		f.Set("f-areas-0-response_days", "3")
		f.Set("f-areas-0-channels-transaction-email", "secondary")
		f.Set("reason", "Søgeord fra borgerservice")
	})
	if r.status != http.StatusSeeOther {
		t.Fatalf("save: %d\n%s", r.status, text(r.body))
	}
	a, _ := kanaltest.Current(t, ts.registry, "dragoer").Strategy.Area("flytning")
	if !slices.Equal(a.SearchWords, []string{"adresse", "flyt", "ny bolig"}) || *a.ResponseDays != 3 {
		t.Errorf("search words %v, response days %d", a.SearchWords, *a.ResponseDays)
	}
	if a.IsExample("search_words") || a.IsExample("response_days") || !a.IsExample("kle") {
		t.Errorf("examples %v, want search words and response time gone, the KLE number kept", a.Examples)
	}
	if sec := a.Channels["transaction"].Secondary; !slices.Contains(sec, "email") || !slices.Contains(sec, "in_person") {
		t.Errorf("transaction secondary %v, want e-mail added beside the personal attendance", sec)
	}

	r = ts.saveForm(t, c, path, func(f url.Values) {
		f.Set("f-areas-0-search_words", "adresse\r\nAdresse")
		f.Set("reason", "Test")
	})
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, `<a href="#f-areas-0-search_words">Søgeord: `) {
		t.Errorf("a search word twice: %d, want 422 with the error at the search words\n%s", r.status, text(r.body))
	}
	r = ts.saveForm(t, c, path, func(f url.Values) {
		f.Del("f-areas-0-mandatory_digital")
		f.Set("reason", "Ikke længere obligatorisk")
	})
	if r.status != http.StatusSeeOther {
		t.Fatalf("untick mandatory: %d\n%s", r.status, text(r.body))
	}
	if a, _ := kanaltest.Current(t, ts.registry, "dragoer").Strategy.Area("flytning"); a.Mandatory != nil {
		t.Errorf("mandatory %+v, want none", a.Mandatory)
	}
}

// A form saved after another version was stored meanwhile is refused: it
// would undo the other change. Nothing changed is not a new version.
func TestStrategyEdit_StaleAndUnchanged(t *testing.T) {
	ts := newTestServer(t, true)
	c := ts.client(t, dragoerGroup)
	const path = "/m/dragoer/strategy/edit/targets"
	form := formValues(t, ts.get(t, c, path).body)
	form.Set("reason", "Ingen ændring")
	if r := ts.post(t, c, path, form); r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "Du har ikke ændret noget") {
		t.Errorf("unchanged: %d, want 422 saying nothing changed", r.status)
	}
	other := ts.saveForm(t, c, path, func(f url.Values) {
		f.Set("f-targets-0-shares-2012", "31")
		f.Set("reason", "Første ændring")
	})
	if other.status != http.StatusSeeOther {
		t.Fatalf("first save: %d", other.status)
	}
	form.Set("f-targets-0-shares-2015", "60") // made from version 1
	r := ts.post(t, c, path, form)
	if r.status != http.StatusConflict || !strings.Contains(r.body, "Strategien er ændret, siden du åbnede formularen") {
		t.Errorf("stale: %d, want 409 with the reason", r.status)
	}
	if n := ts.count(t, `SELECT COUNT(*) FROM strategy_versions WHERE municipality_id = 'dragoer'`); n != 2 {
		t.Errorf("%d versions, want 2", n)
	}
}

// Every form, the list of forms and the comparison render in both
// languages for the operator too, with their own texts (the browser test
// checks them with axe).
func TestStrategyEdit_EveryFormInBothLanguages(t *testing.T) {
	ts := newTestServer(t, true)
	c := ts.client(t, operator)
	for path, want := range map[string][2]string{
		"/m/dragoer/strategy/edit":                                              {"Åbningstider og lukkedage", "Opening hours and closing days"},
		"/m/dragoer/strategy/edit/targets":                                      {"Andel i 2015", "Share in 2015"},
		"/m/dragoer/versions/diff":                                              {"Vælg to versioner at sammenligne.", "Choose two versions to compare."},
		"/m/dragoer/strategy/edit/prices":                                       {"Prisernes år", "Year of the prices"},
		"/m/taarnby/strategy/edit/hours":                                        {"Andre lukkedage", "Other closing days"},
		"/m/dragoer/strategy/edit/areas/flytning":                               {"Kanaler til kommunen: Transaktion", "Channels to the municipality: Transaction"},
		"/m/taarnby/strategy/edit/areas/23.09.02":                               {"Søgeord", "Search words"},
		"/m/dragoer/versions/diff?from=1&to=1":                                  {"Version 1 og version 1 er ens.", "Version 1 and version 1 are the same."},
		"/m/dragoer/strategy/edit/new/target":                                   {"Hvad skal målet måle?", "What should the target measure?"},
		"/m/dragoer/strategy/edit/new/target?measure=inbound_digital_share":     {"Tæller med i andelen", "Counted in the share"},
		"/m/taarnby/strategy/edit/new/target?measure=self_service_on_borger_dk": {"Opfyldt senest i år", "Met by the year"},
		"/m/dragoer/strategy/edit/targets/nemid/remove":                         {"Fjern målet", "Remove the target"},
	} {
		for i, lang := range []string{"da", "en"} {
			r := ts.get(t, c, path+map[bool]string{true: "&", false: "?"}[strings.Contains(path, "?")]+"lang="+lang)
			if r.status != http.StatusOK || !strings.Contains(r.body, want[i]) || strings.Contains(r.body, "edit.") || strings.Contains(r.body, "diff.") {
				t.Errorf("%s (%s): %d, want a page with %q and no text missing\n%s", path, lang, r.status, want[i], text(r.body))
			}
		}
	}
	if r := ts.get(t, c, "/m/dragoer/strategy/edit/areas/nowhere"); r.status != http.StatusNotFound {
		t.Errorf("an area that does not exist: %d, want 404", r.status)
	}
}

// storedLines is the lines a version's file removes and adds against the
// version before it, as a unified line diff.
func storedLines(t *testing.T, ts *testServer, m string, number int) []string {
	t.Helper()
	_, before, err := ts.registry.Document(t.Context(), m, number-1)
	if err != nil {
		t.Fatal(err)
	}
	_, after, err := ts.registry.Document(t.Context(), m, number)
	if err != nil {
		t.Fatal(err)
	}
	diff, err := difflib.GetUnifiedDiffString(difflib.UnifiedDiff{A: difflib.SplitLines(string(before)), B: difflib.SplitLines(string(after))})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, l := range strings.Split(diff, "\n") {
		if (strings.HasPrefix(l, "-") || strings.HasPrefix(l, "+")) && !strings.HasPrefix(l, "---") && !strings.HasPrefix(l, "+++") {
			out = append(out, l)
		}
	}
	return out
}

// A target added in the forms: the measure is chosen first; a share
// target with no share is refused at its first share; with one, it is the
// next version, with an id Kanal made, the area chosen and what it
// counts; the file gains the target's lines and nothing else changes.
func TestStrategyEdit_AddATarget(t *testing.T) {
	ts := newTestServer(t, true)
	c := ts.client(t, dragoerGroup)
	choose := ts.get(t, c, "/m/dragoer/strategy/edit/new/target")
	for _, want := range []string{"Hvad skal målet måle?", "Digitale ansøgninger og anmeldelser", "Selvbetjening tilgængelig via borger.dk"} {
		if choose.status != http.StatusOK || !strings.Contains(choose.body, want) {
			t.Errorf("the choice of measure (%d) lacks %q", choose.status, want)
		}
	}
	if r := ts.get(t, c, "/m/dragoer/strategy/edit/new/target?measure=wrong"); r.status != http.StatusNotFound {
		t.Errorf("an unknown measure: %d, want 404", r.status)
	}
	s := kanaltest.Current(t, ts.registry, "dragoer").Strategy
	n := len(s.Targets)
	at := func(field string) string { return "f-targets-" + strconv.Itoa(n) + "-" + field }
	path := "/m/dragoer/strategy/edit/new/target?measure=transaction_digital_share"
	r := ts.saveForm(t, c, path, func(f url.Values) {
		if got := f["f-targets-"+strconv.Itoa(n)+"-types"]; !slices.Equal(got, []string{"transaction"}) {
			t.Errorf("a new transaction share counts the types %v, want transactions", got)
		}
		f.Set(at("text"), "80 % af ansøgningerne om flytning skal være digitale i 2015.")
		f.Set("reason", "Nyt mål")
	})
	if r.status != http.StatusUnprocessableEntity ||
		!strings.Contains(r.body, `<p class="form-error-message error" id="`+at("shares-2012")+`-error">`) {
		t.Fatalf("a share target with no share: %d, want 422 with the problem at the first share\n%s", r.status, text(r.body))
	}
	r = ts.saveForm(t, c, path, func(f url.Values) {
		f.Set(at("text"), "80 % af ansøgningerne om flytning skal være digitale i 2015.")
		f.Set(at("shares-2015"), "80")
		f.Set(at("area"), "flytning")
		f["f-targets-"+strconv.Itoa(n)+"-counts"] = []string{"self_service"}
		f.Set("reason", "Nyt mål for flytning")
	})
	if r.status != http.StatusSeeOther {
		t.Fatalf("save: %d\n%s", r.status, text(r.body))
	}
	cur := kanaltest.Current(t, ts.registry, "dragoer")
	if len(cur.Strategy.Targets) != n+1 {
		t.Fatalf("version %d has %d targets, want %d", cur.Number, len(cur.Strategy.Targets), n+1)
	}
	got := cur.Strategy.Targets[n]
	if got.ID != "transaction-digital-share" || got.Measure != strategy.MeasureTransactionDigital || got.Area != "flytning" ||
		got.Shares[2015] != 80 || !slices.Equal(got.Counts, []string{"self_service"}) || got.Of != nil || got.Types != nil {
		t.Errorf("the new target is %+v", got)
	}
	lines := storedLines(t, ts, "dragoer", cur.Number)
	for _, l := range lines {
		if !strings.HasPrefix(l, "+") {
			t.Errorf("adding a target changed the line %q", l)
		}
	}
	if len(lines) != 7 {
		t.Errorf("the file gained %d lines, want the target's 7:\n%s", len(lines), strings.Join(lines, "\n"))
	}
	diff := text(ts.get(t, c, r.header.Get("Location")).body)
	if !strings.Contains(diff, "Tilføjet: Mål › »80 % af ansøgningerne") {
		t.Errorf("the comparison does not say the target was added:\n%s", diff)
	}
}

// What a share counts, out of what and of which types, edited: a choice
// other than the measure's default is written, the default's leaves the
// list out.
func TestStrategyEdit_WhatATargetCounts(t *testing.T) {
	ts := newTestServer(t, true)
	c := ts.client(t, dragoerGroup)
	r := ts.saveForm(t, c, "/m/dragoer/strategy/edit/targets", func(f url.Values) {
		if got := f["f-targets-0-counts"]; !slices.Equal(got, []string{"self_service", "digital_post"}) {
			t.Errorf("the digital share counts %v, want self-service and Digital Post", got)
		}
		if got := f["f-targets-0-types"]; len(got) != 3 {
			t.Errorf("the digital share counts the types %v, want all three", got)
		}
		f["f-targets-0-counts"] = []string{"self_service"}
		f["f-targets-0-types"] = []string{"interaction", "transaction"}
		f["f-targets-1-of"] = []string{"digital_post", "letter"} // the default, as it is
		f.Set("reason", "Kun selvbetjening tæller")
	})
	if r.status != http.StatusSeeOther {
		t.Fatalf("save: %d\n%s", r.status, text(r.body))
	}
	got := kanaltest.Current(t, ts.registry, "dragoer").Strategy.Targets
	if !slices.Equal(got[0].Counts, []string{"self_service"}) || !slices.Equal(got[0].Types, []string{"interaction", "transaction"}) {
		t.Errorf("target 1 counts %v of the types %v", got[0].Counts, got[0].Types)
	}
	if !slices.Equal(got[1].Of, []string{"digital_post", "letter"}) {
		t.Errorf("target 2 is out of %v, want its list kept", got[1].Of)
	}
}

// A target removed: a question with the reason first, then the next
// version without it; without a reason nothing is stored.
func TestStrategyEdit_RemoveATarget(t *testing.T) {
	ts := newTestServer(t, true)
	c := ts.client(t, dragoerGroup)
	targets := ts.get(t, c, "/m/dragoer/strategy/edit/targets").body
	const path = "/m/dragoer/strategy/edit/targets/borger-dk/remove"
	if !strings.Contains(targets, `href="`+path+`"`) {
		t.Fatal("the targets form has no link to remove a target")
	}
	page := ts.get(t, c, path)
	for _, want := range []string{"Fjern målet »Selvbetjening tilgængelig via borger.dk«?", "De tidligere versioner bevares", `class="danger">Fjern målet</button>`} {
		if !strings.Contains(page.body, want) {
			t.Errorf("the question lacks %q", want)
		}
	}
	if r := ts.saveForm(t, c, path, func(url.Values) {}); r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "Skriv, hvorfor strategien ændres") {
		t.Errorf("removing without a reason: %d", r.status)
	}
	if n := kanaltest.Current(t, ts.registry, "dragoer").Number; n != 1 {
		t.Fatalf("version %d stored without a reason", n)
	}
	r := ts.saveForm(t, c, path, func(f url.Values) { f.Set("reason", "Målet er nået") })
	if r.status != http.StatusSeeOther {
		t.Fatalf("remove: %d\n%s", r.status, text(r.body))
	}
	cur := kanaltest.Current(t, ts.registry, "dragoer")
	if slices.ContainsFunc(cur.Strategy.Targets, func(t strategy.Target) bool { return t.ID == "borger-dk" }) || len(cur.Strategy.Targets) != 3 {
		t.Errorf("version %d still has the target", cur.Number)
	}
	for _, l := range storedLines(t, ts, "dragoer", cur.Number) {
		if !strings.HasPrefix(l, "-") {
			t.Errorf("removing a target added the line %q", l)
		}
	}
	if r := ts.get(t, c, path); r.status != http.StatusNotFound {
		t.Errorf("the removed target's question: %d, want 404", r.status)
	}
}

// A price added with its source, and one removed after a question: each
// the next version with the reason; a price without a source is refused at
// its field.
func TestStrategyEdit_AddAndRemoveAPrice(t *testing.T) {
	ts := newTestServer(t, true)
	c := ts.client(t, dragoerGroup)
	prices := ts.get(t, c, "/m/dragoer/strategy/edit/prices").body
	if !strings.Contains(prices, `href="/m/dragoer/strategy/edit/new/price"`) || !strings.Contains(prices, `href="/m/dragoer/strategy/edit/prices/2/remove"`) {
		t.Fatal("the prices form has no links to add and remove a price")
	}
	before := kanaltest.Current(t, ts.registry, "dragoer").Strategy.Prices.Entries
	at := func(field string) string { return "f-prices-entries-" + strconv.Itoa(len(before)) + "-" + field }
	const path = "/m/dragoer/strategy/edit/new/price"
	r := ts.saveForm(t, c, path, func(f url.Values) {
		f.Set(at("channel"), "video")
		f.Set(at("dkk"), "55,5")
		f.Set("reason", "Egen pris for videomøder")
	})
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, `id="`+at("source")+`-error"`) {
		t.Fatalf("a price without a source: %d, want 422 with the problem at the source\n%s", r.status, text(r.body))
	}
	r = ts.saveForm(t, c, path, func(f url.Values) {
		f.Set(at("channel"), "video")
		f.Set(at("type"), "interaction")
		f.Set(at("dkk"), "55,5")
		f.Set(at("source"), "Egen opgørelse, Borgerservice 2013")
		f.Set("f-prices-year", "2013")
		f.Set("reason", "Egen pris for videomøder")
	})
	if r.status != http.StatusSeeOther {
		t.Fatalf("save: %d\n%s", r.status, text(r.body))
	}
	cur := kanaltest.Current(t, ts.registry, "dragoer")
	got := cur.Strategy.Prices
	if len(got.Entries) != len(before)+1 || got.Year != 2013 {
		t.Fatalf("version %d has %d prices of year %d", cur.Number, len(got.Entries), got.Year)
	}
	if p := got.Entries[len(before)]; p.Channel != "video" || p.Type != "interaction" || p.DKK == nil || *p.DKK != 55.5 ||
		p.Source != "Egen opgørelse, Borgerservice 2013" || p.Example || p.SBLevel != nil {
		t.Errorf("the new price is %+v", p)
	}

	const remove = "/m/dragoer/strategy/edit/prices/2/remove"
	page := ts.get(t, c, remove).body
	if !strings.Contains(page, "Fjern prisen »Digital selvbetjening, SB-niveau 3«?") || !strings.Contains(page, "Prisen er 20 kr. pr. henvendelse") {
		t.Errorf("the question does not name the price:\n%s", text(page))
	}
	r = ts.saveForm(t, c, remove, func(f url.Values) { f.Set("reason", "KL-prisen gælder ikke længere") })
	if r.status != http.StatusSeeOther {
		t.Fatalf("remove: %d\n%s", r.status, text(r.body))
	}
	cur = kanaltest.Current(t, ts.registry, "dragoer")
	if len(cur.Strategy.Prices.Entries) != len(before) || cur.Strategy.Prices.Entries[1].SBLevel == nil || *cur.Strategy.Prices.Entries[1].SBLevel != 0 {
		t.Errorf("version %d's prices after removing the second: %+v", cur.Number, cur.Strategy.Prices.Entries[:2])
	}
	for _, l := range storedLines(t, ts, "dragoer", cur.Number) {
		if !strings.HasPrefix(l, "-") {
			t.Errorf("removing a price added the line %q", l)
		}
	}
	if r := ts.get(t, c, "/m/dragoer/strategy/edit/prices/99/remove"); r.status != http.StatusNotFound {
		t.Errorf("a price that does not exist: %d, want 404", r.status)
	}
}

// An area added in the form: its title, KLE number and department are
// the loader's to require, at their fields; saved, the area has an id
// Kanal made from its title and every value typed, the mandatory
// self-service with its wave and a self-service solution among them.
func TestStrategyEdit_AddAnArea(t *testing.T) {
	ts := newTestServer(t, true)
	c := ts.client(t, taarnbyGroup)
	if !strings.Contains(ts.get(t, c, "/m/taarnby/strategy/edit").body, `href="/m/taarnby/strategy/edit/new/area"`) {
		t.Error("the list of forms has no link to add an area")
	}
	s := kanaltest.Current(t, ts.registry, "taarnby").Strategy
	n := strconv.Itoa(len(s.Areas))
	at := func(field string) string { return "f-areas-" + n + "-" + field }
	const path = "/m/taarnby/strategy/edit/new/area"
	r := ts.saveForm(t, c, path, func(f url.Values) {
		f.Set(at("kle"), "05.04.02")
		f.Set("reason", "Nyt område")
	})
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("an area with no title: %d, want 422", r.status)
	}
	for _, field := range []string{"title", "department", "types", "digital_readiness"} {
		if !strings.Contains(r.body, `id="`+at(field)+`-error"`) {
			t.Errorf("no problem shown at the %s", field)
		}
	}
	r = ts.saveForm(t, c, path, func(f url.Values) {
		f.Set(at("title"), "Parkering og færdsel")
		f.Set(at("kle"), "05.04.02")
		f.Set(at("department"), "borgerservice")
		f[at("types")] = []string{"information", "transaction"}
		f.Set(at("response_days"), "10")
		f.Set(at("digital_readiness"), "medium")
		f.Set(at("search_words"), "p-skive\nparkeringstilladelse")
		f.Set(at("self_service-url"), "https://www.taarnby.dk/parkering")
		f.Set(at("self_service-sb_level"), "2")
		f.Set(at("self_service-login"), "national")
		f.Set(at("mandatory_digital"), "true")
		f.Set(at("mandatory_digital-law"), "Færdselsloven")
		f.Set(at("mandatory_digital-since"), "01-12-2014")
		f.Set(at("mandatory_digital-wave"), "3")
		f.Set(at("mandatory_digital-exemption_channel"), "letter")
		f.Set(at("outbound_channels-information-digital_post"), "primary")
		f.Set("reason", "Parkering får sit eget område")
	})
	if r.status != http.StatusSeeOther {
		t.Fatalf("save: %d\n%s", r.status, text(r.body))
	}
	cur := kanaltest.Current(t, ts.registry, "taarnby")
	a, ok := cur.Strategy.Area("parkering-og-faerdsel")
	if !ok {
		t.Fatalf("version %d has no area parkering-og-faerdsel: %v", cur.Number, cur.Strategy.Areas[len(cur.Strategy.Areas)-1].ID)
	}
	if a.Title != "Parkering og færdsel" || a.KLE != "05.04.02" || a.Department != "borgerservice" || !slices.Equal(a.Types, []string{"information", "transaction"}) ||
		a.ResponseDays == nil || *a.ResponseDays != 10 || a.DigitalReadiness != "medium" || !slices.Equal(a.SearchWords, []string{"p-skive", "parkeringstilladelse"}) {
		t.Errorf("the new area is %+v", a)
	}
	if a.SelfService == nil || a.SelfService.URL != "https://www.taarnby.dk/parkering" || a.SelfService.SBLevel == nil || *a.SelfService.SBLevel != 2 || a.SelfService.Login != "national" {
		t.Errorf("the self-service solution is %+v", a.SelfService)
	}
	if m := a.Mandatory; m == nil || m.Law != "Færdselsloven" || m.Since != "2014-12-01" || m.Wave != 3 || m.ExemptionChannel != "letter" {
		t.Errorf("the mandatory self-service is %+v", a.Mandatory)
	}
	if p := cur.Strategy.Priority(a, "information", strategy.Outbound); !slices.Contains(p.Primary, "digital_post") {
		t.Errorf("outbound information's primary channels %v, want Digital Post among them", p.Primary)
	}
	for _, l := range storedLines(t, ts, "taarnby", cur.Number) {
		if !strings.HasPrefix(l, "+") {
			t.Errorf("adding an area changed the line %q", l)
		}
	}
}

// An area's mandatory wave, outbound channels and a self-service solution
// it did not have, edited in its form.
func TestStrategyEdit_AreaGetsASolutionAWaveAndOutboundChannels(t *testing.T) {
	ts := newTestServer(t, true)
	c := ts.client(t, taarnbyGroup)
	s := kanaltest.Current(t, ts.registry, "taarnby").Strategy
	i := slices.IndexFunc(s.Areas, func(a strategy.Area) bool {
		return a.SelfService == nil && a.Mandatory == nil && a.Handles("information") && !a.Other
	})
	if i < 0 {
		t.Fatal("Tårnby has no area without self-service")
	}
	a := s.Areas[i]
	at := func(field string) string { return "f-areas-" + strconv.Itoa(i) + "-" + field }
	r := ts.saveForm(t, c, "/m/taarnby/strategy/edit/areas/"+a.ID, func(f url.Values) {
		f.Set(at("self_service-url"), "https://www.taarnby.dk/blanket")
		f.Set(at("self_service-sb_level"), "1")
		f.Set(at("self_service-login"), "none")
		f.Set(at("outbound_channels-information-letter"), "inappropriate")
		f.Set("reason", "Blanketten er på nettet")
	})
	if r.status != http.StatusSeeOther {
		t.Fatalf("save: %d\n%s", r.status, text(r.body))
	}
	got, _ := kanaltest.Current(t, ts.registry, "taarnby").Strategy.Area(a.ID)
	if ss := got.SelfService; ss == nil || ss.URL != "https://www.taarnby.dk/blanket" || *ss.SBLevel != 1 || ss.Login != "none" {
		t.Errorf("the solution is %+v", got.SelfService)
	}
	if p := kanaltest.Current(t, ts.registry, "taarnby").Strategy.Priority(got, "information", strategy.Outbound); !slices.Contains(p.Inappropriate, "letter") {
		t.Errorf("outbound information: %+v, want letters inappropriate", p)
	}

	flyt := slices.IndexFunc(s.Areas, func(a strategy.Area) bool { return a.ID == "flytning" })
	r = ts.saveForm(t, c, "/m/taarnby/strategy/edit/areas/flytning", func(f url.Values) {
		if got := f.Get("f-areas-" + strconv.Itoa(flyt) + "-mandatory_digital-wave"); got != "1" {
			t.Errorf("the wave shows %q, want Tårnby's 1", got)
		}
		f.Set("f-areas-"+strconv.Itoa(flyt)+"-mandatory_digital-wave", "7")
		f.Set("reason", "Bølge")
	})
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "bølge 7 findes ikke") ||
		!strings.Contains(r.body, `id="f-areas-`+strconv.Itoa(flyt)+`-mandatory_digital-wave-error"`) {
		t.Errorf("wave 7: %d, want the loader's problem at the wave\n%s", r.status, text(r.body))
	}
}

// Removing an area: the question says what becomes of its inquiries and
// names the referral that lists it; a target for the area stops the
// removal with the problem in words; once the target is for the whole
// municipality again, the area is removed, the referral loses it, and the
// inquiries recorded on it are still counted under its title.
func TestStrategyEdit_RemoveAnArea(t *testing.T) {
	ts := newTestServer(t, true)
	c := ts.client(t, taarnbyGroup)
	when := time.Date(2015, 3, 2, 10, 0, 0, 0, strategy.Location)
	ts.record(t, "taarnby", []inquiry.Inquiry{
		{OccurredAt: when, Channel: "in_person", Type: strategy.Information, Direction: strategy.Inbound, Area: "eu-sygesikringskort", Source: "test"},
		{OccurredAt: when, Channel: "phone", Type: strategy.Information, Direction: strategy.Inbound, Area: "eu-sygesikringskort", Source: "test"},
	})
	r := ts.saveForm(t, c, "/m/taarnby/strategy/edit/targets", func(f url.Values) {
		f.Set("f-targets-0-area", "eu-sygesikringskort")
		f.Set("reason", "Målet gælder ét område")
	})
	if r.status != http.StatusSeeOther {
		t.Fatalf("the target's area: %d\n%s", r.status, text(r.body))
	}
	const path = "/m/taarnby/strategy/edit/areas/eu-sygesikringskort/remove"
	if !strings.Contains(ts.get(t, c, "/m/taarnby/strategy/edit/areas/eu-sygesikringskort").body, `href="`+path+`"`) {
		t.Error("the area's form has no link to remove it")
	}
	page := text(ts.get(t, c, path).body)
	for _, want := range []string{"Fjern området »29.03.06 EU-sygesikringskort«?", "Henvendelser, der allerede er registreret på området, bevares",
		"Området fjernes også fra henvisningen »Udbetaling Danmark«."} {
		if !strings.Contains(page, want) {
			t.Errorf("the question lacks %q:\n%s", want, page)
		}
	}
	r = ts.saveForm(t, c, path, func(f url.Values) { f.Set("reason", "Udbetaling Danmark har overtaget") })
	want := "Målet »Digitale ansøgninger og anmeldelser« › Gælder for: henviser til området »29.03.06 EU-sygesikringskort«, som du er ved at fjerne; ret eller fjern det først"
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(text(r.body), want) {
		t.Fatalf("removing an area a target is for: %d, want 422 with %q\n%s", r.status, want, text(r.body))
	}
	if strings.Contains(r.body, "targets[0]") || strings.Contains(text(r.body), "»eu-sygesikringskort«") {
		t.Error("the problem shows the file's path or the area's id")
	}
	r = ts.saveForm(t, c, "/m/taarnby/strategy/edit/targets", func(f url.Values) {
		f.Set("f-targets-0-area", "")
		f.Set("reason", "Målet gælder hele kommunen")
	})
	if r.status != http.StatusSeeOther {
		t.Fatalf("the target for the whole municipality: %d", r.status)
	}
	r = ts.saveForm(t, c, path, func(f url.Values) { f.Set("reason", "Udbetaling Danmark har overtaget") })
	if r.status != http.StatusSeeOther {
		t.Fatalf("remove: %d\n%s", r.status, text(r.body))
	}
	cur := kanaltest.Current(t, ts.registry, "taarnby")
	if _, ok := cur.Strategy.Area("eu-sygesikringskort"); ok {
		t.Errorf("version %d still has the area", cur.Number)
	}
	if ref, _ := cur.Strategy.Referral("udbetaling-danmark"); !slices.Equal(ref.Areas, []string{"folkepension", "boligydelse"}) {
		t.Errorf("the referral's areas are %v", ref.Areas)
	}
	d := ts.dashboard(t, "taarnby", measure.Year(2015))
	i := slices.IndexFunc(d.Areas, func(a measure.AreaFigure) bool { return a.Area.ID == "eu-sygesikringskort" })
	if i < 0 || d.Areas[i].Area.Title != "EU-sygesikringskort" || d.Areas[i].Totals.Inbound != 2 {
		t.Errorf("the removed area's figures: %+v", d.Areas)
	}
}

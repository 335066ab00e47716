package web

import (
	"context"
	"errors"
	"fmt"
	"html"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/browsertest"
	"github.com/kanal-dk/kanal/internal/kanaltest"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// checkDragoerKLE stores a KLE check of Dragør's preset, as `kanal
// strategy load --kle kle-test.xml dragoer.yaml` does, against the plan
// dragoerPlan makes.
func checkDragoerKLE(t *testing.T, ts *testServer) {
	t.Helper()
	doc := kanaltest.PresetDocument(t, "dragoer")
	plan, err := strategy.ReadEmneplan(strings.NewReader(dragoerPlan(t, "2024-05-01", "")))
	if err != nil {
		t.Fatal(err)
	}
	_, created, _, err := ts.registry.LoadChecked(context.Background(), audit.Actor{Name: "cli:anna"}, "dragoer.yaml", doc,
		plan, filepath.Join(t.TempDir(), "kle-test.xml"))
	if err != nil || created {
		t.Fatalf("check of the loaded preset: created=%v err=%v", created, err)
	}
}

// dragoerPlan is a KLE emneplan made for the tests, released on the day
// given: it holds every number of Dragør's preset with the preset's
// title, except that its title for 23.05.10 is "Anmeldelse af flytning",
// 23.09.02 (Pas) went out of use on 2014-01-01, and the number leave out,
// if any, is not there. It is not KL's content, and the numbers sit under
// one group whatever their own, which the reader of the plan does not
// mind.
func dragoerPlan(t *testing.T, released, leaveOut string) string {
	t.Helper()
	s, err := strategy.Parse("dragoer.yaml", kanaltest.PresetDocument(t, "dragoer"))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "<KLE-Emneplan><UdgivelsesDato>%s</UdgivelsesDato><Hovedgruppe><HovedgruppeNr>00</HovedgruppeNr>"+
		"<HovedgruppeTitel>Test</HovedgruppeTitel><Gruppe><GruppeNr>00.00</GruppeNr><GruppeTitel>Test</GruppeTitel>", released)
	for _, a := range s.Areas {
		title, admin := a.Title, ""
		switch a.KLE {
		case "", leaveOut:
			continue
		case "23.05.10":
			title = "Anmeldelse af flytning"
		case "23.09.02":
			admin = "<EmneAdministrativInfo><Historisk><UdgaaetDato>2014-01-01</UdgaaetDato></Historisk></EmneAdministrativInfo>"
		}
		fmt.Fprintf(&b, "<Emne><EmneNr>%s</EmneNr><EmneTitel>%s</EmneTitel>%s</Emne>", a.KLE, html.EscapeString(title), admin)
	}
	b.WriteString("</Gruppe></Hovedgruppe></KLE-Emneplan>")
	return b.String()
}

// Issue 10: "say on the areas page whether a number was checked". After
// load --kle, Dragør's areas page, each area's page and the strategy page
// say that version 1's numbers were checked against the named plan, and
// each area says what the check found for it; Tårnby, never checked, says
// in words that its numbers are not.
func TestAreasPages_SayWhetherTheKLENumbersWereChecked(t *testing.T) {
	ts := newTestServer(t, true)
	checkDragoerKLE(t, ts)
	c := ts.client(t, operator)

	list := html.UnescapeString(ts.get(t, c, "/m/dragoer/areas").body)
	if !strings.Contains(text(list), "KLE-numrene i version 1 er kontrolleret mod KLE-emneplanen kle-test.xml (udgivet 1. maj 2024) den ") ||
		!strings.Contains(text(list), " af anna (kommandolinjen). Alle numre findes i emneplanen (12 KLE-numre, 2 advarsler)") {
		t.Errorf("Dragør's areas page does not name the check:\n%s", text(list))
	}
	const checked = "Kontrolleret mod KLE-emneplanen kle-test.xml (udgivet 1. maj 2024)"
	if n := strings.Count(list, "<td>"+checked); n != 12 {
		t.Errorf("%d of Dragør's 12 areas say they were checked", n)
	}
	if r := row(t, list, `/areas/flytning"`); !strings.Contains(r, "<td>"+checked+"<br><strong>Advarsel: emneplanens titel for 23.05.10 er »Anmeldelse af flytning«</strong></td>") {
		t.Errorf("flytning's row: %s", r)
	}
	if r := row(t, list, `/areas/pas"`); !strings.Contains(r, "<td>"+checked+"<br><strong>Advarsel: 23.09.02 er udgået af emneplanen (1. januar 2014)</strong></td>") {
		t.Errorf("pas's row: %s", r)
	}
	if strings.Contains(list, "ikke kontrolleret") || strings.Contains(list, "Ikke kontrolleret") {
		t.Error("Dragør's checked version is said to be unchecked somewhere")
	}

	area := text(html.UnescapeString(ts.get(t, c, "/m/dragoer/areas/flytning").body))
	if !strings.Contains(area, "KLE-kontrol KLE-nummeret er kontrolleret mod KLE-emneplanen kle-test.xml (udgivet 1. maj 2024) den ") ||
		!strings.Contains(area, "Advarsel: emneplanens titel for 23.05.10 er »Anmeldelse af flytning«") {
		t.Errorf("flytning's page:\n%s", area)
	}
	en := text(html.UnescapeString(ts.get(t, c, "/m/dragoer/areas/byggetilladelse", "Accept-Language", "en").body))
	if !strings.Contains(en, "KLE check The KLE number was checked against the KLE subject plan kle-test.xml (released 1 May 2024) on ") ||
		strings.Contains(en, "Warning: the subject plan") {
		t.Errorf("byggetilladelse's page in English:\n%s", en)
	}
	if strategyPage := text(html.UnescapeString(ts.get(t, c, "/m/dragoer").body)); !strings.Contains(strategyPage,
		"KLE-numrene i version 1 er kontrolleret mod KLE-emneplanen kle-test.xml (udgivet 1. maj 2024)") {
		t.Errorf("the strategy page does not summarise the check:\n%s", strategyPage)
	}

	taarnby := html.UnescapeString(ts.get(t, c, "/m/taarnby/areas").body)
	if !strings.Contains(text(taarnby), "KLE-numrene i version 1 er ikke kontrolleret mod KL's KLE-emneplan. Kontrollér KLE-numrene mod KL's emneplan") ||
		strings.Contains(taarnby, "kanal strategy") {
		t.Errorf("Tårnby's areas page does not say its numbers are unchecked:\n%s", text(taarnby))
	}
	if strings.Contains(taarnby, "kontrolleret mod KLE-emneplanen") || strings.Count(taarnby, "<td>Ikke kontrolleret mod KL's KLE-emneplan</td>") != 19 {
		t.Errorf("Tårnby's 19 areas do not each say they are unchecked")
	}
	if area := text(html.UnescapeString(ts.get(t, c, "/m/taarnby/areas/pas", "Accept-Language", "en").body)); !strings.Contains(area,
		"KLE check The KLE number of this version is not checked against KL's KLE subject plan.") {
		t.Errorf("Tårnby's pas page in English:\n%s", area)
	}
}

// A check belongs to the version it checked: a new version loaded without
// the plan shows its numbers as unchecked, although the one before was.
func TestAreasPages_ANewVersionIsUncheckedUntilChecked(t *testing.T) {
	ts := newTestServer(t, true)
	checkDragoerKLE(t, ts)
	doc := kanaltest.PresetDocument(t, "dragoer")
	changed := strings.Replace(string(doc), "title: Pas\n", "title: Pas og rejsedokumenter\n", 1)
	if changed == string(doc) {
		t.Fatal("the preset has no title Pas to change")
	}
	if _, created, err := ts.registry.Load(context.Background(), audit.System, "dragoer-2.yaml", []byte(changed)); err != nil || !created {
		t.Fatalf("version 2: created=%v err=%v", created, err)
	}
	c := ts.client(t, operator)
	list := html.UnescapeString(ts.get(t, c, "/m/dragoer/areas", "Accept-Language", "en").body)
	if !strings.Contains(text(list), "The KLE numbers of version 2 are not checked against KL's KLE subject plan.") ||
		strings.Contains(list, "Checked against") {
		t.Errorf("version 2 of Dragør is shown as checked:\n%s", text(list))
	}
}

// The pages with a stored check — the summary, the column and the
// warnings in words — pass axe-core's WCAG 2.1 AA rules at a laptop's and
// a phone's size, in both languages.
func TestBrowser_KLECheckPagesPassAxeAtBothSizes(t *testing.T) {
	ts := newTestServer(t, true)
	checkDragoerKLE(t, ts)
	ctx := browsertest.New(t)
	signIn(t, ctx, ts, operator)
	for _, path := range []string{"/m/dragoer", "/m/dragoer/areas", "/m/dragoer/areas/flytning", "/m/dragoer/areas/pas"} {
		for _, lang := range []string{"da", "en"} {
			visit(t, ctx, ts.URL+path+"?lang="+lang)
			axeAtBothSizes(t, ctx)
		}
	}
}

// uploadPlan sends a file as the KLE check page's form does, with the
// version the page was shown for.
func uploadPlan(t *testing.T, ts *testServer, c *http.Client, path, version, name, content string) response {
	t.Helper()
	return postFile(t, ts, c, path, "plan", name, []byte(content), "version", version)
}

// kleChecks is how many KLE checks are stored for a municipality.
func (ts *testServer) kleChecks(t *testing.T, m string) int {
	t.Helper()
	return ts.count(t, `SELECT COUNT(*) FROM kle_checks WHERE municipality_id = $1`, m)
}

// Issue 13: "no command lines in the UI". The strategy group checks the
// KLE numbers in the browser: the areas page offers them the check (and
// tells staff who can), the page takes KL's emneplan as a file, and the
// check is stored with the version as `kanal strategy load --kle` stores
// it for an unchanged file — the same plan, counts and findings per area,
// audited under their name, and no new version.
func TestKLECheckPage_TheStrategyGroupChecksTheNumbersInTheBrowser(t *testing.T) {
	ts := newTestServer(t, true)
	group, staff := ts.client(t, dragoerGroup), ts.client(t, dragoerStaff)

	areas := ts.get(t, group, "/m/dragoer/areas").body
	if !strings.Contains(areas, `<a href="/m/dragoer/strategy/kle">Kontrollér KLE-numrene mod KL's emneplan</a>`) ||
		strings.Contains(areas, "kanal strategy") || strings.Contains(areas, "--kle") {
		t.Errorf("the strategy group's areas page does not offer the check in words:\n%s", text(areas))
	}
	staffAreas := ts.get(t, staff, "/m/dragoer/areas").body
	if !strings.Contains(text(staffAreas), "er ikke kontrolleret mod KL's KLE-emneplan. Strategigruppen kan kontrollere dem mod emneplanen fra KL.") ||
		strings.Contains(staffAreas, "/strategy/kle") {
		t.Errorf("the staff's areas page:\n%s", text(staffAreas))
	}
	if r := ts.get(t, staff, "/m/dragoer/strategy/kle"); r.status != http.StatusForbidden {
		t.Errorf("staff open the check page: %d", r.status)
	}
	if r := uploadPlan(t, ts, staff, "/m/dragoer/strategy/kle", "1", "kle.xml", dragoerPlan(t, "2024-05-01", "")); r.status != http.StatusForbidden || ts.kleChecks(t, "dragoer") != 0 {
		t.Errorf("staff check the numbers: %d, %d checks", r.status, ts.kleChecks(t, "dragoer"))
	}

	page := ts.get(t, group, "/m/dragoer/strategy/kle")
	if page.status != http.StatusOK || !strings.Contains(page.body, `<input type="hidden" name="version" value="1">`) ||
		!strings.Contains(page.body, `<label class="form-label" for="plan">KLE-emneplanen (XML-fil fra KL)</label>`) {
		t.Fatalf("the check page: %d\n%s", page.status, page.body)
	}
	r := uploadPlan(t, ts, group, "/m/dragoer/strategy/kle", "1", "KLE-Emneplan_Version2-0.xml", dragoerPlan(t, "2024-05-01", ""))
	if r.status != http.StatusOK || !strings.Contains(text(r.body),
		"KLE-numrene i version 1 er kontrolleret mod emneplanen KLE-Emneplan_Version2-0.xml og kontrollen er gemt: 12 KLE-numre, 2 advarsler.") {
		t.Fatalf("the check: %d\n%s", r.status, text(r.body))
	}
	if n := ts.count(t, `SELECT COUNT(*) FROM strategy_versions WHERE municipality_id = 'dragoer'`); n != 1 {
		t.Errorf("%d versions after the check, want 1", n)
	}

	// What is stored is what the command line's check of the same plan
	// finds for the unchanged file.
	cur := kanaltest.Current(t, ts.registry, "dragoer")
	got, ok, err := ts.registry.NewestKLECheck(context.Background(), cur.Version)
	if err != nil || !ok {
		t.Fatalf("no check stored: %v", err)
	}
	plan, err := strategy.ReadEmneplan(strings.NewReader(dragoerPlan(t, "2024-05-01", "")))
	if err != nil {
		t.Fatal(err)
	}
	doc := kanaltest.PresetDocument(t, "dragoer")
	want, err := municipality.NewKLECheck(cur.SourceName, doc, cur.Strategy, plan, "KLE-Emneplan_Version2-0.xml")
	if err != nil {
		t.Fatal(err)
	}
	if got.PlanFile != want.PlanFile || got.PlanPublished != "2024-05-01" || got.Numbers != 12 || got.Warnings != 2 ||
		got.Version != 1 || got.CheckedBy != dragoerGroup || !reflect.DeepEqual(got.Areas, want.Areas) {
		t.Errorf("stored check %+v\nwant the command line's %+v", got, want)
	}
	events := ts.events(t, audit.Filter{Municipality: "dragoer", Action: audit.KLEChecked})
	if len(events) != 1 || events[0].Actor != dragoerGroup || events[0].Target != "version 1" ||
		!strings.Contains(events[0].Detail, "plan KLE-Emneplan_Version2-0.xml (UdgivelsesDato 2024-05-01): 12 numbers, all in the plan, 2 warnings") {
		t.Errorf("audit: %+v", events)
	}

	list := ts.get(t, staff, "/m/dragoer/areas").body
	if !strings.Contains(text(list), "KLE-numrene i version 1 er kontrolleret mod KLE-emneplanen KLE-Emneplan_Version2-0.xml (udgivet 1. maj 2024) den ") ||
		!strings.Contains(text(list), " af "+dragoerGroup+". Alle numre findes i emneplanen (12 KLE-numre, 2 advarsler)") ||
		strings.Contains(list, "Strategigruppen kan") {
		t.Errorf("the areas page after the check:\n%s", text(list))
	}
	if r := row(t, list, `/areas/pas"`); !strings.Contains(r, "<strong>Advarsel: 23.09.02 er udgået af emneplanen (1. januar 2014)</strong>") {
		t.Errorf("pas's row: %s", r)
	}
	if again := ts.get(t, group, "/m/dragoer", "Accept-Language", "en").body; !strings.Contains(again,
		`<a href="/m/dragoer/strategy/kle">Check again against a newer subject plan</a>`) {
		t.Errorf("the strategy page in English does not offer a new check:\n%s", text(again))
	}
}

// A file that is not an emneplan Kanal can use is refused at the field,
// saying what is wrong and what to do, and nothing is stored.
func TestKLECheckPage_ABadFileIsExplainedAtTheField(t *testing.T) {
	ts := newTestServer(t, true)
	c := ts.client(t, dragoerGroup)
	for _, tc := range []struct {
		name, file, content, want string
	}{
		{"no file", "", "", "Vælg en fil: KL's KLE-emneplan som XML-fil."},
		{"empty", "tom.xml", " \n", "Filen »tom.xml« er tom. Hent emneplanen som XML-fil fra KL på kle-online.dk, og vælg den her."},
		{"a CSV file", "emneplan.csv", "Område;KLE\nPas;23.09.02\n", "Filen »emneplan.csv« er ikke en XML-fil. Vælg emneplanen som XML-fil fra KL på kle-online.dk"},
		{"cut off", "afbrudt.xml", dragoerPlan(t, "2024-05-01", "")[:300], "Filen »afbrudt.xml« kan ikke læses som XML (fejl i linje 1). Er det en anden slags fil, eller blev hentningen afbrudt?"},
		{"other XML", "andet.xml", `<?xml version="1.0"?><Faktura><Nr>1</Nr></Faktura>`, "Filen »andet.xml« er ikke KL's KLE-emneplan: Kanal finder ingen KLE-numre i den."},
		{"UTF-16", "utf16.xml", `<?xml version="1.0" encoding="UTF-16"?><KLE-Emneplan/>`, "Filen »utf16.xml« er gemt med en tegnkodning, Kanal ikke kan læse."},
		{"unknown number", "gammel.xml", dragoerPlan(t, "2010-01-01", "23.05.10"), "Emneplanen »gammel.xml« kender ikke KLE-nummeret 23.05.10 (Flytteanmeldelse). Intet er gemt. Ret områdets KLE-nummer under Redigér strategien, eller vælg den nyeste emneplan fra KL."},
		{"line break in the date", "linje.xml", dragoerPlan(t, "2024\n05-01", ""), "Filnavnet »linje.xml« eller emneplanens udgivelsesdato indeholder tegn, som Kanal ikke kan gemme"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := uploadPlan(t, ts, c, "/m/dragoer/strategy/kle", "1", tc.file, tc.content)
			field := regexp.MustCompile(`<p class="form-error-message" id="plan-error">([^<]*)</p>`).FindStringSubmatch(r.body)
			if r.status != http.StatusUnprocessableEntity || field == nil || !strings.HasPrefix(field[1], tc.want) {
				t.Errorf("%d, at the field %q, want %q\n%s", r.status, field, tc.want, text(r.body))
			}
			if !strings.Contains(r.body, `<a href="#plan">`+tc.want) || !strings.Contains(r.body, `aria-invalid="true"`) {
				t.Errorf("the summary does not link the field, or the field is not marked invalid")
			}
		})
	}
	if n := ts.kleChecks(t, "dragoer"); n != 0 {
		t.Errorf("%d checks stored from bad files", n)
	}
	if n := ts.count(t, `SELECT COUNT(*) FROM strategy_versions WHERE municipality_id = 'dragoer'`); n != 1 {
		t.Errorf("%d versions, want 1", n)
	}
	r := uploadPlan(t, ts, c, "/m/dragoer/strategy/kle?lang=en", "1", "gammel.xml", dragoerPlan(t, "2010-01-01", "23.09.02"))
	if !strings.Contains(r.body, "The subject plan “gammel.xml” does not know the KLE number 23.09.02 (Pas). Nothing was stored.") {
		t.Errorf("in English:\n%s", text(r.body))
	}
}

// The check is of the version the page showed: when another version was
// loaded meanwhile, nothing is stored — neither a check of the new version
// nor the old document again as a version — and the page says so.
func TestKLECheckPage_ANewerVersionMeanwhileStoresNothing(t *testing.T) {
	ts := newTestServer(t, true)
	c := ts.client(t, dragoerGroup)
	doc := kanaltest.PresetDocument(t, "dragoer")
	changed := strings.Replace(string(doc), "title: Pas\n", "title: Pas og rejsedokumenter\n", 1)
	if _, created, err := ts.registry.Load(context.Background(), audit.System, "dragoer-2.yaml", []byte(changed)); err != nil || !created {
		t.Fatalf("version 2: created=%v err=%v", created, err)
	}
	r := uploadPlan(t, ts, c, "/m/dragoer/strategy/kle", "1", "kle.xml", dragoerPlan(t, "2024-05-01", ""))
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body,
		"Strategien har fået en ny version, siden siden blev vist; siden viser nu version 2. Vælg filen igen for at kontrollere den.") ||
		!strings.Contains(r.body, `name="version" value="2"`) {
		t.Errorf("%d\n%s", r.status, text(r.body))
	}
	if n := ts.kleChecks(t, "dragoer"); n != 0 {
		t.Errorf("%d checks stored", n)
	}
	// The registry refuses a check of a version that is no longer the
	// newest, rather than storing its document again as a new version.
	plan, err := strategy.ReadEmneplan(strings.NewReader(dragoerPlan(t, "2024-05-01", "")))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ts.registry.CheckVersion(context.Background(), audit.System, "dragoer", 1, plan, "kle.xml"); !errors.Is(err, municipality.ErrStale) {
		t.Errorf("check of version 1 after version 2: %v, want ErrStale", err)
	}
	if n := ts.count(t, `SELECT COUNT(*) FROM strategy_versions WHERE municipality_id = 'dragoer'`); n != 2 || ts.kleChecks(t, "dragoer") != 0 {
		t.Errorf("%d versions, %d checks after the refused check", n, ts.kleChecks(t, "dragoer"))
	}
	if r := uploadPlan(t, ts, c, "/m/dragoer/strategy/kle", "2", "kle.xml", dragoerPlan(t, "2024-05-01", "")); r.status != http.StatusOK ||
		!strings.Contains(r.body, "KLE-numrene i version 2 er kontrolleret") {
		t.Errorf("the check of version 2: %d\n%s", r.status, text(r.body))
	}
}

// The check in a real browser: the strategy group follows the areas
// page's link, a file that is no plan is explained at the field, the plan
// is checked, and the page passes axe-core's WCAG 2.1 AA rules at a
// laptop's and a phone's size in each state.
func TestBrowser_KLECheckPageChecksAnUploadedPlan(t *testing.T) {
	ts := newTestServer(t, true)
	dir := t.TempDir()
	bad, good := filepath.Join(dir, "emneplan.pdf"), filepath.Join(dir, "KLE-Emneplan.xml")
	if err := os.WriteFile(bad, []byte("%PDF-1.4\n\x00\x01"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(good, []byte(dragoerPlan(t, "2024-05-01", "")), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := browsertest.New(t)
	signIn(t, ctx, ts, dragoerGroup)
	visit(t, ctx, ts.URL+"/m/dragoer/areas")
	browsertest.Do(t, ctx, chromedp.Click(`a[href="/m/dragoer/strategy/kle"]`))
	waitFor(t, ctx, `location.pathname === "/m/dragoer/strategy/kle" && document.querySelector("#plan") !== null`)
	axeAtBothSizes(t, ctx)

	browsertest.Do(t, ctx, chromedp.SetUploadFiles("#plan", []string{bad}), chromedp.Click(`main button[type=submit]`))
	waitFor(t, ctx, `document.querySelector("#plan-error") !== null`)
	if got := browsertest.Eval[string](t, ctx, `document.querySelector("#plan-error").textContent`); !strings.HasPrefix(got,
		"Filen »emneplan.pdf« kan ikke læses som XML") {
		t.Errorf("at the field: %q", got)
	}
	axeAtBothSizes(t, ctx)

	browsertest.Do(t, ctx, chromedp.SetUploadFiles("#plan", []string{good}), chromedp.Click(`main button[type=submit]`))
	waitFor(t, ctx, `document.querySelector("main .success") !== null`)
	if got := browsertest.Eval[string](t, ctx, `document.querySelector("main .success").textContent`); !strings.Contains(got,
		"KLE-numrene i version 1 er kontrolleret mod emneplanen KLE-Emneplan.xml og kontrollen er gemt: 12 KLE-numre, 2 advarsler.") {
		t.Errorf("after the check: %q", got)
	}
	axeAtBothSizes(t, ctx)
	if n := ts.kleChecks(t, "dragoer"); n != 1 {
		t.Errorf("%d checks stored, want 1", n)
	}
}

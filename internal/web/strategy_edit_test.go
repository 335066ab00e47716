package web

import (
	"html"
	"net/http"
	"net/url"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/kanaltest"
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

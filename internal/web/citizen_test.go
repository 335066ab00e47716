package web

import (
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/kanaltest"
)

// areaLinks are the areas a citizen page links to, in page order.
var areaLinks = regexp.MustCompile(`<a href="/borger/([a-z]+)/([a-z0-9_-]+)">`)

// linkedAreas lists the ids of the areas the part of body links to.
func linkedAreas(body string) []string {
	var ids []string
	for _, m := range areaLinks.FindAllStringSubmatch(body, -1) {
		ids = append(ids, m[2])
	}
	return ids
}

// citizenLayout tells a page in the portal's layout from one in the staff
// layout: DKFDS's self-service header, and none of the staff navigation.
func citizenLayout(t *testing.T, path string, r response) {
	t.Helper()
	if !strings.Contains(r.body, `class="solution-heading"`) {
		t.Errorf("%s is not in the citizen layout", path)
	}
	for _, staff := range []string{`href="/login"`, `action="/logout"`, `href="/m/`, `class="sections"`, `/static/kanal.css`} {
		if strings.Contains(r.body, staff) {
			t.Errorf("%s shows the staff layout's %s", path, staff)
		}
	}
}

// The front page lists every area of the strategy but Kanal's own area
// for what no area fits, under its department, each linking to its page.
func TestCitizen_FrontPageListsTheAreasByDepartment(t *testing.T) {
	ts := newTestServer(t, true)
	c := ts.client(t, "")
	for _, m := range kanaltest.Municipalities {
		st := kanaltest.Current(t, ts.registry, m).Strategy
		path := "/borger/" + m + "/"
		r := ts.get(t, c, path)
		if r.status != http.StatusOK {
			t.Fatalf("%s: %d", path, r.status)
		}
		citizenLayout(t, path, r)
		if !strings.Contains(r.body, `<html lang="da">`) || !strings.Contains(r.body, "Hvad vil du have hjælp til?") {
			t.Errorf("%s is not the Danish front page", path)
		}
		got := map[string]bool{}
		for _, id := range linkedAreas(r.body) {
			got[id] = true
		}
		for _, a := range st.Areas {
			switch {
			case a.Other && got[a.ID]:
				t.Errorf("%s lists Kanal's own area %s", path, a.ID)
			case !a.Other && !got[a.ID]:
				t.Errorf("%s does not list %s", path, a.ID)
			}
		}
		// Each area comes after its department's heading and before the
		// next department's.
		for _, a := range st.Areas {
			if a.Other {
				continue
			}
			d, _ := st.Department(a.Department)
			head := strings.Index(r.body, "<h3>"+d.Name)
			at := strings.Index(r.body, `href="/borger/`+m+"/"+a.ID+`"`)
			next := strings.Index(r.body[head+1:], "<h3>")
			if head < 0 || at < head || next >= 0 && at > head+1+next {
				t.Errorf("%s: %s is not under %s", path, a.ID, d.Name)
			}
		}
	}
}

// The search is the staff console's: words of the title, search words and
// the start of the KLE number find an area; Danish letters may be typed
// as ae, oe, aa. The expectations are read from the preset by hand.
func TestCitizen_SearchFindsAreasByWordAndKLENumber(t *testing.T) {
	ts := newTestServer(t, true)
	c := ts.client(t, "")
	for _, tc := range []struct {
		m, q  string
		first string
		not   string
	}{
		{"dragoer", "flytte", "flytning", "dagtilbud"},
		{"dragoer", "adresse", "flytning", "sundhedskort"},  // a search word
		{"dragoer", "23.05.10", "flytning", "sundhedskort"}, // the KLE number
		{"dragoer", "29.03", "sundhedskort", "flytning"},    // its start
		{"dragoer", "boernehave", "dagtilbud", "flytning"},  // ø typed as oe
		{"dragoer", "det gule kort", "sundhedskort", "eu-sygesikringskort"},
		{"taarnby", "pasfoto", "pas", "flytning"},
	} {
		path := "/borger/" + tc.m + "/?q=" + strings.ReplaceAll(tc.q, " ", "+")
		r := ts.get(t, c, path)
		if r.status != http.StatusOK {
			t.Fatalf("%s: %d", path, r.status)
		}
		_, found, ok := strings.Cut(r.body, `id="found"`)
		if !ok {
			t.Fatalf("%s shows no search result", path)
		}
		ids := linkedAreas(found)
		if len(ids) == 0 || ids[0] != tc.first {
			t.Errorf("%s found %v, want %s first", path, ids, tc.first)
		}
		for _, id := range ids {
			if id == tc.not {
				t.Errorf("%s found %s too", path, tc.not)
			}
		}
		if !strings.Contains(r.body, `value="`+tc.q+`"`) {
			t.Errorf("%s: the search field does not keep %q", path, tc.q)
		}
	}
	r := ts.get(t, c, "/borger/dragoer/?q=zzzz")
	if !strings.Contains(r.body, "Vi fandt intet emne, der passer til »zzzz«") {
		t.Errorf("a search that finds nothing does not say so")
	}
	if _, found, _ := strings.Cut(r.body, `id="found"`); len(linkedAreas(found)) != 0 {
		t.Errorf("a search that finds nothing lists areas")
	}
	// The count agrees in number.
	if r := ts.get(t, c, "/borger/dragoer/?q=23.05.10"); !strings.Contains(r.body, "1 emne passer til »23.05.10«") {
		t.Errorf("one area found is not counted in the singular")
	}
}

// An area's page: the self-service first, what to have ready (marked as an
// example where the preset marks it), the answer time, the law where the
// self-service is mandatory and the other channels the strategy allows,
// with opening hours.
func TestCitizen_AreaPageShowsSelfServiceAnswerTimeAndAlternatives(t *testing.T) {
	ts := newTestServer(t, true)
	c := ts.client(t, "")
	path := "/borger/dragoer/flytning"
	r := ts.get(t, c, path)
	if r.status != http.StatusOK {
		t.Fatalf("%s: %d", path, r.status)
	}
	citizenLayout(t, path, r)
	body := r.body
	button := strings.Index(body, `<a class="button button-primary" href="https://www.borger.dk/">Gå til selvbetjeningen</a>`)
	ready := strings.Index(body, "Det skal du have klar")
	answer := strings.Index(body, "Du kan forvente svar inden for 5 arbejdsdage.")
	others := strings.Index(body, "Andre måder at kontakte kommunen")
	if button < 0 || ready < 0 || answer < 0 || others < 0 {
		t.Fatalf("%s lacks the self-service link (%d), what to have ready (%d), the answer time (%d) or the other channels (%d):\n%s",
			path, button, ready, answer, others, body)
	}
	if !(button < ready && ready < answer && answer < others) {
		t.Errorf("%s: the self-service is not the first choice", path)
	}
	for _, want := range []string{
		"Dragør Kommune",
		"Du logger ind med MitID.", // the test runs after 2021
		"CPR-lovens § 12, stk. 3",  // the law, in the strategy's words
		"bruger du i stedet: Personlig henvendelse",
		"<li>Din nye adresse og datoen for flytningen</li>",
		"<li>CPR-numre på dem, der flytter med dig</li>",
		`Det skal du have klar <span class="badge badge-info">eksempel</span>`,
		"Rådhuset, Borgerbutikken",
		"man.–ons. 10:00–15:00",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("%s lacks %q", path, want)
		}
	}
	// Dragør's table 1 by hand: information goes to the website, then the
	// phone; interaction to the phone, then Digital Post; a transaction to
	// the self-service, then the phone or in person.
	_, rest, _ := strings.Cut(body, "Andre måder at kontakte kommunen")
	var got []string
	for _, m := range regexp.MustCompile(`<li>([^<\n]+)`).FindAllStringSubmatch(rest, -1) {
		got = append(got, m[1])
	}
	if want := []string{"Hjemmeside", "Telefon", "Digital Post", "Personlig henvendelse"}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("%s: other channels %q, want %q", path, got, want)
	}
	for _, never := range []string{"E-mail", "Brev", "self_service", "have_ready", "examples"} {
		if strings.Contains(rest, never) {
			t.Errorf("%s shows %q", path, never)
		}
	}

	// Tårnby's passport: no self-service, so no button; answer in 10
	// working days; the area as a whole is an example.
	r = ts.get(t, c, "/borger/taarnby/pas")
	if r.status != http.StatusOK || strings.Contains(r.body, "button-primary") ||
		!strings.Contains(r.body, "Du kan forvente svar inden for 10 arbejdsdage.") || !strings.Contains(r.body, "Betaling for passet") ||
		!strings.Contains(r.body, "er endnu ikke kommunens egne") {
		t.Errorf("/borger/taarnby/pas: %d\n%s", r.status, r.body)
	}
	// An area may be named by its KLE number too.
	if r := ts.get(t, c, "/borger/taarnby/23.09.02"); r.status != http.StatusOK || !strings.Contains(r.body, "<h1>Pas") {
		t.Errorf("/borger/taarnby/23.09.02: %d", r.status)
	}
}

// Unknown municipalities and areas, Kanal's own area and every other
// address under /borger/ answer a citizen-worded 404 in the portal's
// layout.
func TestCitizen_NotFoundInThePortalsLayout(t *testing.T) {
	ts := newTestServer(t, true)
	c := ts.client(t, "")
	for path, front := range map[string]bool{
		"/borger/nowhere/":               false,
		"/borger/nowhere/flytning":       false,
		"/borger/dragoer/99.99.99":       true,
		"/borger/dragoer/andet":          true,
		"/borger/dragoer/flytning/extra": true,
		"/borger/":                       false,
	} {
		r := ts.get(t, c, path)
		if r.status != http.StatusNotFound || !strings.Contains(r.body, "Vi kan ikke finde den side, du leder efter.") {
			t.Errorf("%s: %d, want the citizen 404 page", path, r.status)
			continue
		}
		citizenLayout(t, path, r)
		if got := strings.Contains(r.body, "Gå til forsiden for Dragør Kommune"); got != front {
			t.Errorf("%s: link to Dragør's front page %v, want %v", path, got, front)
		}
	}
	r := ts.get(t, c, "/borger/dragoer")
	if r.status != http.StatusMovedPermanently || r.header.Get("Location") != "/borger/dragoer/" {
		t.Errorf("/borger/dragoer: %d %q, want a redirect to /borger/dragoer/", r.status, r.header.Get("Location"))
	}
}

// The English link keeps the page and its search, and the Danish link
// goes back.
func TestCitizen_EnglishKeepsThePageAndTheSearch(t *testing.T) {
	ts := newTestServer(t, true)
	c := ts.client(t, "")
	r := ts.get(t, c, "/borger/dragoer/?q=adresse")
	if !strings.Contains(r.body, `href="/borger/dragoer/?lang=en&q=adresse"`) {
		t.Fatalf("the Danish page does not link to itself in English")
	}
	r = ts.get(t, c, "/borger/dragoer/?lang=en&q=adresse")
	for _, want := range []string{`<html lang="en">`, "What do you need help with?", "1 subject matches “adresse”",
		`href="/borger/dragoer/?lang=da&q=adresse"`, `<input type="hidden" name="lang" value="en">`} {
		if !strings.Contains(r.body, want) {
			t.Errorf("the English front page lacks %q", want)
		}
	}
	r = ts.get(t, c, "/borger/dragoer/flytning?lang=en")
	for _, want := range []string{"You can expect an answer within 5 working days.", "Go to the self-service",
		"Other ways to contact the municipality", `What to have ready <span class="badge badge-info">example</span>`} {
		if !strings.Contains(r.body, want) {
			t.Errorf("the English area page lacks %q", want)
		}
	}
	if r := ts.get(t, c, "/borger/nowhere/?lang=en"); r.status != http.StatusNotFound || !strings.Contains(r.body, "We cannot find the page you are looking for.") {
		t.Errorf("the English 404 page: %d", r.status)
	}
}

// The portal never reads or sets a staff session: a signed-in staff member
// sees the same page as anyone, and no answer sets a cookie but the
// language choice. Every answer carries the security headers.
func TestCitizen_NoStaffSessionAndTheSecurityHeaders(t *testing.T) {
	ts := newTestServer(t, true)
	staff, anonymous := ts.client(t, dragoerGroup), ts.client(t, "")
	for _, path := range []string{"/borger/dragoer/", "/borger/dragoer/?q=pas", "/borger/dragoer/flytning", "/borger/nowhere/", "/borger/dragoer/flytning?lang=en"} {
		signedIn, anon := ts.get(t, staff, path), ts.get(t, anonymous, path)
		if signedIn.body != anon.body {
			t.Errorf("%s: a signed-in staff member sees another page than anyone", path)
		}
		for _, r := range []response{signedIn, anon} {
			for _, cookie := range r.header.Values("Set-Cookie") {
				if !strings.HasPrefix(cookie, "kanal_lang=") {
					t.Errorf("%s sets a cookie: %s", path, cookie)
				}
			}
			for header, want := range map[string]string{"X-Frame-Options": "DENY", "X-Content-Type-Options": "nosniff",
				"Referrer-Policy": "same-origin", "Cache-Control": "no-store"} {
				if got := r.header.Get(header); got != want {
					t.Errorf("%s: %s %q, want %q", path, header, got, want)
				}
			}
			if csp := r.header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") || !strings.Contains(csp, "frame-ancestors 'none'") {
				t.Errorf("%s: Content-Security-Policy %q", path, csp)
			}
		}
	}
}

// Every template of the portal is rendered by the tests above.
func TestCitizen_EveryTemplateIsRendered(t *testing.T) {
	ts := newTestServer(t, false)
	rendered := map[string]bool{"front": true, "area": true, "error": true,
		// citizen_login_test.go and citizen_forms_test.go.
		"login_dev": true, "form": true, "case": true, "cases": true,
		// callback_test.go and callback_browser_test.go.
		"callback": true, "callback_receipt": true,
		// contact_form_test.go.
		"contact": true, "contact_refused": true, "contact_thanks": true,
		// answers_pages_test.go.
		"answer": true, "answers_find": true,
		// digitalpost_pages_test.go: the development Digital Post inbox.
		"digitalpost": true, "digitalpost_message": true}
	for _, name := range ts.srv.citizen.PageNames() {
		if !rendered[name] {
			t.Errorf("citizen template %s is not rendered by any test", name)
		}
	}
}

// The answer time agrees in number, 0 days is the same day, and a
// self-service without login says so; the strategy changed here is read
// by the next request.
func TestCitizen_AnswerTimeInTheRightNumberAndLogin(t *testing.T) {
	ts := newTestServer(t, true)
	doc := string(kanaltest.PresetDocument(t, "dragoer"))
	// The first of each is the moving area's (response time 5, NemID) and
	// the health card's (response time 10).
	for _, rep := range [][2]string{{"response_days: 5\n", "response_days: 1\n"}, {"login: nemid\n", "login: none\n"},
		{"response_days: 10\n", "response_days: 0\n"}} {
		if !strings.Contains(doc, rep[0]) {
			t.Fatalf("the preset has no %q", rep[0])
		}
		doc = strings.Replace(doc, rep[0], rep[1], 1)
	}
	if _, _, err := ts.registry.Load(t.Context(), audit.System, "test.yaml", []byte(doc)); err != nil {
		t.Fatal(err)
	}
	for path, wants := range map[string][]string{
		"/borger/dragoer/flytning":             {"Du kan forvente svar inden for 1 arbejdsdag.", "Du skal ikke logge ind."},
		"/borger/dragoer/flytning?lang=en":     {"You can expect an answer within 1 working day.", "You do not need to sign in."},
		"/borger/dragoer/sundhedskort":         {"Du kan forvente svar samme dag.", "Du logger ind med MitID."},
		"/borger/dragoer/sundhedskort?lang=en": {"You can expect an answer the same day."},
	} {
		// A client of its own: ?lang= is remembered in a cookie.
		r := ts.get(t, ts.client(t, ""), path)
		for _, want := range wants {
			if !strings.Contains(r.body, want) {
				t.Errorf("%s lacks %q", path, want)
			}
		}
	}
}

package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/locale/localetest"
)

// The parts of a page a reader does not read as running text: scripts,
// styles and text areas (an input's value), and every tag with its
// attributes (a <time datetime="…">, an input's value, a link's address).
var (
	notRead = regexp.MustCompile(`(?is)<(script|style|textarea)\b.*?</(script|style|textarea)>`)
	tag     = regexp.MustCompile(`(?s)<[^>]*>`)
	// isoDate is a day written the ISO way (2014-03-31, also as the start
	// of 2014-03-31T10:15), which a page's running text writes in words
	// instead (31. marts 2014). A parliamentary year (L 159 2011-12) is
	// not one.
	isoDate = regexp.MustCompile(`\b\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b`)
	// token is a word as the page shows it: an e-mail address or a host
	// name is one token, so that the municipality's id in
	// strategi@dragoer.demo is not a word of its own.
	token = regexp.MustCompile(`[\p{L}\p{N}_@.:/-]+`)
	kle   = regexp.MustCompile(`^\d\d(\.\d\d){0,2}$`)
	// code are ids written as only code writes words: with an underscore,
	// a hyphen or a digit.
	code = regexp.MustCompile(`[_\d-]`)
	// elementText is the whole text of an element that shows a value —
	// a cell, an item, a description, a code — without elements inside.
	elementText = regexp.MustCompile(`<(td|th|li|dd|dt|code|option|span|p|a)\b[^>]*>([^<>]*)</(td|th|li|dd|dt|code|option|span|p|a)>`)
	htmlLang    = regexp.MustCompile(`<html lang="([a-z]+)"`)
	// wrongPlural is the count one with a noun in the plural: "af 1
	// henvendelser", "1 rows".
	wrongPlural = regexp.MustCompile(`(^|[^\d.,])1 (henvendelser|informationshenvendelser|ansøgninger|breve|rækker|arbejdsdage|hændelser|områder|brugere|nøgler|KLE-numre|advarsler|inquiries|applications|letters|rows|working days|events|areas|users|keys|warnings)\b`)
)

// runningText is what a reader reads of an HTML page: its text, without
// tags and attributes, each tag a space.
func runningText(body string) string {
	return tag.ReplaceAllString(notRead.ReplaceAllString(body, " "), " ")
}

// developerWords are words of Kanal's developers and its files that a case
// worker should never have to read on a page.
// danishDateInEnglish is a day written the Danish way on an English page
// ("3. February"; English writes "3 February").
var danishDateInEnglish = regexp.MustCompile(`\b\d{1,2}\. (January|February|March|April|May|June|July|August|September|October|November|December)\b`)

// doubledStop is a sentence that ends after an abbreviation's full stop
// with one more ("1.596.501 kr.."), where a text puts an amount last.
var doubledStop = regexp.MustCompile(`[^.]\.\.(\s|$)`)

var developerWords = regexp.MustCompile(`RFC 3339|docs/|\.md\b|\bBearer\b|\bbytes\b|example: true|\bnull\b`)

// internalIDs are the names Kanal and the strategies use for things in
// files, addresses and code — channels, inquiry types, departments, areas,
// referrals, desks, roles, permissions, directions, audit actions — which
// a page writes in words. A KLE number is shown on purpose and is not one.
func internalIDs(t *testing.T, ts *testServer) map[string]bool {
	t.Helper()
	ids := map[string]bool{"inbound": true, "outbound": true}
	add := func(id string) {
		if id != "" && !kle.MatchString(id) {
			ids[id] = true
		}
	}
	for _, m := range []string{"dragoer", "taarnby"} {
		cur, err := ts.registry.Current(context.Background(), m)
		if err != nil {
			t.Fatal(err)
		}
		s := cur.Strategy
		add(s.Municipality.ID)
		for _, c := range s.Channels {
			add(c.ID)
		}
		for _, typ := range s.InquiryTypes {
			add(typ.ID)
		}
		for _, d := range s.Departments {
			add(d.ID)
		}
		for _, a := range s.Areas {
			add(a.ID)
		}
		for _, r := range s.Referrals {
			add(r.ID)
		}
		for _, d := range s.Desks() {
			add(d.Key)
		}
		for _, tg := range s.Targets {
			add(tg.Measure)
			add(tg.ID)
		}
	}
	for _, r := range auth.Roles {
		add(string(r))
	}
	for _, p := range auth.KeyPermissions {
		add(string(p))
	}
	for _, a := range audit.Actions {
		add(a)
	}
	return ids
}

// words are the words of a language as Kanal's texts and the strategies
// write them, in lower case: an id that is one of them ("pas", the
// passport area; "information", a type; "staff" in English) may be a word
// of a sentence, and is an id shown as data only when it is all an
// element says. An id that is none of them (koerekort, self_service) is
// never a word.
func words(t *testing.T, ts *testServer) map[string]map[string]bool {
	t.Helper()
	out := map[string]map[string]bool{}
	word := regexp.MustCompile(`[\p{L}]+`)
	for _, lang := range locale.Languages {
		out[lang] = map[string]bool{}
		add := func(s string) {
			for _, w := range word.FindAllString(strings.ToLower(s), -1) {
				out[lang][w] = true
			}
		}
		l := locale.New(lang)
		for _, k := range locale.Keys() {
			add(l.T(k))
		}
		add("Anmeldelse af flytning") // the title checkDragoerKLE's plan gives 23.05.10
		for _, m := range []string{"dragoer", "taarnby"} {
			cur, err := ts.registry.Current(context.Background(), m)
			if err != nil {
				t.Fatal(err)
			}
			s := cur.Strategy
			add(s.Title + " " + s.Vision + " " + strings.Join(s.Principles, " "))
			for _, a := range s.Areas {
				add(a.Title + " " + a.Note + " " + strings.Join(a.SearchWords, " "))
			}
			for _, c := range s.Channels {
				add(c.Name)
			}
			for _, typ := range s.InquiryTypes {
				add(typ.Name)
			}
			for _, d := range s.Departments {
				add(d.Name)
			}
		}
	}
	return out
}

// plainLanguage lists what a page shows that a case worker should not have
// to read: a catalogue key, an ISO date, an internal id, a developer's word.
func plainLanguage(body, lang string, ids map[string]bool, words map[string]bool) []string {
	text := runningText(body)
	var found []string
	for _, k := range localetest.KeyShaped(text) {
		found = append(found, "key "+k)
	}
	for _, at := range isoDate.FindAllStringIndex(text, -1) {
		found = append(found, "ISO date "+text[at[0]:at[1]]+" in "+around(text, at))
	}
	for _, at := range token.FindAllStringIndex(text, -1) {
		w := strings.Trim(text[at[0]:at[1]], ".:/")
		if ids[w] && (code.MatchString(w) || !words[w]) {
			found = append(found, "id "+w+" in "+around(text, at))
		}
	}
	// An id that is also a word (the area "pas", the type "information")
	// is shown as data when it is all an element says.
	for _, m := range elementText.FindAllStringSubmatch(notRead.ReplaceAllString(body, " "), -1) {
		w := strings.TrimSpace(m[2])
		if ids[w] && !code.MatchString(w) && words[w] {
			found = append(found, "id "+w+" as "+fmt.Sprintf("%q", ">"+w+"<"))
		}
	}
	for _, at := range wrongPlural.FindAllStringIndex(text, -1) {
		found = append(found, "plural in "+around(text, at))
	}
	for _, w := range developerWords.FindAllString(text, -1) {
		found = append(found, "developer's word "+w)
	}
	for _, at := range doubledStop.FindAllStringIndex(text, -1) {
		found = append(found, "doubled full stop in "+around(text, at))
	}
	if lang == "en" {
		for _, at := range danishDateInEnglish.FindAllStringIndex(text, -1) {
			found = append(found, "Danish-style date in "+around(text, at))
		}
	}
	return found
}

// Every staff page — reached by links from the front page and the pages
// of each section, signed in as every role that sees them, in Danish and
// English, with the one-time password, the new key, the import's problems
// and the confirmations among them — writes dates in words, never as
// ISO dates, and shows no catalogue key, no internal id and no
// developer's word in its running text. (Attributes, such as <time
// datetime="…"> and an input's value, and downloads are for machines.)
func TestPlainLanguage_EveryStaffPageSpeaksToCaseWorkers(t *testing.T) {
	localetest.FailOnMissing(t)
	ts := newTestServer(t, true)
	checkDragoerKLE(t, ts) // the areas' pages then name a plan, its release and warnings
	ts.seed(t, "dragoer", 2014, 2014, 0.01)
	ts.seed(t, "taarnby", 2017, 2017, 0.01)
	issued := ts.issue(t, "dragoer", 2014)
	ctx := context.Background()
	victim, _, err := auth.NewUsers(ts.db, ts.registry).Add(ctx, audit.System,
		auth.NewUser{Municipality: "dragoer", Email: "offer@dragoer.demo", Role: auth.Manager, Department: "borgerbutikken"})
	if err != nil {
		t.Fatal(err)
	}
	secret, _ := ts.addKey(t, "dragoer", "Telefonsystem", false, auth.Read, auth.Ingest)
	ts.addKey(t, "dragoer", "Selvbetjening", true, auth.Ingest)
	revoked := map[string]auth.APIKey{}
	for _, lang := range locale.Languages {
		_, revoked[lang] = ts.addKey(t, "dragoer", "Sagssystem "+lang, false, auth.Read)
	}
	api := ts.client(t, "")
	if r := ts.get(t, api, "/api/v1/strategy", "Authorization", "Bearer "+secret); r.status != http.StatusOK {
		t.Fatalf("a key's first use: %d", r.status)
	}
	ids, vocabulary := internalIDs(t, ts), words(t, ts)

	check := func(who, lang, what string, r response) {
		t.Helper()
		if !strings.HasPrefix(r.header.Get("Content-Type"), "text/html") {
			return
		}
		if m := htmlLang.FindStringSubmatch(r.body); m != nil {
			lang = m[1]
		}
		if found := plainLanguage(r.body, lang, ids, vocabulary[lang]); len(found) > 0 {
			t.Errorf("%s (%s) %s: %s", who, lang, what, strings.Join(found, "; "))
		}
	}
	roles := []string{operator, dragoerStaff, dragoerManager, dragoerGroup, dragoerAuditor, taarnbyGroup, taarnbyAuditor}
	for _, lang := range locale.Languages {
		for _, email := range roles {
			c := ts.client(t, email)
			ts.get(t, c, "/?lang="+lang)
			m := "dragoer"
			if strings.HasSuffix(email, "@taarnby.demo") {
				m = "taarnby"
			}
			pages := ts.walk(t, c, "/", "/m/"+m, "/m/"+m+"/figures", "/m/"+m+"/users", "/m/"+m+"/keys", "/m/"+m+"/audit",
				"/m/"+m+"/import", "/m/"+m+"/console", "/password", "/m/dragoer/figures/reports/"+fmt.Sprint(issued.ID))
			if len(pages) < 10 {
				t.Errorf("%s (%s): only %d pages", email, lang, len(pages))
			}
			for path, r := range pages {
				check(email, lang, path, r)
			}
		}
	}

	// Pages that answer a form: the one-time password, a new key, the
	// import's problems, the confirmations and what follows them.
	group := ts.client(t, dragoerGroup)
	csv := "tidspunkt;kanal;type;retning;område;varighed i sekunder\n" +
		"31-03-2014 10:15;fax;information;ind;flytning;-1\n" +
		"31-03-2014 10:16;Telefon;Information;til kommunen;Flytteanmeldelse;120\n" +
		"2014-13-01;telefon;information;ind;flytning;\n"
	for _, lang := range locale.Languages {
		q := "?lang=" + lang
		users := fmt.Sprintf("/m/dragoer/users/%d", victim.ID)
		for what, r := range map[string]response{
			"a one-time password":  ts.post(t, group, users+"/password"+q, nil),
			"a new key":            ts.post(t, group, "/m/dragoer/keys"+q, url.Values{"name": {"ESDH " + lang}, "permissions": {"read"}}),
			"a wrong key":          ts.post(t, group, "/m/dragoer/keys"+q, url.Values{"name": {""}}),
			"a wrong user":         ts.post(t, group, "/m/dragoer/users"+q, url.Values{"email": {"x"}, "role": {"manager"}}),
			"the import's answer":  postFile(t, ts, group, "/m/dragoer/import"+q, "file", "rows.csv", []byte(csv)),
			"a wrong heading":      postFile(t, ts, group, "/m/dragoer/import"+q, "file", "rows.csv", []byte("tidspunkt;farve\n")),
			"closing, to confirm":  ts.get(t, group, users+"/disable"+q),
			"a password, confirm":  ts.get(t, group, users+"/password"+q),
			"a key, to confirm":    ts.get(t, group, fmt.Sprintf("/m/dragoer/keys/%d/revoke", revoked[lang].ID)+q),
			"a closed user":        ts.post(t, group, users+"/disable"+q, nil),
			"the user reopened":    ts.post(t, group, users+"/reopen"+q, nil),
			"a revoked key":        ts.post(t, group, fmt.Sprintf("/m/dragoer/keys/%d/revoke", revoked[lang].ID)+q, nil),
			"the audit log after":  ts.get(t, ts.client(t, dragoerAuditor), "/m/dragoer/audit"+q),
			"the audit log, wrong": ts.get(t, ts.client(t, dragoerAuditor), "/m/dragoer/audit?from=x&to=2014-02-30&lang="+lang),
		} {
			if r.status >= 500 || r.status == http.StatusNotFound || r.status == http.StatusMethodNotAllowed {
				t.Errorf("%s (%s): %d", what, lang, r.status)
			}
			check(dragoerGroup, lang, what, r)
		}
	}
}

// around is the text around a match, for a message.
func around(text string, at []int) string {
	from, to := max(0, at[0]-40), min(len(text), at[1]+40)
	for from > 0 && !utf8.RuneStart(text[from]) {
		from--
	}
	for to < len(text) && !utf8.RuneStart(text[to]) {
		to++
	}
	return fmt.Sprintf("%q", strings.Join(strings.Fields(text[from:to]), " "))
}

// walk visits every page reachable by links within Kanal from start, as
// the client, and returns the HTML answers by path.
func (ts *testServer) walk(t *testing.T, c *http.Client, start ...string) map[string]response {
	t.Helper()
	pages := map[string]response{}
	seen := map[string]bool{}
	queue := start
	for len(queue) > 0 && len(seen) < 2000 {
		path := queue[0]
		queue = queue[1:]
		if seen[path] || strings.HasPrefix(path, "/static/") || strings.HasPrefix(path, "/auth/oidc/") || strings.Contains(path, "lang=") {
			continue
		}
		seen[path] = true
		r := ts.get(t, c, path)
		if r.status >= 500 {
			t.Errorf("%s: %d", path, r.status)
		}
		if !strings.HasPrefix(r.header.Get("Content-Type"), "text/html") {
			continue
		}
		pages[path] = r
		for _, m := range href.FindAllStringSubmatch(r.body, -1) {
			if !seen[m[1]] {
				queue = append(queue, m[1])
			}
		}
	}
	if len(seen) >= 2000 {
		t.Errorf("more than 2000 pages; is a link making new addresses?")
	}
	return pages
}

// The check itself finds what it is for, in a page written by hand, and
// lets the machine-readable places be.
func TestPlainLanguage_TheCheckFindsWhatItLooksFor(t *testing.T) {
	ids := map[string]bool{"boern-skole": true, "self_service": true, "phone": true, "flytning": true}
	bad := `<p>Oprettet 2012-12-01 af strategi@dragoer.demo.</p><p>Kanal: self_service, phone.</p>` +
		`<td>boern-skole</td><p>Send nøglen som Bearer NØGLE; se docs/import.md.</p><p>figures.no_such_text</p>` +
		`<p>digitale af 1 henvendelser</p><p>Omkostning 1.596.501 kr..</p>`
	danish, english := map[string]bool{"flytning": true, "telefon": true}, map[string]bool{"flytning": true, "phone": true}
	found := plainLanguage(bad+`<td>flytning</td>`, locale.Danish, ids, danish)
	for _, want := range []string{"ISO date 2012-12-01", "id self_service", "id phone", "id boern-skole",
		"developer's word Bearer", "developer's word docs/", "key figures.no_such_text", `id flytning as ">flytning<"`, "plural in", "doubled full stop"} {
		if !slices.ContainsFunc(found, func(f string) bool { return strings.HasPrefix(f, want) }) {
			t.Errorf("the check missed %q; found %q", want, found)
		}
	}
	good := `<p>Oprettet <time datetime="2012-12-01">1. december 2012</time> af strategi@dragoer.demo.</p>` +
		`<input type="date" value="2014-03-31"><a href="/m/dragoer/areas/flytning">Flytning</a>` +
		`<textarea>2014-03-31</textarea><script>var x = "self_service";</script><p>Telefon; phone</p>` +
		`<p>Anmeldelse af flytning; L 159 2011-12</p><button>Annullér</button><p>1 inquiry of 1.001 inquiries, 21 rows</p><p>Prisen er 75 kr. Og mere… Se mere ...</p>`
	if found := plainLanguage(good, locale.English, ids, english); len(found) > 0 {
		t.Errorf("the check found %q in a page that is fine", found)
	}
	found = plainLanguage(`<p>Prepared 3. February 2015 by Kanal</p>`, locale.English, ids, english)
	if !slices.ContainsFunc(found, func(f string) bool { return strings.HasPrefix(f, "Danish-style date") }) {
		t.Errorf("the check missed a Danish-style date on an English page; found %q", found)
	}
	if found := plainLanguage(`<p>Udarbejdet 3. februar 2015 af Kanal</p>`, locale.Danish, ids, danish); len(found) > 0 {
		t.Errorf("the check found %q in a Danish date on a Danish page", found)
	}
}

package web

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"html"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/demo"
	"github.com/kanal-dk/kanal/internal/rollup"
	"github.com/kanal-dk/kanal/internal/strategy"
)

func TestConsole_SearchFindsAreasByWordOrKLE(t *testing.T) {
	ts := newTestServer(t, true)
	c := ts.client(t, dragoerStaff)
	for q, want := range map[string]string{"flyt": "Flytteanmeldelse", "23.05": "Flytteanmeldelse", "koerekort": "Kørekort", "KØREKORT": "Kørekort", "sundhed": "Udstedelse af sundhedskort"} {
		r := ts.get(t, c, "/m/dragoer/console?q="+url.QueryEscape(q))
		if r.status != http.StatusOK || !strings.Contains(r.body, want) {
			t.Errorf("%q: %d, want %s", q, r.status, want)
		}
		if q == "flyt" && strings.Contains(r.body, "Kørekort</a>") {
			t.Errorf("%q also lists areas that do not match", q)
		}
	}
	if r := ts.get(t, c, "/m/dragoer/console?q=zzz"); !strings.Contains(r.body, "Intet område passer") {
		t.Error("no match is not said")
	}
}

func TestConsole_ShowsGuidanceForTheChosenArea(t *testing.T) {
	ts := newTestServer(t, true)
	c := ts.client(t, dragoerStaff)
	r := ts.get(t, c, "/m/dragoer/console?area=flytning&channel=letter&type=transaction")
	for _, want := range []string{"Guid borgeren til: <strong>Digital selvbetjening</strong>", "skal indgives digitalt", "https://www.borger.dk/", "obligatorisk digital selvbetjening"} {
		if !strings.Contains(r.body, want) {
			t.Errorf("the guidance lacks %q", want)
		}
	}
	r = ts.get(t, c, "/m/dragoer/console?area=flytning&type=transaction&exempt_self_service=on")
	if !strings.Contains(r.body, "<strong>Personlig henvendelse</strong>") {
		t.Error("an exempt citizen should be guided to the exemption channel")
	}
	frag := ts.get(t, c, "/m/dragoer/console/guidance?area=28.09.40&type=interaction&channel=phone")
	if frag.status != http.StatusOK || strings.Contains(frag.body, "<html") || !strings.Contains(frag.body, "Guid borgeren til") {
		t.Errorf("the guidance fragment: %d %s", frag.status, frag.body)
	}
}

func TestConsole_RegisterCountAndUndo(t *testing.T) {
	ts := newTestServer(t, true)
	c := ts.client(t, dragoerStaff)
	if r := ts.post(t, c, "/m/dragoer/console/desk", url.Values{"desk": {"phone|Rådhuset, omstillingen"}}); r.status != http.StatusSeeOther {
		t.Fatalf("choose desk: %d", r.status)
	}
	if r := ts.get(t, c, "/m/dragoer/console?area=flytning"); !strings.Contains(r.body, `id="ch-phone" value="phone" checked`) {
		t.Error("the desk's channel is not the default")
	}
	r := ts.post(t, c, "/m/dragoer/console", url.Values{"area": {"flytning"}, "type": {"interaction"}, "channel": {"phone"},
		"resolved_first_contact": {"on"}, "guided": {"on"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("register: %d %s", r.status, r.body)
	}
	var desk, source string
	var resolved, guided bool
	if err := ts.db.QueryRow(`SELECT desk, source, resolved_first_contact, guided FROM inquiries WHERE area = 'flytning'`).
		Scan(&desk, &source, &resolved, &guided); err != nil {
		t.Fatal(err)
	}
	if desk != "phone|Rådhuset, omstillingen" || source != "console" || !resolved || !guided {
		t.Errorf("stored: %q %q %v %v", desk, source, resolved, guided)
	}
	page := ts.get(t, c, "/m/dragoer/console?registered=1")
	if !strings.Contains(page.body, "I dag ved denne skranke: 1") || !strings.Contains(page.body, "Seneste: Flytteanmeldelse, Telefon, Interaktion") {
		t.Errorf("today's count and the last registration are not shown")
	}
	if r := ts.post(t, c, "/m/dragoer/console", url.Values{"area": {"flytning"}, "type": {"interaction"}, "channel": {"fax"}}); r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "Kanal: Ukendt kanal") {
		t.Errorf("an unknown channel: %d", r.status)
	}
	assertCounts(t, ts)

	// Another browser of the same user cannot take it back; this one can.
	if r := ts.post(t, ts.client(t, dragoerStaff), "/m/dragoer/console/undo", nil); r.status != http.StatusUnprocessableEntity {
		t.Errorf("undo from another session: %d", r.status)
	}
	if r := ts.post(t, c, "/m/dragoer/console/undo", nil); r.status != http.StatusSeeOther {
		t.Errorf("undo: %d", r.status)
	}
	if n := ts.count(t, `SELECT COUNT(*) FROM inquiries`); n != 0 {
		t.Errorf("%d inquiries after undo", n)
	}
	assertCounts(t, ts)
}

func assertCounts(t *testing.T, ts *testServer) {
	t.Helper()
	for _, m := range []string{"dragoer", "taarnby"} {
		diffs, err := rollup.Verify(context.Background(), ts.db, m)
		if err != nil || len(diffs) > 0 {
			t.Errorf("%s: counts differ from a recount: %v %v", m, diffs, err)
		}
	}
}

func TestImportPage(t *testing.T) {
	ts := newTestServer(t, true)
	c := ts.client(t, dragoerGroup)
	if r := ts.get(t, c, "/m/dragoer/import"); r.status != http.StatusOK || !strings.Contains(r.body, "<progress") {
		t.Fatalf("form: %d", r.status)
	}
	example, err := os.ReadFile("../../docs/examples/inquiries.csv")
	if err != nil {
		t.Fatal(err)
	}
	send := func(name string, data []byte) response {
		var body bytes.Buffer
		mw := multipart.NewWriter(&body)
		fw, err := mw.CreateFormFile("file", name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := fw.Write(data); err != nil {
			t.Fatal(err)
		}
		if err := mw.Close(); err != nil {
			t.Fatal(err)
		}
		req, err := http.NewRequest(http.MethodPost, ts.URL+"/m/dragoer/import", &body)
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Content-Type", mw.FormDataContentType())
		return do(t, c, req)
	}
	if r := send("eksempel.csv", example); r.status != http.StatusOK || !strings.Contains(r.body, "eksempel.csv: 6 henvendelser er indlæst.") || strings.Contains(r.body, "afvist") {
		t.Errorf("the documented example: %d\n%s", r.status, r.body)
	}
	broken := "occurred_at;channel;type;direction;area\n2014-04-01T10:00:00+02:00;fax;information;inbound;flytning\n" +
		"2014-04-01T10:05:00+02:00;phone;information;inbound;flytning\n"
	if r := send("fejl.csv", []byte(broken)); !strings.Contains(r.body, "Række 2, kolonnen »channel«: »fax« er ikke en af kommunens kanaler") || !strings.Contains(r.body, "fejl.csv: 1 henvendelse er indlæst. 1 række er afvist") {
		t.Errorf("a bad row beside a good one: %s", r.body)
	}
	if r := send("fejl.csv", []byte(broken)); !strings.Contains(r.body, "er indlæst før") {
		t.Errorf("the same file again: %s", r.body)
	}
	if r := send("hoved.csv", []byte("tidspunkt;farve\n")); r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "Række 1: Kolonnen »farve« kendes ikke. Kolonnerne kan hedde: nummer, tidspunkt,") {
		t.Errorf("a bad header: %d", r.status)
	}
	if r := send("tom.csv", nil); r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "Række 1: Filen er tom") {
		t.Errorf("an empty file: %d", r.status)
	}
	if r := ts.get(t, ts.client(t, dragoerStaff), "/m/dragoer/import"); r.status != http.StatusForbidden {
		t.Errorf("front-line staff import: %d", r.status)
	}
	assertCounts(t, ts)
}

// sessionToken is the session cookie a test client holds.
func (ts *testServer) sessionToken(t *testing.T, c *http.Client) string {
	t.Helper()
	for _, ck := range c.Jar.Cookies(mustURL(ts.URL)) {
		if ck.Name == sessionCookie {
			return ck.Value
		}
	}
	t.Fatal("the client holds no session")
	return ""
}

// undoCookie is the undo cookie a test client holds after registering.
func (ts *testServer) undoCookie(t *testing.T, c *http.Client) *http.Cookie {
	t.Helper()
	for _, ck := range c.Jar.Cookies(mustURL(ts.URL + "/m/dragoer/console")) {
		if ck.Name == lastCookie {
			return ck
		}
	}
	t.Fatal("the client holds no undo cookie")
	return nil
}

// A colleague can neither forge the undo cookie — with the key the console
// once derived from the session, which its holder knows — nor use a copy of
// someone else's; the registrant's own undo is written to the audit log.
func TestConsole_UndoCookieCannotBeForgedOrBorrowed(t *testing.T) {
	ts := newTestServer(t, true)
	if _, _, err := auth.NewUsers(ts.db, ts.registry).Add(context.Background(), audit.System, auth.NewUser{
		Municipality: "dragoer", Email: "kollega@dragoer.demo", Role: auth.Staff, Password: "en lang adgangskode"}); err != nil {
		t.Fatal(err)
	}
	anna, colleague := ts.client(t, dragoerStaff), ts.client(t, "kollega@dragoer.demo")
	if r := ts.post(t, anna, "/m/dragoer/console", url.Values{"area": {"flytning"}, "type": {"interaction"}, "channel": {"phone"}}); r.status != http.StatusSeeOther {
		t.Fatalf("register: %d", r.status)
	}
	own := ts.undoCookie(t, anna)
	id, _, _ := strings.Cut(own.Value, ".")

	// The old scheme: HMAC keyed with the hash of the colleague's own token.
	sum := sha256.Sum256([]byte(ts.sessionToken(t, colleague)))
	m := hmac.New(sha256.New, []byte(hex.EncodeToString(sum[:])))
	m.Write([]byte(id))
	forged := id + "." + hex.EncodeToString(m.Sum(nil)[:16])
	for name, value := range map[string]string{"forged": forged, "borrowed": own.Value, "unsigned": id + "."} {
		colleague.Jar.SetCookies(mustURL(ts.URL+"/m/dragoer/console"), []*http.Cookie{{Name: lastCookie, Value: value, Path: "/m/dragoer/console"}})
		if r := ts.post(t, colleague, "/m/dragoer/console/undo", nil); r.status != http.StatusUnprocessableEntity {
			t.Errorf("a %s undo cookie in a colleague's browser: %d, want 422", name, r.status)
		}
	}
	if n := ts.count(t, `SELECT COUNT(*) FROM inquiries`); n != 1 {
		t.Fatalf("%d inquiries after the colleague's attempts, want 1", n)
	}
	if events := ts.events(t, audit.Filter{Municipality: "dragoer", Action: audit.InquiryUndone}); len(events) != 0 {
		t.Errorf("refused undos were audited: %+v", events)
	}

	if r := ts.post(t, anna, "/m/dragoer/console/undo", nil); r.status != http.StatusSeeOther {
		t.Fatalf("the registrant's undo: %d", r.status)
	}
	if n := ts.count(t, `SELECT COUNT(*) FROM inquiries`); n != 0 {
		t.Errorf("%d inquiries after the undo", n)
	}
	events := ts.events(t, audit.Filter{Municipality: "dragoer", Action: audit.InquiryUndone})
	if len(events) != 1 || events[0].Actor != dragoerStaff || events[0].Target != "inquiry "+id || events[0].Detail != "flytning, phone, interaction" {
		t.Errorf("the undo in the audit log: %+v", events)
	}
	assertCounts(t, ts)
}

// The console counts "today" and dates a registration by its clock: a
// registration a minute before midnight is today's until midnight.
func TestConsole_TodayFollowsTheConsoleClock(t *testing.T) {
	now := time.Date(2014, time.March, 31, 23, 59, 0, 0, strategy.Location)
	ts := newTestServer(t, true, func(o *Options, _ string) { o.Now = func() time.Time { return now } })
	c := ts.client(t, dragoerStaff)
	if r := ts.post(t, c, "/m/dragoer/console", url.Values{"area": {"flytning"}, "type": {"transaction"}, "channel": {"in_person"}}); r.status != http.StatusSeeOther {
		t.Fatalf("register: %d %s", r.status, r.body)
	}
	var at time.Time
	if err := ts.db.QueryRow(`SELECT occurred_at FROM inquiries`).Scan(&at); err != nil {
		t.Fatal(err)
	}
	if !at.Equal(now) {
		t.Errorf("registered at %v, want the console's clock %v", at, now)
	}
	if r := ts.get(t, c, "/m/dragoer/console?registered=1"); !strings.Contains(r.body, "I dag ved denne skranke: 1") ||
		!strings.Contains(r.body, "Transaktion kl. 23:59") {
		t.Error("the registration is not today's at 23:59")
	}
	now = now.Add(2 * time.Minute)
	if r := ts.get(t, c, "/m/dragoer/console"); !strings.Contains(r.body, "I dag ved denne skranke: 0") {
		t.Error("after midnight, yesterday's registration still counts as today's")
	}
	assertCounts(t, ts)
}

// Issue 13: "Changing the desk drop-down does nothing until »Vælg skranke«
// is pressed, so phone calls get counted as counter visits." With an area
// chosen the drop-down belongs to the registration form: the desk sent is
// the desk counted, and the channel, left at the first desk's own, follows
// the new desk. A channel staff chose stays; the desk registered with is
// remembered; the desk form goes back to the area.
func TestConsole_TheDeskShownIsTheDeskInForce(t *testing.T) {
	ts := newTestServer(t, true)
	c := ts.client(t, dragoerStaff)
	const counter, phone = "in_person|Rådhuset, Borgerbutikken", "phone|Rådhuset, omstillingen"
	page := ts.get(t, c, "/m/dragoer/console?area=flytning").body
	for _, want := range []string{`<select id="desk" name="desk" form="register">`, `<input type="hidden" name="page_desk" value="` + counter + `"`} {
		if !strings.Contains(html.UnescapeString(page), want) {
			t.Errorf("the console with an area lacks %s", want)
		}
	}
	// Without JavaScript: the desk changed to the phone, the channel left
	// as the counter's, Registrér.
	r := ts.post(t, c, "/m/dragoer/console", url.Values{"area": {"flytning"}, "type": {"information"}, "channel": {"in_person"},
		"desk": {phone}, "page_desk": {counter}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("register: %d %s", r.status, r.body)
	}
	// The channel chosen on purpose after the desk changed stays.
	if r := ts.post(t, c, "/m/dragoer/console", url.Values{"area": {"flytning"}, "type": {"information"}, "channel": {"email"},
		"desk": {counter}, "page_desk": {phone}}); r.status != http.StatusSeeOther {
		t.Fatalf("register: %d %s", r.status, r.body)
	}
	rows, err := ts.db.Query(`SELECT desk, channel FROM inquiries ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var desk, channel string
		if err := rows.Scan(&desk, &channel); err != nil {
			t.Fatal(err)
		}
		got = append(got, desk+" "+channel)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if want := []string{phone + " phone", counter + " email"}; strings.Join(got, ";") != strings.Join(want, ";") {
		t.Errorf("registered %q, want %q", got, want)
	}
	// The desk registered with is the one the next page shows.
	if page := html.UnescapeString(ts.get(t, c, "/m/dragoer/console").body); !strings.Contains(page, `<option value="`+counter+`" data-channel="in_person" selected>`) {
		t.Error("the desk of the last registration is not the one shown next")
	}
	// The desk form (the script sends it as the drop-down changes) keeps the area.
	r = ts.post(t, c, "/m/dragoer/console/desk", url.Values{"desk": {phone}, "area": {"flytning"}})
	if r.status != http.StatusSeeOther || r.header.Get("Location") != "/m/dragoer/console?area=flytning" {
		t.Errorf("choose desk: %d %s", r.status, r.header.Get("Location"))
	}
	if page := ts.get(t, c, "/m/dragoer/console?area=flytning").body; !strings.Contains(page, `id="ch-phone" value="phone" checked`) ||
		!strings.Contains(page, "I dag ved denne skranke: 1") {
		t.Error("after choosing the phone desk, the channel or today's count is not the phone desk's")
	}
	assertCounts(t, ts)
}

// Search words from the strategy find areas over HTTP as in the browser:
// the words of issue 13 that found nothing.
func TestConsole_SearchWordsFindAreas(t *testing.T) {
	ts := newTestServer(t, true)
	c := ts.client(t, dragoerStaff)
	for q, want := range map[string]string{"skrald": "Madaffald/restaffald", "adresse": "Flytteanmeldelse", "gult kort": "Udstedelse af sundhedskort",
		"børnehave": "Optagelse i dagtilbud", "vuggestue": "Optagelse i dagtilbud"} {
		r := ts.get(t, c, "/m/dragoer/console?q="+url.QueryEscape(q))
		if r.status != http.StatusOK || !strings.Contains(r.body, want+"</a>") || !strings.Contains(r.body, `<li id="no-match" hidden>`) {
			t.Errorf("%q: %d, want %s", q, r.status, want)
		}
		// The first listed is the one Enter chooses.
		first, _, _ := strings.Cut(r.body[strings.Index(r.body, `<li data-kle=`):], "</li>")
		if !strings.Contains(first, want+"</a>") {
			t.Errorf("%q lists first %s, want %s", q, first, want)
		}
	}
	// The words are on the page for the live search, and on the area's page.
	if r := ts.get(t, c, "/m/dragoer/console"); !strings.Contains(html.UnescapeString(r.body), `data-words="skrald|skraldespand|storskrald|renovation|tømning|"`) {
		t.Error("the console does not carry the search words for the live search")
	}
	if r := ts.get(t, c, "/m/dragoer/areas/affald"); !strings.Contains(r.body, "<dt>Søgeord</dt><dd>skrald, skraldespand, storskrald, renovation, tømning") {
		t.Error("the area page does not show the search words")
	}
}

// When no area fits, the console says so and offers the strategy's area
// for what no area fits; an inquiry registered there is counted once, on
// that area, and shows on the figures beside the others.
func TestConsole_UnknownAreaIsRegisteredOnTheOtherArea(t *testing.T) {
	ts := newTestServer(t, true)
	c := ts.client(t, dragoerStaff)
	r := ts.get(t, c, "/m/dragoer/console?q=hundeskat")
	if !strings.Contains(r.body, `<li id="no-match">Intet område passer. Prøv et andet ord, eller <a href="/m/dragoer/console?area=andet" id="other-area">registrér henvendelsen under »Andet / ukendt område«</a></li>`) {
		t.Fatalf("no match does not offer the other area:\n%s", r.body)
	}
	if r := ts.get(t, c, "/m/dragoer/console?area=andet"); r.status != http.StatusOK || !strings.Contains(r.body, `id="register-button"`) {
		t.Fatalf("the other area's form: %d", r.status)
	}
	if r := ts.post(t, c, "/m/dragoer/console", url.Values{"area": {"andet"}, "type": {"information"}, "channel": {"in_person"}}); r.status != http.StatusSeeOther {
		t.Fatalf("register on the other area: %d %s", r.status, r.body)
	}
	if n := ts.count(t, `SELECT COUNT(*) FROM inquiries WHERE area = 'andet' AND department = 'borgerbutikken'`); n != 1 {
		t.Errorf("%d inquiries on the other area, want 1", n)
	}
	if n := ts.count(t, `SELECT COUNT(*) FROM inquiries`); n != 1 {
		t.Errorf("%d inquiries in all, want 1", n)
	}
	assertCounts(t, ts)
	if r := ts.get(t, ts.client(t, operator), "/m/dragoer/areas/andet"); !strings.Contains(r.body, "Kanals eget område") {
		t.Error("the other area's page does not say it is Kanal's own")
	}
}

// Front-line staff start the day at the console; the other roles at the
// strategy; an operator at the list of municipalities. Signing in without a
// return address lands there too.
func TestHome_LandsEachRoleWhereItWorks(t *testing.T) {
	ts := newTestServer(t, true)
	for email, want := range map[string]string{
		dragoerStaff: "/m/dragoer/console", dragoerManager: "/m/dragoer", dragoerGroup: "/m/dragoer", dragoerAuditor: "/m/dragoer", taarnbyStaff: "/m/taarnby/console",
	} {
		if r := ts.get(t, ts.client(t, email), "/"); r.status != http.StatusSeeOther || r.header.Get("Location") != want {
			t.Errorf("%s at /: %d %q, want %s", email, r.status, r.header.Get("Location"), want)
		}
	}
	if r := ts.get(t, ts.client(t, operator), "/"); r.status != http.StatusOK {
		t.Errorf("the operator at /: %d", r.status)
	}
	r := ts.post(t, ts.client(t, ""), "/login", url.Values{"email": {dragoerStaff}, "password": {demo.Password}})
	if r.status != http.StatusSeeOther || r.header.Get("Location") != "/" {
		t.Errorf("signing in: %d %q", r.status, r.header.Get("Location"))
	}
}

package web

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/answers"
	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/kanaltest"
)

// writeAnswer stores an answer page of an area directly.
func (ts *testServer) writeAnswer(t *testing.T, m, area string) {
	t.Helper()
	if _, err := answers.New(ts.db).Save(context.Background(), m, area, answers.Content{Title: "Svar", Body: "Tekst"}, false, "test"); err != nil {
		t.Fatal(err)
	}
}

// saveAnswer saves an answer page through the staff form and fails the
// test unless it is stored (303 back to the edit page).
func saveAnswer(t *testing.T, ts *testServer, c *http.Client, area, title, body string) {
	t.Helper()
	r := ts.post(t, c, "/m/dragoer/answers/"+area, url.Values{"title": {title}, "body": {body}})
	if r.status != http.StatusSeeOther || r.header.Get("Location") != "/m/dragoer/answers/"+area+"?done=saved" {
		t.Fatalf("save %s: %d %s\n%s", area, r.status, r.header.Get("Location"), r.body)
	}
}

const flytningAnswer = `Du skal melde flytning senest 5 dage efter, at du er flyttet.

### Hvad koster det?
Det er **gratis**.

- Log ind med MitID
- Skriv din nye adresse

Læs mere på [borger.dk](https://www.borger.dk/flytning) eller skriv til [Borgerbutikken](mailto:borger@dragoer.dk).`

func TestAnswers_StaffWritesVersionsAndThePortalShowsTheSanitisedPage(t *testing.T) {
	ts := newTestServer(t, true)
	staff := ts.client(t, dragoerStaff) // in Borgerbutikken, flytning's department

	r := ts.get(t, staff, "/m/dragoer/answers")
	if r.status != http.StatusOK {
		t.Fatalf("list: %d", r.status)
	}
	_, missing, _ := strings.Cut(r.body, `id="missing"`)
	missing, _, _ = strings.Cut(missing, `</section>`)
	if !strings.Contains(missing, `/m/dragoer/answers/flytning"`) || strings.Contains(r.body, `/m/dragoer/answers/dagtilbud"`) {
		t.Errorf("the list of areas without a page should hold flytning and none of another department's areas:\n%s", missing)
	}

	// Hostile input: the script is kept as text, the javascript: link is
	// refused with its line, and nothing is saved.
	hostile := "Hej <script>alert(1)</script>\n\n[klik](javascript:alert(1))"
	r = ts.post(t, staff, "/m/dragoer/answers/flytning", url.Values{"title": {"Flytning"}, "body": {hostile}})
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, `Linje 3: linket "javascript:alert(1" skal begynde med https:// eller mailto:.`) {
		t.Fatalf("a javascript: link: %d, want 422 naming line 3\n%s", r.status, r.body)
	}
	if n := ts.count(t, `SELECT COUNT(*) FROM answer_versions`); n != 0 {
		t.Errorf("a refused page stored %d versions", n)
	}

	saveAnswer(t, ts, staff, "flytning", "Sådan melder du flytning", "Første udgave <b>fed</b>")
	saveAnswer(t, ts, staff, "flytning", "Sådan melder du flytning", flytningAnswer)
	r = ts.get(t, staff, "/m/dragoer/answers/flytning?done=saved")
	if !strings.Contains(r.body, "Svarsiden er gemt som version 2.") || !strings.Contains(r.body, "medarbejder@dragoer.demo") {
		t.Errorf("the edit page does not show version 2 saved by its writer")
	}

	anon := ts.client(t, "")
	r = ts.get(t, anon, "/borger/dragoer/svar/flytning")
	if r.status != http.StatusOK {
		t.Fatalf("portal answer page: %d", r.status)
	}
	for _, want := range []string{
		"<h1>Sådan melder du flytning",
		"<h2>Hvad koster det?</h2>",
		"<strong>gratis</strong>",
		`<a href="https://www.borger.dk/flytning">borger.dk</a>`,
		`<a href="mailto:borger@dragoer.dk">Borgerbutikken</a>`,
		"Din nye adresse og datoen for flytningen", // the strategy's have_ready
		"Fandt du svaret?",
		`name="found" value="ja"`,
	} {
		if !strings.Contains(r.body, want) {
			t.Errorf("the answer page lacks %q", want)
		}
	}
	if strings.Contains(r.body, "<b>fed</b>") {
		t.Error("the portal shows the first version")
	}
	if r.header.Get("Set-Cookie") != "" {
		t.Errorf("the answer page sets a cookie: %s", r.header.Get("Set-Cookie"))
	}
	// The area page is the entry and links to the answer.
	if r := ts.get(t, anon, "/borger/dragoer/flytning"); !strings.Contains(r.body, `<a href="/borger/dragoer/svar/flytning">Læs svaret</a>`) {
		t.Error("the area page does not link to its answer page")
	}
	if r := ts.get(t, anon, "/borger/dragoer/svar/sundhedskort"); r.status != http.StatusNotFound {
		t.Errorf("an area without a page answers %d, want 404", r.status)
	}
}

func TestAnswers_OnlyTheAreasDepartmentAndTheStrategyGroupEdit(t *testing.T) {
	ts := newTestServer(t, true)
	for _, tc := range []struct {
		who, area string
		want      int
	}{
		{dragoerStaff, "flytning", http.StatusSeeOther},    // own department
		{dragoerStaff, "dagtilbud", http.StatusForbidden},  // Børn og skole
		{dragoerManager, "flytning", http.StatusSeeOther},  // own department
		{dragoerGroup, "dagtilbud", http.StatusSeeOther},   // every area
		{dragoerAuditor, "flytning", http.StatusForbidden}, // no EditAnswers
		{taarnbyGroup, "flytning", http.StatusNotFound},    // another municipality is not found
		{operator, "flytning", http.StatusForbidden},       // runs the installation, writes no answers
	} {
		r := ts.post(t, ts.client(t, tc.who), "/m/dragoer/answers/"+tc.area, url.Values{"title": {"Titel"}, "body": {"Tekst"}})
		if r.status != tc.want {
			t.Errorf("%s saving %s: %d, want %d", tc.who, tc.area, r.status, tc.want)
		}
	}
}

func TestAnswers_ReviewWithoutChangeAndTheYesNoCountsWithoutCookie(t *testing.T) {
	ts := newTestServer(t, true)
	group := ts.client(t, dragoerGroup)
	saveAnswer(t, ts, group, "flytning", "Flytning", "Tekst")
	r := ts.post(t, group, "/m/dragoer/answers/flytning/review", nil)
	if r.status != http.StatusSeeOther {
		t.Fatalf("review: %d", r.status)
	}
	if n := ts.count(t, `SELECT COUNT(*) FROM answer_versions WHERE area_id = 'flytning'`); n != 1 {
		t.Errorf("a review made %d versions, want the one saved", n)
	}
	if n := ts.count(t, `SELECT COUNT(*) FROM answer_pages WHERE area_id = 'flytning' AND reviewed_by = $1`, dragoerGroup); n != 1 {
		t.Error("the review is not recorded with its reviewer")
	}
	if r := ts.post(t, group, "/m/dragoer/answers/sundhedskort/review", nil); r.status != http.StatusNotFound {
		t.Errorf("review of a page that does not exist: %d, want 404", r.status)
	}

	anon := ts.client(t, "")
	for i := 0; i < 3; i++ {
		ts.get(t, anon, "/borger/dragoer/svar/flytning")
	}
	for _, found := range []string{"ja", "ja", "nej"} {
		r := ts.post(t, anon, "/borger/dragoer/svar/flytning", url.Values{"found": {found}})
		if r.status != http.StatusOK || !strings.Contains(r.body, "Tak for dit svar") || strings.Contains(r.body, `name="found"`) {
			t.Errorf("found=%s: %d, want the thanks without the buttons", found, r.status)
		}
		if c := r.header.Get("Set-Cookie"); c != "" {
			t.Errorf("found=%s sets a cookie: %s", found, c)
		}
	}
	if r := ts.post(t, anon, "/borger/dragoer/svar/flytning", url.Values{"found": {"måske"}}); r.status != http.StatusBadRequest {
		t.Errorf("found=måske: %d, want 400", r.status)
	}
	// Go's cross-origin protection refuses another site's post.
	req, _ := http.NewRequest(http.MethodPost, ts.URL+"/borger/dragoer/svar/flytning", strings.NewReader("found=ja"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	if r := do(t, anon, req); r.status != http.StatusForbidden {
		t.Errorf("a cross-site post: %d, want 403", r.status)
	}
	var views, yes, no int
	if err := ts.db.QueryRow(`SELECT SUM(views), SUM(found), SUM(not_found) FROM answer_activity WHERE municipality_id = 'dragoer' AND area_id = 'flytning'`).
		Scan(&views, &yes, &no); err != nil {
		t.Fatal(err)
	}
	if views != 3 || yes != 2 || no != 1 {
		t.Errorf("counted %d views, %d yes, %d no; want 3, 2, 1", views, yes, no)
	}
	// Dragør's strategy does not count page views: no inquiry registered,
	// the activity is shown beside the figures.
	if n := ts.count(t, `SELECT COUNT(*) FROM inquiries WHERE source = 'answers'`); n != 0 {
		t.Errorf("%d views registered as inquiries under a strategy that does not count page views", n)
	}
	r = ts.get(t, group, "/m/dragoer/figures")
	_, act, ok := strings.Cut(r.body, `id="web-activity"`)
	if !ok {
		t.Fatal("the figures page has no web activity")
	}
	act, _, _ = strings.Cut(act, "</section>")
	for _, want := range []string{"Strategien tæller ikke sidevisninger som henvendelser", "Flytteanmeldelse", "<td>3</td><td>2</td><td>1</td>"} {
		if !strings.Contains(act, want) {
			t.Errorf("the web activity lacks %q:\n%s", want, act)
		}
	}
}

func TestAnswers_FindSvarByPrefixesOfTheAnswersWords(t *testing.T) {
	ts := newTestServer(t, true)
	group := ts.client(t, dragoerGroup)
	saveAnswer(t, ts, group, "affald", "Storskrald og haveaffald", "Du kan bestille afhentning af **storskrald** to gange om året.")
	anon := ts.client(t, "")
	for _, tc := range []struct{ q, first string }{
		{"afhent", "affald"},            // a word's start in the answer's text
		{"STORSKRALD bestil", "affald"}, // any order and case
		{"flytte", "flytning"},          // the console's search still finds areas
		{"boernehave", "dagtilbud"},     // ø typed as oe
	} {
		for _, path := range []string{"/borger/dragoer/svar?q=", "/borger/dragoer/?q="} {
			r := ts.get(t, anon, path+url.QueryEscape(tc.q))
			_, found, ok := strings.Cut(r.body, `id="found"`)
			if !ok {
				t.Fatalf("%s%s shows no result", path, tc.q)
			}
			if ids := linkedAreas(found); len(ids) == 0 || ids[0] != tc.first {
				t.Errorf("%s%s found %v, want %s first", path, tc.q, ids, tc.first)
			}
		}
	}
	r := ts.get(t, anon, "/borger/dragoer/svar?q=afhent")
	if !strings.Contains(r.body, `<a href="/borger/dragoer/svar/affald">Læs svaret</a>`) {
		t.Error("the search does not link to the answer page")
	}
}

// "An information question on an expensive channel is answered with the
// answer page's link": in the console and the guidance API.
func TestAnswers_GuidanceLinksTheAnswerPageForInformationOnAnExpensiveChannel(t *testing.T) {
	sp := loadSpec(t)
	ts := newTestServer(t, true)
	ts.writeAnswer(t, "dragoer", "flytning")
	secret, _ := ts.addKey(t, "dragoer", "Telefoni", false, auth.Read)
	const link = "/borger/dragoer/svar/flytning"
	for _, tc := range []struct {
		query string
		want  string
	}{
		{"area=flytning&type=information&channel=email", link},
		{"area=flytning&type=information&channel=in_person", link},
		{"area=flytning&type=information&channel=letter", link},
		{"area=flytning&type=information&channel=phone", ""},
		{"area=flytning&type=transaction&channel=email", ""},
		{"area=sundhedskort&type=information&channel=email", ""}, // no page
	} {
		r := sp.call(t, ts, "GET", "/api/v1/guidance?municipality=dragoer&at=2026-11-30T10:00:00%2B01:00&"+tc.query, secret, "", "")
		var out struct {
			AnswerURL *string `json:"answer_url"`
		}
		if err := json.Unmarshal([]byte(r.body), &out); err != nil || r.status != http.StatusOK {
			t.Fatalf("%s: %d %v %s", tc.query, r.status, err, r.body)
		}
		got := ""
		if out.AnswerURL != nil {
			got = *out.AnswerURL
		}
		if got != tc.want {
			t.Errorf("API %s: answer_url %q, want %q", tc.query, got, tc.want)
		}
		c := ts.client(t, dragoerStaff)
		page := ts.get(t, c, "/m/dragoer/console?"+tc.query)
		has := strings.Contains(page.body, `<a href="`+link+`">`)
		if has != (tc.want != "") {
			t.Errorf("console %s: answer page linked %v, want %v", tc.query, has, tc.want != "")
		}
	}
}

// "Answers viewed … are counted as information inquiries on the website
// channel only if the strategy says that page views count": a Dragør whose
// digital share is out of the website registers each view, and the
// figures page says the views are in the figures.
func TestAnswers_ViewsAreInquiriesWhereTheStrategyCountsPageViews(t *testing.T) {
	ts := newTestServer(t, true)
	doc := string(kanaltest.PresetDocument(t, "dragoer"))
	const counts = "    counts: [self_service, digital_post]\n    shares:\n      2012: 30\n"
	if !strings.Contains(doc, counts) {
		t.Fatal("the preset's digital share has changed")
	}
	doc = strings.Replace(doc, counts, "    counts: [self_service, digital_post]\n    of: [self_service, website, digital_post, phone, email, letter, in_person]\n    shares:\n      2012: 30\n", 1)
	if _, _, err := ts.registry.Load(t.Context(), audit.System, "test.yaml", []byte(doc)); err != nil {
		t.Fatal(err)
	}
	ts.writeAnswer(t, "dragoer", "flytning")
	anon := ts.client(t, "")
	for range 2 {
		if r := ts.get(t, anon, "/borger/dragoer/svar/flytning"); r.status != http.StatusOK {
			t.Fatalf("answer page: %d", r.status)
		}
	}
	if n := ts.count(t, `SELECT COUNT(*) FROM inquiries WHERE municipality_id = 'dragoer' AND source = 'answers' AND channel = 'website' AND type = 'information' AND area = 'flytning'`); n != 2 {
		t.Errorf("%d views registered as website information inquiries, want 2", n)
	}
	// "Fandt du svaret?" is no inquiry of its own.
	ts.post(t, anon, "/borger/dragoer/svar/flytning", url.Values{"found": {"ja"}})
	if n := ts.count(t, `SELECT COUNT(*) FROM inquiries WHERE source = 'answers'`); n != 2 {
		t.Errorf("the yes registered an inquiry: %d, want 2", n)
	}
	today := civil.DateOf(time.Now()).String()
	r := ts.get(t, ts.client(t, dragoerGroup), "/m/dragoer/figures?period=custom&from="+today+"&to="+today)
	if !strings.Contains(r.body, "Strategien tæller sidevisninger som henvendelser") || !strings.Contains(r.body, "<td>2</td><td>1</td><td>0</td>") {
		t.Errorf("the figures page does not show the counted views:\n%s", r.body)
	}
}

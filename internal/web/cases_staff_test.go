package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/casework"
	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/kanaltest"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/selfservice"
	"github.com/kanal-dk/kanal/internal/sf1520"
)

// The staff's side of self-service cases: the case list, the case page,
// its status form, the form filled in at the counter and the funnel.

// withCaseServices gives the server the example forms and the test
// citizens' registry.
func withCaseServices(t *testing.T) serverOption {
	t.Helper()
	file, err := sf1520.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return func(o *Options, _ string) {
		o.Forms = selfservice.NewCatalogue(selfservice.Examples())
		o.CPR = file
	}
}

// testCitizens are a citizen with an address anyone may see and one under
// name and address protection, from the shipped test citizens file.
func testCitizens(t *testing.T) (open, protected sf1520.Person) {
	t.Helper()
	file, err := sf1520.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range file.All() {
		switch {
		case p.Protected && protected.CPR == "":
			protected = p
		case !p.Protected && open.CPR == "" && p.Address.Street != "":
			open = p
		}
	}
	if open.CPR == "" || protected.CPR == "" {
		t.Fatal("the test citizens file lacks a protected or an unprotected citizen")
	}
	return open, protected
}

type caseFixture struct {
	cases *casework.Cases
}

// newCaseFixture opens cases on the test server's clock, which stands
// still: a case received on the real clock a second after the server's
// start sorted after a status change the server dated at its start.
func newCaseFixture(ts *testServer) *caseFixture {
	cases := casework.New(ts.db, inquiry.NewRecorder(ts.db))
	cases.Now = func() time.Time { return ts.start }
	return &caseFixture{cases: cases}
}

// submit opens a case in Dragør as the portal would.
func (f *caseFixture) submit(t *testing.T, ts *testServer, area, form string, p sf1520.Person, at time.Time, answers map[string]string, files ...casework.Attachment) *casework.Case {
	t.Helper()
	cur := kanaltest.Current(t, ts.registry, "dragoer")
	k, created, err := f.cases.Submit(context.Background(), cur, casework.Submission{Area: area, Type: "transaction", Form: form,
		Channel: "self_service", Source: casework.SourcePortal, CPR: p.CPR, Name: p.Name(), Answers: answers, Files: files, SubmittedAt: at})
	if err != nil || !created {
		t.Fatalf("submit %s: %v (created %v)", area, err, created)
	}
	return k
}

func (ts *testServer) auditCount(t *testing.T, action, target string) int {
	t.Helper()
	return ts.count(t, `SELECT COUNT(*) FROM audit_events WHERE municipality_id = 'dragoer' AND action = $1 AND target = $2`, action, target)
}

// A user placed in a department lists that department's cases only,
// whatever the filter asks; the list holds no personal data and is not
// audited.
func TestCases_ListIsTheOwnDepartmentsWithoutPersonalData(t *testing.T) {
	ts := newTestServer(t, true, withCaseServices(t))
	f := newCaseFixture(ts)
	citizen, _ := testCitizens(t)
	now := time.Now()
	health := f.submit(t, ts, "sundhedskort", "sundhedskort", citizen, now.Add(-time.Hour), map[string]string{"aarsag": "mistet"})
	building := f.submit(t, ts, "byggetilladelse", "byggeri-spoergsmaal", citizen, now.Add(-2*time.Hour), map[string]string{"spoergsmaal": "Må jeg bygge et skur?"})
	daycare := f.submit(t, ts, "dagtilbud", "dagtilbud", citizen, now.Add(-3*time.Hour), nil)

	cases := []struct {
		user, query string
		see, notSee []string
	}{
		{dragoerStaff, "", []string{health.Reference}, []string{building.Reference, daycare.Reference}},
		{dragoerStaff, "?department=teknik-miljoe", []string{health.Reference}, []string{building.Reference}},
		{dragoerManager, "?department=", []string{health.Reference}, []string{building.Reference, daycare.Reference}},
		{dragoerGroup, "", []string{health.Reference, building.Reference, daycare.Reference}, nil},
		{dragoerGroup, "?department=teknik-miljoe", []string{building.Reference}, []string{health.Reference, daycare.Reference}},
		{dragoerGroup, "?area=dagtilbud", []string{daycare.Reference}, []string{health.Reference, building.Reference}},
		{dragoerGroup, "?status=decided", nil, []string{health.Reference, building.Reference, daycare.Reference}},
	}
	for _, c := range cases {
		r := ts.get(t, ts.client(t, c.user), "/m/dragoer/cases"+c.query)
		if r.status != http.StatusOK {
			t.Fatalf("%s %s: %d", c.user, c.query, r.status)
		}
		for _, ref := range c.see {
			if !strings.Contains(r.body, ref) {
				t.Errorf("%s %s: %s missing", c.user, c.query, ref)
			}
		}
		for _, ref := range c.notSee {
			if strings.Contains(r.body, ref) {
				t.Errorf("%s %s: %s shown", c.user, c.query, ref)
			}
		}
		for _, personal := range []string{citizen.CPR, citizen.CPR[:6] + "-" + citizen.CPR[6:], citizen.Name(), "skur"} {
			if strings.Contains(r.body, personal) {
				t.Errorf("%s %s: the list shows personal data %q", c.user, c.query, personal)
			}
		}
	}
	if n := ts.count(t, `SELECT COUNT(*) FROM audit_events WHERE action = 'case_viewed'`); n != 0 {
		t.Errorf("listing wrote %d audit entries, want none", n)
	}
}

// A reference read aloud — lower case, spaced, without its dash — opens
// the case; a part of one narrows the list.
func TestCases_SearchByReferenceAsReadAloud(t *testing.T) {
	ts := newTestServer(t, true, withCaseServices(t))
	f := newCaseFixture(ts)
	citizen, _ := testCitizens(t)
	k := f.submit(t, ts, "sundhedskort", "sundhedskort", citizen, ts.start, map[string]string{"aarsag": "mistet"})
	other := f.submit(t, ts, "sundhedskort", "sundhedskort", citizen, ts.start, map[string]string{"aarsag": "andet"})
	c := ts.client(t, dragoerStaff)
	spoken := strings.ToLower(k.Reference[:2] + " " + k.Reference[2:4] + " " + k.Reference[5:])
	r := ts.get(t, c, "/m/dragoer/cases?reference="+url.QueryEscape(spoken))
	if r.status != http.StatusSeeOther || r.header.Get("Location") != "/m/dragoer/cases/"+k.Reference {
		t.Errorf("%q: %d %q, want a redirect to the case", spoken, r.status, r.header.Get("Location"))
	}
	part := strings.ToLower(k.Reference[5:])
	r = ts.get(t, c, "/m/dragoer/cases?reference="+url.QueryEscape(part))
	if r.status != http.StatusOK || !strings.Contains(r.body, k.Reference) {
		t.Errorf("part %q: %d, the case is not listed", part, r.status)
	}
	if strings.Contains(other.Reference, k.Reference[5:]) == strings.Contains(r.body, other.Reference) {
		// the other case is listed exactly when it shares the part
	} else {
		t.Errorf("part %q: the other case %s is listed wrongly", part, other.Reference)
	}
}

// The list marks a case overdue when its answer date has passed and it is
// not decided or closed; it lists open cases before decided ones, oldest
// first.
func TestCases_OverdueMarkingAndOldestUnansweredFirst(t *testing.T) {
	ts := newTestServer(t, true, withCaseServices(t))
	f := newCaseFixture(ts)
	citizen, _ := testCitizens(t)
	now := time.Now()
	// Health cards have 10 working days: 60 days ago is past it, an hour
	// ago is not.
	old := f.submit(t, ts, "sundhedskort", "sundhedskort", citizen, now.AddDate(0, 0, -60), nil)
	oldDecided := f.submit(t, ts, "sundhedskort", "sundhedskort", citizen, now.AddDate(0, 0, -70), nil)
	fresh := f.submit(t, ts, "sundhedskort", "sundhedskort", citizen, now.Add(-time.Hour), nil)
	if err := f.cases.SetStatus(context.Background(), "dragoer", oldDecided.Reference, casework.Decided, actorFor("t@dragoer.dk"), "", false); err != nil {
		t.Fatal(err)
	}
	if !old.AnswerBy.Before(civil.DateOf(now)) || fresh.AnswerBy.Before(civil.DateOf(now)) {
		t.Fatalf("fixture: answer dates %s and %s", old.AnswerBy, fresh.AnswerBy)
	}
	r := ts.get(t, ts.client(t, dragoerStaff), "/m/dragoer/cases")
	rows := regexp.MustCompile(`(?s)<tr( class="overdue")?><th scope="row"><a href="/m/dragoer/cases/([A-Z0-9-]+)">`).FindAllStringSubmatch(r.body, -1)
	var order []string
	overdue := map[string]bool{}
	for _, m := range rows {
		order = append(order, m[2])
		overdue[m[2]] = m[1] != ""
	}
	want := []string{old.Reference, fresh.Reference, oldDecided.Reference}
	if fmt.Sprint(order) != fmt.Sprint(want) {
		t.Errorf("order %v, want %v (open oldest first, then decided)", order, want)
	}
	if !overdue[old.Reference] || overdue[fresh.Reference] || overdue[oldDecided.Reference] {
		t.Errorf("overdue marks %v: want only %s", overdue, old.Reference)
	}
	if !strings.Contains(r.body, "Overskredet") || !strings.Contains(r.body, "Modtaget") {
		t.Error("the list lacks its Danish texts")
	}
}

// Opening a case shows the citizen's data and writes one audit entry
// naming the reference, never the CPR number; another department's case
// is not found for a user placed in a department.
func TestCases_PageIsAuditedAndScopedToTheDepartment(t *testing.T) {
	ts := newTestServer(t, true, withCaseServices(t))
	f := newCaseFixture(ts)
	citizen, _ := testCitizens(t)
	health := f.submit(t, ts, "sundhedskort", "sundhedskort", citizen, ts.start, map[string]string{"aarsag": "mistet", "levering": "c/o Hansen"})
	daycare := f.submit(t, ts, "dagtilbud", "dagtilbud", citizen, ts.start, nil)

	r := ts.get(t, ts.client(t, dragoerStaff), "/m/dragoer/cases/"+health.Reference)
	if r.status != http.StatusOK {
		t.Fatalf("own department's case: %d", r.status)
	}
	for _, want := range []string{citizen.CPR[:6] + "-" + citizen.CPR[6:], citizen.Name(), citizen.Address.Street,
		"Jeg har mistet mit kort", "c/o Hansen", "Modtaget", "Udstedelse af sundhedskort", "Bestil nyt sundhedskort"} {
		if !strings.Contains(r.body, want) {
			t.Errorf("the case page lacks %q", want)
		}
	}
	if n := ts.auditCount(t, "case_viewed", health.Reference); n != 1 {
		t.Errorf("%d audit entries for the view, want 1", n)
	}
	if n := ts.count(t, `SELECT COUNT(*) FROM audit_events WHERE target LIKE $1 OR detail LIKE $1 OR actor LIKE $1`, "%"+citizen.CPR[:6]+"%"); n != 0 {
		t.Errorf("%d audit entries hold the CPR number's digits", n)
	}
	for _, user := range []string{dragoerStaff, dragoerManager} {
		if r := ts.get(t, ts.client(t, user), "/m/dragoer/cases/"+daycare.Reference); r.status != http.StatusNotFound {
			t.Errorf("%s, another department's case: %d, want 404", user, r.status)
		}
		if r := ts.post(t, ts.client(t, user), "/m/dragoer/cases/"+daycare.Reference+"/status", url.Values{"status": {"closed"}}); r.status != http.StatusNotFound {
			t.Errorf("%s, another department's case's status: %d, want 404", user, r.status)
		}
	}
	if n := ts.auditCount(t, "case_viewed", daycare.Reference); n != 0 {
		t.Errorf("refused views were audited: %d", n)
	}
	if r := ts.get(t, ts.client(t, dragoerGroup), "/m/dragoer/cases/"+daycare.Reference); r.status != http.StatusOK {
		t.Errorf("the strategy group, any department's case: %d", r.status)
	}
	if r := ts.get(t, ts.client(t, taarnbyGroup), "/m/dragoer/cases/"+health.Reference); r.status != http.StatusNotFound {
		t.Errorf("another municipality: %d", r.status)
	}
	if r := ts.get(t, ts.client(t, dragoerGroup), "/m/dragoer/cases/ACDE-FHJK"); r.status != http.StatusNotFound {
		t.Errorf("no such case: %d", r.status)
	}
}

// "Citizens with name and address protection … their address is never
// shown to staff who lack the right": staff read that it is protected,
// the strategy group sees it.
func TestCases_ProtectedAddressOnlyWithTheRight(t *testing.T) {
	ts := newTestServer(t, true, withCaseServices(t))
	f := newCaseFixture(ts)
	open, protected := testCitizens(t)
	address := protected.Address.Street
	k := f.submit(t, ts, "sundhedskort", "sundhedskort", protected, ts.start, map[string]string{"adresse": address + ", " + protected.Address.PostalCode, "aarsag": "mistet"})
	r := ts.get(t, ts.client(t, dragoerStaff), "/m/dragoer/cases/"+k.Reference)
	if !strings.Contains(r.body, "Adressen er beskyttet (navne- og adressebeskyttelse)") || strings.Contains(r.body, address) {
		t.Errorf("staff: the protected address is shown or not said to be protected")
	}
	if !strings.Contains(r.body, protected.Name()) {
		t.Error("staff: the name is missing")
	}
	r = ts.get(t, ts.client(t, dragoerGroup), "/m/dragoer/cases/"+k.Reference)
	if !strings.Contains(r.body, address) || !strings.Contains(r.body, "navne- og adressebeskyttelse: adressen må ikke gives videre") {
		t.Error("strategy group: the protected address is not shown with its warning")
	}
	k2 := f.submit(t, ts, "sundhedskort", "sundhedskort", open, ts.start, nil)
	if r := ts.get(t, ts.client(t, dragoerStaff), "/m/dragoer/cases/"+k2.Reference); !strings.Contains(r.body, open.Address.Street) || strings.Contains(r.body, "Adressen er beskyttet") {
		t.Error("staff: an unprotected address is hidden")
	}
}

// A status change is kept in the history with who, the note and whether
// to tell the citizen, and in the audit log; a status not in the list is
// refused at its field.
func TestCases_StatusChangeWithHistory(t *testing.T) {
	ts := newTestServer(t, true, withCaseServices(t))
	f := newCaseFixture(ts)
	citizen, _ := testCitizens(t)
	k := f.submit(t, ts, "sundhedskort", "sundhedskort", citizen, ts.start, nil)
	c := ts.client(t, dragoerStaff)
	r := ts.post(t, c, "/m/dragoer/cases/"+k.Reference+"/status", url.Values{"status": {"awaiting_citizen"}, "note": {"Mangler foto"}, "notify": {"on"}})
	if r.status != http.StatusSeeOther || r.header.Get("Location") != "/m/dragoer/cases/"+k.Reference+"?changed=1" {
		t.Fatalf("change: %d %q", r.status, r.header.Get("Location"))
	}
	back, err := f.cases.Get(context.Background(), "dragoer", k.Reference)
	if err != nil {
		t.Fatal(err)
	}
	if back.Status != casework.AwaitingCitizen || len(back.History) != 2 {
		t.Fatalf("status %s, history %+v", back.Status, back.History)
	}
	last := back.History[1]
	if last.Status != casework.AwaitingCitizen || last.By != dragoerStaff || last.Note != "Mangler foto" || !last.Notify {
		t.Errorf("history entry %+v", last)
	}
	if n := ts.auditCount(t, "case_status_changed", k.Reference); n != 1 {
		t.Errorf("%d audit entries for the change, want 1", n)
	}
	r = ts.get(t, c, "/m/dragoer/cases/"+k.Reference+"?changed=1")
	for _, want := range []string{"Status er ændret.", "Mangler foto", dragoerStaff, "Afventer borgeren"} {
		if !strings.Contains(r.body, want) {
			t.Errorf("after the change the page lacks %q", want)
		}
	}
	r = ts.post(t, c, "/m/dragoer/cases/"+k.Reference+"/status", url.Values{"status": {"lost"}})
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "Vælg en af statusserne på listen.") || !strings.Contains(r.body, `href="#status"`) {
		t.Errorf("unknown status: %d", r.status)
	}
	if back, _ := f.cases.Get(context.Background(), "dragoer", k.Reference); len(back.History) != 2 {
		t.Errorf("a refused change was stored: %+v", back.History)
	}
}

// A file the citizen attached downloads as sent, and the download is
// audited; an erased case says its personal data was erased and is not
// audited, for no personal data is shown.
func TestCases_AttachmentsAndErasedCases(t *testing.T) {
	ts := newTestServer(t, true, withCaseServices(t))
	f := newCaseFixture(ts)
	citizen, _ := testCitizens(t)
	pdf := []byte("%PDF-1.4 lægeerklæring")
	k := f.submit(t, ts, "dagtilbud", "dagtilbud", citizen, ts.start, nil,
		casework.Attachment{Field: "bilag", Filename: "lægeerklæring.pdf", ContentType: "application/pdf", Data: pdf})
	c := ts.client(t, dragoerGroup)
	r := ts.get(t, c, "/m/dragoer/cases/"+k.Reference+"/files/1")
	if r.status != http.StatusOK || r.body != string(pdf) || r.header.Get("Content-Type") != "application/pdf" ||
		!strings.HasPrefix(r.header.Get("Content-Disposition"), "attachment") {
		t.Errorf("download: %d %q %v", r.status, r.body, r.header)
	}
	if n := ts.count(t, `SELECT COUNT(*) FROM audit_events WHERE action = 'case_viewed' AND target = $1 AND detail = 'attachment 1'`, k.Reference); n != 1 {
		t.Errorf("%d audit entries for the download, want 1", n)
	}
	for _, n := range []string{"2", "0", "x"} {
		if r := ts.get(t, c, "/m/dragoer/cases/"+k.Reference+"/files/"+n); r.status != http.StatusNotFound {
			t.Errorf("file %s: %d, want 404", n, r.status)
		}
	}
	if _, err := ts.db.Exec(`UPDATE cases SET cpr = '', name = '', answers = '{}', erased_at = $1 WHERE id = $2`, time.Now().UTC(), k.ID); err != nil {
		t.Fatal(err)
	}
	before := ts.auditCount(t, "case_viewed", k.Reference)
	r = ts.get(t, c, "/m/dragoer/cases/"+k.Reference)
	if r.status != http.StatusOK || !strings.Contains(r.body, "personoplysninger blev slettet, da opbevaringsperioden") || strings.Contains(r.body, citizen.Name()) {
		t.Errorf("erased case: %d", r.status)
	}
	if after := ts.auditCount(t, "case_viewed", k.Reference); after != before {
		t.Errorf("viewing an erased case was audited (%d → %d)", before, after)
	}
}

func actorFor(email string) audit.Actor { return audit.Actor{Name: email} }

// submissionOf reads the form's submission id from the page.
var submissionField = regexp.MustCompile(`name="submission" value="([0-9a-f]{32})"`)

// "the same form filled in at the counter with staff help is registered as
// assisted self-service (medbetjening)": the case and one inquiry on the
// self-service channel, marked assisted, from the console; sent twice, it
// is one case.
func TestAssisted_RegistersAnAssistedInquiryOnce(t *testing.T) {
	ts := newTestServer(t, true, withCaseServices(t))
	citizen, _ := testCitizens(t)
	c := ts.client(t, dragoerStaff)
	page := ts.get(t, c, "/m/dragoer/assisted/sundhedskort")
	m := submissionField.FindStringSubmatch(page.body)
	if page.status != http.StatusOK || m == nil {
		t.Fatalf("the form: %d", page.status)
	}
	if !strings.Contains(page.body, "Hvorfor skal du have et nyt kort?") || !strings.Contains(page.body, "Hentes fra CPR") {
		t.Error("the form lacks its fields or the registry's")
	}
	assisted := func() int {
		return ts.count(t, `SELECT COUNT(*) FROM inquiries WHERE municipality_id = 'dragoer' AND area = 'sundhedskort'
			AND channel = 'self_service' AND source = 'console' AND assisted = $1`, true)
	}
	form := url.Values{"submission": {m[1]}, "cpr": {citizen.CPR[:6] + "-" + citizen.CPR[6:]}, "aarsag": {"mistet"}}
	refused := []struct {
		name, field, value, want string
	}{
		{"a CPR number too short", "cpr", "12345", "Skriv et CPR-nummer med ti cifre"},
		{"a CPR number nobody has", "cpr", "010101-0000", "Der er ingen borger med det CPR-nummer i CPR."},
		{"no reason chosen", "aarsag", "", `href="#f-aarsag"`},
	}
	for _, c2 := range refused {
		bad := url.Values{}
		for k, v := range form {
			bad[k] = v
		}
		bad.Set(c2.field, c2.value)
		r := ts.post(t, c, "/m/dragoer/assisted/sundhedskort", bad)
		if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, c2.want) {
			t.Errorf("%s: %d, want 422 with %q", c2.name, r.status, c2.want)
		}
	}
	if n := assisted(); n != 0 {
		t.Fatalf("refused forms registered %d inquiries", n)
	}
	r := ts.post(t, c, "/m/dragoer/assisted/sundhedskort", form)
	ref := regexp.MustCompile(`id="reference">([A-Z0-9]{4}-[A-Z0-9]{4})<`).FindStringSubmatch(r.body)
	if r.status != http.StatusOK || ref == nil || !strings.Contains(r.body, "Borgeren kan forvente svar senest") {
		t.Fatalf("submit: %d\n%s", r.status, ts.logs.String())
	}
	k, err := casework.New(ts.db, inquiry.NewRecorder(ts.db)).Get(context.Background(), "dragoer", ref[1])
	if err != nil {
		t.Fatal(err)
	}
	if !k.Assisted || k.Source != "console" || k.Channel != "self_service" || k.CPR != citizen.CPR || k.Name != citizen.Name() ||
		k.Answers["aarsag"] != "mistet" || k.Answers["navn"] != citizen.Name() {
		t.Errorf("case %+v", k)
	}
	if !strings.Contains(r.body, ts.registryDate(t, k.AnswerBy)) {
		t.Errorf("the receipt lacks the answer date %s", k.AnswerBy)
	}
	if n := assisted(); n != 1 {
		t.Errorf("%d assisted inquiries, want 1", n)
	}
	again := ts.post(t, c, "/m/dragoer/assisted/sundhedskort", form)
	if again.status != http.StatusOK || !strings.Contains(again.body, ref[1]) {
		t.Errorf("sent again: %d, want the same reference %s", again.status, ref[1])
	}
	if n := assisted(); n != 1 {
		t.Errorf("sent twice: %d assisted inquiries, want 1", n)
	}
	if n := ts.count(t, `SELECT COUNT(*) FROM cases WHERE municipality_id = 'dragoer'`); n != 1 {
		t.Errorf("sent twice: %d cases, want 1", n)
	}
	if r := ts.get(t, c, "/m/dragoer/assisted/no-such-form"); r.status != http.StatusNotFound {
		t.Errorf("unknown form: %d", r.status)
	}
}

// registryDate writes a date as the Danish pages do.
func (ts *testServer) registryDate(t *testing.T, d civil.Date) string {
	t.Helper()
	months := []string{"januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"}
	return fmt.Sprintf("%d. %s %d", d.Day, months[d.Month-1], d.Year)
}

// The console links the area's Kanal form for assisted self-service.
func TestAssisted_TheConsoleLinksTheAreasForm(t *testing.T) {
	ts := newTestServer(t, true, withCaseServices(t))
	r := ts.get(t, ts.client(t, dragoerStaff), "/m/dragoer/console?area=sundhedskort")
	if !strings.Contains(r.body, `href="/m/dragoer/assisted/sundhedskort"`) {
		t.Error("the console does not link the health card's form")
	}
	if r := ts.get(t, ts.client(t, dragoerStaff), "/m/dragoer/console?area=pas"); strings.Contains(r.body, "/assisted/") {
		t.Error("the console links a form for an area without one")
	}
}

// funnelCell is one row of the funnel's table as the page shows it.
type funnelCell struct {
	started, completed, open int
	share, abandoned         string
}

var funnelRowRE = regexp.MustCompile(`<tr><th scope="row">([^<]+)</th><td>([^<]+)</td>\s*<td class="num">(\d+)</td><td class="num">(\d+)</td><td class="num">([^<]+)</td>\s*<td>([^<]*)</td>\s*<td class="num">(\d+)</td></tr>`)

func funnelTable(body string) map[string]funnelCell {
	out := map[string]funnelCell{}
	for _, m := range funnelRowRE.FindAllStringSubmatch(body, -1) {
		var c funnelCell
		fmt.Sscan(m[3], &c.started)
		fmt.Sscan(m[4], &c.completed)
		fmt.Sscan(m[7], &c.open)
		c.share, c.abandoned = m[5], m[6]
		out[m[1]+" | "+m[2]] = c
	}
	return out
}

// The funnel on the figures: per area and month, forms started, completed,
// the share completed and where the rest were left — checked against a
// worked example and recounted from the form_runs rows; a manager sees
// the own department's areas only.
func TestFunnel_CountsStartedCompletedAndAbandonedPerStep(t *testing.T) {
	ts := newTestServer(t, true, withCaseServices(t))
	f := newCaseFixture(ts)
	citizen, _ := testCitizens(t)
	ctx := context.Background()
	cur := kanaltest.Current(t, ts.registry, "dragoer")
	// Mid last month: long enough ago that a run left then counts as
	// abandoned.
	now := time.Now()
	then := civil.NewDate(now.Year(), now.Month()-1, 10).Start().Add(12 * time.Hour)
	f.cases.Now = func() time.Time { return then }
	run := func(area, form string, step int, complete bool) {
		id, err := f.cases.StartRun(ctx, "dragoer", area, form)
		if err != nil {
			t.Fatal(err)
		}
		if err := f.cases.StepRun(ctx, "dragoer", id, step); err != nil {
			t.Fatal(err)
		}
		if complete {
			if _, _, err := f.cases.Submit(ctx, cur, casework.Submission{Area: area, Form: form, Channel: "self_service",
				Source: casework.SourcePortal, CPR: citizen.CPR, Name: citizen.Name(), Run: id}); err != nil {
				t.Fatal(err)
			}
		}
	}
	// Health card: 5 started, 2 left at step 1, 1 at step 2, 2 completed.
	run("sundhedskort", "sundhedskort", 0, false)
	run("sundhedskort", "sundhedskort", 0, false)
	run("sundhedskort", "sundhedskort", 1, false)
	run("sundhedskort", "sundhedskort", 1, true)
	run("sundhedskort", "sundhedskort", 1, true)
	// Day care: 2 started, 1 left at step 3, 1 completed.
	run("dagtilbud", "dagtilbud", 2, false)
	run("dagtilbud", "dagtilbud", 2, true)
	// One health card begun just now, still in progress.
	f.cases.Now = time.Now
	run("sundhedskort", "sundhedskort", 0, false)

	da := locale.New("da")
	lastMonth := da.Month(civil.DateOf(then).YearMonth())
	thisMonth := da.Month(civil.DateOf(now).YearMonth())
	r := ts.get(t, ts.client(t, dragoerGroup), "/m/dragoer/figures/funnel")
	if r.status != http.StatusOK {
		t.Fatalf("funnel: %d\n%s", r.status, ts.logs.String())
	}
	table := funnelTable(r.body)
	worked := map[string]funnelCell{
		"Udstedelse af sundhedskort | " + lastMonth: {5, 2, 0, "40 %", "1. Om dig: 2; 2. Det nye kort: 1"},
		"Udstedelse af sundhedskort | " + thisMonth: {1, 0, 1, "0 %", "ingen"},
	}
	for key, want := range worked {
		if got, ok := table[key]; !ok || got != want {
			t.Errorf("%s: %+v, want %+v", key, got, want)
		}
	}
	// The recount: every run of form_runs, by area and the month it
	// started, counted here from the rows.
	type tally struct{ started, completed, abandoned int }
	recount := map[string]*tally{}
	rows, err := ts.db.Query(`SELECT area, started_at, touched_at, completed_at IS NOT NULL FROM form_runs WHERE municipality_id = 'dragoer'`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var area string
		var started, touched time.Time
		var completed bool
		if err := rows.Scan(&area, &started, &touched, &completed); err != nil {
			t.Fatal(err)
		}
		a, _ := cur.Strategy.Area(area)
		key := a.Title + " | " + da.Month(civil.DateOf(started).YearMonth())
		if recount[key] == nil {
			recount[key] = &tally{}
		}
		recount[key].started++
		switch {
		case completed:
			recount[key].completed++
		case time.Since(touched) >= casework.AbandonAfter:
			recount[key].abandoned++
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	rows.Close()
	if len(recount) != 3 {
		t.Errorf("recount has %d cells, want 3", len(recount))
	}
	for key, want := range recount {
		got, ok := table[key]
		if !ok || got.started != want.started || got.completed != want.completed || got.open != want.started-want.completed-want.abandoned {
			t.Errorf("%s: page %+v, recounted %+v", key, got, *want)
		}
	}
	manager := ts.get(t, ts.client(t, dragoerManager), "/m/dragoer/figures/funnel")
	if strings.Contains(manager.body, "Optagelse i dagtilbud") || !strings.Contains(manager.body, "Udstedelse af sundhedskort") {
		t.Error("the manager of Borgerbutikken sees another department's area, or not the own")
	}
	if r := ts.get(t, ts.client(t, dragoerGroup), "/m/dragoer/figures/funnel?from=2026-13&to=x"); r.status != http.StatusUnprocessableEntity ||
		!strings.Contains(r.body, "Skriv år og måned som ÅÅÅÅ-MM") {
		t.Errorf("bad months: %d", r.status)
	}
	if r := ts.get(t, ts.client(t, dragoerGroup), "/m/dragoer/figures"); !strings.Contains(r.body, `href="/m/dragoer/figures/funnel"`) {
		t.Error("the figures page does not link the funnel")
	}
}

// The case pages render in Danish and English.
func TestCases_PagesInBothLanguages(t *testing.T) {
	ts := newTestServer(t, true, withCaseServices(t))
	f := newCaseFixture(ts)
	citizen, _ := testCitizens(t)
	k := f.submit(t, ts, "sundhedskort", "sundhedskort", citizen, ts.start, map[string]string{"aarsag": "mistet"})
	c := ts.client(t, dragoerGroup)
	pages := []struct{ path, da, en string }{
		{"/m/dragoer/cases", "Sager fra selvbetjening", "Self-service cases"},
		{"/m/dragoer/cases/" + k.Reference, "Jeg har mistet mit kort", "I have lost my card"},
		{"/m/dragoer/assisted/sundhedskort", "Bestil nyt sundhedskort – medbetjening", "Order a new health card – assisted self-service"},
		{"/m/dragoer/figures/funnel", "Selvbetjeningens tragt", "The self-service funnel"},
	}
	for _, p := range pages {
		for lang, want := range map[string]string{"da": p.da, "en": p.en} {
			r := ts.get(t, c, p.path+"?lang="+lang)
			if r.status != http.StatusOK || !strings.Contains(r.body, want) || !strings.Contains(r.body, `<html lang="`+lang+`">`) {
				t.Errorf("%s (%s): %d, want %q", p.path, lang, r.status, want)
			}
		}
	}
}

// fileForRoutes attaches a file to a Dragør case, for the route walk's
// {n}; it returns the file's number on the case page.
func (ts *testServer) fileForRoutes(t *testing.T, reference string) string {
	t.Helper()
	if _, err := ts.db.Exec(`INSERT INTO case_attachments (case_id, field, filename, content_type, data)
		SELECT id, 'bilag', 'foto.png', 'image/png', $1 FROM cases WHERE municipality_id = 'dragoer' AND reference = $2`,
		[]byte("png"), reference); err != nil {
		t.Fatal(err)
	}
	return "1"
}

// Where the counts ended long ago — the demo of a past strategy period —
// the funnel opens on the year up to their last month, as the figures do.
func TestFunnel_OpensWhereTheCountsEnd(t *testing.T) {
	ts := newTestServer(t, true, withCaseServices(t))
	f := newCaseFixture(ts)
	citizen, _ := testCitizens(t)
	ctx := context.Background()
	then := time.Date(2015, time.October, 15, 10, 0, 0, 0, time.UTC)
	f.cases.Now = func() time.Time { return then }
	run, err := f.cases.StartRun(ctx, "dragoer", "sundhedskort", "sundhedskort")
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := f.cases.Submit(ctx, kanaltest.Current(t, ts.registry, "dragoer"), casework.Submission{Area: "sundhedskort",
		Form: "sundhedskort", Channel: "self_service", Source: casework.SourcePortal, CPR: citizen.CPR, Run: run, SubmittedAt: then}); err != nil {
		t.Fatal(err)
	}
	r := ts.get(t, ts.client(t, dragoerGroup), "/m/dragoer/figures/funnel")
	if _, ok := funnelTable(r.body)["Udstedelse af sundhedskort | oktober 2015"]; !ok || !strings.Contains(r.body, `value="2014-11"`) {
		t.Errorf("the funnel does not open on the year up to October 2015")
	}
}

// Without a CPR registry (an installation with a real national login and
// no Serviceplatformen client), staff type the name and address at the
// counter; the case page cannot know whether the address is protected, so
// only who may see a protected address sees it.
func TestAssisted_WithoutTheRegistryStaffTypeNameAndAddress(t *testing.T) {
	ts := newTestServer(t, true, func(o *Options, _ string) { o.CPR = sf1520.Unavailable{} })
	c := ts.client(t, dragoerStaff)
	page := ts.get(t, c, "/m/dragoer/assisted/sundhedskort")
	m := submissionField.FindStringSubmatch(page.body)
	if m == nil || !strings.Contains(page.body, `name="navn"`) || !strings.Contains(page.body, `name="adresse"`) {
		t.Fatalf("without the registry the form should ask for name and address: %d", page.status)
	}
	r := ts.post(t, c, "/m/dragoer/assisted/sundhedskort", url.Values{"submission": {m[1]}, "cpr": {"0102031234"},
		"navn": {"Bo Eksempel"}, "adresse": {"Kongevejen 1, 2791 Dragør"}, "aarsag": {"mistet"}})
	ref := regexp.MustCompile(`id="reference">([A-Z0-9]{4}-[A-Z0-9]{4})<`).FindStringSubmatch(r.body)
	if r.status != http.StatusOK || ref == nil {
		t.Fatalf("submit: %d", r.status)
	}
	k, err := casework.New(ts.db, inquiry.NewRecorder(ts.db)).Get(context.Background(), "dragoer", ref[1])
	if err != nil {
		t.Fatal(err)
	}
	if k.Name != "Bo Eksempel" || k.CPR != "0102031234" || k.Answers["cpr"] != "010203-1234" || k.Answers["adresse"] != "Kongevejen 1, 2791 Dragør" {
		t.Errorf("case %+v", k)
	}
	staff := ts.get(t, c, "/m/dragoer/cases/"+ref[1])
	if strings.Contains(staff.body, "Kongevejen") || !strings.Contains(staff.body, "Vises ikke: CPR kunne ikke svare på, om adressen er beskyttet.") {
		t.Error("staff: an address of unknown protection is shown")
	}
	if group := ts.get(t, ts.client(t, dragoerGroup), "/m/dragoer/cases/"+ref[1]); !strings.Contains(group.body, "Kongevejen 1, 2791 Dragør") {
		t.Error("strategy group: the typed address is not shown")
	}
}

// A refused answer on the counter's form names the field by its label in
// the page's language: “Why do you need a new card?” on the English page,
// not the Danish label inside an English sentence.
func TestAssisted_ErrorsNameTheFieldInThePagesLanguage(t *testing.T) {
	ts := newTestServer(t, true, withCaseServices(t))
	citizen, _ := testCitizens(t)
	c := ts.client(t, dragoerStaff)
	page := ts.get(t, c, "/m/dragoer/assisted/sundhedskort?lang=en")
	m := submissionField.FindStringSubmatch(page.body)
	if page.status != http.StatusOK || m == nil {
		t.Fatalf("the form: %d", page.status)
	}
	r := ts.post(t, c, "/m/dragoer/assisted/sundhedskort", url.Values{"submission": {m[1]}, "cpr": {citizen.CPR}, "aarsag": {""}})
	if want := "Choose one of the options under “Why do you need a new card?”."; r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, want) {
		t.Errorf("%d, want 422 with %q", r.status, want)
	}
	if strings.Contains(r.body, "Hvorfor skal du have et nyt kort?") {
		t.Error("the English page names the field in Danish")
	}
}

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

	"github.com/kanal-dk/kanal/internal/contact"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/mail"
)

func (ts *testServer) countRows(t *testing.T, q string, args ...any) int {
	t.Helper()
	var n int
	if err := ts.db.QueryRowContext(context.Background(), q, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

func TestContactForm_RefusesPersonalDataWith422AndStoresNothing(t *testing.T) {
	ts := newTestServer(t, true)
	c := ts.client(t, "")
	if r := ts.get(t, c, "/borger/dragoer/kontakt?area=affald"); r.status != http.StatusOK || !strings.Contains(r.body, `name="question"`) {
		t.Fatalf("form: %d", r.status)
	}
	if r := ts.get(t, c, "/borger/dragoer/affald"); !strings.Contains(r.body, `href="/borger/dragoer/kontakt?area=affald"`) {
		t.Error("the area's page does not link to the contact form")
	}
	secret := "Min søn har fået afslag, hemmeligt-ord-42"
	r := ts.post(t, c, "/borger/dragoer/kontakt", url.Values{"area": {"affald"}, "question": {secret}, "reply_to": {"borger@example.dk"}})
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "Digital Post") || !strings.Contains(r.body, "borger.dk") {
		t.Fatalf("refusal: %d\n%s", r.status, r.body)
	}
	if strings.Contains(r.body, "hemmeligt-ord-42") {
		t.Error("the refusal page repeats the question")
	}
	r = ts.post(t, c, "/borger/dragoer/kontakt", url.Values{"area": {"23.05.10"}, "question": {"Se 010203-1234"}})
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "CPR-nummer") || strings.Contains(r.body, "010203") {
		t.Errorf("CPR refusal: %d", r.status)
	}
	if n := ts.countRows(t, `SELECT COUNT(*) FROM contact_questions`); n != 0 {
		t.Errorf("%d refused questions stored", n)
	}
	if strings.Contains(ts.logs.String(), "hemmeligt-ord-42") {
		t.Errorf("the log holds the refused text:\n%s", ts.logs.String())
	}
}

func TestContactForm_AcceptsASameOriginPostWithoutToken(t *testing.T) {
	ts := newTestServer(t, true)
	c := ts.client(t, "")
	r := ts.post(t, c, "/borger/dragoer/kontakt", url.Values{"area": {"07.18.06"}, "question": {"Hvornår tømmes haveaffald?"}, "reply_to": {"borger@example.dk"}})
	if r.status != http.StatusOK || !strings.Contains(r.body, "du kan forvente svar senest") {
		t.Fatalf("accepted: %d\n%s", r.status, r.body)
	}
	if n := ts.countRows(t, `SELECT COUNT(*) FROM contact_questions WHERE area = 'affald' AND reply_to = 'borger@example.dk'`); n != 1 {
		t.Errorf("%d questions stored", n)
	}
	r = ts.post(t, c, "/borger/dragoer/kontakt", url.Values{"area": {"affald"}, "question": {"Hvad?"}, "reply_to": {"123"}})
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, `id="f-reply_to-error"`) {
		t.Errorf("bad reply_to: %d", r.status)
	}
}

var servedField = regexp.MustCompile(`name="t" value="([^"]+)"`)

func TestContactForm_SpamHoneypotTimingAndLimit(t *testing.T) {
	ts := newTestServer(t, true)
	c := ts.client(t, "")
	good := func() url.Values {
		return url.Values{"area": {"affald"}, "question": {"Hvornår tømmes haveaffald?"}}
	}
	v := good()
	v.Set("hjemmeside", "http://spam.example")
	if r := ts.post(t, c, "/borger/dragoer/kontakt", v); r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "var udfyldt") {
		t.Errorf("honeypot: %d", r.status)
	}
	// The test server's clock stands still: a form served now is always
	// sent too soon.
	m := servedField.FindStringSubmatch(ts.get(t, c, "/borger/dragoer/kontakt").body)
	if m == nil {
		t.Fatal("no timestamp field")
	}
	v = good()
	v.Set("t", m[1])
	if r := ts.post(t, c, "/borger/dragoer/kontakt", v); r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "for hurtigt") {
		t.Errorf("too fast: %d", r.status)
	}
	v.Set("t", "1.forged")
	if r := ts.post(t, c, "/borger/dragoer/kontakt", v); r.status != http.StatusUnprocessableEntity {
		t.Errorf("forged timestamp: %d", r.status)
	}
	if n := ts.countRows(t, `SELECT COUNT(*) FROM contact_questions`); n != 0 {
		t.Errorf("%d spam questions stored", n)
	}
	// Three posts above; two more are allowed, the sixth is refused.
	for i := 0; i < 2; i++ {
		if r := ts.post(t, c, "/borger/dragoer/kontakt", good()); r.status != http.StatusOK {
			t.Fatalf("post %d: %d", i+4, r.status)
		}
	}
	if r := ts.post(t, c, "/borger/dragoer/kontakt", good()); r.status != http.StatusTooManyRequests {
		t.Errorf("sixth post in an hour: %d", r.status)
	}
}

func TestQuestions_StaffAnswerSendsMailAndCountsTheInquiry(t *testing.T) {
	ts := newTestServer(t, true)
	anon := ts.client(t, "")
	ts.post(t, anon, "/borger/dragoer/kontakt", url.Values{"area": {"affald"}, "question": {"Hvornår tømmes haveaffald?"}, "reply_to": {"borger@example.dk"}})
	var id string
	if err := ts.db.QueryRowContext(context.Background(), `SELECT CAST(id AS TEXT) FROM contact_questions`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	staff := ts.client(t, dragoerGroup) // the strategy group answers every department's
	if r := ts.get(t, staff, "/m/dragoer/questions"); r.status != http.StatusOK || !strings.Contains(r.body, "/m/dragoer/questions/"+id) {
		t.Fatalf("queue: %d", r.status)
	}
	if r := ts.get(t, ts.client(t, dragoerAuditor), "/m/dragoer/questions"); r.status != http.StatusForbidden {
		t.Errorf("auditor on the queue: %d", r.status)
	}
	r := ts.get(t, staff, "/m/dragoer/questions/"+id)
	if r.status != http.StatusOK || !strings.Contains(r.body, "borger@example.dk") {
		t.Fatalf("question: %d", r.status)
	}
	if n := ts.countRows(t, `SELECT COUNT(*) FROM audit_events WHERE action = 'question_viewed' AND target = $1`, "question "+id); n != 1 {
		t.Errorf("%d audit entries for the view", n)
	}
	r = ts.post(t, staff, "/m/dragoer/questions/"+id, url.Values{"answer": {"Hver anden fredag."}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("answer: %d\n%s", r.status, r.body)
	}
	if n := ts.countRows(t, `SELECT COUNT(*) FROM mail_outbox WHERE to_addr = 'borger@example.dk' AND body LIKE '%fredag%'`); n != 1 {
		t.Errorf("%d messages in the outbox", n)
	}
	if r := ts.get(t, staff, "/m/dragoer/outbox"); r.status != http.StatusOK || !strings.Contains(r.body, "Hver anden fredag.") {
		t.Errorf("outbox page: %d", r.status)
	}
	if n := ts.countRows(t, `SELECT COUNT(*) FROM inquiries WHERE municipality_id = 'dragoer' AND channel = 'contact_form'
		AND type = 'information' AND direction = 'inbound' AND area = 'affald'`); n != 1 {
		t.Errorf("%d contact-form inquiries registered by answering", n)
	}
}

// askQuestion stores a question through the domain and returns its id.
func (ts *testServer) askQuestion(t *testing.T, m, area string) string {
	t.Helper()
	cur, err := ts.registry.Current(context.Background(), m)
	if err != nil {
		t.Fatal(err)
	}
	k, err := contact.New(ts.db, inquiry.NewRecorder(ts.db), mail.NewOutbox(ts.db)).Ask(context.Background(), cur,
		contact.Ask{Area: area, Question: "Hvad koster det?", ReplyTo: "borger@example.dk"})
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprint(k.ID)
}

var channelsTable = regexp.MustCompile(`(?s)id="table-channels".*?</table>`)

// An answered question is counted on the contact-form channel of the
// figures without anyone registering it.
func TestQuestions_AnsweredQuestionAppearsInTheFigures(t *testing.T) {
	ts := newTestServer(t, true)
	id := ts.askQuestion(t, "dragoer", "affald")
	group := ts.client(t, dragoerGroup)
	year := fmt.Sprint(time.Now().Year())
	figures := func() string {
		r := ts.get(t, group, "/m/dragoer/figures?period=year&year="+year)
		if r.status != http.StatusOK {
			t.Fatalf("figures: %d", r.status)
		}
		return channelsTable.FindString(r.body)
	}
	if strings.Contains(figures(), "Kontaktformular") {
		t.Fatal("the contact form is counted before any question was answered")
	}
	if r := ts.post(t, group, "/m/dragoer/questions/"+id, url.Values{"answer": {"Hver anden fredag."}}); r.status != http.StatusSeeOther {
		t.Fatalf("answer: %d", r.status)
	}
	table := figures()
	row := regexp.MustCompile(`(?s)<tr[^>]*>\s*<t[hd][^>]*>Kontaktformular</t[hd]>.*?</tr>`).FindString(table)
	if row == "" {
		t.Fatalf("no contact-form row in the channels table:\n%s", table)
	}
	if !regexp.MustCompile(`>1<`).MatchString(row) {
		t.Errorf("the contact-form row does not count one inquiry:\n%s", row)
	}
}

package web

import (
	"bytes"
	"context"
	"encoding/base64"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"github.com/chromedp/chromedp"

	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/browsertest"
)

// pdfOf makes a PDF of n pages with fpdf itself, not with Kanal's code.
func pdfOf(t *testing.T, n int) []byte {
	t.Helper()
	f := fpdf.New("P", "mm", "A4", "")
	f.SetFont("Helvetica", "", 12)
	for i := 0; i < n; i++ {
		f.AddPage()
		f.Cell(40, 10, "Bilag")
	}
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// The API's content fields: a template with fields, PDF attachments and
// actions are accepted; a repeat of the id with other attachments answers
// the first letter and stores nothing; each problem names its JSON field.
func TestAPI_LetterContentFieldsAndIdempotency(t *testing.T) {
	sp := loadSpec(t)
	ts := newTestServer(t, true)
	secret, _ := ts.addKey(t, "dragoer", "Brevsystem", false, auth.Letters)
	send := func(body string) response {
		return sp.call(t, ts, "POST", "/api/v1/letters?municipality=dragoer", secret, "application/json", body)
	}
	pdf := base64.StdEncoding.EncodeToString(pdfOf(t, 2))
	body := `{"id": "skabelon-1", "recipient": {"cpr": "` + registeredCitizen + `"}, "area": "23.05.10",
		"template": "paamindelse", "fields": {"emne": "dit sundhedskort", "frist": "1. maj"},
		"attachments": [{"filename": "vejledning.pdf", "mime": "application/pdf", "content": "` + pdf + `"}],
		"actions": [{"label": "Bestil sundhedskort", "url": "https://kanal.example/borger/dragoer/sundhedskort", "kind": "self_service"}]}`
	first := send(body)
	if a := decode[letterAnswer](t, first); first.status != http.StatusCreated || a.Route != "digital_post" {
		t.Fatalf("first: %d %s", first.status, first.body)
	}
	again := send(strings.Replace(body, `"vejledning.pdf"`, `"andet.pdf"`, 1))
	if a := decode[letterAnswer](t, again); again.status != http.StatusOK || a.Created == nil || *a.Created {
		t.Errorf("repeat: %d %s", again.status, again.body)
	}
	if n := ts.count(t, `SELECT COUNT(*) FROM letters WHERE id = 'skabelon-1' AND attachments LIKE '%vejledning.pdf%' AND title = 'Påmindelse om dit sundhedskort'`); n != 1 {
		t.Errorf("%d letters with the first attachment and the merged title, want 1", n)
	}
	if n := ts.count(t, `SELECT COUNT(*) FROM letters`); n != 1 {
		t.Errorf("%d letters, want 1", n)
	}

	for _, c := range []struct {
		name, body, field string
		status            int
	}{
		{"bad base64", `"body": "x", "attachments": [{"filename": "a.pdf", "mime": "application/pdf", "content": "` + pdf + `"},
			{"filename": "b.pdf", "mime": "application/pdf", "content": "ikke base64!"}]`, "attachments[1].content", 400},
		{"not a PDF", `"body": "x", "attachments": [{"filename": "a.txt", "mime": "application/pdf", "content": "aGVq"}]`, "attachments[0].content", 422},
		{"not https", `"body": "x", "actions": [{"label": "Book", "url": "http://kanal.example/book", "kind": "booking"}]`, "actions[0].url", 422},
		{"unknown field", `"template": "paamindelse", "fields": {"emne": "a", "frist": "b", "farve": "rød"}`, "fields.farve", 422},
		{"missing field", `"template": "paamindelse", "fields": {"emne": "a"}`, "fields.frist", 422},
		{"body and pdf", `"body": "x", "pdf": "` + pdf + `"`, "body", 422},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := send(`{"recipient": {"cpr": "` + registeredCitizen + `"}, "title": "Brev", "area": "23.05.10", ` + c.body + `}`)
			if r.status != c.status || !strings.Contains(r.body, `"field":"`+c.field+`"`) {
				t.Errorf("%d %s, want %d at %s", r.status, r.body, c.status, c.field)
			}
		})
	}
}

// The staff list and a letter's page in both languages; the recipient is
// masked until asked for, and the full view is audited.
func TestLetterPages_ListShowAndAuditedRecipient(t *testing.T) {
	ts := newTestServer(t, true)
	ts.sendLetter(t, "dragoer", "brev-liste")
	c := ts.client(t, dragoerStaff)
	for _, lang := range []string{"", "?lang=en"} {
		r := ts.get(t, c, "/m/dragoer/letters"+lang)
		want := map[string]string{"": "Sendte breve", "?lang=en": "Letters sent"}[lang]
		if r.status != http.StatusOK || !strings.Contains(r.body, want) || !strings.Contains(r.body, "120385-xxxx") ||
			strings.Contains(r.body, registeredCitizen) || !strings.Contains(r.body, `href="/m/dragoer/letters/brev-liste"`) {
			t.Errorf("list %q: %d\n%s", lang, r.status, r.body)
		}
	}
	if r := ts.get(t, c, "/m/dragoer/letters?route=letter"); strings.Contains(r.body, "brev-liste") {
		t.Errorf("the paper filter shows a Digital Post letter")
	}
	r := ts.get(t, c, "/m/dragoer/letters/brev-liste?lang=en")
	if r.status != http.StatusOK || !strings.Contains(r.body, "Status history") || strings.Contains(r.body, registeredCitizen) {
		t.Errorf("letter page: %d\n%s", r.status, r.body)
	}
	before := ts.count(t, `SELECT COUNT(*) FROM audit_events WHERE action = 'letter_recipient_viewed' AND target = 'brev-liste'`)
	r = ts.get(t, c, "/m/dragoer/letters/brev-liste?modtager=vis")
	if r.status != http.StatusOK || !strings.Contains(r.body, "120385-9902") {
		t.Errorf("full recipient: %d", r.status)
	}
	if after := ts.count(t, `SELECT COUNT(*) FROM audit_events WHERE action = 'letter_recipient_viewed' AND target = 'brev-liste'`); after != before+1 {
		t.Errorf("audit entries %d → %d, want one more", before, after)
	}
	if r := ts.get(t, c, "/m/dragoer/letters/findes-ikke"); r.status != http.StatusNotFound {
		t.Errorf("unknown letter: %d", r.status)
	}
}

// Staff send a letter from a template with an action and an attachment;
// the form, its problems, the receipt, the list and the letter's page are
// axe-clean at both sizes.
func TestBrowser_LetterFromTemplate(t *testing.T) {
	ts := newTestServer(t, true, withCitizens(t, nil))
	staff := browsertest.NewFor(t, 5*time.Minute)
	signIn(t, staff, ts, dragoerStaff)
	attachment := filepath.Join(t.TempDir(), "vejledning.pdf")
	if err := os.WriteFile(attachment, pdfOf(t, 1), 0o600); err != nil {
		t.Fatal(err)
	}
	visit(t, staff, ts.URL+"/m/dragoer/letters/new?skabelon=partshoering")
	waitFor(t, staff, `document.querySelector("#field-sagsnummer") !== null`)
	checkPage(t, staff, "the letter form with a template")
	browsertest.Do(t, staff,
		chromedp.SendKeys(`#recipient`, registeredCitizen),
		chromedp.SetValue(`#area`, "flytning"),
		chromedp.SendKeys(`#field-sagsnummer`, "S-2014-17"),
		chromedp.SendKeys(`#action_label`, "Send dine bemærkninger"),
		chromedp.SendKeys(`#action_url`, "https://kanal.example/borger/dragoer/bemaerkninger"),
		chromedp.SetUploadFiles(`#attachments`, []string{attachment}),
		chromedp.Click(`form[action="/m/dragoer/letters"] button[type="submit"]`),
	)
	waitFor(t, staff, `document.querySelector("#problems") !== null`)
	if !browsertest.Eval[bool](t, staff, `document.querySelector("#field-oplysninger-error") !== null && document.querySelector("#field-frist-error") !== null`) {
		t.Errorf("the missing merge fields are not shown at their fields")
	}
	checkPage(t, staff, "the template form with problems")
	browsertest.Do(t, staff,
		chromedp.SendKeys(`#field-oplysninger`, "Oplysningerne fra din ansøgning"),
		chromedp.SendKeys(`#field-frist`, "1. maj 2014"),
		chromedp.SetUploadFiles(`#attachments`, []string{attachment}),
		chromedp.Click(`form[action="/m/dragoer/letters"] button[type="submit"]`),
	)
	waitFor(t, staff, `document.querySelector("#route") !== null`)
	checkPage(t, staff, "the receipt of a letter from a template")
	browsertest.Do(t, staff, chromedp.Click(`#letter-link`))
	waitFor(t, staff, `document.querySelector("#history") !== null`)
	if !browsertest.Eval[bool](t, staff, `document.querySelector("h1").textContent === "Partshøring i sag S-2014-17" &&
		document.querySelector("#attachments").textContent.includes("vejledning.pdf") &&
		document.querySelector("#actions").textContent.includes("https://kanal.example/borger/dragoer/bemaerkninger")`) {
		t.Errorf("the letter's page lacks its merged title, attachment or action")
	}
	checkPage(t, staff, "a letter's page")
	visit(t, staff, ts.URL+"/m/dragoer/letters")
	waitFor(t, staff, `document.querySelector("#letters") !== null`)
	checkPage(t, staff, "the list of letters")
	var n int
	if err := ts.db.QueryRowContext(context.Background(), `SELECT COUNT(*) FROM letters WHERE template = 'partshoering' AND actions <> '' AND attachments <> ''`).Scan(&n); err != nil || n != 1 {
		t.Errorf("%d letters from the template with an action and an attachment (%v), want 1", n, err)
	}
}

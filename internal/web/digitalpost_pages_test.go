package web

import (
	"context"
	"crypto/rand"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/auth/oidctest"
	"github.com/kanal-dk/kanal/internal/memo"
	"github.com/kanal-dk/kanal/internal/nemlogin"
	"github.com/kanal-dk/kanal/internal/sf1520"
	"github.com/kanal-dk/kanal/internal/sf1601"
	"github.com/kanal-dk/kanal/internal/web/citizen"
)

// newMessageUUID is a random version-4 UUID in lower case.
func newMessageUUID(t *testing.T) string {
	t.Helper()
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	b[6], b[8] = b[6]&0x0f|0x40, b[8]&0x3f|0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// deliverPost sends a letter with a PDF through the development SF1601
// transport (the registry of the shipped test citizens decides Automatisk
// Valg) and answers its messageUUID.
func (ts *testServer) deliverPost(t *testing.T, m, cpr, title string, pdf []byte, actions ...memo.Action) string {
	t.Helper()
	people, err := sf1520.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	uuid := newMessageUUID(t)
	doc, err := memo.Build(memo.Message{
		UUID: uuid, Label: title, LegalNotification: true,
		Sender:    memo.Party{ID: "12345674", IDType: memo.IDTypeCVR, Label: "Dragør Kommune"},
		Recipient: memo.Party{ID: cpr, IDType: memo.IDTypeCPR},
		Created:   time.Now(),
		Main: memo.Document{Files: []memo.File{{EncodingFormat: "application/pdf", Filename: "brev.pdf", Language: "da", Content: pdf}},
			Actions: actions},
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sf1601.NewDev(ts.db, sf1601.NewDevRegistry(people)).Send(context.Background(),
		sf1601.Request{Municipality: m, Channel: sf1601.ChannelAutomatic, Memo: doc}); err != nil {
		t.Fatal(err)
	}
	return uuid
}

// letterPDF stands in for a letter's PDF. The test citizens
// (docs/digital-post.md): registeredCitizen is registered for Digital
// Post, exemptCitizen exempt; Mads is another citizen.
var letterPDF = []byte("%PDF-1.4 brev til borgeren")

// "Kanal ... delivers into a local Digital Post inbox that a test citizen
// reads in the portal": only their own messages, newest first, read
// marks, the PDF, and another citizen's message is not found.
func TestDigitalPost_InboxShowsOnlyTheCitizensOwnMessages(t *testing.T) {
	ts := newTestServer(t, true, withCitizens(t, nil))
	first := ts.deliverPost(t, "dragoer", registeredCitizen, "Første brev", letterPDF,
		memo.Action{Label: "Se din sag", Code: memo.ActionSelfService, EntryPoint: "https://dragoer.example/sag"})
	time.Sleep(5 * time.Millisecond)
	ts.deliverPost(t, "dragoer", registeredCitizen, "Andet brev", []byte("%PDF-1.4 andet"))
	other := ts.deliverPost(t, "dragoer", madsCPR, "Brev til Mads", letterPDF)

	anon := ts.client(t, "")
	if r := ts.get(t, anon, "/borger/dragoer/digital-post"); r.status != http.StatusSeeOther ||
		!strings.HasPrefix(r.header.Get("Location"), "/borger/dragoer/log-ind?") {
		t.Fatalf("not signed in: %d %q, want the sign-in", r.status, r.header.Get("Location"))
	}

	if r := ts.get(t, anon, "/borger/dragoer/digital-post/"+first); r.status != http.StatusSeeOther ||
		!strings.HasPrefix(r.header.Get("Location"), "/borger/dragoer/log-ind?") {
		t.Errorf("a letter not signed in: %d %q, want the sign-in", r.status, r.header.Get("Location"))
	}

	c := ts.citizenClient(t, "dragoer", registeredCitizen)
	r := ts.get(t, c, "/borger/dragoer/digital-post")
	if r.status != http.StatusOK {
		t.Fatalf("inbox: %d", r.status)
	}
	i, j := strings.Index(r.body, "Andet brev"), strings.Index(r.body, "Første brev")
	if i < 0 || j < 0 || i > j {
		t.Errorf("inbox not newest first with both letters (%d, %d)", i, j)
	}
	if strings.Contains(r.body, "Brev til Mads") {
		t.Errorf("inbox shows another citizen's letter")
	}
	if !strings.Contains(r.body, `href="/borger/dragoer/digital-post">Digital Post</a>`) {
		t.Errorf("the header has no link to the inbox for the signed-in citizen")
	}
	if !strings.Contains(r.body, "Udviklingspostkasse") || strings.Count(r.body, ">Ulæst<") != 2 {
		t.Errorf("inbox without the development notice or two unread letters:\n%s", r.body)
	}

	r = ts.get(t, c, "/borger/dragoer/digital-post/"+first)
	if r.status != http.StatusOK {
		t.Fatalf("message: %d", r.status)
	}
	for _, want := range []string{"Første brev", "Dragør Kommune", "/borger/dragoer/digital-post/" + first + "/dokument",
		`href="https://dragoer.example/sag"`, "Se din sag", "Udviklingspostkasse"} {
		if !strings.Contains(r.body, want) {
			t.Errorf("message lacks %q", want)
		}
	}
	r = ts.get(t, c, "/borger/dragoer/digital-post")
	if strings.Count(r.body, ">Ulæst<") != 1 || strings.Count(r.body, ">Læst<") != 1 {
		t.Errorf("after reading one: want one read and one unread")
	}

	r = ts.get(t, c, "/borger/dragoer/digital-post/"+first+"/dokument")
	if r.status != http.StatusOK || r.body != string(letterPDF) || r.header.Get("Content-Type") != "application/pdf" ||
		!strings.HasPrefix(r.header.Get("Content-Disposition"), "attachment") {
		t.Errorf("document: %d %q %q", r.status, r.header.Get("Content-Type"), r.header.Get("Content-Disposition"))
	}

	for _, path := range []string{"/borger/dragoer/digital-post/" + other, "/borger/dragoer/digital-post/" + other + "/dokument"} {
		if r := ts.get(t, c, path); r.status != http.StatusNotFound {
			t.Errorf("another citizen's %s: %d, want 404", path, r.status)
		}
	}
	mads := ts.citizenClient(t, "dragoer", madsCPR)
	if r := ts.get(t, mads, "/borger/dragoer/digital-post/"+first); r.status != http.StatusNotFound {
		t.Errorf("Mads opening the registered citizen's letter: %d, want 404", r.status)
	}
	if r := ts.get(t, mads, "/borger/dragoer/digital-post"); !strings.Contains(r.body, "Brev til Mads") || strings.Contains(r.body, "Første brev") {
		t.Errorf("Mads' inbox is not his own")
	}
}

// "a citizen exempted from Digital Post gets paper": the exempt citizen's
// letter waits in the print queue; the print station sees it (audited),
// downloads the PDF (audited) and marks it printed; another municipality
// does not see it.
func TestDigitalPost_PrintQueueAuditedAndMarkedPrinted(t *testing.T) {
	ts := newTestServer(t, true, withCitizens(t, nil))
	uuid := ts.deliverPost(t, "dragoer", exemptCitizen, "Brev på papir", letterPDF)
	c := ts.client(t, dragoerStaff)

	r := ts.get(t, c, "/m/dragoer/print")
	if r.status != http.StatusOK || !strings.Contains(r.body, "Brev på papir") || !strings.Contains(r.body, exemptCitizen) {
		t.Fatalf("print queue: %d\n%s", r.status, r.body)
	}
	if n := len(ts.events(t, audit.Filter{Municipality: "dragoer", Action: audit.PrintQueueViewed})); n != 1 {
		t.Errorf("print queue views audited: %d, want 1", n)
	}
	if r := ts.get(t, c, "/m/dragoer/print?lang=en"); r.status != http.StatusOK || !strings.Contains(r.body, "Print queue") ||
		!strings.Contains(r.body, "Mark as printed") {
		t.Errorf("print queue in English: %d", r.status)
	}
	if n := len(ts.events(t, audit.Filter{Municipality: "dragoer", Action: audit.PrintQueueViewed})); n != 2 {
		t.Errorf("print queue views audited after the English view: %d, want 2", n)
	}
	r = ts.get(t, c, "/m/dragoer/print/"+uuid+".pdf")
	if r.status != http.StatusOK || r.body != string(letterPDF) || !strings.HasPrefix(r.header.Get("Content-Disposition"), "attachment") {
		t.Errorf("PDF: %d %q", r.status, r.header.Get("Content-Disposition"))
	}
	events := ts.events(t, audit.Filter{Municipality: "dragoer", Action: audit.PrintQueueViewed})
	if len(events) != 3 {
		t.Errorf("after the PDF: %d audit entries, want 3", len(events))
	}
	for _, e := range events {
		if strings.Contains(e.Target+e.Detail, exemptCitizen) {
			t.Errorf("the audit entry holds the CPR number: %+v", e)
		}
	}
	if r := ts.get(t, c, "/m/dragoer/print/"+uuid); r.status != http.StatusNotFound {
		t.Errorf("PDF address without .pdf: %d, want 404", r.status)
	}

	other := ts.client(t, taarnbyGroup)
	if r := ts.get(t, other, "/m/taarnby/print/"+uuid+".pdf"); r.status != http.StatusNotFound {
		t.Errorf("Tårnby's print queue with Dragør's letter: %d, want 404", r.status)
	}
	if r := ts.post(t, other, "/m/taarnby/print/"+uuid+"/printed", nil); r.status != http.StatusNotFound {
		t.Errorf("Tårnby marking Dragør's letter: %d, want 404", r.status)
	}
	if r := ts.get(t, other, "/m/taarnby/print"); strings.Contains(r.body, "Brev på papir") {
		t.Errorf("Tårnby's print queue shows Dragør's letter")
	}

	r = ts.post(t, c, "/m/dragoer/print/"+uuid+"/printed", nil)
	if r.status != http.StatusSeeOther || r.header.Get("Location") != "/m/dragoer/print?saved=printed" {
		t.Fatalf("mark printed: %d %q", r.status, r.header.Get("Location"))
	}
	if r := ts.get(t, c, "/m/dragoer/print"); strings.Contains(r.body, "Brev på papir") {
		t.Errorf("the printed letter still waits")
	}
	if r := ts.get(t, c, "/m/dragoer/print?printede=1&lang=da"); !strings.Contains(r.body, "Brev på papir") || !strings.Contains(r.body, "Printet af "+dragoerStaff) {
		t.Errorf("the printed letter with who printed it is not listed with printede=1:\n%s", r.body)
	}
	r = ts.post(t, c, "/m/dragoer/print/"+uuid+"/printed", nil)
	if r.header.Get("Location") != "/m/dragoer/print?saved=already" {
		t.Errorf("marking again: %d %q", r.status, r.header.Get("Location"))
	}
	statuses, err := sf1601.NewDev(ts.db, nil).StatusesAfter(context.Background(), 0, 100)
	if err != nil {
		t.Fatal(err)
	}
	printed := 0
	for _, s := range statuses {
		if s.MessageUUID == uuid && s.Status == sf1601.StatusPrinted {
			printed++
		}
	}
	if printed != 1 {
		t.Errorf("printed statuses of the letter: %d, want 1", printed)
	}
}

// The inbox is the development stand-in: with NemLog-in (a real broker)
// the citizen reads Digital Post in borger.dk, e-Boks or mit.dk, and the
// portal's inbox addresses are not found.
func TestDigitalPost_InboxNotFoundWithTheNationalLogin(t *testing.T) {
	provider := oidctest.New(t, "kanal-borger", "hemmelig")
	ts := newTestServer(t, true, withCitizens(t, nil), func(o *Options, base string) {
		o.CitizenLogin = nemlogin.NewOIDC(nemlogin.OIDCConfig{Issuer: provider.Issuer(), ClientID: "kanal-borger",
			ClientSecret: "hemmelig", RedirectURL: base + citizen.CallbackPath})
	})
	uuid := ts.deliverPost(t, "dragoer", registeredCitizen, "Brev", letterPDF)
	c := ts.client(t, "")
	for _, path := range []string{"/borger/dragoer/digital-post", "/borger/dragoer/digital-post/" + uuid,
		"/borger/dragoer/digital-post/" + uuid + "/dokument"} {
		if r := ts.get(t, c, path); r.status != http.StatusNotFound {
			t.Errorf("%s with the national login: %d, want 404", path, r.status)
		}
	}
}

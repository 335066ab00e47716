package web

import (
	"context"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/kanal-dk/kanal/internal/browsertest"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/letters"
	"github.com/kanal-dk/kanal/internal/sf1520"
	"github.com/kanal-dk/kanal/internal/sf1601"
)

// staffSendsLetter fills in and sends the staff letter form.
func staffSendsLetter(t *testing.T, ctx context.Context, ts *testServer, cpr, title string) {
	t.Helper()
	visit(t, ctx, ts.URL+"/m/dragoer/letters/new")
	browsertest.Do(t, ctx,
		chromedp.SendKeys(`#recipient`, cpr),
		chromedp.SendKeys(`#title`, title),
		chromedp.SetValue(`#area`, "flytning"),
		chromedp.SendKeys(`#body`, "Kære borger. Vi har modtaget din flytning."),
		chromedp.Click(`#legal`),
		chromedp.Click(`form[action="/m/dragoer/letters"] button[type="submit"]`),
	)
	waitFor(t, ctx, `document.querySelector("#route") !== null`)
}

// "Done when ... the letter flow is browser-tested (staff sends, citizen
// reads it in the development Digital Post inbox, exempt citizen's letter
// appears in the print queue)": staff send a letter to the registered test
// citizen and one to the exempt one, the letters worker sends them
// through the development transport, the citizen reads hers in the
// portal, and staff find the exempt citizen's in the print queue; every
// page axe-clean at 1366×650 and 390×844.
func TestBrowser_LetterFlow(t *testing.T) {
	ts := newTestServer(t, true, withCitizens(t, nil))
	staff := browsertest.NewFor(t, 5*time.Minute)
	signIn(t, staff, ts, dragoerStaff)

	visit(t, staff, ts.URL+"/m/dragoer/letters/new")
	checkPage(t, staff, "the letter form")
	browsertest.Do(t, staff, chromedp.Click(`form[action="/m/dragoer/letters"] button[type="submit"]`))
	waitFor(t, staff, `document.querySelector("#problems") !== null`)
	checkPage(t, staff, "the letter form with problems")

	staffSendsLetter(t, staff, ts, registeredCitizen, "Din flytning er registreret")
	if !browsertest.Eval[bool](t, staff, `document.querySelector("#route").textContent.includes("Sendes med Digital Post")`) {
		t.Errorf("the registered citizen's letter does not go by Digital Post")
	}
	checkPage(t, staff, "a letter sent by Digital Post")
	staffSendsLetter(t, staff, ts, exemptCitizen, "Brev om din flytning")
	if !browsertest.Eval[bool](t, staff, `document.querySelector("#route").textContent.includes("Sendes som brev")`) {
		t.Errorf("the exempt citizen's letter does not go as a paper letter")
	}
	checkPage(t, staff, "a letter sent on paper")

	// The letters worker, as cmd/kanal/jobs.go builds it, over the test server's database.
	file, err := sf1520.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	dev := sf1601.NewDev(ts.db, sf1601.NewDevRegistry(file))
	w := &letters.Worker{DB: ts.db, Recorder: inquiry.NewRecorder(ts.db), Transport: letters.KombiTransport{Kombi: dev},
		Statuses: dev, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	n, err := w.RunOnce(context.Background())
	if err != nil || n != 2 {
		t.Fatalf("worker sent %d letters (%v), want 2", n, err)
	}

	citizen := browsertest.NewFor(t, 5*time.Minute)
	visit(t, citizen, ts.URL+"/borger/dragoer/digital-post")
	waitFor(t, citizen, `location.pathname === "/borger/dragoer/log-ind/udvikling"`)
	browsertest.Do(t, citizen,
		chromedp.Click(`input[value="`+registeredCitizen+`"]`),
		chromedp.Submit(`input[name="cpr"]`),
	)
	waitFor(t, citizen, `location.pathname === "/borger/dragoer/digital-post"`)
	if !browsertest.Eval[bool](t, citizen, `document.body.textContent.includes("Din flytning er registreret")`) {
		t.Fatalf("the citizen's inbox lacks the letter staff sent")
	}
	checkPage(t, citizen, "the inbox with the letter")
	browsertest.Do(t, citizen, chromedp.Click(`main a[href^="/borger/dragoer/digital-post/"]`))
	waitFor(t, citizen, `document.querySelector("h1").textContent === "Din flytning er registreret"`)
	checkPage(t, citizen, "the letter")

	visit(t, staff, ts.URL+"/m/dragoer/print")
	if !browsertest.Eval[bool](t, staff, `document.body.textContent.includes("Brev om din flytning") && !document.body.textContent.includes("Din flytning er registreret")`) {
		t.Errorf("the print queue does not hold exactly the exempt citizen's letter")
	}
	checkPage(t, staff, "the print queue with the letter")
}

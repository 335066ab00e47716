package web

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/kanal-dk/kanal/internal/browsertest"
	"github.com/kanal-dk/kanal/internal/memo"
)

// A test citizen signs in through the development login, reads a letter
// in the development Digital Post inbox, and the print station marks the
// exempt citizen's letter printed; every page is axe-clean at 1366×650 and
// 390×844, no wider than the screen, with visible focus rings.
func TestBrowser_DigitalPostInboxAndPrintQueue(t *testing.T) {
	ts := newTestServer(t, true, withCitizens(t, nil))
	uuid := ts.deliverPost(t, "dragoer", registeredCitizen, "Afgørelse om boligstøtte", letterPDF,
		memo.Action{Label: "Se din sag", Code: memo.ActionSelfService, EntryPoint: "https://dragoer.example/sag"})
	ts.deliverPost(t, "dragoer", registeredCitizen, "Kvittering for flytning", letterPDF)
	printed := ts.deliverPost(t, "dragoer", exemptCitizen, "Brev på papir", letterPDF)

	ctx := browsertest.NewFor(t, 5*time.Minute)
	visit(t, ctx, ts.URL+"/borger/dragoer/digital-post")
	waitFor(t, ctx, `location.pathname === "/borger/dragoer/log-ind/udvikling"`)
	browsertest.Do(t, ctx,
		chromedp.Click(`input[value="`+registeredCitizen+`"]`),
		chromedp.Submit(`input[name="cpr"]`),
	)
	waitFor(t, ctx, `location.pathname === "/borger/dragoer/digital-post"`)
	checkPage(t, ctx, "the inbox")
	browsertest.Do(t, ctx, chromedp.Click(`a[href="/borger/dragoer/digital-post/`+uuid+`"]`))
	waitFor(t, ctx, `location.pathname === "/borger/dragoer/digital-post/`+uuid+`"`)
	if !browsertest.Eval[bool](t, ctx, `document.querySelector("h1").textContent === "Afgørelse om boligstøtte"`) {
		t.Errorf("the letter's page does not have its title")
	}
	checkPage(t, ctx, "a letter")
	visit(t, ctx, ts.URL+"/borger/dragoer/digital-post/"+uuid+"?lang=en")
	checkPage(t, ctx, "a letter in English")

	staff := browsertest.NewFor(t, 5*time.Minute)
	signIn(t, staff, ts, dragoerStaff)
	visit(t, staff, ts.URL+"/m/dragoer/print")
	checkPage(t, staff, "the print queue")
	browsertest.Do(t, staff, chromedp.Click(`form[action="/m/dragoer/print/`+printed+`/printed"] button`))
	waitFor(t, staff, `location.search === "?saved=printed"`)
	checkPage(t, staff, "the print queue after marking")
	visit(t, staff, ts.URL+"/m/dragoer/print?printede=1&lang=en")
	checkPage(t, staff, "the print queue with printed letters")
}

package web

import (
	"context"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/kanal-dk/kanal/internal/browsertest"
	"github.com/kanal-dk/kanal/internal/demo"
	"github.com/kanal-dk/kanal/internal/kanaltest"
)

// The answer page (in both languages, and after "Fandt du svaret?"), "Find
// svar" with and without results, and the staff list and edit page (with
// a page, without one, and with a refused link) are axe-clean at a
// laptop's and a phone's size, no wider than the screen, with visible
// focus rings. The pages are the demo's examples.
func TestBrowser_AnswerPagesFitTheScreen(t *testing.T) {
	ts := newTestServer(t, true)
	for _, m := range []string{"dragoer", "taarnby"} {
		if _, err := demo.Answers(context.Background(), ts.db, kanaltest.Current(t, ts.registry, m), time.Now()); err != nil {
			t.Fatal(err)
		}
	}
	ctx := browsertest.NewFor(t, 5*time.Minute)
	for _, path := range []string{
		"/borger/dragoer/svar/flytning",
		"/borger/taarnby/svar/pas?lang=en",
		"/borger/dragoer/svar",
		"/borger/dragoer/svar?q=storskrald",
		"/borger/dragoer/svar?q=zzzz",
		"/borger/dragoer/?q=flyt",
	} {
		visit(t, ctx, ts.URL+path)
		checkPage(t, ctx, path)
	}
	// "Fandt du svaret?" answered with the keyboard's Enter on "Nej".
	visit(t, ctx, ts.URL+"/borger/dragoer/svar/flytning")
	browsertest.Do(t, ctx, chromedp.Click(`button[value="nej"]`))
	waitFor(t, ctx, `document.querySelector("[role=status]") !== null`)
	checkPage(t, ctx, "the thanks")

	staff := browsertest.NewFor(t, 5*time.Minute)
	signIn(t, staff, ts, dragoerGroup)
	for _, path := range []string{
		"/m/dragoer/answers",
		"/m/dragoer/answers/flytning",
		"/m/dragoer/answers/dagtilbud?lang=en",
	} {
		visit(t, staff, ts.URL+path)
		checkPage(t, staff, path)
	}
	// A refused link: the form comes back with the problem named.
	visit(t, staff, ts.URL+"/m/dragoer/answers/flytning")
	browsertest.Do(t, staff,
		chromedp.SetValue("#body", "[klik](javascript:alert(1))"),
		chromedp.Submit("#body"),
	)
	waitFor(t, staff, `document.getElementById("problems") !== null`)
	checkPage(t, staff, "the edit page with a problem")
}

package web

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/kanal-dk/kanal/internal/browsertest"
	"github.com/kanal-dk/kanal/internal/casework"
)

// checkPage runs axe and the width check at both screen sizes and the
// focus-ring check on the page the browser shows.
func checkPage(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	for _, size := range screenSizes {
		browsertest.Do(t, ctx, chromedp.EmulateViewport(size[0], size[1]))
		browsertest.Axe(t, ctx)
		checkWidth(t, ctx, name, size[0])
	}
	checkFocusRings(t, ctx, name)
	browsertest.Do(t, ctx, chromedp.EmulateReset())
}

// The case list, a case page (with a protected address, attachments and a
// status form with its error), the form filled in at the counter (empty,
// with errors, and its receipt) and the funnel are axe-clean at a laptop's
// and a phone's size, no wider than the screen, with visible focus rings;
// the receipt is reached by typing, as at the counter.
func TestBrowser_CasePagesFitTheScreen(t *testing.T) {
	ts := newTestServer(t, true, withCaseServices(t))
	f := newCaseFixture(ts)
	open, protected := testCitizens(t)
	now := time.Now()
	old := f.submit(t, ts, "sundhedskort", "sundhedskort", protected, now.AddDate(0, 0, -40),
		map[string]string{"adresse": protected.Address.Street, "aarsag": "mistet", "levering": "Afleveres hos naboen i nr. 12"},
		casework.Attachment{Field: "bilag", Filename: "foto.png", ContentType: "image/png", Data: []byte("png")})
	f.submit(t, ts, "sundhedskort", "sundhedskort", open, now.Add(-2*time.Hour), map[string]string{"aarsag": "nyt-navn"})
	if err := f.cases.SetStatus(context.Background(), "dragoer", old.Reference, casework.InProgress, actorFor(dragoerStaff),
		"Kortet er bestilt hos Udbetaling Danmark, vi venter på det", true); err != nil {
		t.Fatal(err)
	}
	f.cases.Now = func() time.Time { return now.AddDate(0, 0, -3) }
	if id, err := f.cases.StartRun(context.Background(), "dragoer", "sundhedskort", "sundhedskort"); err != nil {
		t.Fatal(err)
	} else if err := f.cases.StepRun(context.Background(), "dragoer", id, 1); err != nil {
		t.Fatal(err)
	}

	group := browsertest.NewFor(t, 10*time.Minute)
	signIn(t, group, ts, dragoerGroup)
	for _, path := range []string{"/m/dragoer/cases", "/m/dragoer/cases?status=in_progress&lang=en", "/m/dragoer/cases/" + old.Reference,
		"/m/dragoer/figures/funnel", "/m/dragoer/figures/funnel?from=2026-13"} {
		visit(t, group, ts.URL+path)
		checkPage(t, group, path)
	}
	// The status form's error: a note too long for the history.
	browsertest.Do(t, group, chromedp.Navigate(ts.URL+"/m/dragoer/cases/"+old.Reference), chromedp.WaitVisible("#note"),
		chromedp.SetValue("#note", strings.Repeat("lang bemærkning ", 200)), chromedp.Submit("#note"), chromedp.WaitVisible("#note-error"))
	checkPage(t, group, "the status form with an error")

	staff := browsertest.NewFor(t, 10*time.Minute)
	signIn(t, staff, ts, dragoerStaff)
	visit(t, staff, ts.URL+"/m/dragoer/cases/"+old.Reference)
	if !strings.Contains(browsertest.Eval[string](t, staff, `document.body.innerText`), "Adressen er beskyttet") {
		t.Error("staff: the protected address is not said to be protected")
	}
	// From the console's guidance to the form, at the counter.
	visit(t, staff, ts.URL+"/m/dragoer/console?area=sundhedskort")
	browsertest.Do(t, staff, chromedp.Click("#assisted-form"), chromedp.WaitVisible("#cpr"))
	checkPage(t, staff, "the assisted form")
	browsertest.Do(t, staff, chromedp.Submit("#cpr"), chromedp.WaitVisible("#problems"))
	checkPage(t, staff, "the assisted form with errors")
	browsertest.Do(t, staff,
		chromedp.SendKeys("#cpr", open.CPR[:6]+"-"+open.CPR[6:]),
		chromedp.Click(`label[for="f-aarsag-0"]`),
		chromedp.Submit("#cpr"),
		chromedp.WaitVisible("#reference"))
	ref := browsertest.Eval[string](t, staff, `document.querySelector("#reference").textContent`)
	if _, err := f.cases.Get(context.Background(), "dragoer", ref); err != nil {
		t.Errorf("the receipt's reference %q: %v", ref, err)
	}
	checkPage(t, staff, "the receipt at the counter")
}

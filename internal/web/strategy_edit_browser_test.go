package web

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/kanal-dk/kanal/internal/browsertest"
	"github.com/kanal-dk/kanal/internal/kanaltest"
)

// The strategy group edits a target in a real browser, without
// JavaScript doing any of it: from the strategy page to the forms, a
// share typed with its unit is refused at its field (the summary links
// there), the corrected share is saved with a reason, and the comparison
// of the old and the new version says what changed. Every page of the
// flow passes axe at a laptop's and a phone's size.
func TestBrowser_StrategyFormsEditATargetAndShowTheChange(t *testing.T) {
	ts := newTestServer(t, true)
	ctx := browsertest.New(t)
	signIn(t, ctx, ts, dragoerGroup)

	visit(t, ctx, ts.URL+"/m/dragoer?lang=da")
	browsertest.Do(t, ctx, chromedp.Click(`a[href="/m/dragoer/strategy/edit"]`), chromedp.WaitVisible(`a[href="/m/dragoer/strategy/edit/targets"]`))
	axeAtBothSizes(t, ctx)
	browsertest.Do(t, ctx, chromedp.Click(`a[href="/m/dragoer/strategy/edit/targets"]`), chromedp.WaitVisible("#f-targets-0-shares-2015"))
	axeAtBothSizes(t, ctx)

	const share = "#f-targets-0-shares-2015"
	browsertest.Do(t, ctx,
		chromedp.SetValue(share, "55 %"),
		chromedp.Click(`button[type=submit].button-primary`),
		chromedp.WaitVisible(".alert-error"))
	if got := browsertest.Eval[string](t, ctx, `document.querySelector(".alert-error").innerText`); !strings.Contains(got, `"55 %" er ikke et tal`) ||
		!strings.Contains(got, "Skriv, hvorfor strategien ændres") {
		t.Errorf("the summary says %q", got)
	}
	if !browsertest.Eval[bool](t, ctx, `document.querySelector(".alert-error a[href='#f-targets-0-shares-2015']") !== null &&
		document.querySelector("#f-targets-0-shares-2015").getAttribute("aria-invalid") === "true"`) {
		t.Error("the summary does not link to the share, or the share is not marked invalid")
	}
	axeAtBothSizes(t, ctx)

	browsertest.Do(t, ctx,
		chromedp.SetValue(share, "55"),
		chromedp.SendKeys("#reason", "Byrådet hævede målet for 2015"),
		chromedp.Click(`button[type=submit].button-primary`))
	waitFor(t, ctx, `location.pathname === "/m/dragoer/versions/diff"`)
	browsertest.Do(t, ctx, chromedp.WaitVisible("main table"))
	page := browsertest.Eval[string](t, ctx, `document.querySelector("main").innerText`)
	for _, want := range []string{"Ændringen er gemt som version 2", "andel i 2015\t50\t55", "Byrådet hævede målet for 2015"} {
		if !strings.Contains(page, want) {
			t.Errorf("the comparison lacks %q:\n%s", want, page)
		}
	}
	axeAtBothSizes(t, ctx)
	// The YAML lines, for readers of the file, open without JavaScript.
	browsertest.Do(t, ctx, chromedp.Click("details.yaml-diff summary"), chromedp.WaitVisible("details.yaml-diff pre"))
	if got := browsertest.Eval[string](t, ctx, `document.querySelector("details.yaml-diff pre").innerText`); !strings.Contains(got, "+      2015: 55") {
		t.Errorf("the YAML lines:\n%s", got)
	}
	axeAtBothSizes(t, ctx)
	if cur := kanaltest.Current(t, ts.registry, "dragoer"); cur.Number != 2 || cur.Strategy.Targets[0].Shares[2015] != 55 {
		t.Errorf("version %d, 2015 share %v", cur.Number, cur.Strategy.Targets[0].Shares[2015])
	}

	// The versions page lists who and why and compares any two versions.
	visit(t, ctx, ts.URL+"/m/dragoer/versions?lang=da")
	axeAtBothSizes(t, ctx)
	browsertest.Do(t, ctx, chromedp.SetValue("#from", "2"), chromedp.SetValue("#to", "1"),
		chromedp.Click(`form[action="/m/dragoer/versions/diff"] button`))
	waitFor(t, ctx, `location.search.includes("from=2")`)
	browsertest.Do(t, ctx, chromedp.WaitVisible("main table"))
	if page := browsertest.Eval[string](t, ctx, `document.querySelector("main table").innerText`); !strings.Contains(page, "andel i 2015\t55\t50") {
		t.Errorf("version 2 against 1:\n%s", page)
	}
}

// The other forms pass axe at both sizes and fit a phone's screen (a
// browser of their own: each browser has two minutes).
func TestBrowser_StrategyFormsPassAxe(t *testing.T) {
	ts := newTestServer(t, true)
	ctx := browsertest.New(t)
	signIn(t, ctx, ts, dragoerGroup)
	for _, path := range []string{"/m/dragoer/strategy/edit/prices", "/m/dragoer/strategy/edit/hours",
		"/m/dragoer/strategy/edit/areas/flytning", "/m/dragoer/strategy/edit/areas/affald?lang=en"} {
		visit(t, ctx, ts.URL+path)
		axeAtBothSizes(t, ctx)
		browsertest.Do(t, ctx, chromedp.EmulateViewport(390, 844))
		if wide := browsertest.Eval[bool](t, ctx, `document.documentElement.scrollWidth > window.innerWidth`); wide {
			t.Errorf("%s is wider than a phone's screen", path)
		}
		browsertest.Do(t, ctx, chromedp.EmulateReset())
	}
}

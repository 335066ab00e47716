package web

import (
	"context"
	"slices"
	"strconv"
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

// fitsAPhone fails the test when the page is wider than a phone's screen.
func fitsAPhone(t *testing.T, ctx context.Context) {
	t.Helper()
	browsertest.Do(t, ctx, chromedp.EmulateViewport(390, 844))
	if browsertest.Eval[bool](t, ctx, `document.documentElement.scrollWidth > window.innerWidth`) {
		t.Errorf("%s is wider than a phone's screen", browsertest.Eval[string](t, ctx, `location.href`))
	}
	browsertest.Do(t, ctx, chromedp.EmulateReset())
}

// The strategy group adds a target and an area in a real browser, without
// JavaScript doing any of it: the target's measure chosen first, then its
// form; the area's form, with a problem at its field first; each saved
// with a reason and shown as the new version's change. Every page passes
// axe at a laptop's and a phone's size and fits a phone.
func TestBrowser_StrategyFormsAddATargetAndAnArea(t *testing.T) {
	ts := newTestServer(t, true)
	ctx := browsertest.New(t)
	signIn(t, ctx, ts, dragoerGroup)
	s := kanaltest.Current(t, ts.registry, "dragoer").Strategy

	visit(t, ctx, ts.URL+"/m/dragoer/strategy/edit/targets?lang=da")
	browsertest.Do(t, ctx, chromedp.Click(`a[href="/m/dragoer/strategy/edit/new/target"]`), chromedp.WaitVisible(`input[name=measure]`))
	axeAtBothSizes(t, ctx)
	fitsAPhone(t, ctx)
	browsertest.Do(t, ctx, chromedp.Click(`input[value=transaction_digital_share]`), chromedp.Click(`main form button[type=submit]`))
	target := "#f-targets-" + strconv.Itoa(len(s.Targets))
	browsertest.Do(t, ctx, chromedp.WaitVisible(target+"-text"))
	axeAtBothSizes(t, ctx)
	fitsAPhone(t, ctx)
	browsertest.Do(t, ctx,
		chromedp.SendKeys(target+"-text", "80 % af ansøgningerne skal være digitale i 2015."),
		chromedp.SendKeys(target+"-shares-2015", "80"),
		chromedp.SendKeys("#reason", "Nyt mål for ansøgninger"),
		chromedp.Click(`button[type=submit].button-primary`))
	waitFor(t, ctx, `location.pathname === "/m/dragoer/versions/diff"`)
	browsertest.Do(t, ctx, chromedp.WaitVisible("main table"))
	if page := browsertest.Eval[string](t, ctx, `document.querySelector("main").innerText`); !strings.Contains(page, "Ændringen er gemt som version 2") ||
		!strings.Contains(page, "Tilføjet: Mål › »80 % af ansøgningerne") {
		t.Errorf("the comparison after adding a target:\n%s", page)
	}
	axeAtBothSizes(t, ctx)

	visit(t, ctx, ts.URL+"/m/dragoer/strategy/edit?lang=da")
	browsertest.Do(t, ctx, chromedp.Click(`a[href="/m/dragoer/strategy/edit/new/area"]`))
	area := "#f-areas-" + strconv.Itoa(len(s.Areas))
	browsertest.Do(t, ctx, chromedp.WaitVisible(area+"-title"))
	axeAtBothSizes(t, ctx)
	fitsAPhone(t, ctx)
	browsertest.Do(t, ctx,
		chromedp.SendKeys(area+"-title", "Parkering"),
		chromedp.SendKeys("#reason", "Parkering får sit eget område"),
		chromedp.Click(`button[type=submit].button-primary`),
		chromedp.WaitVisible(".alert-error"))
	if !browsertest.Eval[bool](t, ctx, `document.querySelector(".alert-error a[href='`+area+`-kle']") !== null &&
		document.querySelector("`+area+`-kle").getAttribute("aria-invalid") === "true"`) {
		t.Error("the summary does not link to the missing KLE number, or it is not marked invalid")
	}
	axeAtBothSizes(t, ctx)
	browsertest.Do(t, ctx,
		chromedp.SendKeys(area+"-kle", "05.04.02"),
		chromedp.SetValue(area+"-department", s.Departments[0].ID),
		chromedp.Click(area+"-types-information"),
		chromedp.SetValue(area+"-digital_readiness", "medium"),
		chromedp.SendKeys(area+"-response_days", "10"),
		chromedp.Evaluate[chromedp.Void](`window.before = true`),

		chromedp.Click(`button[type=submit].button-primary`))
	waitFor(t, ctx, `window.before !== true && document.readyState === "complete"`)
	if got := browsertest.Eval[string](t, ctx, `(document.querySelector(".alert-error") || {}).innerText || ""`); got != "" {
		t.Fatalf("the area was not saved: %s", got)
	}
	waitFor(t, ctx, `location.pathname === "/m/dragoer/versions/diff"`)
	browsertest.Do(t, ctx, chromedp.WaitVisible("main table"))
	if page := browsertest.Eval[string](t, ctx, `document.querySelector("main").innerText`); !strings.Contains(page, "Ændringen er gemt som version 3") ||
		!strings.Contains(page, "05.04.02 Parkering") {
		t.Errorf("the comparison after adding an area:\n%s", page)
	}
	axeAtBothSizes(t, ctx)
	if a, ok := kanaltest.Current(t, ts.registry, "dragoer").Strategy.Area("parkering"); !ok || a.KLE != "05.04.02" || !slices.Equal(a.Types, []string{"information"}) {
		t.Errorf("version 3 has no area »parkering« with its KLE number and information alone: %+v", a)
	}

	// The question before removing the area.
	visit(t, ctx, ts.URL+"/m/dragoer/strategy/edit/areas/parkering?lang=da")
	browsertest.Do(t, ctx, chromedp.Click(`a[href="/m/dragoer/strategy/edit/areas/parkering/remove"]`), chromedp.WaitVisible(`button.danger`))
	axeAtBothSizes(t, ctx)
	fitsAPhone(t, ctx)
}

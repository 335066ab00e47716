package web

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/kanal-dk/kanal/internal/browsertest"
)

// The figures page with its definitions, the self-service table, the demo
// banner, the form that issues the report and the list of issued reports,
// and an issued report served as stored, pass axe at a laptop's and a
// phone's size; the issued report's own style is allowed.
func TestBrowser_DefinitionsIssuedReportsAndDemoBannerPassAxe(t *testing.T) {
	ts := newTestServer(t, true)
	ts.seed(t, "dragoer", 2014, 2014, 0.03)
	ts.seed(t, "taarnby", 2016, 2016, 0.02)
	issued := ts.issue(t, "dragoer", 2014)
	ctx := browsertest.New(t)
	signIn(t, ctx, ts, dragoerGroup)
	for _, path := range []string{"/m/dragoer/figures?period=year&year=2014&lang=da", "/m/dragoer/figures?period=year&year=2014&lang=en",
		"/m/dragoer/areas?lang=da"} {
		visit(t, ctx, ts.URL+path)
		if n := browsertest.Eval[int](t, ctx, `document.querySelectorAll("main > .notice[role=note]").length`); n != 1 {
			t.Errorf("%s: %d demo banners", path, n)
		}
		axeAtBothSizes(t, ctx)
	}
	visit(t, ctx, ts.URL+"/m/dragoer/figures?period=year&year=2014&lang=da")
	for _, sel := range []string{"#table-definitions", "#table-self-service", "#table-issued", "#issued-once"} {
		if !browsertest.Eval[bool](t, ctx, fmt.Sprintf(`document.querySelector(%q) !== null`, sel)) {
			t.Errorf("the figures page has no %s", sel)
		}
	}
	visit(t, ctx, fmt.Sprintf("%s/m/dragoer/figures/reports/%d?format=html", ts.URL, issued.ID))
	axeAtBothSizes(t, ctx)
	if bg := browsertest.Eval[string](t, ctx, `getComputedStyle(document.querySelector(".notice")).backgroundColor`); bg == "rgba(0, 0, 0, 0)" {
		t.Error("the issued report's own style was blocked")
	}
	drift := browsertest.New(t)
	signIn(t, drift, ts, operator)
	visit(t, drift, ts.URL+"/m/taarnby/figures?period=year&year=2016&lang=da") // Tårnby's minimum SB level
	axeAtBothSizes(t, drift)
	browsertest.Do(t, drift, chromedp.Navigate(ts.URL+"/m/dragoer/figures/report?year=2014&format=html"))
	axeAtBothSizes(t, drift)
}

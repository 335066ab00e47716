package web

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/kanal-dk/kanal/internal/browsertest"
)

// Every page, in both languages, passes axe-core's WCAG 2.1 AA rules in a
// real browser.
func TestBrowser_EveryPagePassesAxe(t *testing.T) {
	ts := newTestServer(t, true)
	ctx := browsertest.New(t)
	for _, c := range pageCases {
		for _, lang := range []string{"da", "en"} {
			browsertest.Do(t, ctx, chromedp.Navigate(ts.URL+c.path+"?lang="+lang), chromedp.WaitReady("main"))
			browsertest.Axe(t, ctx)
		}
	}
}

// A keyboard user can skip to the content, switch municipality and open an
// area without a mouse.
func TestBrowser_KeyboardOnly(t *testing.T) {
	ts := newTestServer(t, true)
	ctx := browsertest.New(t)
	browsertest.Do(t, ctx, chromedp.Navigate(ts.URL+"/m/dragoer?lang=da"), chromedp.WaitReady("main"))

	browsertest.Do(t, ctx, chromedp.KeyEvent(kb.Tab))
	if got := browsertest.Eval[string](t, ctx, `document.activeElement.textContent`); got != "Spring til indholdet" {
		t.Fatalf("first Tab focuses %q, want the skip link", got)
	}
	browsertest.Do(t, ctx, chromedp.KeyEvent(kb.Enter))
	if loc := browsertest.Eval[string](t, ctx, `location.hash`); loc != "#main" {
		t.Errorf("the skip link went to %q", loc)
	}

	// Tab until the Tårnby link has focus, then follow it.
	tabTo := func(text string) {
		t.Helper()
		for range 40 {
			browsertest.Do(t, ctx, chromedp.KeyEvent(kb.Tab))
			if strings.TrimSpace(browsertest.Eval[string](t, ctx, `document.activeElement.textContent`)) == text {
				return
			}
		}
		t.Fatalf("Tab never reached %q", text)
	}
	browsertest.Do(t, ctx, chromedp.Navigate(ts.URL+"/m/dragoer"), chromedp.WaitReady("main"))
	tabTo("Tårnby Kommune")
	browsertest.Do(t, ctx, chromedp.KeyEvent(kb.Enter), chromedp.WaitVisible(`a[href="/m/taarnby/areas"]`))
	tabTo("Områder")
	browsertest.Do(t, ctx, chromedp.KeyEvent(kb.Enter), chromedp.WaitVisible(`a[href="/m/taarnby/areas/pas"]`))
	tabTo("Pas")
	browsertest.Do(t, ctx, chromedp.KeyEvent(kb.Enter), chromedp.WaitVisible("h1"))
	if h1 := browsertest.Eval[string](t, ctx, `document.querySelector("h1").textContent`); !strings.Contains(h1, "23.09.02 Pas") {
		t.Errorf("ended on %q, want the passport area", h1)
	}
	// The focused element must be visibly marked.
	browsertest.Do(t, ctx, chromedp.KeyEvent(kb.Tab))
	outline := browsertest.Eval[string](t, ctx, `getComputedStyle(document.activeElement).outlineStyle`)
	if outline == "none" {
		t.Error("focused links have no visible outline")
	}
}

package web

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/kanal-dk/kanal/internal/browsertest"
	"github.com/kanal-dk/kanal/internal/demo"
)

// signIn signs in through the form in the browser, typing like a user.
func signIn(t *testing.T, ctx context.Context, ts *testServer, email string) {
	t.Helper()
	browsertest.Do(t, ctx,
		chromedp.Navigate(ts.URL+"/login?lang=da"),
		chromedp.WaitVisible("#email"),
		chromedp.SendKeys("#email", email),
		chromedp.SendKeys("#password", demo.Password+kb.Enter),
		chromedp.WaitVisible("main h1"),
	)
	if loc := browsertest.Eval[string](t, ctx, `location.pathname`); loc == "/login" {
		t.Fatalf("sign-in as %s failed", email)
	}
}

func visit(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	browsertest.Do(t, ctx, chromedp.Navigate(url), chromedp.WaitReady("main"))
}

// Every page, in both languages and for the roles that see it, passes
// axe-core's WCAG 2.1 AA rules in a real browser.
func TestBrowser_EveryPagePassesAxe(t *testing.T) {
	ts := newTestServer(t, true)

	ctx := browsertest.New(t)
	visit(t, ctx, ts.URL+"/login")
	browsertest.Axe(t, ctx)
	signIn(t, ctx, ts, operator)
	for _, c := range pageCases {
		for _, lang := range []string{"da", "en"} {
			visit(t, ctx, ts.URL+c.path+"?lang="+lang)
			browsertest.Axe(t, ctx)
		}
	}

	group := browsertest.New(t)
	signIn(t, group, ts, dragoerGroup)
	for _, path := range []string{"/m/dragoer/keys", "/m/dragoer/users", "/password", "/m/dragoer/versions"} {
		visit(t, group, ts.URL+path)
		browsertest.Axe(t, group)
	}
	// The pages that show a secret once, and a form with errors.
	browsertest.Do(t, group, chromedp.Navigate(ts.URL+"/m/dragoer/keys"), chromedp.WaitVisible("#name"),
		chromedp.SendKeys("#name", "Telefonsystem"), chromedp.Click("#perm-ingest"), chromedp.Submit("#name"),
		chromedp.WaitVisible("code.secret"))
	browsertest.Axe(t, group)
	browsertest.Do(t, group, chromedp.Navigate(ts.URL+"/m/dragoer/users"), chromedp.WaitVisible("#email"),
		chromedp.SendKeys("#email", "ikke en adresse@"), chromedp.Submit("#email"), chromedp.WaitVisible("#email-error"))
	browsertest.Axe(t, group)

	auditor := browsertest.New(t)
	signIn(t, auditor, ts, dragoerAuditor)
	visit(t, auditor, ts.URL+"/m/dragoer/audit")
	browsertest.Axe(t, auditor)
	visit(t, auditor, ts.URL+"/m/dragoer/users") // 403 page
	browsertest.Axe(t, auditor)
}

// A keyboard user can sign in, skip to the content, switch municipality and
// open an area without a mouse.
func TestBrowser_KeyboardOnly(t *testing.T) {
	ts := newTestServer(t, true)
	ctx := browsertest.New(t)
	browsertest.Do(t, ctx, chromedp.Navigate(ts.URL+"/m/dragoer?lang=da"), chromedp.WaitVisible("#email"))
	if focused := browsertest.Eval[string](t, ctx, `document.activeElement.id`); focused != "email" {
		t.Errorf("the sign-in form should start in the e-mail field, focus is on %q", focused)
	}
	browsertest.Do(t, ctx,
		chromedp.KeyEvent(operator+kb.Tab+demo.Password+kb.Enter),
		chromedp.WaitVisible(`a[href="/m/dragoer/areas"]`))
	if loc := browsertest.Eval[string](t, ctx, `location.pathname`); loc != "/m/dragoer" {
		t.Fatalf("after signing in: %s, want back at /m/dragoer", loc)
	}

	browsertest.Do(t, ctx, chromedp.KeyEvent(kb.Tab))
	if got := browsertest.Eval[string](t, ctx, `document.activeElement.textContent`); got != "Spring til indholdet" {
		t.Fatalf("first Tab focuses %q, want the skip link", got)
	}
	browsertest.Do(t, ctx, chromedp.KeyEvent(kb.Enter))
	if loc := browsertest.Eval[string](t, ctx, `location.hash`); loc != "#main" {
		t.Errorf("the skip link went to %q", loc)
	}

	tabTo := func(text string) {
		t.Helper()
		for range 60 {
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
	browsertest.Do(t, ctx, chromedp.KeyEvent(kb.Tab))
	if outline := browsertest.Eval[string](t, ctx, `getComputedStyle(document.activeElement).outlineStyle`); outline == "none" {
		t.Error("focused links have no visible outline")
	}

	tabTo("Log ud")
	browsertest.Do(t, ctx, chromedp.KeyEvent(kb.Enter), chromedp.WaitVisible("#email"))
	if loc := browsertest.Eval[string](t, ctx, `location.pathname`); loc != "/login" {
		t.Errorf("signing out with the keyboard ended at %s", loc)
	}
}

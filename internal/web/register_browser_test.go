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

// The solution register with the demo's entries and an entry's form are
// axe-clean at a laptop's and a phone's size, no wider than the screen,
// with visible focus rings. Editing Dragør's example waste area — on
// borger.dk, delivering to the back-end system — flips its two failing
// checks ("Alle kommunale selvbetjeningsløsninger skal være integreret på
// borger.dk fra 2012", "Udfasning af blanketter, der ikke har integration
// til back-end systemer") to OK; a form with a bad address comes back
// with the problem at its field.
func TestBrowser_RegisterEntryFlipsACheck(t *testing.T) {
	ts := newTestServer(t, true)
	for _, m := range []string{"dragoer", "taarnby"} {
		if _, err := demo.Register(context.Background(), ts.db, kanaltest.Current(t, ts.registry, m), time.Now()); err != nil {
			t.Fatal(err)
		}
	}
	ctx := browsertest.NewFor(t, 5*time.Minute)
	signIn(t, ctx, ts, dragoerGroup)
	notOK := func(area string) int {
		return browsertest.Eval[int](t, ctx, `document.querySelectorAll("#area-`+area+` .not-ok").length`)
	}
	visit(t, ctx, ts.URL+"/m/dragoer/register")
	checkPage(t, ctx, "the register")
	if n := notOK("affald"); n != 2 {
		t.Fatalf("the waste area fails %d checks before the edit, want 2", n)
	}
	visit(t, ctx, ts.URL+"/m/dragoer/register/affald")
	checkPage(t, ctx, "the entry")
	// A bad address first: the problem links its field.
	browsertest.Do(t, ctx, chromedp.SetValue("#url", "http://affald.example.dk/"))
	submitForNewPage(t, ctx, "#url")
	waitFor(t, ctx, `document.getElementById("problems") !== null && document.getElementById("url-error") !== null`)
	checkPage(t, ctx, "the entry with a problem")
	browsertest.Do(t, ctx,
		chromedp.SetValue("#url", "https://affald.example.dk/dragoer"),
		chromedp.SetValue("#integration", "backend"),
		chromedp.Click("#borger_dk"),
	)
	if !browsertest.Eval[bool](t, ctx, `document.getElementById("borger_dk").checked`) {
		t.Fatal("borger.dk is not ticked")
	}
	submitForNewPage(t, ctx, "#url")
	waitFor(t, ctx, `document.querySelector(".alert-success") !== null`)
	visit(t, ctx, ts.URL+"/m/dragoer/register")
	if n := notOK("affald"); n != 0 {
		t.Errorf("the waste area fails %d checks after the edit, want 0", n)
	}
}

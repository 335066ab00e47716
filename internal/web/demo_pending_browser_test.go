package web

import (
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/kanal-dk/kanal/internal/browsertest"
	"github.com/kanal-dk/kanal/internal/demo"
)

// The notice of the demo years still being written keeps the pages
// axe-clean and no wider than a laptop's or a phone's screen.
func TestBrowser_DemoYearsNoticeFitsTheScreen(t *testing.T) {
	pending := &demo.Pending{}
	pending.Set("dragoer", demo.Years{2014, 2013, 2012})
	ts := newTestServer(t, true, func(o *Options, _ string) { o.DemoPending = pending })
	ts.seed(t, "dragoer", 2015, 2015, 0.01)
	ctx := browsertest.New(t)
	signIn(t, ctx, ts, operator)
	for _, path := range []string{"/m/dragoer/figures", "/m/dragoer"} {
		visit(t, ctx, ts.URL+path)
		if n := browsertest.Eval[int](t, ctx, `[...document.querySelectorAll('main .notice p')].filter(p => p.textContent.includes('2012–2014')).length`); n != 1 {
			t.Fatalf("%s: %d paragraphs name the years still being written, want 1", path, n)
		}
		for _, size := range screenSizes {
			browsertest.Do(t, ctx, chromedp.EmulateViewport(size[0], size[1]))
			browsertest.Axe(t, ctx)
			checkWidth(t, ctx, path, size[0])
		}
		browsertest.Do(t, ctx, chromedp.EmulateReset())
	}
}

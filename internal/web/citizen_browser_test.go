package web

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/kanal-dk/kanal/internal/browsertest"
)

// citizenPages are the portal's pages with what they show: every kind of
// area (with self-service, without it, referred elsewhere), a search that
// finds and one that does not, English, and the 404 page.
// TestBrowser_LayoutWalksEveryCitizenPage checks that every GET route of
// the portal that answers a page is here.
var citizenPages = []string{
	"/borger/dragoer/",
	"/borger/taarnby/?lang=en",
	"/borger/dragoer/?q=adresse",
	"/borger/dragoer/?q=zzzz",
	"/borger/dragoer/flytning",
	"/borger/dragoer/flytning?lang=en",
	"/borger/taarnby/pas",
	"/borger/taarnby/folkepension",
	"/borger/dragoer/kontakt",
	"/borger/taarnby/kontakt?area=pas&lang=en",
	"/borger/dragoer/tilbagering",
	"/borger/taarnby/tilbagering?area=pas&lang=en",
	"/borger/nowhere/",
}

// citizenNotPages are the portal's GET routes that answer no page of
// their own.
var citizenNotPages = map[string]string{
	"GET /borger/{municipality}":         "a redirect to the front page",
	"GET /borger/":                       "the 404 page of every other address, walked as /borger/nowhere/",
	"GET /borger/{municipality}/log-ind": "a redirect to the national login, or to the development login's page",
	"GET /borger/log-ind/svar":           "the national login's callback: a redirect",
	// The pages of a sign-in and a form in progress need a browser
	// that has begun them: TestBrowser_CitizenCompletesEachExampleForm
	// walks them, with axe at both screen sizes.
	"GET /borger/{municipality}/log-ind/udvikling": "walked by TestBrowser_CitizenCompletesEachExampleForm",
	"GET /borger/{municipality}/formular/{area}":   "walked by TestBrowser_CitizenCompletesEachExampleForm",
	"GET /borger/{municipality}/sager":             "walked by TestBrowser_CitizenCompletesEachExampleForm",
	"GET /borger/{municipality}/sager/{reference}": "walked by TestBrowser_CitizenCompletesEachExampleForm",
	// The answer pages and "Find svar" need pages written:
	// TestBrowser_AnswerPagesFitTheScreen walks them with the demo's.
	"GET /borger/{municipality}/svar":        "walked by TestBrowser_AnswerPagesFitTheScreen",
	"GET /borger/{municipality}/svar/{area}": "walked by TestBrowser_AnswerPagesFitTheScreen",
	// The development Digital Post inbox needs a signed-in citizen with
	// letters: TestBrowser_DigitalPostInboxAndPrintQueue walks it.
	"GET /borger/{municipality}/digital-post":                    "walked by TestBrowser_DigitalPostInboxAndPrintQueue",
	"GET /borger/{municipality}/digital-post/{message}":          "walked by TestBrowser_DigitalPostInboxAndPrintQueue",
	"GET /borger/{municipality}/digital-post/{message}/dokument": "a letter's PDF",
}

// wildcard is a {name} of a route pattern, quoted by regexp.QuoteMeta.
var wildcard = regexp.MustCompile(`\\\{[^}]+\\\}`)

// Every citizen page at a 1366×650 laptop and a 390×844 phone is
// axe-clean and no wider than the screen, and its focus rings stand out.
func TestBrowser_EveryCitizenPageFitsTheScreen(t *testing.T) {
	ts := newTestServer(t, true)
	ctx := browsertest.NewFor(t, 5*time.Minute)
	for _, path := range citizenPages {
		visit(t, ctx, ts.URL+path)
		for _, size := range screenSizes {
			browsertest.Do(t, ctx, chromedp.EmulateViewport(size[0], size[1]))
			browsertest.Axe(t, ctx)
			checkWidth(t, ctx, path, size[0])
		}
		checkFocusRings(t, ctx, path)
		browsertest.Do(t, ctx, chromedp.EmulateReset())
	}
}

// The page list above covers every GET route of the portal that answers a
// page, so that a new page is walked too.
func TestBrowser_LayoutWalksEveryCitizenPage(t *testing.T) {
	ts := newTestServer(t, true)
	for _, rt := range ts.srv.routes() {
		pattern := rt.Pattern
		if rt.face != ts.srv.citizen || citizenNotPages[pattern] != "" {
			continue
		}
		// A POST answers a form with the next page, a refusal or a
		// redirect: TestBrowser_CitizenCompletesEachExampleForm walks
		// what they answer.
		if strings.HasPrefix(pattern, "POST /") {
			continue
		}
		if !strings.HasPrefix(pattern, "GET /") {
			t.Errorf("citizen route %s is neither GET nor POST", pattern)
			continue
		}
		path := strings.TrimPrefix(pattern, "GET ")
		re := regexp.MustCompile("^" + wildcard.ReplaceAllString(regexp.QuoteMeta(strings.TrimSuffix(path, "{$}")), "[^/]+") + "$")
		found := false
		for _, p := range citizenPages {
			if re.MatchString(strings.SplitN(p, "?", 2)[0]) {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("%s is not among the pages the layout test walks (citizenPages), nor in citizenNotPages", pattern)
		}
	}
}

// A citizen who uses the keyboard alone tabs to the search, types, sends
// it with Enter and follows the first result to its page.
func TestBrowser_CitizenSearchesWithTheKeyboard(t *testing.T) {
	ts := newTestServer(t, true)
	ctx := browsertest.New(t)
	visit(t, ctx, ts.URL+"/borger/dragoer/?lang=da")
	browsertest.Do(t, ctx, chromedp.KeyEvent(kb.Tab))
	if got := browsertest.Eval[string](t, ctx, `document.activeElement.textContent`); got != "Spring til indholdet" {
		t.Errorf("first Tab focuses %q, want the skip link", got)
	}
	for range 10 {
		if browsertest.Eval[string](t, ctx, `document.activeElement.id`) == "q" {
			break
		}
		browsertest.Do(t, ctx, chromedp.KeyEvent(kb.Tab))
	}
	if id := browsertest.Eval[string](t, ctx, `document.activeElement.id`); id != "q" {
		t.Fatalf("Tab never reached the search field; focus on %q", id)
	}
	browsertest.Do(t, ctx, chromedp.KeyEvent("vuggestue"+kb.Enter))
	waitFor(t, ctx, `document.getElementById("found") !== null`)
	if q := browsertest.Eval[string](t, ctx, `new URLSearchParams(location.search).get("q")`); q != "vuggestue" {
		t.Errorf("the search sent q=%q", q)
	}
	first := browsertest.Eval[string](t, ctx, `document.querySelector("#found ~ ul a").getAttribute("href")`)
	if first != "/borger/dragoer/dagtilbud" {
		t.Fatalf("the first result links to %q, want the day-care area", first)
	}
	for range 20 {
		browsertest.Do(t, ctx, chromedp.KeyEvent(kb.Tab))
		if browsertest.Eval[string](t, ctx, `document.activeElement.getAttribute("href") || ""`) == first {
			break
		}
	}
	browsertest.Do(t, ctx, chromedp.KeyEvent(kb.Enter))
	waitFor(t, ctx, `location.pathname === "/borger/dragoer/dagtilbud"`)
	browsertest.Do(t, ctx, chromedp.WaitVisible("h1"))
	if h1 := browsertest.Eval[string](t, ctx, `document.querySelector("h1").textContent`); !strings.Contains(h1, "Optagelse i dagtilbud") {
		t.Errorf("ended on %q, want the day-care area", h1)
	}
}

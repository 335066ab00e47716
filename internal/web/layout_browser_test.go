package web

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/kanal-dk/kanal/internal/browsertest"
)

// screenSizes are the sizes every staff page is checked at: a 1366×650
// laptop and a 390×844 phone.
var screenSizes = [][2]int64{{1366, 650}, {390, 844}}

// staffPage is a page of the staff face as one user sees it.
type staffPage struct {
	who, path string
}

// staffPages are every staff page, with what it looks like with data in
// it, with a form's errors and in English. TestBrowser_LayoutWalksEveryStaffPage
// checks that every GET route of the staff face that answers a page is
// here.
var staffPages = []staffPage{
	{"", "/login"},
	{"", "/login?signed_out=everywhere"},
	{operator, "/"},
	{operator, "/password"},
	{operator, "/m/dragoer"},
	{operator, "/m/taarnby?lang=en"},
	{operator, "/m/dragoer/channels"},
	{operator, "/m/taarnby/channels"},
	{operator, "/m/dragoer/areas"},
	{operator, "/m/taarnby/areas?lang=en"},
	{operator, "/m/dragoer/areas/flytning"},
	{operator, "/m/taarnby/areas/23.09.02"},
	{operator, "/m/taarnby/areas/folkepension"},
	{operator, "/m/nowhere"},
	{operator, "/m/dragoer/figures?period=year&year=2014"},
	{operator, "/m/dragoer/figures?period=month&year=2014&month=3&lang=en"},
	{operator, "/m/dragoer/figures?period=custom&from=2014-05-01&to=2014-04-01"},
	{operator, "/m/dragoer/figures?period=quarter&year=1999&quarter=9"},
	{dragoerGroup, "/m/dragoer/versions"},
	{dragoerGroup, "/m/dragoer/users"},
	{dragoerGroup, "/m/dragoer/keys"},
	{dragoerGroup, "/m/dragoer/import"},
	// The confirmations ask about the manager (id 3) and the front-line
	// staff member (id 2); no key exists here, so the key's question is a
	// "not found" page (confirm_test.go checks it with a key).
	{dragoerGroup, "/m/dragoer/users/3/disable"},
	{dragoerGroup, "/m/dragoer/users/2/password"},
	{dragoerGroup, "/m/dragoer/keys/1/revoke"},
	{dragoerGroup, "/m/dragoer/versions/diff"},
	{dragoerGroup, "/m/dragoer/strategy/kle"},
	{dragoerGroup, "/m/dragoer/strategy/edit"},
	{dragoerGroup, "/m/dragoer/strategy/edit/targets"},
	{dragoerGroup, "/m/dragoer/strategy/edit/prices"},
	{dragoerGroup, "/m/dragoer/strategy/edit/hours"},
	{dragoerGroup, "/m/dragoer/strategy/edit/areas/flytning"},
	{dragoerGroup, "/m/dragoer/strategy/edit/new/target"},
	{dragoerGroup, "/m/dragoer/strategy/edit/new/target?measure=inbound_digital_share"},
	{dragoerGroup, "/m/dragoer/strategy/edit/targets/nemid/remove"},
	{dragoerGroup, "/m/dragoer/strategy/edit/new/price"},
	{dragoerGroup, "/m/dragoer/strategy/edit/prices/1/remove"},
	{dragoerGroup, "/m/dragoer/strategy/edit/new/area"},
	{dragoerGroup, "/m/dragoer/strategy/edit/areas/flytning/remove"},
	{dragoerManager, "/m/dragoer/strategy/edit/areas/flytning/search-words"},
	{dragoerAuditor, "/m/dragoer/audit"},
	{dragoerStaff, "/m/dragoer/console"},
	{dragoerStaff, "/m/dragoer/console?area=flytning&channel=letter"},
	{dragoerStaff, "/m/dragoer/console?q=hundeskat"},
	{dragoerStaff, "/m/dragoer/cases"},
	{dragoerStaff, "/m/dragoer/assisted/sundhedskort"},
	{dragoerGroup, "/m/dragoer/figures/funnel"},
	{dragoerGroup, "/m/dragoer/deliveries"},
	{dragoerStaff, "/m/dragoer/questions"},
	{dragoerGroup, "/m/dragoer/outbox"},
	// The day's callbacks with some in it: TestBrowser_CallbackBookedAndOnTheDaysList.
	{dragoerStaff, "/m/dragoer/callbacks"},
	// The print queue, empty; with letters: TestBrowser_DigitalPostInboxAndPrintQueue.
	{dragoerStaff, "/m/dragoer/print"},
	// The letter form; sent: TestBrowser_LetterFlow.
	{dragoerStaff, "/m/dragoer/letters/new"},
	// The solution register, as the strategy group and as a manager, and
	// an area's entry (with errors: TestBrowser_RegisterEntryFlipsACheck).
	{dragoerGroup, "/m/dragoer/register"},
	{dragoerManager, "/m/dragoer/register?lang=en"},
	{taarnbyGroup, "/m/taarnby/register"},
	{dragoerGroup, "/m/dragoer/register/affald"},
	// The letters sent, empty; with letters, and a letter's page:
	// TestBrowser_LetterFromTemplate.
	{dragoerStaff, "/m/dragoer/letters"},
	// The action plans: the group's list, a plan (proposed) for the manager
	// and the group, in English, and its versions (none yet); with a
	// saved plan and actions: TestBrowser_ActionPlanEditedAndApproved.
	{dragoerGroup, "/m/dragoer/plans"},
	{dragoerManager, "/m/dragoer/plans/borgerbutikken"},
	{dragoerGroup, "/m/dragoer/plans/teknik-miljoe?lang=en"},
	{dragoerGroup, "/m/dragoer/plans/borgerbutikken/versions"},
	// The departments' yearly reports: the list, a report with the form
	// for the manager, in English for the group; and the reminders. With
	// texts written: TestBrowser_CouncilCycle.
	{dragoerGroup, "/m/dragoer/reports"},
	{dragoerManager, "/m/dragoer/reports/borgerbutikken/2014"},
	{dragoerGroup, "/m/dragoer/reports/teknik-miljoe/2014?lang=en"},
	{dragoerGroup, "/m/dragoer/reminders"},
	{dragoerManager, "/m/dragoer/reminders?lang=en"},
	// Business cases: the list (none yet), a new case's form for the
	// manager and in English, and the municipality's scenario; a saved
	// case with two scenarios: TestBrowser_BusinessCaseTwoScenariosApproved.
	{dragoerGroup, "/m/dragoer/business-cases"},
	{dragoerManager, "/m/dragoer/business-cases/new?area=flytning"},
	{dragoerGroup, "/m/dragoer/business-cases/new?area=byggetilladelse&lang=en"},
	{dragoerGroup, "/m/dragoer/business-cases/scenario"},
}

// notPages are the staff face's GET routes that answer something other
// than a page in the staff layout.
var notPages = map[string]string{
	"GET /static/":            "files",
	"GET /auth/oidc/start":    "a redirect to the identity provider",
	"GET /auth/oidc/callback": "a redirect back",
	"GET /m/{municipality}/versions/{version}/strategy.yaml":          "a YAML file",
	"GET /m/{municipality}/versions/{version}/strategy.zip":           "a zip of the strategy and the action plans",
	"GET /m/{municipality}/reports/{department}/{year}/report.pdf":    "a department's yearly report as PDF",
	"GET /m/{municipality}/console/guidance":                          "a fragment of the console",
	"GET /m/{municipality}/figures/export":                            "CSV and XLSX",
	"GET /m/{municipality}/figures/report":                            "the council's report, its own document",
	"GET /m/{municipality}/figures/reports/{report}":                  "an issued council report",
	"GET /m/{municipality}/audit.csv":                                 "CSV",
	"GET /m/{municipality}/import/template.csv":                       "the import's CSV template",
	"GET /m/{municipality}/cases/{reference}":                         "walked with cases in it by TestBrowser_CasePagesFitTheScreen",
	"GET /m/{municipality}/cases/{reference}/files/{n}":               "a citizen's attachment",
	"GET /m/{municipality}/questions/{question}":                      "walked with a question in it by TestBrowser_ContactFormAndQuestionQueue",
	"GET /m/{municipality}/answers":                                   "walked with the demo's answer pages by TestBrowser_AnswerPagesFitTheScreen",
	"GET /m/{municipality}/answers/{area}":                            "walked with the demo's answer pages by TestBrowser_AnswerPagesFitTheScreen",
	"GET /m/{municipality}/print/{pdf}":                               "a letter's PDF",
	"GET /m/{municipality}/letters/{id}":                              "a sent letter's page: the layout walk has no letters; TestBrowser_LetterFromTemplate walks it with axe at both sizes",
	"GET /m/{municipality}/business-cases/{businesscase}":             "walked with a saved case by TestBrowser_BusinessCaseTwoScenariosApproved",
	"GET /m/{municipality}/business-cases/{businesscase}/export.xlsx": "XLSX",
	"GET /m/{municipality}/business-cases/{businesscase}/export.pdf":  "PDF",
	"GET /healthz": "text",
	"GET /metrics": "text",
}

// Issue 13: every staff page at a 1366×650 laptop and a 390×844 phone is
// axe-clean and no wider than the screen, and the focus ring stands out
// (3:1) from what is around it.
func TestBrowser_EveryStaffPageFitsTheScreen(t *testing.T) {
	ts := newTestServer(t, true)
	ts.seed(t, "dragoer", 2013, 2014, 0.05)
	browsers := map[string]context.Context{}
	for _, p := range staffPages {
		ctx, ok := browsers[p.who]
		if !ok {
			ctx = browsertest.NewFor(t, 10*time.Minute)
			if p.who != "" {
				signIn(t, ctx, ts, p.who)
			}
			browsers[p.who] = ctx
		}
		visit(t, ctx, ts.URL+p.path)
		for _, size := range screenSizes {
			browsertest.Do(t, ctx, chromedp.EmulateViewport(size[0], size[1]))
			browsertest.Axe(t, ctx)
			checkWidth(t, ctx, p.path, size[0])
		}
		checkFocusRings(t, ctx, p.path)
		browsertest.Do(t, ctx, chromedp.EmulateReset())
	}
}

// The page list above covers every GET route of the staff face that
// answers a page, so that a new page is walked too.
func TestBrowser_LayoutWalksEveryStaffPage(t *testing.T) {
	ts := newTestServer(t, true)
	for _, rt := range ts.srv.routes() {
		pattern := rt.Pattern
		if !strings.HasPrefix(pattern, "GET ") || notPages[pattern] != "" || pattern == "GET /{$}" {
			continue
		}
		re := regexp.MustCompile("^" + regexp.MustCompile(`\\\{[^}]+\\\}`).ReplaceAllString(regexp.QuoteMeta(strings.TrimPrefix(pattern, "GET ")), "[^/]+") + "$")
		found := false
		for _, p := range staffPages {
			if re.MatchString(strings.SplitN(p.path, "?", 2)[0]) {
				found = true
				break
			}
		}
		if !found && strings.HasPrefix(pattern, "GET /") && rt.face == ts.srv.staff {
			t.Errorf("%s is not among the pages the layout test walks (staffPages), nor in notPages", pattern)
		}
	}
}

// checkWidth fails when the page is wider than the screen: the document
// scrolls sideways, or an element sticks out of the screen where no
// scrolling box of its own holds it (DKFDS hides the body's overflow,
// which would hide the first).
func checkWidth(t *testing.T, ctx context.Context, path string, width int64) {
	t.Helper()
	if w := browsertest.Eval[int64](t, ctx, `Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)`); w > width {
		t.Errorf("%s is %d px wide on a %d px screen", path, w, width)
	}
	out := browsertest.Eval[[]string](t, ctx, `(() => {
		const clipped = (el) => {
			for (let a = el.parentElement; a && a !== document.body && a !== document.documentElement; a = a.parentElement) {
				const o = getComputedStyle(a).overflowX;
				if (o === "auto" || o === "scroll" || o === "hidden" || o === "clip") return true;
			}
			return false;
		};
		const out = [];
		for (const el of document.body.querySelectorAll("*")) {
			const r = el.getBoundingClientRect();
			if (r.width === 0 || r.right <= innerWidth + 1 || clipped(el)) continue;
			if (getComputedStyle(el).position === "absolute" && r.left < -1000) continue; // the skip link
			out.push(el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (el.className && typeof el.className === "string" ? "." + el.className.split(" ").join(".") : "") + " " + Math.round(r.right) + "px");
			if (out.length === 5) break;
		}
		return out;
	})()`)
	if len(out) > 0 {
		t.Errorf("%s on a %d px screen: sticking out: %s", path, width, strings.Join(out, "; "))
	}
	// DKFDS's reset hides a check box or radio button that is not its own
	// .form-checkbox or .form-radio unless kanal.css gives it back.
	if n := browsertest.Eval[int](t, ctx, `[...document.querySelectorAll("input[type=checkbox]:not(.form-checkbox), input[type=radio]:not(.form-radio)")].filter((e) => getComputedStyle(e).appearance === "none").length`); n > 0 {
		t.Errorf("%s: %d check boxes or radio buttons are not drawn", path, n)
	}
	if n := browsertest.Eval[int](t, ctx, `[...document.querySelectorAll("svg text")].filter((t) => parseFloat(getComputedStyle(t).fontSize) * (t.getScreenCTM() ? t.getScreenCTM().a : 1) < 11).length`); n > 0 {
		t.Errorf("%s on a %d px screen: %d chart texts are smaller than 11 px", path, width, n)
	}
}

// checkFocusRings focuses every link, button and field of the page from
// the keyboard's side and measures its ring against the colour behind it:
// WCAG 2.1's non-text contrast (1.4.11) asks 3:1.
func checkFocusRings(t *testing.T, ctx context.Context, path string) {
	t.Helper()
	browsertest.Do(t, ctx, chromedp.KeyEvent(kb.Tab)) // the next focus is a keyboard's
	bad := browsertest.Eval[[]string](t, ctx, `(() => {
		const rgb = (c) => { const m = c.match(/[\d.]+/g); return m ? m.map(Number) : [0, 0, 0, 0]; };
		const lum = ([r, g, b]) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }; return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
		const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
		const behind = (el) => {
			for (let a = el.parentElement; a; a = a.parentElement) {
				const c = rgb(getComputedStyle(a).backgroundColor);
				if (c.length < 4 || c[3] > 0) return c;
			}
			return [255, 255, 255];
		};
		const out = [];
		for (const el of document.querySelectorAll("a[href], button, input, select, textarea, summary, [tabindex]")) {
			if (el.tabIndex < 0 || el.disabled || el.getClientRects().length === 0) continue;
			el.focus();
			if (document.activeElement !== el) continue;
			const s = getComputedStyle(el);
			const width = parseFloat(s.outlineWidth);
			const c = s.outlineStyle === "none" || width < 2 ? 0 : ratio(rgb(s.outlineColor), behind(el));
			if (c < 3) out.push((el.id || el.textContent.trim().slice(0, 30) || el.tagName) + " " + c.toFixed(1) + ":1");
		}
		return out.slice(0, 5);
	})()`)
	if len(bad) > 0 {
		t.Errorf("%s: focus rings under 3:1: %s", path, strings.Join(bad, "; "))
	}
}

// The English link keeps the page's filters, and the Danish link back.
func TestBrowser_LanguageLinkKeepsTheFilters(t *testing.T) {
	ts := newTestServer(t, true)
	ctx := browsertest.New(t)
	signIn(t, ctx, ts, operator)
	visit(t, ctx, ts.URL+"/m/dragoer/figures?period=quarter&year=2014&quarter=2&lang=da")
	browsertest.Do(t, ctx, chromedp.Click(`nav.lang a`), chromedp.WaitVisible(`nav.lang a[hreflang=da]`))
	if got := browsertest.Eval[string](t, ctx, `location.search`); !strings.Contains(got, "quarter=2") || !strings.Contains(got, "lang=en") || !strings.Contains(got, "period=quarter") {
		t.Errorf("the English link led to %q", got)
	}
	if got := browsertest.Eval[string](t, ctx, `document.getElementById("quarter").value`); got != "2" {
		t.Errorf("in English the quarter is %q", got)
	}
	// DKFDS's font comes from Kanal itself, which the CSP allows.
	loaded, err := chromedp.Run(ctx, chromedp.Evaluate[bool](
		`document.fonts.ready.then(() => [...document.fonts].some((f) => f.family.includes("IBM Plex Sans") && f.status === "loaded"))`,
		chromedp.EvalAwaitPromise))
	if err != nil || !loaded {
		t.Errorf("IBM Plex Sans did not load (%v)", err)
	}
}

// The figures' filter shows only what the chosen period needs, with and
// without JavaScript, and its errors are summed up at the top with links
// to the fields.
func TestBrowser_FiguresFilterShowsWhatThePeriodNeeds(t *testing.T) {
	ts := newTestServer(t, true)
	ts.seed(t, "dragoer", 2013, 2014, 0.05)
	ctx := browsertest.New(t)
	signIn(t, ctx, ts, operator)
	shown := `[...document.querySelectorAll("form.filters select, form.filters input")].filter((e) => e.getClientRects().length > 0).map((e) => e.id).join(" ")`
	visit(t, ctx, ts.URL+"/m/dragoer/figures?period=year&year=2014")
	if got := browsertest.Eval[string](t, ctx, shown); got != "period year department area type direction" {
		t.Errorf("a year shows %q", got)
	}
	browsertest.Do(t, ctx, chromedp.SetValue("#period", "custom"))
	browsertest.Eval[bool](t, ctx, `document.getElementById("period").dispatchEvent(new Event("change")), true`)
	if got := browsertest.Eval[string](t, ctx, shown); got != "period from to department area type direction" {
		t.Errorf("after choosing a custom period: %q", got)
	}
	if got := browsertest.Eval[string](t, ctx, `[...document.querySelectorAll("#year option")].map((o) => o.value).join(" ")`); got != "2015 2014 2013 2012" {
		t.Errorf("the years are %q, want those with data (2013, 2014) or targets (2012, 2015)", got)
	}

	visit(t, ctx, ts.URL+"/m/dragoer/figures?period=custom&from=2014-05-01&to=2014-04-01")
	if got := browsertest.Eval[string](t, ctx, `document.querySelector(".alert-error a").getAttribute("href")`); got != "#to" {
		t.Errorf("the summary links to %q, want #to", got)
	}
	browsertest.Do(t, ctx, chromedp.Click(".alert-error a"))
	if got := browsertest.Eval[string](t, ctx, `document.activeElement.id`); got != "to" {
		t.Errorf("the summary's link focuses %q", got)
	}

	// Without JavaScript the server shows the period's fields.
	scripts(t, ctx, false)
	visit(t, ctx, ts.URL+"/m/dragoer/figures?period=month&year=2014&month=3")
	if got := browsertest.Eval[string](t, ctx, shown); got != "period year month department area type direction" {
		t.Errorf("a month without JavaScript shows %q", got)
	}
}

// Issue 13: without JavaScript, Enter on one of the console's check boxes
// registered nothing but updated the guidance (the form's first submit
// button); it registers, once, with and without JavaScript, and so does
// Enter on a radio button.
func TestBrowser_ConsoleEnterOnACheckBoxRegisters(t *testing.T) {
	for _, js := range []bool{false, true} {
		ts := newTestServer(t, true)
		ctx := browsertest.New(t)
		signIn(t, ctx, ts, dragoerStaff)
		scripts(t, ctx, js)
		for _, box := range []string{"#flag-resolved_first_contact", "input[type=checkbox][id^=c-]", "input[name=channel]:checked"} {
			visit(t, ctx, ts.URL+"/m/dragoer/console?area=flytning")
			if js {
				waitFor(t, ctx, consoleReady)
			}
			before := ts.count(t, `SELECT COUNT(*) FROM inquiries`)
			browsertest.Do(t, ctx, chromedp.WaitVisible(box), chromedp.Focus(box), chromedp.KeyEvent(kb.Enter))
			waitFor(t, ctx, `location.search.includes("registered") && document.querySelector("p.success") !== null`)
			if n := ts.count(t, `SELECT COUNT(*) FROM inquiries`); n != before+1 {
				t.Errorf("javascript=%v: Enter on %s left %d inquiries, want %d", js, box, n, before+1)
			}
		}
	}
}

// scripts turns the page's JavaScript on or off.
func scripts(t *testing.T, ctx context.Context, on bool) {
	t.Helper()
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: !on}); err != nil {
		t.Fatal(err)
	}
}

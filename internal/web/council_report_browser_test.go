package web

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/kanal-dk/kanal/internal/browsertest"
)

// The council report's HTML page is its accessible version (the PDF is a
// print copy that cannot be tagged; docs/figures.md): made on the fly in
// both languages and as issued, it is one complete document — its
// language, a title, one h1 and headings in order, each chart an image
// with a text alternative and the table of its figures after it, each
// table captioned with scoped headers in a focusable region — that passes
// axe at a laptop's and a phone's size, is no wider than the phone, lets
// the keyboard scroll a wide table, and prints every table whole with its
// headings kept with what follows.
func TestBrowser_CouncilReportHTMLIsTheAccessibleVersion(t *testing.T) {
	ts := newTestServer(t, true)
	ts.seed(t, "dragoer", 2014, 2014, 0.03)
	issued := ts.issue(t, "dragoer", 2014)
	ctx := browsertest.New(t)
	signIn(t, ctx, ts, dragoerGroup)
	// The figures page offers the web page first and says why.
	visit(t, ctx, ts.URL+"/m/dragoer/figures?period=year&year=2014&lang=da")
	if first := browsertest.Eval[string](t, ctx, `document.querySelector("#council").parentElement.querySelector("a[href*='/figures/report?']").getAttribute("href")`); !strings.HasSuffix(first, "format=html") {
		t.Errorf("the figures page's first link to the report is %q, want the web page", first)
	}
	if council := browsertest.Eval[string](t, ctx, `document.querySelector("#council").parentElement.textContent`); !strings.Contains(council, "Websiden er årsrapportens tilgængelige udgave") {
		t.Error("the figures page does not say that the web page is the accessible version")
	}
	for i, c := range []struct {
		path, lang, note string
	}{
		{"/m/dragoer/figures/report?year=2014&format=html&lang=da", "da", "Denne webside er rapportens tilgængelige udgave"},
		{"/m/dragoer/figures/report?year=2014&format=html&lang=en", "en", "This web page is the accessible version of the report"},
		{fmt.Sprintf("/m/dragoer/figures/reports/%d?format=html", issued.ID), "da", "Denne webside er rapportens tilgængelige udgave"},
	} {
		browsertest.Do(t, ctx, chromedp.Navigate(ts.URL+c.path), chromedp.WaitReady("main"))
		if lang := browsertest.Eval[string](t, ctx, `document.documentElement.lang`); lang != c.lang {
			t.Errorf("%s: html lang %q, want %q", c.path, lang, c.lang)
		}
		if footer := browsertest.Eval[string](t, ctx, `document.querySelector("footer").textContent`); !strings.Contains(footer, c.note) {
			t.Errorf("%s: the footer does not say that the page is the accessible version: %q", c.path, footer)
		}
		for _, problem := range browsertest.Eval[[]string](t, ctx, reportStructure) {
			t.Errorf("%s: %s", c.path, problem)
		}
		for _, size := range [][2]int64{{1366, 650}, {390, 844}} {
			browsertest.Do(t, ctx, chromedp.EmulateViewport(size[0], size[1]))
			browsertest.Axe(t, ctx)
			if w := browsertest.Eval[int](t, ctx, `document.documentElement.scrollWidth`); w > int(size[0]) {
				t.Errorf("%s at %d×%d: the page is %d px wide", c.path, size[0], size[1], w)
			}
		}
		if i == 0 { // one style sheet: once is enough
			scrollWithTheKeyboard(t, ctx, c.path)
		}
		browsertest.Do(t, ctx, chromedp.EmulateReset())
	}
	printed(t, ctx, ts.URL+"/m/dragoer/figures/report?year=2014&format=html&lang=da")
}

// reportStructure lists what keeps the report from being read with a
// screen reader: an empty list is a pass.
const reportStructure = `(() => {
	const p = [];
	const text = e => (e && e.textContent || "").trim();
	if (!document.title.trim()) p.push("no title");
	const h1 = document.querySelectorAll("h1").length;
	if (h1 !== 1) p.push(h1 + " h1 elements, want 1");
	let prev = 0;
	for (const h of document.querySelectorAll("h1, h2, h3, h4, h5, h6")) {
		const level = Number(h.tagName[1]);
		if (level > prev + 1) p.push("heading jumps from h" + prev + " to " + h.tagName + ": " + text(h));
		if (!text(h)) p.push("an empty " + h.tagName);
		prev = level;
	}
	const charts = document.querySelectorAll("svg");
	if (charts.length < 3) p.push(charts.length + " charts");
	for (const s of charts) {
		const ids = (s.getAttribute("aria-labelledby") || "").split(/\s+/).filter(Boolean);
		const name = ids.map(id => text(document.getElementById(id))).join(" ");
		if (s.getAttribute("role") !== "img") p.push(s.id + ": role " + s.getAttribute("role") + ", want img");
		if (ids.length < 2 || name.split(" ").length < 8) p.push(s.id + ": text alternative " + JSON.stringify(name));
		const figure = s.closest("figure");
		const next = figure && figure.nextElementSibling;
		if (!next || !next.querySelector("table")) p.push(s.id + ": no table of its figures after it");
	}
	const tables = document.querySelectorAll("table");
	if (tables.length < 10) p.push(tables.length + " tables");
	for (const t of tables) {
		const caption = text(t.querySelector("caption"));
		if (!caption) p.push("a table without a caption");
		for (const th of t.querySelectorAll("th")) {
			if (!["col", "row"].includes(th.getAttribute("scope"))) p.push(caption + ": th without scope: " + text(th));
		}
		if (t.querySelectorAll("thead th[scope=col]").length === 0) p.push(caption + ": no column headers");
		const region = t.closest(".scroll");
		if (!region || region.tabIndex !== 0 || region.getAttribute("role") !== "region" || !region.getAttribute("aria-label")) {
			p.push(caption + ": not in a named region the keyboard can reach");
		}
	}
	return p;
})()`

// scrollWithTheKeyboard tabs, at a phone's width, to the first table
// wider than its region, sees the focus ring, and scrolls it with the
// arrow key.
func scrollWithTheKeyboard(t *testing.T, ctx context.Context, path string) {
	t.Helper()
	browsertest.Do(t, ctx, chromedp.EmulateViewport(390, 844),
		chromedp.Evaluate[chromedp.Void](`document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)`))
	wide := `(() => { const e = document.activeElement; return e.classList.contains("scroll") && e.scrollWidth > e.clientWidth + 1 })()`
	if n := browsertest.Eval[int](t, ctx, `[...document.querySelectorAll(".scroll")].filter(e => e.scrollWidth > e.clientWidth + 1).length`); n == 0 {
		t.Fatalf("%s at 390 px: no table is wider than its region, so none to scroll", path)
	}
	for range 40 {
		browsertest.Do(t, ctx, chromedp.KeyEvent(kb.Tab))
		if browsertest.Eval[bool](t, ctx, wide) {
			break
		}
	}
	if !browsertest.Eval[bool](t, ctx, wide) {
		t.Fatalf("%s at 390 px: Tab never reached a wide table", path)
	}
	if outline := browsertest.Eval[string](t, ctx, `getComputedStyle(document.activeElement).outlineStyle`); outline == "none" {
		t.Errorf("%s: the focused table region shows no focus ring", path)
	}
	browsertest.Do(t, ctx, chromedp.KeyEvent(kb.ArrowRight), chromedp.KeyEvent(kb.ArrowRight))
	// The browser scrolls smoothly: wait for it to move.
	waitFor(t, ctx, `document.activeElement.classList.contains("scroll") && document.activeElement.scrollLeft > 0`)
}

// printed checks the report as the browser prints it: on A4's text width
// (182 mm, 688 CSS px) no table is cut or scrolls, headings, captions and
// the text that introduces a table or chart avoid a break after them, and
// the browser's own PDF of the page is tagged (so a reader who saves the
// page as PDF from Chromium gets a tagged PDF).
func printed(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	browsertest.Do(t, ctx, chromedp.Navigate(url), chromedp.WaitReady("main"), chromedp.EmulateViewport(688, 1000),
		chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
			return err
		}))
	if !browsertest.Eval[bool](t, ctx, `matchMedia("print").matches`) {
		t.Fatal("print media is not emulated")
	}
	for _, cut := range browsertest.Eval[[]string](t, ctx, `[...document.querySelectorAll(".scroll")]
		.filter(e => e.scrollWidth > e.clientWidth + 1 || getComputedStyle(e).overflowX !== "visible")
		.map(e => e.getAttribute("aria-label"))`) {
		t.Errorf("printed, the table %q is cut or scrolls", cut)
	}
	for _, h := range browsertest.Eval[[]string](t, ctx, `[...document.querySelectorAll("h2, h3, caption, figcaption, p:has(+ .scroll), p:has(+ figure)")]
		.filter(e => getComputedStyle(e).breakAfter !== "avoid").map(e => e.tagName + " " + e.textContent)`) {
		t.Errorf("printed, %q may be left at the foot of a page", h)
	}
	if w := browsertest.Eval[int](t, ctx, `document.documentElement.scrollWidth`); w > 688 {
		t.Errorf("printed, the page is %d px wide on A4's 688", w)
	}
	yes := true
	pdf, err := chromedp.Run(ctx, chromedp.Action[[]byte](func(ctx context.Context, _ *chromedp.Target) ([]byte, error) {
		res, err := chromedp.Call(ctx, page.PrintToPDF, page.PrintToPDFParams{GenerateTaggedPDF: &yes, PreferCSSPageSize: &yes})
		return res.Data, err
	}))
	if err != nil {
		t.Fatalf("print the report: %v", err)
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) || !bytes.Contains(pdf, []byte("/StructTreeRoot")) {
		t.Errorf("the browser's PDF of the report (%d bytes) is not a tagged PDF", len(pdf))
	}
	browsertest.Do(t, ctx, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{})
		return err
	}), chromedp.EmulateReset())
}

package web

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/kanal-dk/kanal/internal/browsertest"
)

// The yearly cycle in a browser: the manager writes and submits the
// department's report for last year; the strategy group sees it vanish
// from the reminders, reads the report, and issues the council report
// with the decisions it asks for. Every page is axe-clean and no wider
// than the screen at a laptop's and a phone's size. Dragør:
// "Kommunalbestyrelsen orienteres i første kvartal af årene 2013-2015 om
// effekterne af kanalstrategien."
func TestBrowser_CouncilCycle(t *testing.T) {
	ts := newTestServer(t, true)
	ts.seed(t, "dragoer", 2014, 2014, 0.02)
	year := lastYear()
	own := fmt.Sprintf("/m/dragoer/reports/borgerbutikken/%d", year)
	reminder := fmt.Sprintf(`[...document.querySelectorAll("#list-reports a")].some(a => a.textContent.includes("Borgerbutikken: årsrapport %d"))`, year)

	group := browsertest.NewFor(t, 5*time.Minute)
	signIn(t, group, ts, dragoerGroup)
	visit(t, group, ts.URL+"/m/dragoer/reminders")
	if !browsertest.Eval[bool](t, group, reminder) {
		t.Fatal("the reminders do not name Borgerbutikken's report before it is written")
	}
	checkPage(t, group, "the reminders")

	manager := browsertest.NewFor(t, 5*time.Minute)
	signIn(t, manager, ts, dragoerManager)
	visit(t, manager, ts.URL+"/m/dragoer/reports")
	checkPage(t, manager, "the manager's list of reports")
	visit(t, manager, ts.URL+own)
	checkPage(t, manager, "the manager's report form")
	// Submitting without next year's plan: the problem is named at its field.
	browsertest.Do(t, manager,
		chromedp.SetValue("#done", "Flytning er lagt på selvbetjening, og borgerbutikken medbetjener."),
		chromedp.SetValue("#effect", "Andelen af digitale flytninger steg."),
		chromedp.Click(`button[name="submit"]`),
	)
	waitFor(t, manager, `document.getElementById("problems") !== null`)
	checkPage(t, manager, "the report form with a problem")
	browsertest.Do(t, manager,
		chromedp.SetValue("#next_year", "Sundhedskort og dagtilbud på selvbetjening."),
		chromedp.Click(`button[name="submit"]`),
	)
	waitFor(t, manager, `document.querySelector(".success[role=status]") !== null`)
	if !browsertest.Eval[bool](t, manager, `document.querySelector("main").textContent.includes("Afleveret")`) {
		t.Error("the report does not say it is submitted")
	}
	checkPage(t, manager, "the submitted report")

	visit(t, group, ts.URL+"/m/dragoer/reminders")
	if browsertest.Eval[bool](t, group, reminder) {
		t.Error("the submitted report is still among the reminders")
	}
	visit(t, group, ts.URL+own+"?lang=en")
	if !browsertest.Eval[bool](t, group, `document.querySelector("main").textContent.includes("Sundhedskort og dagtilbud på selvbetjening.")`) {
		t.Error("the strategy group does not read the department's texts")
	}
	checkPage(t, group, "the report in English")

	// The council report for 2014, issued with the decisions asked for.
	visit(t, group, ts.URL+"/m/dragoer/figures?period=year&year=2014&lang=da")
	browsertest.Do(t, group,
		chromedp.SetValue("#decisions", "At tage rapporten til efterretning."),
		chromedp.Submit("#decisions"),
	)
	waitFor(t, group, `document.getElementById("issued-once") !== null`)
	list, err := ts.srv.reports.Issued(context.Background(), "dragoer")
	if err != nil || len(list) != 1 || list[0].Year != 2014 {
		t.Fatalf("issued %+v %v", list, err)
	}
	_, html, err := ts.srv.reports.IssuedFile(context.Background(), "dragoer", list[0].ID, "html")
	if err != nil || !strings.Contains(string(html), "At tage rapporten til efterretning.") {
		t.Errorf("the issued report lacks the decisions: %v", err)
	}
	axeAtBothSizes(t, group)
}

package web

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/kanal-dk/kanal/internal/browsertest"
)

// A manager edits the own action plan in the browser — a channel choice
// refused for want of a reason, then an action added through the empty
// row — and submits it; the strategy group approves it. Every state of
// the pages is axe-clean at 1366×650 and 390×844 and no wider than the
// screen.
func TestBrowser_ActionPlanEditedAndApproved(t *testing.T) {
	ts := newTestServer(t, true)
	ts.seed(t, "dragoer", 2013, 2013, 0.02)
	manager := browsertest.NewFor(t, 5*time.Minute)
	signIn(t, manager, ts, dragoerManager)
	visit(t, manager, ts.URL+"/m/dragoer/plans")
	if loc := browsertest.Eval[string](t, manager, `location.pathname`); loc != "/m/dragoer/plans/borgerbutikken" {
		t.Fatalf("the manager's list leads to %s, want the own plan", loc)
	}
	checkPage(t, manager, "the proposed plan")

	// A deviation without a reason comes back with the problem at its field.
	browsertest.Do(t, manager,
		chromedp.SetValue("#channel-flytning-information-primary", "phone"),
		chromedp.Submit("#channel-flytning-information-primary"),
	)
	waitFor(t, manager, `document.getElementById("problems") !== null`)
	if !browsertest.Eval[bool](t, manager, `document.querySelector('#problems a[href="#channel-flytning-information-reason"]') !== null`) {
		t.Errorf("the problem does not link the reason field")
	}
	checkPage(t, manager, "the plan with a problem")

	// Add an action in the empty row.
	visit(t, manager, ts.URL+"/m/dragoer/plans/borgerbutikken")
	browsertest.Do(t, manager,
		chromedp.SetValue("#action-0-title", "Medbetjening i Borgerbutikken"),
		chromedp.SetValue("#action-0-owner", "Anne Hansen"),
		chromedp.SetValue("#action-0-deadline", "2013-06-30"),
		chromedp.SetValue("#action-0-status", "done"),
		chromedp.SetValue("#action-0-completed", "2013-05-02"),
		chromedp.SetValue("#action-0-indicator", "inbound_digital_share"),
		chromedp.Submit("#action-0-title"),
	)
	waitFor(t, manager, `location.search === "?done=saved"`)
	if !browsertest.Eval[bool](t, manager, `document.querySelector("#action-0-title").value === "Medbetjening i Borgerbutikken" && document.querySelector("#action-1-title").value === ""`) {
		t.Errorf("the saved action is not the first row with an empty row after it")
	}
	checkPage(t, manager, "the saved plan")
	browsertest.Do(t, manager, chromedp.Click(`form[action$="/submit"] button`))
	waitFor(t, manager, `location.search === "?done=submitted"`)
	visit(t, manager, ts.URL+"/m/dragoer/figures?period=year&year=2013")
	if !browsertest.Eval[bool](t, manager, `document.getElementById("plan-figures") !== null`) {
		t.Errorf("the manager's figures lack the plan's section")
	}
	checkPage(t, manager, "the manager's figures with the plan")

	group := browsertest.NewFor(t, 5*time.Minute)
	signIn(t, group, ts, dragoerGroup)
	visit(t, group, ts.URL+"/m/dragoer/plans")
	checkPage(t, group, "the plans of every department")
	visit(t, group, ts.URL+"/m/dragoer/plans/borgerbutikken")
	browsertest.Do(t, group, chromedp.Click(`form[action$="/approve"] button`))
	waitFor(t, group, `location.search === "?done=approved"`)
	if !browsertest.Eval[bool](t, group, `document.body.innerText.includes("Version 1 er godkendt.")`) {
		t.Errorf("the approval is not confirmed")
	}
	checkPage(t, group, "the approved plan")
	visit(t, group, ts.URL+"/m/dragoer/plans/borgerbutikken/versions")
	checkPage(t, group, "the plan's versions")
}

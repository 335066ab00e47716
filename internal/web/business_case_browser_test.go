package web

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/kanal-dk/kanal/internal/browsertest"
)

// A manager makes a business case with two scenarios in the browser and
// saves it; the strategy group approves it. The form, the case with its
// scenarios side by side and the scenario page are axe-clean at a
// laptop's and a phone's size and no wider than the screen: the
// side-by-side tables scroll in their own region.
func TestBrowser_BusinessCaseTwoScenariosApproved(t *testing.T) {
	ts := newTestServer(t, true)
	ts.seed(t, "dragoer", 2013, 2014, 0.05)
	manager := browsertest.NewFor(t, 5*time.Minute)
	signIn(t, manager, ts, dragoerManager)
	visit(t, manager, ts.URL+"/m/dragoer/business-cases/new?area=flytning")
	checkPage(t, manager, "a new business case")
	// The form comes with two scenarios from the figures; give them the
	// docs' worked example and a low one, and a third through the blank
	// fieldset.
	browsertest.Do(t, manager,
		chromedp.SetValue("#title", "Digital flytning"),
		chromedp.SetValue("#s0-volume", "4000"), chromedp.SetValue("#s0-shift", "60"), chromedp.SetValue("#s0-price_old", "75"),
		chromedp.SetValue("#s0-price_new", "20"), chromedp.SetValue("#s0-investment", "300000"),
		chromedp.SetValue("#s0-running_per_year", "40000"), chromedp.SetValue("#s0-assisted_volume", "0"),
		chromedp.SetValue("#s1-shift", "15"), chromedp.SetValue("#s1-volume", "4000"), chromedp.SetValue("#s1-price_old", "75"),
		chromedp.SetValue("#s1-price_new", "20"), chromedp.SetValue("#s1-investment", "300000"),
		chromedp.SetValue("#s1-running_per_year", "40000"), chromedp.SetValue("#s1-assisted_volume", "0"),
		chromedp.SetValue("#s2-name", "Tredje"), chromedp.SetValue("#s2-shift", "x"),
	)
	submitForNewPage(t, manager, "#title")
	waitFor(t, manager, `document.getElementById("problems") !== null && document.getElementById("s2-shift-error") !== null`)
	checkPage(t, manager, "a business case with a problem")
	browsertest.Do(t, manager, chromedp.Click("#s2-remove"))
	submitForNewPage(t, manager, "#title")
	waitFor(t, manager, `document.getElementById("side-by-side") !== null`)
	checkPage(t, manager, "a saved business case")
	if !browsertest.Eval[bool](t, manager, `document.getElementById("side-by-side").textContent.includes("109.568 kr.")`) {
		t.Errorf("the saved case does not show the worked example's NPV")
	}
	path := browsertest.Eval[string](t, manager, `location.pathname`)

	group := browsertest.NewFor(t, 5*time.Minute)
	signIn(t, group, ts, dragoerGroup)
	visit(t, group, ts.URL+path)
	submitForNewPage(t, group, `form[action$="/approve"] button`)
	waitFor(t, group, `location.search.includes("approved")`)
	checkPage(t, group, "an approved business case")
	visit(t, group, ts.URL+path+"?lang=en")
	checkPage(t, group, "an approved business case in English")
	visit(t, group, ts.URL+"/m/dragoer/business-cases")
	checkPage(t, group, "the business cases")
	visit(t, group, ts.URL+"/m/dragoer/business-cases/scenario?year=2014&area=flytning&shift-flytning=50&from-flytning=2014")
	checkPage(t, group, "the channel-shift scenario")
}

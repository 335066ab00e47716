package web

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/kanal-dk/kanal/internal/browsertest"
	"github.com/kanal-dk/kanal/internal/civil"
)

// A citizen books a callback in a real browser — the area chosen, the
// first free slot picked by its label, the phone number typed — after a
// refused try (no time, a short number) whose page names both fields;
// then staff see it on the day's list and mark it done. Every page is
// axe-clean at a laptop's and a phone's size, no wider than the screen,
// with visible focus rings.
func TestBrowser_CallbackBookedAndOnTheDaysList(t *testing.T) {
	ts := newTestServer(t, true)
	citizen := browsertest.NewFor(t, 5*time.Minute)
	visit(t, citizen, ts.URL+"/borger/dragoer/tilbagering")
	checkPage(t, citizen, "the booking page")
	browsertest.Do(t, citizen,
		chromedp.SetValue("#cb-area", "flytning"),
		chromedp.SendKeys("#cb-phone", "2345"),
		chromedp.Submit("#cb-phone"),
		chromedp.WaitVisible("#error-summary-heading"))
	page := browsertest.Eval[string](t, citizen, `document.body.innerText`)
	// The browser asks for English.
	for _, want := range []string{"Choose a time.", "Danish phone number of 8 digits"} {
		if !strings.Contains(page, want) {
			t.Errorf("the refused booking does not say %q:\n%s", want, page)
		}
	}
	checkPage(t, citizen, "the refused booking")
	first := browsertest.Eval[string](t, citizen, `document.querySelector('input[name=slot]').id`)
	// The refused number is kept in the field; it is cleared first.
	browsertest.Eval[string](t, citizen, `document.getElementById('cb-phone').value = ''`)
	browsertest.Do(t, citizen,
		chromedp.Click(`label[for="`+first+`"]`),
		chromedp.SendKeys("#cb-phone", "23 45 67 89"),
		chromedp.Submit("#cb-phone"),
		chromedp.WaitVisible("h1.alert-heading"))
	if receipt := browsertest.Eval[string](t, citizen, `document.body.innerText`); !strings.Contains(receipt, "We will call you") ||
		!strings.Contains(receipt, "23 45 67 89") {
		t.Errorf("the receipt:\n%s", receipt)
	}
	checkPage(t, citizen, "the receipt")

	var slot time.Time
	if err := ts.db.QueryRow(`SELECT slot_start FROM callbacks WHERE phone = '23456789'`).Scan(&slot); err != nil {
		t.Fatalf("the booking is not stored: %v", err)
	}
	day := civil.DateOf(slot).String()
	staff := browsertest.NewFor(t, 5*time.Minute)
	signIn(t, staff, ts, dragoerStaff)
	visit(t, staff, ts.URL+"/m/dragoer/callbacks?day="+day)
	if list := browsertest.Eval[string](t, staff, `document.body.innerText`); !strings.Contains(list, "23 45 67 89") || !strings.Contains(list, "Flytteanmeldelse") {
		t.Errorf("the day's list:\n%s", list)
	}
	checkPage(t, staff, "the day's callbacks")
	browsertest.Do(t, staff, chromedp.Click(`#callbacks form button.button-primary`),
		chromedp.WaitVisible(`p.notice[role=status]`))
	if done := browsertest.Eval[string](t, staff, `document.body.innerText`); !strings.Contains(done, "udgående telefonhenvendelse") {
		t.Errorf("after done:\n%s", done)
	}
	checkPage(t, staff, "the day's callbacks after one was done")

}

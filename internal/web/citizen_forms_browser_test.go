package web

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/kanal-dk/kanal/internal/browsertest"
)

// checkCitizenPage runs axe on the page at the laptop and the phone sizes,
// checks that it is no wider than the screen and that the keyboard's
// focus ring stands out.
func checkCitizenPage(t *testing.T, ctx context.Context, what string) {
	t.Helper()
	for _, size := range screenSizes {
		browsertest.Do(t, ctx, chromedp.EmulateViewport(size[0], size[1]))
		browsertest.Axe(t, ctx)
		checkWidth(t, ctx, what, size[0])
	}
	browsertest.Do(t, ctx, chromedp.EmulateReset())
	checkFocusRings(t, ctx, what)
}

// fillInBrowser answers the fields of the page's form: a radio's option
// by value, a box ticked, any other field typed into.
func fillInBrowser(t *testing.T, ctx context.Context, answers map[string]string) {
	t.Helper()
	for name, value := range answers {
		n, _ := json.Marshal(name)
		v, _ := json.Marshal(value)
		ok := browsertest.Eval[bool](t, ctx, `(() => {
			const els = [...document.querySelectorAll("[name=" + CSS.escape(`+string(n)+`) + "]")];
			if (els.length === 0) return false;
			const el = els[0];
			if (el.type === "radio") { const o = els.find(e => e.value === `+string(v)+`); if (!o) return false; o.click(); return true; }
			if (el.type === "checkbox") { if (!el.checked) el.click(); return true; }
			el.value = `+string(v)+`; return true;
		})()`)
		if !ok {
			t.Fatalf("no field %s with %s on %s", name, value, browsertest.Eval[string](t, ctx, "location.href"))
		}
	}
}

// press clicks the form's button with the value and waits for the next page.
func press(t *testing.T, ctx context.Context, value string) {
	t.Helper()
	browsertest.Eval[bool](t, ctx, `(document.body.dataset.left = "1", true)`)
	browsertest.Do(t, ctx, chromedp.Click(`button[value="`+value+`"]`))
	waitFor(t, ctx, `document.readyState === "complete" && document.body && document.body.dataset.left !== "1"`)
}

// A citizen completes each example form in a real browser: from the
// area's page through the sign-in where the form needs it, every step
// (one with the error summary shown), the summary and the receipt, which
// states the reference and the answer date. Every page is axe-clean at a
// laptop's and a phone's size. Run on both engines (KANAL_TEST_DB).
func TestBrowser_CitizenCompletesEachExampleForm(t *testing.T) {
	ts := newTestServer(t, true, withCitizens(t, &tuesday))
	ctx := browsertest.NewFor(t, 5*time.Minute)
	dir := t.TempDir()
	pdf := filepath.Join(dir, "bilag.pdf")
	if err := os.WriteFile(pdf, []byte("%PDF-1.4 test"), 0o600); err != nil {
		t.Fatal(err)
	}
	signedIn := false
	var refs []string
	for _, tc := range []struct {
		area, button string
		login        bool
		steps        []step
		// empty is a step with required fields, first sent empty.
		empty int
		// answerBy is the answer date the receipt states, by hand: the
		// area's working days from Tuesday 1 December 2026.
		answerBy string
	}{
		// 10 working days.
		{"sundhedskort", "Start ansøgning", true, sundhedskortSteps, 1, "tirsdag den 15. december 2026"},
		// 10 working days.
		{"dagtilbud", "Start ansøgning", true, dagtilbudSteps, 1, "tirsdag den 15. december 2026"},
		// 40 working days across Christmas and the new year: not worked
		// out by hand here, only that the date is written in full.
		{"byggetilladelse", "Stil spørgsmål", false, byggeriSteps, 0, ""},
	} {
		t.Run(tc.area, func(t *testing.T) {
			visit(t, ctx, ts.URL+"/borger/dragoer/"+tc.area+"?lang=da")
			checkCitizenPage(t, ctx, tc.area)
			if got := browsertest.Eval[string](t, ctx, `document.querySelector("#form ~ p a.button-primary").textContent`); got != tc.button {
				t.Fatalf("the area's button says %q, want %q", got, tc.button)
			}
			browsertest.Do(t, ctx, chromedp.Click(`#form ~ p a.button-primary`))
			// The first form that needs sign-in signs in; the next finds
			// the citizen signed in.
			if tc.login && !signedIn {
				signedIn = true
				waitFor(t, ctx, `location.pathname === "/borger/dragoer/log-ind/udvikling"`)
				browsertest.Do(t, ctx, chromedp.WaitReady("main"))
				checkCitizenPage(t, ctx, "the development login")
				fillInBrowser(t, ctx, map[string]string{"cpr": madsCPR})
				browsertest.Do(t, ctx, chromedp.Click(`main form button[type=submit]`))
			}
			waitFor(t, ctx, `location.pathname === "/borger/dragoer/formular/`+tc.area+`" && document.querySelector(".step-indicator") !== null`)
			for i, s := range tc.steps {
				checkCitizenPage(t, ctx, tc.area+" step")
				if i == tc.empty {
					// Next without answering shows the error summary.
					press(t, ctx, "naeste")
					if browsertest.Eval[bool](t, ctx, `document.getElementById("error-summary-heading") === null`) {
						t.Fatalf("%s: no error summary for a step sent empty", tc.area)
					}
					checkCitizenPage(t, ctx, tc.area+" errors")
				}
				fillInBrowser(t, ctx, s.answers)
				for _, f := range s.files {
					browsertest.Do(t, ctx, chromedp.SetUploadFiles(`input[name="`+f.field+`"]`, []string{pdf}))
				}
				press(t, ctx, "naeste")
				if !browsertest.Eval[bool](t, ctx, `document.getElementById("error-summary-heading") === null`) {
					t.Fatalf("%s step %d refused: %s", tc.area, i+1, browsertest.Eval[string](t, ctx, `document.querySelector(".alert-error").textContent`))
				}
			}
			checkCitizenPage(t, ctx, tc.area+" summary")
			press(t, ctx, "send")
			waitFor(t, ctx, `document.getElementById("case-reference") !== null`)
			checkCitizenPage(t, ctx, tc.area+" receipt")
			ref := browsertest.Eval[string](t, ctx, `document.getElementById("case-reference").textContent`)
			if !strings.HasSuffix(browsertest.Eval[string](t, ctx, "location.pathname"), "/sager/"+ref) || len(ref) < 6 {
				t.Errorf("%s: receipt reference %q", tc.area, ref)
			}
			answer := browsertest.Eval[string](t, ctx, `document.getElementById("answer-by").textContent`)
			if tc.answerBy != "" && answer != "Du kan forvente svar senest "+tc.answerBy+"." {
				t.Errorf("%s: the receipt says %q, want the answer by %s", tc.area, answer, tc.answerBy)
			}
			if !strings.Contains(answer, "dag den ") || !strings.HasSuffix(answer, " 2027.") && !strings.HasSuffix(answer, " 2026.") {
				t.Errorf("%s: the answer date %q is not in full", tc.area, answer)
			}
			if tc.login {
				refs = append(refs, ref)
			}
		})
	}
	// The signed-in citizen's cases, and one case's status page.
	visit(t, ctx, ts.URL+"/borger/dragoer/sager")
	checkCitizenPage(t, ctx, "my cases")
	for _, ref := range refs {
		if !browsertest.Eval[bool](t, ctx, `document.querySelector('a[href$="/sager/`+ref+`"]') !== null`) {
			t.Errorf("my cases does not list %s", ref)
		}
	}
	if len(refs) > 0 {
		visit(t, ctx, ts.URL+"/borger/dragoer/sager/"+refs[0])
		checkCitizenPage(t, ctx, "a case")
	}
}

// tabTo presses Tab until the focused element matches the condition.
func tabTo(t *testing.T, ctx context.Context, condition string) {
	t.Helper()
	for range 60 {
		if browsertest.Eval[bool](t, ctx, `(() => { const el = document.activeElement; return !!el && (`+condition+`); })()`) {
			return
		}
		browsertest.Do(t, ctx, chromedp.KeyEvent(kb.Tab))
	}
	t.Fatalf("Tab never reached %s on %s", condition, browsertest.Eval[string](t, ctx, "location.href"))
}

// A citizen who uses the keyboard alone starts the health-card form from
// the area's page, signs in, answers and sends it, and reads the
// reference on the receipt.
func TestBrowser_CitizenSendsAFormWithTheKeyboard(t *testing.T) {
	ts := newTestServer(t, true, withCitizens(t, &tuesday))
	ctx := browsertest.New(t)
	visit(t, ctx, ts.URL+"/borger/dragoer/sundhedskort?lang=da")
	tabTo(t, ctx, `el.getAttribute("href") === "/borger/dragoer/formular/sundhedskort"`)
	browsertest.Do(t, ctx, chromedp.KeyEvent(kb.Enter))
	waitFor(t, ctx, `location.pathname === "/borger/dragoer/log-ind/udvikling"`)
	tabTo(t, ctx, `el.name === "cpr"`)
	// Arrow keys move through a radio group and choose; Space chooses the
	// first.
	browsertest.Do(t, ctx, chromedp.KeyEvent(" "))
	for range 10 {
		if browsertest.Eval[bool](t, ctx, `document.activeElement.value === "`+madsCPR+`"`) {
			break
		}
		browsertest.Do(t, ctx, chromedp.KeyEvent(kb.ArrowDown))
	}
	if !browsertest.Eval[bool](t, ctx, `document.querySelector('input[value="`+madsCPR+`"]').checked`) {
		t.Fatalf("the keyboard did not choose the test citizen")
	}
	browsertest.Do(t, ctx, chromedp.KeyEvent(kb.Enter))
	waitFor(t, ctx, `location.pathname === "/borger/dragoer/formular/sundhedskort" && document.querySelector(".step-indicator") !== null`)
	// Step 1 is prefilled: on to the next.
	tabTo(t, ctx, `el.value === "naeste"`)
	browsertest.Eval[bool](t, ctx, `(document.body.dataset.left = "1", true)`)
	browsertest.Do(t, ctx, chromedp.KeyEvent(kb.Enter))
	waitFor(t, ctx, `document.body && document.body.dataset.left !== "1" && document.querySelector('input[name="aarsag"]') !== null`)
	tabTo(t, ctx, `el.name === "aarsag"`)
	browsertest.Do(t, ctx, chromedp.KeyEvent(" "))
	browsertest.Eval[bool](t, ctx, `(document.body.dataset.left = "1", true)`)
	browsertest.Do(t, ctx, chromedp.KeyEvent(kb.Enter))
	waitFor(t, ctx, `document.body && document.body.dataset.left !== "1" && document.querySelector('button[value="send"]') !== null`)
	tabTo(t, ctx, `el.value === "send"`)
	browsertest.Do(t, ctx, chromedp.KeyEvent(kb.Enter))
	waitFor(t, ctx, `document.getElementById("case-reference") !== null`)
	if ref := browsertest.Eval[string](t, ctx, `document.getElementById("case-reference").textContent`); len(ref) < 6 {
		t.Errorf("the receipt's reference is %q", ref)
	}
}

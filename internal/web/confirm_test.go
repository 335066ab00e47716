package web

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/browsertest"
	"github.com/kanal-dk/kanal/internal/demo"
)

// Closing a user, a new one-time password and revoking a key each ask
// first: the page (GET) says what will happen and changes nothing; its
// button (POST to the same address) does it. A closed user is opened again
// as it was, and every step is in the audit log. Front-line staff may not
// open the confirmations, and nobody is asked to close their own account.
func TestConfirm_DestructiveActionsAskFirstAndClosingCanBeUndone(t *testing.T) {
	ts := newTestServer(t, true)
	group := ts.client(t, dragoerGroup)
	lene := ts.user(t, dragoerManager)
	secret, key := ts.addKey(t, "dragoer", "Telefonsystem", false, auth.Read)
	api := ts.client(t, "")
	keyWorks := func() bool {
		return ts.get(t, api, "/api/v1/strategy", "Authorization", "Bearer "+secret).status == http.StatusOK
	}
	users := fmt.Sprintf("/m/dragoer/users/%d", lene.ID)
	revoke := fmt.Sprintf("/m/dragoer/keys/%d/revoke", key.ID)

	// Asking changes nothing.
	for path, want := range map[string][]string{
		users + "/disable":  {"Luk brugeren leder@dragoer.demo?", "kan ikke logge ind, før brugeren bliver genåbnet", "Du kan genåbne brugeren bagefter", "Ja, luk brugeren", "Nej, gå tilbage"},
		users + "/password": {"Giv leder@dragoer.demo en ny engangsadgangskode?", "udløber efter 72 timer", "Det kan ikke fortrydes", "Ja, giv en ny engangsadgangskode"},
		revoke:              {"Spær nøglen »Telefonsystem«?", "Det kan ikke fortrydes", "Ja, spær nøglen"},
	} {
		r := ts.get(t, group, path)
		if r.status != http.StatusOK {
			t.Fatalf("%s: %d", path, r.status)
		}
		for _, w := range want {
			if !strings.Contains(r.body, w) {
				t.Errorf("%s lacks %q", path, w)
			}
		}
		if !strings.Contains(r.body, `<form method="post" class="confirm">`) {
			t.Errorf("%s: the button does not send the same address as a POST", path)
		}
	}
	if u := ts.user(t, dragoerManager); u.Disabled || u.MustChangePassword {
		t.Errorf("asking changed the user: %+v", u)
	}
	if !keyWorks() {
		t.Error("asking revoked the key")
	}
	if n := len(ts.events(t, audit.Filter{Municipality: "dragoer", Action: audit.UserDisabled})); n != 0 {
		t.Errorf("%d closings audited after only asking", n)
	}

	// Doing it, and undoing the closing.
	if r := ts.post(t, group, users+"/disable", nil); r.status != http.StatusOK || !ts.user(t, dragoerManager).Disabled ||
		!strings.Contains(r.body, "Fortryd: genåbn brugeren") || !strings.Contains(r.body, `action="`+users+`/reopen"`) {
		t.Fatalf("closing: %d, disabled %v", r.status, ts.user(t, dragoerManager).Disabled)
	}
	if r := ts.get(t, group, "/m/dragoer/users"); !strings.Contains(r.body, fmt.Sprintf(`action="%s/reopen"`, users)) ||
		!strings.Contains(r.body, "Genåbn bruger: leder@dragoer.demo") {
		t.Error("the closed user's row offers no way to reopen")
	}
	if r := ts.post(t, group, users+"/reopen", nil); r.status != http.StatusOK || ts.user(t, dragoerManager).Disabled ||
		!strings.Contains(r.body, "Brugeren leder@dragoer.demo er genåbnet og kan logge ind igen.") {
		t.Errorf("reopening: %d", r.status)
	}
	if c := ts.signInWithForm(t, dragoerManager, demo.Password); !ts.signedIn(t, c) {
		t.Error("the reopened user cannot sign in with the password they had")
	}
	if r := ts.post(t, group, revoke, nil); r.status != http.StatusOK || keyWorks() {
		t.Errorf("revoking: %d, the key still works: %v", r.status, keyWorks())
	}
	for _, action := range []string{audit.UserDisabled, audit.UserReopened, audit.KeyRevoked} {
		if n := len(ts.events(t, audit.Filter{Municipality: "dragoer", Action: action})); n != 1 {
			t.Errorf("%s audited %d times, want 1", action, n)
		}
	}
	auditLog := ts.get(t, ts.client(t, dragoerAuditor), "/m/dragoer/audit")
	for _, w := range []string{"Bruger genåbnet", "Bruger lukket", "API-nøgle spærret"} {
		if !strings.Contains(auditLog.body, w) {
			t.Errorf("the audit log lacks %q", w)
		}
	}

	// A revoked key is not asked about again; others may not ask at all.
	if r := ts.get(t, group, revoke); r.status != http.StatusNotFound {
		t.Errorf("confirming a revoked key: %d", r.status)
	}
	if r := ts.get(t, group, fmt.Sprintf("/m/dragoer/users/%d/disable", ts.user(t, dragoerGroup).ID)); r.status != http.StatusUnprocessableEntity ||
		!strings.Contains(r.body, "Du kan ikke lukke din egen bruger.") {
		t.Errorf("asked to close one's own account: %d", r.status)
	}
	staff := ts.client(t, dragoerStaff)
	for _, path := range []string{users + "/disable", users + "/password", revoke} {
		if r := ts.get(t, staff, path); r.status != http.StatusForbidden {
			t.Errorf("front-line staff at %s: %d", path, r.status)
		}
	}
	if r := ts.get(t, ts.client(t, taarnbyGroup), users+"/disable"); r.status != http.StatusNotFound {
		t.Errorf("another municipality's user: %d", r.status)
	}
}

// In a real browser, without a line of JavaScript of its own: Luk bruger
// leads to the question, Nej goes back with nothing changed, Ja closes,
// and Fortryd opens the account again; the question passes axe at a
// laptop's and a phone's size and is no wider than the phone.
func TestBrowser_ClosingAUserAsksAndCanBeUndone(t *testing.T) {
	ts := newTestServer(t, true)
	ctx := browsertest.New(t)
	signIn(t, ctx, ts, dragoerGroup)
	lene := ts.user(t, dragoerManager)
	closeButton := fmt.Sprintf(`form[action="/m/dragoer/users/%d/disable"] button`, lene.ID)
	visit(t, ctx, ts.URL+"/m/dragoer/users")
	browsertest.Do(t, ctx, chromedp.Click(closeButton))
	waitFor(t, ctx, `document.querySelector("main h1") && document.querySelector("main h1").textContent.startsWith("Luk brugeren")`)
	for _, size := range screenSizes {
		browsertest.Do(t, ctx, chromedp.EmulateViewport(size[0], size[1]))
		browsertest.Axe(t, ctx)
		checkWidth(t, ctx, "the question", size[0])
	}
	browsertest.Do(t, ctx, chromedp.EmulateReset())
	browsertest.Do(t, ctx, chromedp.Click(`form.confirm a`))
	waitFor(t, ctx, `location.pathname === "/m/dragoer/users"`)
	if ts.user(t, dragoerManager).Disabled {
		t.Fatal("going back closed the user")
	}
	browsertest.Do(t, ctx, chromedp.Click(closeButton))
	waitFor(t, ctx, `document.querySelector("form.confirm button") !== null`)
	browsertest.Do(t, ctx, chromedp.Click(`form.confirm button`))
	waitFor(t, ctx, `document.querySelector("main .notice form button") !== null`)
	if !ts.user(t, dragoerManager).Disabled {
		t.Fatal("Ja did not close the user")
	}
	browsertest.Axe(t, ctx)
	browsertest.Do(t, ctx, chromedp.Click(`main .notice form button`))
	waitFor(t, ctx, `document.querySelector("main .notice") && document.querySelector("main .notice").textContent.includes("genåbnet")`)
	if ts.user(t, dragoerManager).Disabled {
		t.Error("Fortryd did not reopen the user")
	}
}

package web

import (
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"testing"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/auth/oidctest"
)

// oidcServer runs Kanal with sign-in through an identity provider started
// inside the test; both talk real HTTP on loopback.
func oidcServer(t *testing.T) (*testServer, *oidctest.Provider) {
	t.Helper()
	idp := oidctest.New(t, "kanal", "hemmelighed")
	ts := newTestServer(t, true, func(o *Options, base string) {
		o.OIDC = auth.NewOIDC(auth.OIDCConfig{Issuer: idp.Issuer(), ClientID: "kanal", ClientSecret: "hemmelighed",
			RedirectURL: base + "/auth/oidc/callback"})
	})
	return ts, idp
}

// browser is a client that follows redirects across both servers and keeps
// cookies, as a browser does.
func browser() *http.Client {
	jar, err := cookiejar.New(nil)
	if err != nil {
		panic(err) // cookiejar.New returns no error without options
	}
	return &http.Client{Jar: jar}
}

func TestOIDC_SignInEndToEnd(t *testing.T) {
	ts, idp := oidcServer(t)
	c := browser()

	r := ts.get(t, c, "/login")
	if !strings.Contains(r.body, "Log ind med organisationens login") {
		t.Fatal("the sign-in page does not offer the identity provider")
	}

	// A verified address of an existing user signs in and lands where they
	// were going.
	idp.SignIn("sub-strategi", dragoerGroup, true)
	r = ts.get(t, c, "/auth/oidc/start?return=/m/dragoer/users")
	if r.status != http.StatusOK || !strings.Contains(r.body, "Opret bruger") {
		t.Fatalf("after the provider: %d\n%s", r.status, r.body)
	}
	if idp.TokenRequests() != 1 {
		t.Errorf("%d token requests, want 1", idp.TokenRequests())
	}
	events := ts.events(t, audit.Filter{Municipality: "dragoer", Action: audit.SignIn})
	if len(events) == 0 || events[0].Detail != "oidc" || events[0].Target != dragoerGroup {
		t.Errorf("sign-in not audited as oidc: %+v", events)
	}

	// Someone the provider knows but Kanal does not is refused, and so is an
	// unverified address and a refusal at the provider.
	for name, setup := range map[string]func(){
		"unknown person":     func() { idp.SignIn("sub-x", "ukendt@dragoer.demo", true) },
		"unverified address": func() { idp.SignIn("sub-y", dragoerStaff, false) },
		"refused":            func() { idp.Deny() },
	} {
		setup()
		c := browser()
		r := ts.get(t, c, "/auth/oidc/start")
		if r.status != http.StatusOK || !strings.Contains(r.body, "Log ind via organisationens login lykkedes ikke") {
			t.Errorf("%s: %d, want back at the sign-in page with a message", name, r.status)
		}
		if r := ts.get(t, c, "/m/dragoer"); strings.Contains(r.body, "Kanalstrategi og handleplan") {
			t.Errorf("%s: signed in anyway", name)
		}
	}
	failed := ts.events(t, audit.Filter{Municipality: "dragoer", Action: audit.SignInFailed})
	if len(failed) == 0 {
		t.Error("the refused unverified sign-in of a Dragør user was not audited")
	}
}

func TestOIDC_CallbackWithoutItsCookieIsRefused(t *testing.T) {
	ts, idp := oidcServer(t)
	idp.SignIn("sub-strategi", dragoerGroup, true)
	// A forged callback, as from a link someone else made: no sign-in cookie.
	c := browser()
	r := ts.get(t, c, "/auth/oidc/callback?code=stolen&state=guessed")
	if !strings.Contains(r.body, "lykkedes ikke") {
		t.Errorf("a callback without its cookie: %d", r.status)
	}
	if idp.TokenRequests() != 0 {
		t.Error("Kanal exchanged a code it did not ask for")
	}
}

// Whoever calls the callback chooses its error text; only the error codes
// OAuth defines reach the log, never what was typed there.
func TestOIDC_ProviderErrorTextStaysOutOfTheLog(t *testing.T) {
	ts, _ := oidcServer(t)
	for errorText, logged := range map[string]string{"access_denied": "provider answered access_denied",
		"010170-1234 Jens Hansen": "provider answered other"} {
		c := ts.client(t, "")
		r := ts.get(t, c, "/auth/oidc/start")
		if r.status != http.StatusFound {
			t.Fatalf("start: %d", r.status)
		}
		to, err := url.Parse(r.header.Get("Location"))
		if err != nil {
			t.Fatal(err)
		}
		q := url.Values{"state": {to.Query().Get("state")}, "error": {errorText}}
		if r := ts.get(t, c, "/auth/oidc/callback?"+q.Encode()); r.status != http.StatusSeeOther || r.header.Get("Location") != "/login?error=oidc" {
			t.Errorf("%q: %d %q", errorText, r.status, r.header.Get("Location"))
		}
		if logs := ts.logs.String(); !strings.Contains(logs, logged) || strings.Contains(logs, "Jens") {
			t.Errorf("%q: the log says\n%s", errorText, logs)
		}
	}
}

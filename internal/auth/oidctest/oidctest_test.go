package oidctest_test

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"

	"github.com/kanal-dk/kanal/internal/auth/oidctest"
)

const redirect = "http://127.0.0.1:1/callback"

func setup(t *testing.T) (*oidctest.Provider, *oauth2.Config, *oidc.IDTokenVerifier) {
	t.Helper()
	p := oidctest.New(t, "client", "secret")
	provider, err := oidc.NewProvider(context.Background(), p.Issuer())
	if err != nil {
		t.Fatal(err)
	}
	conf := &oauth2.Config{ClientID: "client", ClientSecret: "secret", Endpoint: provider.Endpoint(),
		RedirectURL: redirect, Scopes: []string{oidc.ScopeOpenID, "email"}}
	return p, conf, provider.Verifier(&oidc.Config{ClientID: "client"})
}

// authorize follows the authorization URL and returns the callback's query.
func authorize(t *testing.T, authURL string) url.Values {
	t.Helper()
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.Get(authURL)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusFound {
		t.Fatalf("authorize answered %d", resp.StatusCode)
	}
	loc, err := url.Parse(resp.Header.Get("Location"))
	if err != nil {
		t.Fatal(err)
	}
	return loc.Query()
}

func TestProvider_FullFlowWithRealClients(t *testing.T) {
	p, conf, verifier := setup(t)
	p.SignIn("sub-1", "anna@example.test", false)
	verify := oauth2.GenerateVerifier()
	q := authorize(t, conf.AuthCodeURL("state-1", oidc.Nonce("nonce-1"), oauth2.S256ChallengeOption(verify)))
	if q.Get("state") != "state-1" || q.Get("code") == "" {
		t.Fatalf("callback query %v", q)
	}
	tok, err := conf.Exchange(context.Background(), q.Get("code"), oauth2.VerifierOption(verify))
	if err != nil {
		t.Fatal(err)
	}
	idToken, err := verifier.Verify(context.Background(), tok.Extra("id_token").(string))
	if err != nil {
		t.Fatal(err)
	}
	var claims struct {
		Email    string `json:"email"`
		Verified bool   `json:"email_verified"`
	}
	idToken.Claims(&claims)
	if idToken.Subject != "sub-1" || idToken.Nonce != "nonce-1" || claims.Email != "anna@example.test" || claims.Verified {
		t.Errorf("token: sub %q nonce %q claims %+v", idToken.Subject, idToken.Nonce, claims)
	}
	if _, err := conf.Exchange(context.Background(), q.Get("code"), oauth2.VerifierOption(verify)); err == nil {
		t.Error("a code was accepted twice")
	}
	if p.TokenRequests() != 1 {
		t.Errorf("%d tokens issued", p.TokenRequests())
	}
}

func TestProvider_RefusesWhatItMust(t *testing.T) {
	p, conf, _ := setup(t)
	q := authorize(t, conf.AuthCodeURL("s", oauth2.S256ChallengeOption(oauth2.GenerateVerifier())))
	if _, err := conf.Exchange(context.Background(), q.Get("code"), oauth2.VerifierOption(oauth2.GenerateVerifier())); err == nil {
		t.Error("a wrong code verifier was accepted")
	}
	if q := authorize(t, conf.AuthCodeURL("s")); q.Get("error") != "invalid_request" {
		t.Errorf("no PKCE: %v", q)
	}
	p.Deny()
	if q := authorize(t, conf.AuthCodeURL("s", oauth2.S256ChallengeOption(oauth2.GenerateVerifier()))); q.Get("error") != "access_denied" {
		t.Errorf("deny: %v", q)
	}
	bad := *conf
	bad.ClientID = "someone-else"
	resp, err := http.Get(bad.AuthCodeURL("s", oauth2.S256ChallengeOption(oauth2.GenerateVerifier())))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusBadRequest {
		t.Errorf("unknown client: %d", resp.StatusCode)
	}
}

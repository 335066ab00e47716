package nemlogin

import (
	"context"
	"crypto/subtle"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"

	"github.com/kanal-dk/kanal/internal/strategy"
)

// OIDCConfig configures sign-in through a NemLog-in broker over OpenID
// Connect.
type OIDCConfig struct {
	Issuer       string
	ClientID     string
	ClientSecret string
	// RedirectURL is the portal's callback.
	RedirectURL string
	// Scopes are asked for; by default openid and profile. Brokers that
	// send the CPR number only for a scope of their own (such as
	// Signaturgruppen's nemlogin or ssn) need it added.
	Scopes []string
	// Now is the clock that names the login (NemID before 2021, MitID
	// after); time.Now when nil.
	Now func() time.Time
}

// OIDC signs citizens in through a NemLog-in broker with the authorization
// code flow and PKCE. The broker's configuration is fetched at the first
// sign-in, so that Kanal starts even when the broker is briefly
// unreachable. The citizen is read from the ID token's claims (CPRClaims,
// NameClaims, LoAClaim).
type OIDC struct {
	cfg      OIDCConfig
	mu       sync.Mutex
	oauth    *oauth2.Config
	verifier *oidc.IDTokenVerifier
}

// NewOIDC returns sign-in through the configured broker, or nil when no
// issuer is configured.
func NewOIDC(cfg OIDCConfig) *OIDC {
	if cfg.Issuer == "" {
		return nil
	}
	if len(cfg.Scopes) == 0 {
		cfg.Scopes = []string{oidc.ScopeOpenID, "profile"}
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	return &OIDC{cfg: cfg}
}

func (o *OIDC) discover(ctx context.Context) (*oauth2.Config, *oidc.IDTokenVerifier, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.oauth != nil {
		return o.oauth, o.verifier, nil
	}
	provider, err := oidc.NewProvider(ctx, o.cfg.Issuer)
	if err != nil {
		return nil, nil, fmt.Errorf("discover national-login broker %s: %w", o.cfg.Issuer, err)
	}
	o.oauth = &oauth2.Config{
		ClientID:     o.cfg.ClientID,
		ClientSecret: o.cfg.ClientSecret,
		Endpoint:     provider.Endpoint(),
		RedirectURL:  o.cfg.RedirectURL,
		Scopes:       o.cfg.Scopes,
	}
	o.verifier = provider.Verifier(&oidc.Config{ClientID: o.cfg.ClientID})
	return o.oauth, o.verifier, nil
}

// Start returns the broker's sign-in address. The state to keep holds the
// OAuth state, the nonce and the PKCE verifier, joined by dots: keep it in
// an HttpOnly cookie, never in the page.
func (o *OIDC) Start(ctx context.Context, returnTo string) (redirect, state string, err error) {
	conf, _, err := o.discover(ctx)
	if err != nil {
		return "", "", err
	}
	s, nonce, verifier := randomToken(), randomToken(), oauth2.GenerateVerifier()
	redirect = conf.AuthCodeURL(s, oidc.Nonce(nonce), oauth2.S256ChallengeOption(verifier))
	return redirect, s + "." + nonce + "." + verifier, nil
}

// errorCode is the form of an OAuth error code (RFC 6749 §4.1.2.1); only a
// code of that form is repeated in an error.
var errorCode = regexp.MustCompile(`^[a-z_]{1,64}$`)

// Finish trades the callback's code for a verified ID token and reads the
// citizen from it.
func (o *OIDC) Finish(ctx context.Context, state string, query map[string][]string) (Identity, error) {
	s, nonce, verifier, ok := splitState(state)
	if !ok || subtle.ConstantTimeCompare([]byte(first(query, "state")), []byte(s)) != 1 {
		return Identity{}, ErrState
	}
	if code := first(query, "error"); code != "" {
		if code == "access_denied" {
			return Identity{}, ErrDenied
		}
		if !errorCode.MatchString(code) {
			code = "?"
		}
		return Identity{}, fmt.Errorf("%w: %s", ErrBroker, code)
	}
	code := first(query, "code")
	if code == "" {
		return Identity{}, fmt.Errorf("%w: no code", ErrBroker)
	}
	conf, idVerifier, err := o.discover(ctx)
	if err != nil {
		return Identity{}, err
	}
	token, err := conf.Exchange(ctx, code, oauth2.VerifierOption(verifier))
	if err != nil {
		return Identity{}, fmt.Errorf("%w: exchange code: %w", ErrBroker, err)
	}
	raw, ok := token.Extra("id_token").(string)
	if !ok {
		return Identity{}, fmt.Errorf("%w: no ID token", ErrBroker)
	}
	idToken, err := idVerifier.Verify(ctx, raw)
	if err != nil {
		return Identity{}, fmt.Errorf("%w: verify ID token: %w", ErrBroker, err)
	}
	if subtle.ConstantTimeCompare([]byte(idToken.Nonce), []byte(nonce)) != 1 {
		return Identity{}, fmt.Errorf("%w: the ID token's nonce does not match", ErrBroker)
	}
	var claims map[string]any
	if err := idToken.Claims(&claims); err != nil {
		return Identity{}, fmt.Errorf("%w: read ID token claims", ErrBroker)
	}
	return identityFrom(claims, strategy.NationalLogin(o.cfg.Now()))
}

// Development is false: this is the national login.
func (o *OIDC) Development() bool { return false }

func splitState(kept string) (state, nonce, verifier string, ok bool) {
	parts := strings.Split(kept, ".")
	if len(parts) != 3 || parts[0] == "" || parts[1] == "" || parts[2] == "" {
		return "", "", "", false
	}
	return parts[0], parts[1], parts[2], true
}

var _ Broker = (*OIDC)(nil)

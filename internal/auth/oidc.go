package auth

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"

	"github.com/kanal-dk/kanal/internal/audit"
)

// OIDCConfig configures sign-in with an OpenID Connect identity provider:
// the municipality's Entra ID, ADFS or a NemLog-in broker.
type OIDCConfig struct {
	Issuer       string
	ClientID     string
	ClientSecret string
	// RedirectURL is Kanal's callback, PUBLIC_URL/auth/oidc/callback.
	RedirectURL string
}

// OIDC signs staff in through the configured provider, using the
// authorization code flow with PKCE. The provider's configuration is
// fetched at the first sign-in, so that Kanal starts even when the provider
// is briefly unreachable.
type OIDC struct {
	cfg      OIDCConfig
	mu       sync.Mutex
	oauth    *oauth2.Config
	verifier *oidc.IDTokenVerifier
}

// NewOIDC returns sign-in with the configured provider, or nil when no
// issuer is configured.
func NewOIDC(cfg OIDCConfig) *OIDC {
	if cfg.Issuer == "" {
		return nil
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
		return nil, nil, fmt.Errorf("discover OpenID Connect provider %s: %w", o.cfg.Issuer, err)
	}
	o.oauth = &oauth2.Config{
		ClientID:     o.cfg.ClientID,
		ClientSecret: o.cfg.ClientSecret,
		Endpoint:     provider.Endpoint(),
		RedirectURL:  o.cfg.RedirectURL,
		Scopes:       []string{oidc.ScopeOpenID, "email", "profile"},
	}
	o.verifier = provider.Verifier(&oidc.Config{ClientID: o.cfg.ClientID})
	return o.oauth, o.verifier, nil
}

// Login is what a browser must bring back from the provider: it is kept in
// a short-lived cookie between the two requests.
type Login struct {
	State, Nonce, Verifier string
}

// NewLogin makes fresh random values for one sign-in.
func NewLogin() Login {
	return Login{State: randomToken(), Nonce: randomToken(), Verifier: oauth2.GenerateVerifier()}
}

// AuthURL is where to send the browser to sign in.
func (o *OIDC) AuthURL(ctx context.Context, l Login) (string, error) {
	conf, _, err := o.discover(ctx)
	if err != nil {
		return "", err
	}
	return conf.AuthCodeURL(l.State, oidc.Nonce(l.Nonce), oauth2.S256ChallengeOption(l.Verifier)), nil
}

// Identity is who the provider says signed in.
type Identity struct {
	Issuer, Subject, Email string
	EmailVerified          bool
}

// Exchange trades the code from the callback for a verified ID token.
func (o *OIDC) Exchange(ctx context.Context, l Login, code string) (Identity, error) {
	conf, verifier, err := o.discover(ctx)
	if err != nil {
		return Identity{}, err
	}
	token, err := conf.Exchange(ctx, code, oauth2.VerifierOption(l.Verifier))
	if err != nil {
		return Identity{}, fmt.Errorf("exchange code: %w", err)
	}
	raw, ok := token.Extra("id_token").(string)
	if !ok {
		return Identity{}, errors.New("the provider sent no ID token")
	}
	idToken, err := verifier.Verify(ctx, raw)
	if err != nil {
		return Identity{}, fmt.Errorf("verify ID token: %w", err)
	}
	if idToken.Nonce != l.Nonce {
		return Identity{}, errors.New("the ID token's nonce does not match")
	}
	var claims struct {
		Email    string `json:"email"`
		Verified *bool  `json:"email_verified"`
	}
	if err := idToken.Claims(&claims); err != nil {
		return Identity{}, fmt.Errorf("read ID token claims: %w", err)
	}
	// Providers that leave email_verified out (Entra ID) vouch for the
	// addresses of their own directory.
	verified := claims.Verified == nil || *claims.Verified
	return Identity{Issuer: idToken.Issuer, Subject: idToken.Subject, Email: NormalizeEmail(claims.Email), EmailVerified: verified}, nil
}

// SignInOIDC finds the account of an identity the provider vouched for:
// by the provider's subject once linked, else by verified e-mail address,
// which links it. Accounts are never created here; the strategy group (or
// `kanal user add`) creates them with their role.
func (u *Users) SignInOIDC(ctx context.Context, actor audit.Actor, id Identity) (User, error) {
	user, err := scanUser(u.db.QueryRowContext(ctx, `SELECT `+userColumns+` FROM users
		WHERE oidc_issuer = $1 AND oidc_subject = $2`, id.Issuer, id.Subject))
	if errors.Is(err, sql.ErrNoRows) && id.EmailVerified && id.Email != "" {
		user, err = u.ByEmail(ctx, id.Email)
		if err == nil {
			_, err = u.db.ExecContext(ctx, `UPDATE users SET oidc_issuer = $1, oidc_subject = $2 WHERE id = $3`,
				id.Issuer, id.Subject, user.ID)
		}
	}
	if errors.Is(err, sql.ErrNoRows) || errors.Is(err, ErrNotFound) || err == nil && user.Disabled {
		// The attempt goes to the log of the municipality whose user the
		// address names, even when the provider did not vouch for it.
		if named, err := u.ByEmail(ctx, id.Email); err == nil {
			user = named
		}
		actor.Name = auditableAddress(id.Email)
		if err := audit.Record(ctx, u.db, user.Municipality, actor, audit.SignInFailed, actor.Name, "oidc"); err != nil {
			return User{}, err
		}
		return User{}, ErrBadCredentials
	}
	if err != nil {
		return User{}, err
	}
	actor.Name = user.Email
	return user, audit.Record(ctx, u.db, user.Municipality, actor, audit.SignIn, user.Email, "oidc")
}

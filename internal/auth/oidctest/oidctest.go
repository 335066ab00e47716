// Package oidctest is a small but real OpenID Connect identity provider for
// tests: discovery, JWKS, an authorization endpoint that signs in whoever
// the test says, and a token endpoint that checks the client, the code and
// PKCE and returns an RS256-signed ID token. Tests start it in-process on a
// loopback port, so Kanal's sign-in is tested end to end over real HTTP.
package oidctest

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-jose/go-jose/v4"
)

// Provider is an OpenID Connect identity provider for tests.
type Provider struct {
	*httptest.Server
	clientID, secret string
	key              *rsa.PrivateKey
	signer           jose.Signer

	mu       sync.Mutex
	subject  string
	email    string
	verified bool
	deny     bool
	extra    map[string]any
	codes    map[string]grant
	tokens   int
}

// grant is what an issued code stands for.
type grant struct {
	redirectURI, challenge, nonce string
	subject, email                string
	verified                      bool
	extra                         map[string]any
	expires                       time.Time
}

const keyID = "oidctest-1"

// New starts a provider for t that accepts one client; it is closed when the
// test ends.
func New(t testing.TB, clientID, clientSecret string) *Provider {
	t.Helper()
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	signer, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.RS256, Key: key},
		(&jose.SignerOptions{}).WithType("JWT").WithHeader(jose.HeaderKey("kid"), keyID))
	if err != nil {
		t.Fatal(err)
	}
	p := &Provider{clientID: clientID, secret: clientSecret, key: key, signer: signer,
		subject: "user-1", email: "user@example.test", verified: true, codes: map[string]grant{}}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /.well-known/openid-configuration", p.discovery)
	mux.HandleFunc("GET /jwks", p.jwks)
	mux.HandleFunc("GET /authorize", p.authorize)
	mux.HandleFunc("POST /token", p.token)
	p.Server = httptest.NewServer(mux)
	t.Cleanup(p.Close)
	return p
}

// Issuer is the issuer URL.
func (p *Provider) Issuer() string { return p.URL }

// SignIn sets who the provider signs in at the next /authorize.
func (p *Provider) SignIn(subject, email string, emailVerified bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.subject, p.email, p.verified = subject, email, emailVerified
}

// SetClaims adds claims to the ID tokens of the sign-ins that begin at
// /authorize from now on, beside the standard ones (which they cannot
// replace): a national-login broker's CPR number, name and level of
// assurance. Nil takes them away again.
func (p *Provider) SetClaims(claims map[string]any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.extra = claims
}

// Deny makes the next /authorize answer error=access_denied.
func (p *Provider) Deny() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.deny = true
}

// TokenRequests is how many token requests the provider answered with a
// token.
func (p *Provider) TokenRequests() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.tokens
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

func (p *Provider) discovery(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]any{
		"issuer":                                p.URL,
		"authorization_endpoint":                p.URL + "/authorize",
		"token_endpoint":                        p.URL + "/token",
		"jwks_uri":                              p.URL + "/jwks",
		"response_types_supported":              []string{"code"},
		"subject_types_supported":               []string{"public"},
		"id_token_signing_alg_values_supported": []string{"RS256"},
		"code_challenge_methods_supported":      []string{"S256"},
		"token_endpoint_auth_methods_supported": []string{"client_secret_basic", "client_secret_post"},
		"scopes_supported":                      []string{"openid", "email", "profile"},
	})
}

func (p *Provider) jwks(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, jose.JSONWebKeySet{Keys: []jose.JSONWebKey{
		{Key: &p.key.PublicKey, KeyID: keyID, Use: "sig", Algorithm: string(jose.RS256)},
	}})
}

func randomString() string {
	b := make([]byte, 24)
	rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

func (p *Provider) authorize(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	redirect, err := url.Parse(q.Get("redirect_uri"))
	if q.Get("client_id") != p.clientID {
		http.Error(w, "unknown client_id", http.StatusBadRequest)
		return
	}
	if err != nil || !redirect.IsAbs() || (redirect.Scheme != "http" && redirect.Scheme != "https") {
		http.Error(w, "redirect_uri must be an absolute http(s) URL", http.StatusBadRequest)
		return
	}
	back := func(params url.Values) {
		params.Set("state", q.Get("state"))
		target := *redirect
		target.RawQuery = params.Encode()
		http.Redirect(w, r, target.String(), http.StatusFound)
	}
	if q.Get("response_type") != "code" || q.Get("state") == "" || !strings.Contains(" "+q.Get("scope")+" ", " openid ") ||
		q.Get("code_challenge") == "" || q.Get("code_challenge_method") != "S256" {
		back(url.Values{"error": {"invalid_request"}})
		return
	}
	p.mu.Lock()
	if p.deny {
		p.deny = false
		p.mu.Unlock()
		back(url.Values{"error": {"access_denied"}})
		return
	}
	code := randomString()
	p.codes[code] = grant{redirectURI: redirect.String(), challenge: q.Get("code_challenge"), nonce: q.Get("nonce"),
		subject: p.subject, email: p.email, verified: p.verified, extra: p.extra, expires: time.Now().Add(time.Minute)}
	p.mu.Unlock()
	back(url.Values{"code": {code}})
}

// clientCredentials reads HTTP Basic (form-encoded per RFC 6749 §2.3.1) or
// form-field client authentication.
func clientCredentials(r *http.Request) (id, secret string) {
	if user, pass, ok := r.BasicAuth(); ok {
		id, _ = url.QueryUnescape(user)
		secret, _ = url.QueryUnescape(pass)
		return id, secret
	}
	return r.PostFormValue("client_id"), r.PostFormValue("client_secret")
}

func (p *Provider) token(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "invalid_request"})
		return
	}
	if id, secret := clientCredentials(r); id != p.clientID || secret != p.secret {
		writeJSON(w, http.StatusUnauthorized, map[string]string{"error": "invalid_client"})
		return
	}
	invalid := func() { writeJSON(w, http.StatusBadRequest, map[string]string{"error": "invalid_grant"}) }
	if r.PostFormValue("grant_type") != "authorization_code" {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "unsupported_grant_type"})
		return
	}
	p.mu.Lock()
	code := r.PostFormValue("code")
	g, ok := p.codes[code]
	delete(p.codes, code) // single use, whatever happens next
	p.mu.Unlock()
	sum := sha256.Sum256([]byte(r.PostFormValue("code_verifier")))
	switch {
	case !ok, time.Now().After(g.expires), r.PostFormValue("redirect_uri") != g.redirectURI,
		base64.RawURLEncoding.EncodeToString(sum[:]) != g.challenge:
		invalid()
		return
	}
	now := time.Now()
	claims := map[string]any{}
	for k, v := range g.extra {
		claims[k] = v
	}
	for k, v := range map[string]any{
		"iss": p.URL, "sub": g.subject, "aud": p.clientID,
		"iat": now.Unix(), "exp": now.Add(5 * time.Minute).Unix(),
		"email": g.email, "email_verified": g.verified,
	} {
		claims[k] = v
	}
	if g.nonce != "" {
		claims["nonce"] = g.nonce
	}
	payload, _ := json.Marshal(claims)
	jws, err := p.signer.Sign(payload)
	if err != nil {
		writeJSON(w, http.StatusInternalServerError, map[string]string{"error": "server_error"})
		return
	}
	idToken, err := jws.CompactSerialize()
	if err != nil {
		writeJSON(w, http.StatusInternalServerError, map[string]string{"error": "server_error"})
		return
	}
	p.mu.Lock()
	p.tokens++
	p.mu.Unlock()
	writeJSON(w, http.StatusOK, map[string]any{
		"access_token": randomString(), "token_type": "Bearer", "expires_in": 300, "id_token": idToken,
	})
}

package citizen

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/kanal-dk/kanal/internal/nemlogin"
	"github.com/kanal-dk/kanal/internal/store"
)

// Citizen session lifetimes: a sign-in ends after 30 idle minutes and
// after 8 hours in any case.
const (
	SessionIdle = 30 * time.Minute
	SessionMax  = 8 * time.Hour
	// touchEvery limits how often reading pages records the session in use.
	touchEvery = time.Minute
)

// Cookies of the portal, all scoped to /borger/ so that neither the staff
// pages nor the API ever receive them, and none of the staff cookies is
// read here.
const (
	sessionCookie = "kanal_borger"
	// stateCookie keeps a sign-in's state from the start to the callback.
	stateCookie = "kanal_borger_login"
	// formCookie is the CSRF token of a citizen who has not signed in,
	// sent back in the form's hidden field (double submit).
	formCookie  = "kanal_borger_csrf"
	cookiePath  = "/borger/"
	csrfField   = "csrf"
	stateMaxAge = 10 * 60
)

// session is a signed-in citizen.
type session struct {
	hash         string
	Municipality string
	CPR, Name    string
	Method       string
	CSRF         string
}

// sessions are the citizens' sign-ins, in citizen_sessions.
type sessions struct {
	db  *store.DB
	now func() time.Time
}

func randomToken() string {
	b := make([]byte, 32)
	rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

func tokenHash(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// create starts a session for a citizen signed in to a municipality and
// returns the cookie's token.
func (s *sessions) create(ctx context.Context, municipality string, id nemlogin.Identity) (string, error) {
	token := randomToken()
	now := s.now().UTC()
	// Ended sessions hold a CPR number and a name for nothing: they go
	// when the next one starts, at most 8 hours after they began.
	if _, err := s.db.ExecContext(ctx, `DELETE FROM citizen_sessions WHERE expires_at < $1`, now); err != nil {
		return "", fmt.Errorf("remove ended citizen sessions: %w", err)
	}
	_, err := s.db.ExecContext(ctx, `INSERT INTO citizen_sessions
		(id_hash, municipality_id, cpr, name, method, csrf_token, created_at, last_seen_at, expires_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
		tokenHash(token), municipality, id.CPR, id.Name, id.Method, randomToken(), now, now, now.Add(SessionMax))
	if err != nil {
		return "", fmt.Errorf("start citizen session: %w", err)
	}
	return token, nil
}

// get returns the live session of a token, or nil when it is unknown,
// revoked, idle too long or past its end.
func (s *sessions) get(ctx context.Context, token string) (*session, error) {
	if token == "" {
		return nil, nil
	}
	hash := tokenHash(token)
	var lastSeen, expires time.Time
	k := session{hash: hash}
	err := s.db.QueryRowContext(ctx, `SELECT municipality_id, cpr, name, method, csrf_token, last_seen_at, expires_at
		FROM citizen_sessions WHERE id_hash = $1 AND revoked_at IS NULL`, hash).
		Scan(&k.Municipality, &k.CPR, &k.Name, &k.Method, &k.CSRF, &lastSeen, &expires)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read citizen session: %w", err)
	}
	now := s.now()
	if now.After(expires) || now.Sub(lastSeen) > SessionIdle {
		return nil, nil
	}
	if now.Sub(lastSeen) > touchEvery {
		if _, err := s.db.ExecContext(ctx, `UPDATE citizen_sessions SET last_seen_at = $1 WHERE id_hash = $2`, now.UTC(), hash); err != nil {
			return nil, fmt.Errorf("touch citizen session: %w", err)
		}
	}
	return &k, nil
}

// end revokes a session: signing out. The row keeps no personal data
// after that.
func (s *sessions) end(ctx context.Context, k *session) error {
	if _, err := s.db.ExecContext(ctx, `UPDATE citizen_sessions SET revoked_at = $1, cpr = '', name = '' WHERE id_hash = $2`,
		s.now().UTC(), k.hash); err != nil {
		return fmt.Errorf("end citizen session: %w", err)
	}
	return nil
}

// setCookie sets one of the portal's cookies; maxAge < 0 removes it, 0
// makes it last as long as the browser.
func (p *Portal) setCookie(w http.ResponseWriter, name, value string, maxAge int) {
	http.SetCookie(w, &http.Cookie{Name: name, Value: value, Path: cookiePath, MaxAge: maxAge,
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: p.secure})
}

// citizen is the signed-in citizen of the request's municipality, or nil:
// a session of another municipality is no sign-in here.
func (p *Portal) citizen(r *http.Request) (*session, error) {
	c, err := r.Cookie(sessionCookie)
	if err != nil {
		return nil, nil
	}
	k, err := p.sessions.get(r.Context(), c.Value)
	if err != nil || k == nil {
		return nil, err
	}
	if k.Municipality != r.PathValue("municipality") {
		return nil, nil
	}
	return k, nil
}

// csrfToken is the token a form of the page sends back: the session's for
// a signed-in citizen, else the browser's own cookie, set here when it
// has none.
func (p *Portal) csrfToken(w http.ResponseWriter, r *http.Request, k *session) string {
	if k != nil {
		return k.CSRF
	}
	if c, err := r.Cookie(formCookie); err == nil && len(c.Value) >= 32 {
		return c.Value
	}
	token := randomToken()
	p.setCookie(w, formCookie, token, 0)
	return token
}

// errBadCSRF is a form sent without the token of the page it came from:
// a forged request, or a page from before signing in or out.
var errBadCSRF = errors.New("the form's CSRF token does not match")

// checkCSRF compares the form's token with the session's, or with the
// cookie's for a citizen who has not signed in. The form must be parsed.
func (p *Portal) checkCSRF(r *http.Request, k *session) error {
	want := ""
	if k != nil {
		want = k.CSRF
	} else if c, err := r.Cookie(formCookie); err == nil {
		want = c.Value
	}
	got := r.PostFormValue(csrfField)
	if want == "" || subtle.ConstantTimeCompare([]byte(got), []byte(want)) != 1 {
		return errBadCSRF
	}
	return nil
}

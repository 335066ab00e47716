package staff

import (
	"encoding/base64"
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/web/face"
)

// loginView is the sign-in form.
type loginView struct {
	view
	Return string
	Email  string
	Error  string
	Notice string
	// OIDC offers sign-in with the organisation's identity provider.
	OIDC bool
}

// showLogin shows the sign-in form, or sends a signed-in user on.
func (s *Pages) showLogin(w http.ResponseWriter, r *http.Request) error {
	ret := face.LocalPath(r.URL.Query().Get("return"))
	if p := auth.FromContext(r.Context()); p != nil {
		face.Redirect(w, r, ret)
		return nil
	}
	v, err := s.base(r, face.Printer(r).T("login.title"))
	if err != nil {
		return err
	}
	data := loginView{view: v, Return: ret, OIDC: s.oidc != nil}
	if r.URL.Query().Get("error") == "oidc" {
		data.Error = v.L.T("login.oidc_failed")
	}
	if r.URL.Query().Get("signed_out") == "everywhere" {
		data.Notice = v.L.T("login.signed_out_everywhere")
	}
	return s.render(w, http.StatusOK, "login", data)
}

// login signs in with e-mail address and password.
func (s *Pages) login(w http.ResponseWriter, r *http.Request) error {
	email, password := r.PostFormValue("email"), r.PostFormValue("password")
	ret := face.LocalPath(r.PostFormValue("return"))
	user, err := s.users.Authenticate(r.Context(), actorOf(r), email, password)
	if errors.Is(err, auth.ErrBadCredentials) || errors.Is(err, auth.ErrPasswordExpired) {
		v, berr := s.base(r, face.Printer(r).T("login.title"))
		if berr != nil {
			return berr
		}
		message := v.L.T("login.failed")
		if errors.Is(err, auth.ErrPasswordExpired) {
			if message, err = s.expiredMessage(r, v.L, user); err != nil {
				return err
			}
		}
		return s.render(w, http.StatusUnauthorized, "login", loginView{view: v, Return: ret, Email: email,
			Error: message, OIDC: s.oidc != nil})
	}
	if err != nil {
		return err
	}
	return s.startSession(w, r, user, ret)
}

// expiredMessage tells someone whose one-time password has expired whom to
// ask for a new one: their municipality's strategy group, named, or for an
// operator whoever runs the installation.
func (s *Pages) expiredMessage(r *http.Request, l locale.Printer, user auth.User) (string, error) {
	if user.Municipality == "" {
		return l.T("login.onetime_expired.operator"), nil
	}
	ms, err := s.registry.List(r.Context())
	if err != nil {
		return "", err
	}
	name := user.Municipality
	for _, m := range ms {
		if m.ID == user.Municipality {
			name = m.Name
		}
	}
	return l.T("login.onetime_expired", name), nil
}

// startSession signs a user in and sends them on: to the password page
// first when their password was a one-time password.
func (s *Pages) startSession(w http.ResponseWriter, r *http.Request, user auth.User, ret string) error {
	token, err := s.sessions.Create(r.Context(), user)
	if err != nil {
		return err
	}
	s.setCookie(w, r, sessionCookie, token, "/", auth.SessionMax)
	if user.MustChangePassword {
		ret = "/password"
	}
	face.Redirect(w, r, ret)
	return nil
}

// logout ends the session.
func (s *Pages) logout(w http.ResponseWriter, r *http.Request) error {
	p := auth.FromContext(r.Context())
	if err := s.sessions.End(r.Context(), actorOf(r), p); err != nil {
		return err
	}
	s.setCookie(w, r, sessionCookie, "", "/", -1)
	face.Redirect(w, r, "/login")
	return nil
}

// logoutEverywhere ends every session of the signed-in user, this one
// included: after a laptop was left unlocked or a password written down.
func (s *Pages) logoutEverywhere(w http.ResponseWriter, r *http.Request) error {
	p := auth.FromContext(r.Context())
	if err := s.sessions.RevokeUser(r.Context(), actorOf(r), *p.User); err != nil {
		return err
	}
	s.setCookie(w, r, sessionCookie, "", "/", -1)
	face.Redirect(w, r, "/login?signed_out=everywhere")
	return nil
}

const oidcCookie = "kanal_oidc"

// startOIDC sends the browser to the identity provider.
func (s *Pages) startOIDC(w http.ResponseWriter, r *http.Request) error {
	if s.oidc == nil {
		return face.ErrNotFound
	}
	login := auth.NewLogin()
	target, err := s.oidc.AuthURL(r.Context(), login)
	if err != nil {
		return err
	}
	// The return address is encoded, so that no character of it can end
	// the cookie or be taken for the separator.
	ret := base64.RawURLEncoding.EncodeToString([]byte(face.LocalPath(r.URL.Query().Get("return"))))
	value := strings.Join([]string{login.State, login.Nonce, login.Verifier, ret}, "|")
	s.setCookie(w, r, oidcCookie, value, "/auth/oidc/", 10*time.Minute)
	http.Redirect(w, r, target, http.StatusFound)
	return nil
}

// finishOIDC takes the provider's answer, verifies the ID token and signs
// the matching account in. Whatever goes wrong, the user is sent back to
// the sign-in page with a message; the details go to the log.
func (s *Pages) finishOIDC(w http.ResponseWriter, r *http.Request) error {
	if s.oidc == nil {
		return face.ErrNotFound
	}
	c, err := r.Cookie(oidcCookie)
	s.setCookie(w, r, oidcCookie, "", "/auth/oidc/", -1)
	failed := func(reason string, err error) error {
		s.log.Warn("OpenID Connect sign-in failed", "reason", reason, "err", err)
		face.Redirect(w, r, "/login?error=oidc")
		return nil
	}
	if err != nil {
		return failed("no sign-in in progress", err)
	}
	parts := strings.SplitN(c.Value, "|", 4)
	q := r.URL.Query()
	if len(parts) != 4 || q.Get("state") != parts[0] {
		return failed("state does not match", nil)
	}
	if e := q.Get("error"); e != "" {
		// Anyone can call the callback with any text here: only the
		// error codes of OAuth 2.0 reach the log.
		return failed("provider answered "+oauthErrorCode(e), nil)
	}
	login := auth.Login{State: parts[0], Nonce: parts[1], Verifier: parts[2]}
	id, err := s.oidc.Exchange(r.Context(), login, q.Get("code"))
	if err != nil {
		return failed("exchange", err)
	}
	user, err := s.users.SignInOIDC(r.Context(), actorOf(r), id)
	if errors.Is(err, auth.ErrBadCredentials) {
		return failed("no matching account", nil)
	}
	if err != nil {
		return err
	}
	ret, err := base64.RawURLEncoding.DecodeString(parts[3])
	if err != nil {
		return failed("state does not match", nil)
	}
	return s.startSession(w, r, user, face.LocalPath(string(ret)))
}

// oauthErrorCode is an error code of the authorization endpoint (RFC 6749,
// section 4.1.2.1, and OpenID Connect Core, section 3.1.2.6), or "other".
func oauthErrorCode(e string) string {
	switch e {
	case "invalid_request", "unauthorized_client", "access_denied", "unsupported_response_type", "invalid_scope",
		"server_error", "temporarily_unavailable", "interaction_required", "login_required", "account_selection_required",
		"consent_required", "invalid_request_uri", "invalid_request_object", "request_not_supported",
		"request_uri_not_supported", "registration_not_supported":
		return e
	}
	return "other"
}

// setCookie sets (or, with a negative age, clears) an HttpOnly, SameSite
// cookie, Secure when Kanal is reached over TLS.
func (s *Pages) setCookie(w http.ResponseWriter, r *http.Request, name, value, path string, age time.Duration) {
	c := &http.Cookie{Name: name, Value: value, Path: path, HttpOnly: true, SameSite: http.SameSiteLaxMode,
		Secure: s.secure || r.TLS != nil, MaxAge: int(age.Seconds())}
	if age < 0 {
		c.MaxAge = -1
	}
	http.SetCookie(w, c)
}

// actorOf describes who makes a request, for the audit log.
func actorOf(r *http.Request) audit.Actor {
	a := audit.Actor{RemoteAddr: face.ClientAddr(r)}
	switch p := auth.FromContext(r.Context()); {
	case p == nil:
	case p.User != nil:
		a.Name = p.User.Email
	case p.Key != nil:
		a.Name = p.Key.Actor()
	}
	return a
}

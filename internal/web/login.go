package web

import (
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/auth"
)

// loginView is the sign-in form.
type loginView struct {
	view
	Return string
	Email  string
	Error  string
	// OIDC offers sign-in with the organisation's identity provider.
	OIDC bool
}

// showLogin shows the sign-in form, or sends a signed-in user on.
func (s *Server) showLogin(w http.ResponseWriter, r *http.Request) error {
	ret := safeReturn(r.URL.Query().Get("return"))
	if p := auth.FromContext(r.Context()); p != nil {
		http.Redirect(w, r, ret, http.StatusSeeOther)
		return nil
	}
	v, err := s.base(r, printer(r).T("login.title"))
	if err != nil {
		return err
	}
	data := loginView{view: v, Return: ret, OIDC: s.oidc != nil}
	if r.URL.Query().Get("error") == "oidc" {
		data.Error = v.L.T("login.oidc_failed")
	}
	return s.render(w, http.StatusOK, "login", data)
}

// login signs in with e-mail address and password.
func (s *Server) login(w http.ResponseWriter, r *http.Request) error {
	email, password := r.PostFormValue("email"), r.PostFormValue("password")
	ret := safeReturn(r.PostFormValue("return"))
	user, err := s.users.Authenticate(r.Context(), actorOf(r), email, password)
	if errors.Is(err, auth.ErrBadCredentials) {
		v, berr := s.base(r, printer(r).T("login.title"))
		if berr != nil {
			return berr
		}
		return s.render(w, http.StatusUnauthorized, "login", loginView{view: v, Return: ret, Email: email,
			Error: v.L.T("login.failed"), OIDC: s.oidc != nil})
	}
	if err != nil {
		return err
	}
	return s.startSession(w, r, user, ret)
}

// startSession signs a user in and sends them on: to the password page
// first when their password was a one-time password.
func (s *Server) startSession(w http.ResponseWriter, r *http.Request, user auth.User, ret string) error {
	token, err := s.sessions.Create(r.Context(), user)
	if err != nil {
		return err
	}
	s.setCookie(w, r, sessionCookie, token, "/", auth.SessionMax)
	if user.MustChangePassword {
		ret = "/password"
	}
	http.Redirect(w, r, ret, http.StatusSeeOther)
	return nil
}

// logout ends the session.
func (s *Server) logout(w http.ResponseWriter, r *http.Request) error {
	p := auth.FromContext(r.Context())
	if err := s.sessions.End(r.Context(), actorOf(r), p); err != nil {
		return err
	}
	s.setCookie(w, r, sessionCookie, "", "/", -1)
	http.Redirect(w, r, "/login", http.StatusSeeOther)
	return nil
}

const oidcCookie = "kanal_oidc"

// startOIDC sends the browser to the identity provider.
func (s *Server) startOIDC(w http.ResponseWriter, r *http.Request) error {
	if s.oidc == nil {
		return errNotFound
	}
	login := auth.NewLogin()
	target, err := s.oidc.AuthURL(r.Context(), login)
	if err != nil {
		return err
	}
	value := strings.Join([]string{login.State, login.Nonce, login.Verifier, safeReturn(r.URL.Query().Get("return"))}, "|")
	s.setCookie(w, r, oidcCookie, value, "/auth/oidc/", 10*time.Minute)
	http.Redirect(w, r, target, http.StatusFound)
	return nil
}

// finishOIDC takes the provider's answer, verifies the ID token and signs
// the matching account in. Whatever goes wrong, the user is sent back to
// the sign-in page with a message; the details go to the log.
func (s *Server) finishOIDC(w http.ResponseWriter, r *http.Request) error {
	if s.oidc == nil {
		return errNotFound
	}
	c, err := r.Cookie(oidcCookie)
	s.setCookie(w, r, oidcCookie, "", "/auth/oidc/", -1)
	failed := func(reason string, err error) error {
		s.log.Warn("OpenID Connect sign-in failed", "reason", reason, "err", err)
		http.Redirect(w, r, "/login?error=oidc", http.StatusSeeOther)
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
		return failed("provider answered "+e, nil)
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
	return s.startSession(w, r, user, safeReturn(parts[3]))
}

// setCookie sets (or, with a negative age, clears) an HttpOnly, SameSite
// cookie, Secure when Kanal is reached over TLS.
func (s *Server) setCookie(w http.ResponseWriter, r *http.Request, name, value, path string, age time.Duration) {
	c := &http.Cookie{Name: name, Value: value, Path: path, HttpOnly: true, SameSite: http.SameSiteLaxMode,
		Secure: s.secure || r.TLS != nil, MaxAge: int(age.Seconds())}
	if age < 0 {
		c.MaxAge = -1
	}
	http.SetCookie(w, c)
}

// safeReturn keeps a return address on this site: a path, never another
// host ("//evil.example" or "/\evil.example").
func safeReturn(ret string) string {
	if !strings.HasPrefix(ret, "/") || strings.HasPrefix(ret, "//") || strings.HasPrefix(ret, "/\\") {
		return "/"
	}
	return ret
}

// actorOf describes who makes a request, for the audit log.
func actorOf(r *http.Request) audit.Actor {
	a := audit.Actor{RemoteAddr: clientAddr(r)}
	switch p := auth.FromContext(r.Context()); {
	case p == nil:
	case p.User != nil:
		a.Name = p.User.Email
	case p.Key != nil:
		a.Name = p.Key.Actor()
	}
	return a
}

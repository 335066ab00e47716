package citizen

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/kanal-dk/kanal/internal/nemlogin"
	"github.com/kanal-dk/kanal/internal/strategy"
	"github.com/kanal-dk/kanal/internal/web/face"
)

// returnParam is the query parameter that says where to go after signing in.
const returnParam = "tilbage"

// CallbackPath is the national login's callback, below the public
// address: the redirect URI to register with the broker.
const CallbackPath = "/borger/log-ind/svar"

// loginPath is the sign-in address of a municipality that comes back to
// target afterwards.
func loginPath(m, target string) string {
	return "/borger/" + m + "/log-ind?" + url.Values{returnParam: {target}}.Encode()
}

// returnTo is where a sign-in of municipality m goes back to: a page of
// the municipality's portal, else its front page.
func returnTo(m, target string) string {
	front := "/borger/" + m + "/"
	target = face.LocalPath(target)
	if !strings.HasPrefix(target, front) {
		return front
	}
	return target
}

// startLogin begins a sign-in with the national login: the broker's state
// goes into a short-lived cookie, and the browser to the broker (or, for
// the development login, to the page where one picks a test citizen).
func (p *Portal) startLogin(w http.ResponseWriter, r *http.Request) error {
	st, err := p.current(r)
	if err != nil {
		return err
	}
	if p.login == nil {
		return face.ErrNotFound
	}
	m := st.Municipality.ID
	back := returnTo(m, r.URL.Query().Get(returnParam))
	redirect, state, err := p.login.Start(r.Context(), back)
	if err != nil {
		return err
	}
	p.setCookie(w, stateCookie, encodeState(m, back, state), stateMaxAge)
	if p.login.Development() {
		face.Redirect(w, r, "/borger/"+m+"/log-ind/udvikling")
		return nil
	}
	// The broker is another site: the one redirect of the portal that
	// leaves it, to the address the configured broker gave.
	http.Redirect(w, r, redirect, http.StatusSeeOther)
	return nil
}

// encodeState keeps the municipality, the return address and the broker's
// state together in the state cookie.
func encodeState(m, back, state string) string {
	return url.Values{"m": {m}, "r": {back}, "s": {state}}.Encode()
}

// loginState reads the state cookie of a sign-in begun in municipality m.
func loginState(r *http.Request, m string) (back, state string, ok bool) {
	begun, back, state, ok := stateOf(r)
	if !ok || begun != m {
		return "", "", false
	}
	return back, state, true
}

// stateOf reads the state cookie: the municipality the sign-in began in,
// where to return and the broker's state.
func stateOf(r *http.Request) (m, back, state string, ok bool) {
	c, err := r.Cookie(stateCookie)
	if err != nil {
		return "", "", "", false
	}
	v, err := url.ParseQuery(c.Value)
	if err != nil || v.Get("m") == "" || v.Get("s") == "" {
		return "", "", "", false
	}
	return v.Get("m"), returnTo(v.Get("m"), v.Get("r")), v.Get("s"), true
}

// loginError is a sign-in the broker did not complete, with the
// catalogue's words for why.
type loginError struct{ key string }

func (e *loginError) Error() string { return "sign-in failed: " + e.key }

// errLoginFailed is a sign-in whose state was lost or forged.
var errLoginFailed = &loginError{"citizenlogin.error.state"}

// loginFailure tells the citizen why the broker refused, by the kind of
// error; the error itself is not shown or logged.
func loginFailure(err error) error {
	for kind, key := range map[error]string{nemlogin.ErrState: "citizenlogin.error.state", nemlogin.ErrDenied: "citizenlogin.error.denied",
		nemlogin.ErrNoCPR: "citizenlogin.error.no_cpr", nemlogin.ErrAssurance: "citizenlogin.error.assurance",
		nemlogin.ErrUnknownCitizen: "citizenlogin.error.unknown"} {
		if errors.Is(err, kind) {
			return &loginError{key}
		}
	}
	return &loginError{"citizenlogin.error.broker"}
}

// finishLogin is the broker's callback, for a sign-in begun in any
// municipality.
func (p *Portal) finishLogin(w http.ResponseWriter, r *http.Request) error {
	if p.login == nil {
		return face.ErrNotFound
	}
	m, back, state, ok := stateOf(r)
	if !ok {
		return errLoginFailed
	}
	return p.finish(w, r, m, back, state, r.URL.Query())
}

// finish completes a sign-in begun in municipality m with the broker's
// answer, starts the citizen's session and returns to back.
func (p *Portal) finish(w http.ResponseWriter, r *http.Request, m, back, state string, answer url.Values) error {
	if _, err := p.registry.Current(r.Context(), m); err != nil {
		return err
	}
	p.setCookie(w, stateCookie, "", -1)
	id, err := p.login.Finish(r.Context(), state, answer)
	if err != nil {
		return loginFailure(err)
	}
	if err := p.signIn(w, r.Context(), m, id); err != nil {
		return err
	}
	face.Redirect(w, r, back)
	return nil
}

// signIn starts the session and sets its cookie; an earlier session of
// the browser is ended.
func (p *Portal) signIn(w http.ResponseWriter, ctx context.Context, m string, id nemlogin.Identity) error {
	token, err := p.sessions.create(ctx, m, id)
	if err != nil {
		return err
	}
	p.setCookie(w, sessionCookie, token, 0)
	return nil
}

// devLoginPage lists the test citizens of the development login.
type devLoginPage struct {
	view
	Citizens []testCitizen
	Error    bool
}

// testCitizen is one person of the test citizens file; the page shows
// no addresses, as none of a protected citizen may be shown.
type testCitizen struct {
	CPR, Name string
	Protected bool
}

// showDevLogin shows the development login's page: only when the broker
// is the development login, and only during a sign-in begun here.
func (p *Portal) showDevLogin(w http.ResponseWriter, r *http.Request) error {
	st, err := p.current(r)
	if err != nil {
		return err
	}
	if p.login == nil || !p.login.Development() {
		return face.ErrNotFound
	}
	if _, _, ok := loginState(r, st.Municipality.ID); !ok {
		face.Redirect(w, r, loginPath(st.Municipality.ID, "/borger/"+st.Municipality.ID+"/"))
		return nil
	}
	return p.renderDevLogin(w, r, st, http.StatusOK, false)
}

func (p *Portal) renderDevLogin(w http.ResponseWriter, r *http.Request, st *strategy.Strategy, status int, bad bool) error {
	k, err := p.citizen(r)
	if err != nil {
		return err
	}
	data := devLoginPage{view: p.base(r, ""), Error: bad}
	data.fill(st)
	data.Title = data.L.T("citizen.login.dev.title") + " – " + st.Municipality.Name
	data.CSRF = p.csrfToken(w, r, k)
	for _, c := range p.testCitizens {
		data.Citizens = append(data.Citizens, testCitizen{CPR: c.CPR, Name: c.Name(), Protected: c.Protected})
	}
	return p.pages.Render(w, status, "login_dev", data)
}

// pickTestCitizen signs the picked test citizen in through the
// development broker.
func (p *Portal) pickTestCitizen(w http.ResponseWriter, r *http.Request) error {
	st, err := p.current(r)
	if err != nil {
		return err
	}
	if p.login == nil || !p.login.Development() {
		return face.ErrNotFound
	}
	if err := r.ParseForm(); err != nil {
		return face.Fail(http.StatusBadRequest, "bad_form")
	}
	if err := p.checkCSRF(r, nil); err != nil {
		return err
	}
	if r.PostForm.Get("cpr") == "" {
		return p.renderDevLogin(w, r, st, http.StatusBadRequest, true)
	}
	m := st.Municipality.ID
	back, state, ok := loginState(r, m)
	if !ok {
		return errLoginFailed
	}
	return p.finish(w, r, m, back, state, url.Values{"cpr": {r.PostForm.Get("cpr")}, "state": {state}})
}

// signOut ends the citizen's session and goes to the front page.
func (p *Portal) signOut(w http.ResponseWriter, r *http.Request) error {
	st, err := p.current(r)
	if err != nil {
		return err
	}
	k, err := p.citizen(r)
	if err != nil {
		return err
	}
	if k != nil {
		if err := r.ParseForm(); err != nil {
			return face.Fail(http.StatusBadRequest, "bad_form")
		}
		if err := p.checkCSRF(r, k); err != nil {
			return err
		}
		if err := p.sessions.end(r.Context(), k); err != nil {
			return err
		}
	}
	p.setCookie(w, sessionCookie, "", -1)
	face.Redirect(w, r, "/borger/"+st.Municipality.ID+"/?logget_ud=1")
	return nil
}

// loginName is what the portal calls the national login today: MitID, or
// NemID before 2021.
func (p *Portal) loginName() string { return strategy.NationalLogin(p.now()) }

// Package citizen is Kanal's face for citizens: the self-service portal
// under /borger/{municipality}/, in Danish first and English, built with
// Det Fælles Designsystem and working without JavaScript. A municipality's
// front page lists the service areas citizens can handle, found by words or
// KLE number with the same search as the staff console; an area's page
// says what the strategy says a citizen needs: its self-service first
// (Kanal's own form where the catalogue has one), what to have ready, the
// expected answer time and the other channels the strategy allows.
//
// Citizens sign in with the national login (nemlogin: NemLog-in with
// MitID, or the development login's page of test citizens) where a form
// needs it, into a session of their own (citizen_sessions, the cookie
// kanal_borger on /borger/ only, a CSRF token of its own); the portal
// never reads a staff session and has a layout of its own. A form goes
// step by step, prefilled from the registry (SF1520) for a signed-in
// citizen, with drafts, attachments kept until it is sent, and a summary;
// sending opens a case (casework) whose receipt states the reference and
// the answer date, and a signed-in citizen follows their cases here.
package citizen

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/kanal-dk/kanal/internal/answers"
	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/callback"
	"github.com/kanal-dk/kanal/internal/casework"
	"github.com/kanal-dk/kanal/internal/contact"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/nemlogin"
	"github.com/kanal-dk/kanal/internal/selfservice"
	"github.com/kanal-dk/kanal/internal/sf1520"
	"github.com/kanal-dk/kanal/internal/sf1601"
	"github.com/kanal-dk/kanal/internal/web/face"
)

// Portal serves the citizen pages.
type Portal struct {
	registry *municipality.Registry
	log      *slog.Logger
	pages    *face.Templates
	now      func() time.Time
	secure   bool
	forms    *selfservice.Catalogue
	cases    *casework.Cases
	login    nemlogin.Broker
	cpr      sf1520.Lookup
	sessions *sessions
	uploads  *uploads
	receipts *receipts
	// testCitizens are the people the development login offers.
	testCitizens []sf1520.Person
	// formBody limits a form's request: room for the largest step's
	// attachments.
	formBody int64
	// questions are the contact form's; contactLimit limits questions
	// per address and contactKey signs the form's timestamp.
	questions    *contact.Questions
	contactLimit *face.Limiter
	contactKey   []byte
	// answers are the answer pages; recorder registers a view of one
	// where the strategy counts page views.
	answers  *answers.Answers
	recorder *inquiry.Recorder
	// callbacks are the callback bookings; callbackLimit limits bookings
	// per address, more strictly than the public routes.
	callbacks     *callback.Callbacks
	callbackLimit *face.Limiter
	// post is the development Digital Post inbox (sf1601.Dev).
	post *sf1601.Dev
}

// New returns the citizen portal on the services.
func New(svc face.Services) (*Portal, error) {
	p, err := parsePages()
	if err != nil {
		return nil, err
	}
	now := svc.Now
	if now == nil {
		now = time.Now
	}
	portal := &Portal{registry: svc.Registry, log: svc.Log, pages: p, now: now, secure: svc.Secure,
		forms: svc.Forms, cases: svc.Cases, login: svc.CitizenLogin, cpr: svc.CPR,
		sessions: &sessions{db: svc.DB, now: now}, uploads: &uploads{db: svc.DB, now: now}, receipts: &receipts{db: svc.DB, now: now}}
	portal.formBody = formBody(svc.Forms)
	portal.questions, portal.contactLimit = contact.New(svc.DB, svc.Recorder, svc.Mail), face.NewLimiter(contactRate)
	portal.questions.Now = now
	if portal.contactKey, err = auth.ServerSecret(context.Background(), svc.DB, contactSecret); err != nil {
		return nil, err
	}
	portal.answers, portal.recorder = answers.New(svc.DB), svc.Recorder
	portal.answers.Now = now
	portal.callbacks, portal.callbackLimit = callback.New(svc.DB, svc.Recorder, now), face.NewLimiter(callbackRate)
	portal.post = sf1601.NewDev(svc.DB, nil)
	if svc.CitizenLogin != nil && svc.CitizenLogin.Development() {
		portal.testCitizens = testCitizens(svc.CitizenLogin)
	}
	return portal, nil
}

// Routes are the portal's entries of the route table. Every one is
// public to the route table, which knows only staff sessions; the pages
// of a signed-in citizen check the citizen's own session themselves and
// send a citizen who has none to sign in.
func (p *Portal) Routes() []face.Route {
	return []face.Route{
		{Pattern: "GET /borger/{municipality}", Public: true, Handle: p.toFront},
		{Pattern: "GET /borger/{municipality}/{$}", Public: true, Handle: p.showFront},
		{Pattern: "GET /borger/{municipality}/{area}", Public: true, Handle: p.showArea},
		{Pattern: "GET /borger/{municipality}/log-ind", Public: true, Handle: p.startLogin},
		// The broker's callback is one address for every municipality
		// (the one registered with the broker); the state cookie says
		// which municipality the sign-in began in.
		{Pattern: "GET " + CallbackPath, Public: true, SignIn: true, Handle: p.finishLogin},
		{Pattern: "GET /borger/{municipality}/log-ind/udvikling", Public: true, Handle: p.showDevLogin},
		{Pattern: "POST /borger/{municipality}/log-ind/udvikling", Public: true, SignIn: true, Handle: p.pickTestCitizen},
		{Pattern: "POST /borger/{municipality}/log-ud", Public: true, Handle: p.signOut},
		{Pattern: "GET /borger/{municipality}/formular/{area}", Public: true, Handle: p.showForm},
		{Pattern: "POST /borger/{municipality}/formular/{area}", Public: true, Body: p.formBody, Handle: p.postForm},
		{Pattern: "GET /borger/{municipality}/kontakt", Public: true, Handle: p.showContact},
		{Pattern: "POST /borger/{municipality}/kontakt", Public: true, Handle: p.postContact},
		{Pattern: "GET /borger/{municipality}/sager", Public: true, Handle: p.showCases},
		{Pattern: "GET /borger/{municipality}/sager/{reference}", Public: true, Handle: p.showCase},
		{Pattern: "GET /borger/{municipality}/svar", Public: true, Handle: p.showFindAnswers},
		{Pattern: "GET /borger/{municipality}/svar/{area}", Public: true, Handle: p.showAnswer},
		{Pattern: "POST /borger/{municipality}/svar/{area}", Public: true, Handle: p.answerFound},
		{Pattern: "GET /borger/{municipality}/tilbagering", Public: true, Handle: p.showCallback},
		{Pattern: "POST /borger/{municipality}/tilbagering", Public: true, Handle: p.bookCallback},
		{Pattern: "GET /borger/{municipality}/digital-post", Public: true, Handle: p.showInbox},
		{Pattern: "GET /borger/{municipality}/digital-post/{message}", Public: true, Handle: p.showMessage},
		{Pattern: "GET /borger/{municipality}/digital-post/{message}/dokument", Public: true, Handle: p.messageDocument},
		// Every other address under /borger/ is answered "not found" in
		// the portal's own layout, not the staff pages'.
		{Pattern: "GET /borger/", Public: true, Handle: func(http.ResponseWriter, *http.Request) error { return face.ErrNotFound }},
	}
}

// Guard lets every request through: the portal never looks at a staff
// session, and its handlers check the citizen's own.
func (p *Portal) Guard(_ face.Route, next http.Handler) http.Handler { return next }

// toFront sends /borger/dragoer to /borger/dragoer/, keeping the query.
func (p *Portal) toFront(w http.ResponseWriter, r *http.Request) error {
	target := r.URL.EscapedPath() + "/"
	if r.URL.RawQuery != "" {
		target += "?" + r.URL.RawQuery
	}
	http.Redirect(w, r, target, http.StatusMovedPermanently)
	return nil
}

// Fail answers an error with the portal's error page; an unexpected error
// is logged and answered 500.
func (p *Portal) Fail(w http.ResponseWriter, r *http.Request, err error) {
	status, code := face.Classify(w, err)
	var fe *face.Error
	var le *loginError
	switch {
	case errors.Is(err, errBadCSRF):
		status, code = http.StatusBadRequest, "expired"
	case errors.As(err, &le):
		status, code = http.StatusBadRequest, "login_failed"
	case errors.As(err, &fe):
		status, code = fe.Status, fe.Code
	}
	key := "citizen." + code
	if code == "internal" {
		p.log.Error("citizen page failed", "route", r.Pattern, "err", err)
		key = "citizen.error"
	}
	message := key
	if le != nil {
		message = le.key
	}
	v := p.base(r, face.Printer(r).T(key+".title"))
	// The front page is offered when the municipality is known, also
	// below an address no route claims (/borger/dragoer/a/b).
	m := r.PathValue("municipality")
	if m == "" {
		m, _, _ = strings.Cut(strings.TrimPrefix(r.URL.Path, "/borger/"), "/")
	}
	if cur, cerr := p.registry.Current(r.Context(), m); m != "" && cerr == nil {
		v.fill(cur.Strategy)
	}
	data := struct {
		view
		Message string
	}{v, v.L.T(message)}
	if rerr := p.pages.Render(w, status, "error", data); rerr != nil {
		p.log.Error("render citizen error page", "err", rerr)
		http.Error(w, http.StatusText(status), status)
	}
}

// PageNames are the names of the portal's templates.
func (p *Portal) PageNames() []string { return p.pages.Names() }

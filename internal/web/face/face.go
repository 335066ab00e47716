// Package face holds what every face of Kanal's web server shares. A face
// is one audience's side of the server, behind its own trust boundary: the
// staff pages (package staff), the API for systems (package api) and, next,
// the citizen portal. Each face contributes its routes to the one route
// table in package web, with its own access control and its own way of
// answering an error; this package gives them the route type, typed
// errors, the reader's language, page rendering, rate limits, text checks,
// safe redirects and the security headers.
package face

import (
	"log/slog"
	"net/http"
	"time"

	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/casework"
	"github.com/kanal-dk/kanal/internal/councilreport"
	"github.com/kanal-dk/kanal/internal/demo"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/mail"
	"github.com/kanal-dk/kanal/internal/measure"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/nemlogin"
	"github.com/kanal-dk/kanal/internal/selfservice"
	"github.com/kanal-dk/kanal/internal/sf1520"
	"github.com/kanal-dk/kanal/internal/store"
)

// A Face is one audience's side of the server.
type Face interface {
	// Routes are the face's entries of the route table.
	Routes() []Route
	// Guard puts the face's access control in front of one of its routes.
	Guard(rt Route, next http.Handler) http.Handler
	// Fail answers an error the face's way (a page, a JSON body), with
	// the status the error calls for.
	Fail(w http.ResponseWriter, r *http.Request, err error)
}

// Route is one entry of the route table: its pattern, who may use it, and
// its handler. Exactly one of Handle and Raw is set.
type Route struct {
	Pattern string
	// Public routes need no sign-in; they are rate limited per address.
	Public bool
	// SignIn routes take passwords or identity-provider answers and get
	// the stricter sign-in limit.
	SignIn bool
	// Perm is what a signed-in staff member needs; a {municipality} in
	// the pattern must also be the user's own.
	Perm auth.Permission
	// KeyPerm is what an API key needs (API routes).
	KeyPerm auth.KeyPermission
	// Body limits the request body; zero means DefaultBody.
	Body int64
	// Handle answers the request or returns an error that the face's Fail
	// answers, once.
	Handle func(http.ResponseWriter, *http.Request) error
	// Raw is a handler that answers every request itself, without the
	// face's access control (health, metrics, files).
	Raw http.Handler
}

// Body limits.
const (
	DefaultBody = 64 << 10
	UploadBody  = 2 << 20
)

// Services are what the faces' handlers work with: the domain's service
// objects on one database, the log and the server's clock.
type Services struct {
	DB       *store.DB
	Registry *municipality.Registry
	Users    *auth.Users
	Sessions *auth.Sessions
	Keys     *auth.Keys
	Recorder *inquiry.Recorder
	Measures *measure.Source
	Reports  *councilreport.Reports
	// OIDC is sign-in with the configured identity provider; nil when none.
	OIDC *auth.OIDC
	// Cases are the self-service cases, drafts and funnel; Forms the
	// forms the portal offers.
	Cases *casework.Cases
	Forms *selfservice.Catalogue
	// CitizenLogin is the national-login broker citizens sign in with,
	// CPR the registry look-up (SF1520) that fills forms in.
	CitizenLogin nemlogin.Broker
	CPR          sf1520.Lookup
	Log          *slog.Logger
	// Mail sends e-mail: answers to the contact form's questions.
	Mail mail.Sender
	// Now is the server's clock (see web.Options).
	Now func() time.Time
	// Secure makes cookies Secure: the public address is https.
	Secure bool
	// DemoPending is which demo years are still being written (see
	// web.Options).
	DemoPending *demo.Pending
}

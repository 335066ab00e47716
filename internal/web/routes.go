package web

import (
	"errors"
	"net/http"
	"net/url"

	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/kanal-dk/kanal/internal/auth"
)

// route is one entry of the route table: its pattern, who may use it, and
// its handler. Exactly one of page, api and raw is set.
type route struct {
	pattern string
	// public routes need no sign-in; they are rate limited per address.
	public bool
	// signIn routes take passwords or identity-provider answers and get the
	// stricter sign-in limit.
	signIn bool
	// perm is what a signed-in user needs (staff pages); a {municipality}
	// in the pattern must also be the user's own.
	perm auth.Permission
	// keyPerm is what an API key needs (API routes).
	keyPerm auth.KeyPermission
	// body limits the request body; zero means defaultBody.
	body int64
	page func(http.ResponseWriter, *http.Request) error
	api  func(http.ResponseWriter, *http.Request) error
	raw  http.Handler
}

const (
	defaultBody = 64 << 10
	uploadBody  = 2 << 20
)

// routes is every route Kanal serves. A route not listed here does not
// exist; the catch-all answers 404.
func (s *Server) routes() []route {
	return []route{
		{pattern: "GET /healthz", public: true, raw: http.HandlerFunc(s.healthz)},
		{pattern: "GET /metrics", public: true, raw: promhttp.HandlerFor(s.metrics, promhttp.HandlerOpts{})},
		{pattern: "GET /static/", public: true, raw: staticFiles()},

		{pattern: "GET /login", public: true, page: s.showLogin},
		{pattern: "POST /login", public: true, signIn: true, page: s.login},
		{pattern: "GET /auth/oidc/start", public: true, page: s.startOIDC},
		{pattern: "GET /auth/oidc/callback", public: true, signIn: true, page: s.finishOIDC},
		{pattern: "POST /logout", perm: auth.ViewStrategy, page: s.logout},
		{pattern: "POST /logout/everywhere", perm: auth.ViewStrategy, page: s.logoutEverywhere},
		{pattern: "GET /password", perm: auth.ViewStrategy, page: s.showPassword},
		{pattern: "POST /password", perm: auth.ViewStrategy, signIn: true, page: s.changePassword},

		{pattern: "GET /{$}", perm: auth.ViewStrategy, page: s.showHome},
		{pattern: "POST /municipalities", perm: auth.CreateMunicipality, body: uploadBody, page: s.createMunicipality},
		{pattern: "GET /m/{municipality}", perm: auth.ViewStrategy, page: s.showStrategy},
		{pattern: "GET /m/{municipality}/channels", perm: auth.ViewStrategy, page: s.showChannels},
		{pattern: "GET /m/{municipality}/areas", perm: auth.ViewStrategy, page: s.showAreas},
		{pattern: "GET /m/{municipality}/areas/{area}", perm: auth.ViewStrategy, page: s.showArea},
		{pattern: "GET /m/{municipality}/versions", perm: auth.ViewStrategy, page: s.showVersions},
		{pattern: "POST /m/{municipality}/versions", perm: auth.EditStrategy, body: uploadBody, page: s.uploadStrategy},
		{pattern: "GET /m/{municipality}/versions/{version}/strategy.yaml", perm: auth.ViewStrategy, page: s.downloadVersion},

		{pattern: "GET /m/{municipality}/console", perm: auth.RegisterInquiries, page: s.showConsole},
		{pattern: "GET /m/{municipality}/console/guidance", perm: auth.RegisterInquiries, page: s.showConsoleGuidance},
		{pattern: "POST /m/{municipality}/console", perm: auth.RegisterInquiries, page: s.registerInquiry},
		{pattern: "POST /m/{municipality}/console/undo", perm: auth.RegisterInquiries, page: s.undoInquiry},
		{pattern: "POST /m/{municipality}/console/desk", perm: auth.RegisterInquiries, page: s.chooseDesk},

		{pattern: "GET /m/{municipality}/figures", perm: auth.ViewFigures, page: s.showFigures},
		{pattern: "GET /m/{municipality}/figures/export", perm: auth.ViewFigures, page: s.exportFigures},
		{pattern: "POST /m/{municipality}/figures/sharing", perm: auth.ShareFigures, page: s.setSharing},
		{pattern: "GET /m/{municipality}/figures/report", perm: auth.CouncilReport, page: s.councilReport},
		{pattern: "POST /m/{municipality}/figures/reports", perm: auth.IssueCouncilReport, page: s.issueCouncilReport},
		{pattern: "GET /m/{municipality}/figures/reports/{report}", perm: auth.CouncilReport, page: s.issuedCouncilReport},

		{pattern: "GET /m/{municipality}/import", perm: auth.ImportInquiries, page: s.showImport},
		{pattern: "POST /m/{municipality}/import", perm: auth.ImportInquiries, body: importBody, page: s.importInquiries},

		{pattern: "GET /m/{municipality}/users", perm: auth.ManageUsers, page: s.showUsers},
		{pattern: "POST /m/{municipality}/users", perm: auth.ManageUsers, page: s.addUser},
		{pattern: "POST /m/{municipality}/users/{user}/password", perm: auth.ManageUsers, page: s.resetPassword},
		{pattern: "POST /m/{municipality}/users/{user}/sessions", perm: auth.ManageUsers, page: s.revokeSessions},
		{pattern: "POST /m/{municipality}/users/{user}/disable", perm: auth.ManageUsers, page: s.disableUser},

		{pattern: "GET /m/{municipality}/keys", perm: auth.ManageKeys, page: s.showKeys},
		{pattern: "POST /m/{municipality}/keys", perm: auth.ManageKeys, page: s.addKey},
		{pattern: "POST /m/{municipality}/keys/{key}/revoke", perm: auth.ManageKeys, page: s.revokeKey},

		{pattern: "GET /m/{municipality}/audit", perm: auth.ReadAudit, page: s.showAudit},
		{pattern: "GET /m/{municipality}/audit.csv", perm: auth.ReadAudit, page: s.exportAudit},

		{pattern: "GET /api/v1/openapi.json", public: true, raw: http.HandlerFunc(s.openAPIDocument)},
		{pattern: "GET /api/v1/strategy", keyPerm: auth.Read, api: s.apiStrategy},
		{pattern: "GET /api/v1/guidance", keyPerm: auth.Read, api: s.apiGuidance},
		{pattern: "GET /api/v1/kpis", keyPerm: auth.Read, api: s.apiKPIs},
		{pattern: "POST /api/v1/inquiries", keyPerm: auth.Ingest, body: ingestBody, api: s.apiIngest},

		{pattern: "/", public: true, page: func(http.ResponseWriter, *http.Request) error { return errNotFound }},
	}
}

// wrap puts a route's access control in front of its handler.
func (s *Server) wrap(rt route) http.Handler {
	limit := rt.body
	if limit == 0 {
		limit = defaultBody
	}
	var h http.Handler
	switch {
	case rt.raw != nil:
		h = rt.raw
	case rt.api != nil:
		h = s.apiHandler(rt.api)
		h = s.requireKey(rt.keyPerm, h)
	case rt.public:
		h = s.pageHandler(rt.page)
		h = s.withUser(h)
	default:
		h = s.pageHandler(rt.page)
		h = s.requireUser(rt.perm, h)
	}
	h = s.requireText(rt.api != nil, h)
	if rt.signIn {
		h = s.limitSignIn(h)
	}
	if rt.public {
		h = s.limitPublic(h)
	}
	return limitBody(limit, h)
}

func limitBody(n int64, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, n)
		next.ServeHTTP(w, r)
	})
}

const sessionCookie = "kanal_session"

// principalOf looks up the session of the request's cookie.
func (s *Server) principalOf(r *http.Request) (*auth.Principal, error) {
	c, err := r.Cookie(sessionCookie)
	if err != nil {
		return nil, auth.ErrNoSession
	}
	return s.sessions.Principal(r.Context(), c.Value)
}

// withUser attaches the signed-in user, if any, to a public page.
func (s *Server) withUser(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if p, err := s.principalOf(r); err == nil {
			r = r.WithContext(auth.WithPrincipal(r.Context(), p))
		}
		next.ServeHTTP(w, r)
	})
}

// requireUser lets a request through only for a signed-in user with the
// permission, in the municipality the path names. Another municipality's
// pages answer 404, so that their existence is not revealed; a missing
// permission answers 403.
func (s *Server) requireUser(perm auth.Permission, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, err := s.principalOf(r)
		if errors.Is(err, auth.ErrNoSession) {
			target := "/login"
			if r.Method == http.MethodGet && r.URL.Path != "/" {
				target += "?return=" + url.QueryEscape(r.URL.RequestURI())
			}
			http.Redirect(w, r, target, http.StatusSeeOther)
			return
		}
		if err != nil {
			s.pageError(w, r, err)
			return
		}
		r = r.WithContext(auth.WithPrincipal(r.Context(), p))
		if p.User.MustChangePassword && r.URL.Path != "/password" && r.URL.Path != "/logout" {
			http.Redirect(w, r, "/password", http.StatusSeeOther)
			return
		}
		m := r.PathValue("municipality")
		switch {
		case m != "" && !p.Sees(m):
			s.pageError(w, r, errNotFound)
		case !p.Can(perm, m):
			s.pageError(w, r, errForbidden)
		default:
			next.ServeHTTP(w, r)
		}
	})
}

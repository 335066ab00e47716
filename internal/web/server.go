// Package web serves Kanal over HTTP: one route table (routes.go) made of
// every face's routes — the staff pages (package staff), the API for
// systems (package api) and the citizen portal (package citizen) — and
// the health and metrics endpoints. Every route says who may use it; the
// table puts the face's access control, the text check, the rate limits
// and the body limit in front of it, and one test walks every route as
// every role and key. Nothing is reachable otherwise.
package web

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

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
	"github.com/kanal-dk/kanal/internal/web/api"
	"github.com/kanal-dk/kanal/internal/web/citizen"
	"github.com/kanal-dk/kanal/internal/web/face"
	"github.com/kanal-dk/kanal/internal/web/staff"
)

// Options are the server's dependencies and settings.
type Options struct {
	DB *store.DB
	// ReadDB, when set, is a read-only database (a PostgreSQL replica of
	// DB) that the figures, the KPI API and the council report read their
	// counts from; everything written goes to DB. nil reads from DB.
	ReadDB   *store.DB
	Registry *municipality.Registry
	Log      *slog.Logger
	// OIDC is sign-in with the configured identity provider; nil when none.
	OIDC *auth.OIDC
	// PublicURL is where users reach Kanal; an https address makes cookies
	// Secure even behind a TLS-terminating proxy.
	PublicURL string
	// Limits for the rate limiters; zero values take the defaults.
	PublicRate, SignInRate Rate
	// Now is the server's clock: the staff console's "today", the time of a
	// registration, the undo window, what reported inquiries may not be
	// dated after, the default year of the figures and the council report
	// and the date on a report; nil is the real clock. Tests set it, so
	// that a run across midnight does not change what "today" is.
	Now func() time.Time
	// HistoryYears is how many years before its strategy's first year an
	// inquiry may be dated; zero takes inquiry.DefaultHistoryYears.
	HistoryYears int
	// DemoPending is which demo years the first start is still writing;
	// the staff pages say so. nil when none.
	DemoPending *demo.Pending
	// Forms are the self-service forms the portal offers; nil offers
	// the examples Kanal ships.
	Forms *selfservice.Catalogue
	// CitizenLogin is the national-login broker citizens sign in with
	// and CPR the registry look-up (SF1520); nil for both is the
	// development login and look-up on the test citizens file.
	CitizenLogin nemlogin.Broker
	CPR          sf1520.Lookup
	// Mail sends the answers to the contact form's questions; nil keeps
	// them in the local outbox the staff pages show.
	Mail mail.Sender
}

// recorder is the inquiry recorder on the server's clock and history.
func recorder(o Options) *inquiry.Recorder {
	rec := inquiry.NewRecorder(o.DB)
	rec.Now = o.Now
	if o.HistoryYears > 0 {
		rec.HistoryYears = o.HistoryYears
	}
	return rec
}

// citizenDefaults gives the portal what Options leave out: the example
// forms Kanal ships, and the development login and registry look-up on
// the test citizens file shipped with Kanal.
func citizenDefaults(o *Options) error {
	if o.Forms == nil {
		o.Forms = selfservice.NewCatalogue(selfservice.Examples())
	}
	if o.CPR != nil && o.CitizenLogin != nil {
		return nil
	}
	people, err := sf1520.Embedded()
	if err != nil {
		return fmt.Errorf("read the shipped test citizens: %w", err)
	}
	if o.CPR == nil {
		o.CPR = people
	}
	if o.CitizenLogin == nil {
		// The portal sends the browser to its own pick page and keeps the
		// state itself (citizen.Portal), so the address is not used.
		o.CitizenLogin = nemlogin.NewDev(people, func(string) string { return "/borger/" })
	}
	return nil
}

// Server holds the faces and what every request passes.
type Server struct {
	db     *store.DB
	log    *slog.Logger
	secure bool
	staff  *staff.Pages
	// measures and reports are the faces' own, kept for tests that check
	// what a page shows against them.
	measures  *measure.Source
	reports   *councilreport.Reports
	api       *api.API
	citizen   *citizen.Portal
	public    *face.Limiter
	signInIP  *face.Limiter
	signInFor *face.Limiter
	metrics   *prometheus.Registry
	requests  *prometheus.CounterVec
	durations *prometheus.HistogramVec
}

// New returns a server.
func New(o Options) (*Server, error) {
	if o.PublicRate == (Rate{}) {
		o.PublicRate = Rate{PerSecond: 20, Burst: 200}
	}
	if o.SignInRate == (Rate{}) {
		o.SignInRate = Rate{PerSecond: 1.0 / 6, Burst: 10}
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	read := o.ReadDB
	if read == nil {
		read = o.DB
	}
	if err := citizenDefaults(&o); err != nil {
		return nil, err
	}
	measures := measure.NewSource(read, o.Registry)
	rec := recorder(o)
	svc := face.Services{
		DB: o.DB, Registry: o.Registry, Log: o.Log, OIDC: o.OIDC, Now: o.Now, DemoPending: o.DemoPending,
		Users:    auth.NewUsers(o.DB, o.Registry),
		Sessions: auth.NewSessions(o.DB),
		Keys:     auth.NewKeys(o.DB),
		Recorder: rec,
		Cases:    casework.New(o.DB, rec),
		Forms:    o.Forms, CitizenLogin: o.CitizenLogin, CPR: o.CPR,
		Measures: measures,
		Reports:  councilreport.NewReports(o.DB, measures),
		Mail:     o.Mail,
		Secure:   strings.HasPrefix(o.PublicURL, "https://"),
	}
	if svc.Mail == nil {
		svc.Mail = mail.NewOutbox(o.DB)
	}
	// Cases date submissions and answer dates on the server's clock.
	svc.Cases.Now = o.Now
	pages, err := staff.New(svc)
	if err != nil {
		return nil, err
	}
	portal, err := citizen.New(svc)
	if err != nil {
		return nil, err
	}
	s := &Server{
		db: o.DB, log: o.Log, secure: svc.Secure, staff: pages, api: api.New(svc), citizen: portal,
		measures: svc.Measures, reports: svc.Reports,
		public:   face.NewLimiter(o.PublicRate),
		signInIP: face.NewLimiter(o.SignInRate),
		// One account is guessed at more slowly than one address may try.
		signInFor: face.NewLimiter(Rate{PerSecond: o.SignInRate.PerSecond / 2, Burst: max(1, o.SignInRate.Burst/2)}),
		metrics:   prometheus.NewRegistry(),
	}
	s.requests = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "kanal_http_requests_total", Help: "HTTP requests by route and status code.",
	}, []string{"route", "code"})
	s.durations = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name: "kanal_http_request_duration_seconds", Help: "Time to answer HTTP requests, by route.",
		Buckets: prometheus.DefBuckets,
	}, []string{"route"})
	s.metrics.MustRegister(s.requests, s.durations,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		collectors.NewDBStatsCollector(o.DB.DB, string(o.DB.Engine)))
	if o.ReadDB != nil {
		s.metrics.MustRegister(collectors.NewDBStatsCollector(o.ReadDB.DB, "read"))
	}
	return s, nil
}

// Handler returns every route wrapped in the middleware all requests pass:
// logging and metrics, security headers, the language choice, and
// cross-origin protection of state-changing requests (CSRF).
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	for _, rt := range s.routes() {
		mux.Handle(rt.Pattern, s.wrap(rt))
	}
	protect := http.NewCrossOriginProtection()
	return s.observe(face.SecurityHeaders(s.secure, face.RememberLanguage(protect.Handler(mux))))
}

// healthz answers 200 when the database answers.
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	if err := s.db.PingContext(ctx); err != nil {
		s.log.Error("health check: database does not answer", "err", err)
		w.WriteHeader(http.StatusServiceUnavailable)
		w.Write([]byte("database unavailable\n"))
		return
	}
	w.Write([]byte("ok\n"))
}

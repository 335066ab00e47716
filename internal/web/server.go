// Package web serves Kanal over HTTP: the pages (server-rendered HTML in
// Danish and English), the health and metrics endpoints, and later the API.
// Handlers are methods on Server, one page per file, and return an error
// that one adapter turns into an answer.
package web

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/store"
)

// Server holds the dependencies of every handler.
type Server struct {
	db        *store.DB
	registry  *municipality.Registry
	log       *slog.Logger
	pages     *pages
	metrics   *prometheus.Registry
	requests  *prometheus.CounterVec
	durations *prometheus.HistogramVec
}

// New returns a server on the given database.
func New(db *store.DB, registry *municipality.Registry, log *slog.Logger) (*Server, error) {
	p, err := parsePages()
	if err != nil {
		return nil, err
	}
	s := &Server{db: db, registry: registry, log: log, pages: p, metrics: prometheus.NewRegistry()}
	s.requests = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "kanal_http_requests_total", Help: "HTTP requests by route and status code.",
	}, []string{"route", "code"})
	s.durations = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name: "kanal_http_request_duration_seconds", Help: "Time to answer HTTP requests, by route.",
		Buckets: prometheus.DefBuckets,
	}, []string{"route"})
	s.metrics.MustRegister(s.requests, s.durations,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		collectors.NewDBStatsCollector(db.DB, string(db.Engine)))
	return s, nil
}

// Handler returns the routes wrapped in the middleware every request
// passes: security headers, cross-origin protection of state-changing
// requests, metrics and logging.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /healthz", http.HandlerFunc(s.healthz))
	mux.Handle("GET /metrics", promhttp.HandlerFor(s.metrics, promhttp.HandlerOpts{}))
	mux.Handle("GET /static/", staticFiles())
	mux.Handle("GET /{$}", s.page(s.showHome))
	mux.Handle("GET /m/{municipality}", s.page(s.showStrategy))
	mux.Handle("GET /m/{municipality}/channels", s.page(s.showChannels))
	mux.Handle("GET /m/{municipality}/areas", s.page(s.showAreas))
	mux.Handle("GET /m/{municipality}/areas/{area}", s.page(s.showArea))
	mux.Handle("GET /m/{municipality}/versions", s.page(s.showVersions))
	mux.Handle("GET /m/{municipality}/versions/{version}/strategy.yaml", s.page(s.downloadVersion))
	mux.Handle("/", s.page(func(w http.ResponseWriter, r *http.Request) error { return errNotFound }))

	protect := http.NewCrossOriginProtection()
	return s.observe(securityHeaders(protect.Handler(mux)))
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

// errNotFound answers 404 with the not-found page.
var errNotFound = errors.New("not found")

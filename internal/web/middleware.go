package web

import (
	"net/http"
	"strconv"
	"time"
)

// securityHeaders sets the headers every answer carries. The policy allows
// no inline script or style: everything comes from /static/.
//
// No answer may be stored by the browser or a proxy unless its handler
// says so (only the static files do): signed-in pages show personal
// figures, one-time passwords and new API keys, and exports are downloads
// of the same, which must not stay in a shared computer's cache or come
// back with the Back button after signing out.
//
// With an https public address, browsers are told to use nothing else
// (HSTS), so that a typed or old http:// link cannot be intercepted.
func securityHeaders(https bool, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Cache-Control", "no-store")
		if https || r.TLS != nil {
			h.Set("Strict-Transport-Security", "max-age=63072000")
		}
		h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "+
			"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "same-origin")
		next.ServeHTTP(w, r)
	})
}

// statusRecorder remembers the status code a handler wrote.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *statusRecorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	return r.ResponseWriter.Write(b)
}

func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// observe counts, times and logs every request. It logs the route pattern,
// never the path or query, so that nothing a citizen typed reaches the log.
func (s *Server) observe(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w}
		next.ServeHTTP(rec, r)
		if rec.status == 0 {
			rec.status = http.StatusOK
		}
		route := r.Pattern
		if route == "" {
			route = "unmatched"
		}
		elapsed := time.Since(start)
		s.requests.WithLabelValues(route, strconv.Itoa(rec.status)).Inc()
		s.durations.WithLabelValues(route).Observe(elapsed.Seconds())
		s.log.Info("http request", "method", r.Method, "route", route, "status", rec.status, "duration_ms", elapsed.Milliseconds())
	})
}

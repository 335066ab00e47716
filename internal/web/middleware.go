package web

import (
	"log/slog"
	"net/http"
	"strconv"
	"time"
)

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

// observe counts and times every request and logs it. It logs the route
// pattern, never the path or query, so that nothing a citizen typed
// reaches the log.
//
// Answers that went well are logged at debug level: the metrics count and
// time every one of them, and a line per request cost the guidance API a
// fifth of its time (BENCHMARKS.md). What an operator must see is logged
// at the default level: refusals and errors (status 400 and up) and
// requests slower than slowRequest. --log-level debug logs every request.
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
		// LogAttrs takes typed attributes: no boxing into []any, and no
		// work at all when the level is not logged.
		s.log.LogAttrs(r.Context(), requestLevel(rec.status, elapsed), "http request", slog.String("method", r.Method),
			slog.String("route", route), slog.Int("status", rec.status), slog.Int64("duration_ms", elapsed.Milliseconds()))
	})
}

// slowRequest is how long an answer may take before its request is logged
// at the default level.
const slowRequest = time.Second

// requestLevel is the level a request is logged at: refusals, errors and
// slow answers as information (the handler that failed logs the error
// itself), the rest as debug.
func requestLevel(status int, elapsed time.Duration) slog.Level {
	if status >= 400 || elapsed >= slowRequest {
		return slog.LevelInfo
	}
	return slog.LevelDebug
}

package web

import (
	"net"
	"net/http"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"github.com/kanal-dk/kanal/internal/auth"
)

// Rate is a token bucket: PerSecond tokens refill, Burst is the bucket.
type Rate struct {
	PerSecond float64
	Burst     int
}

// limiter keeps one token bucket per key (an address, an account). The
// buckets live in this instance's memory: with several instances each
// allows the rate, which still stops guessing.
type limiter struct {
	rate    Rate
	mu      sync.Mutex
	buckets map[string]*bucket
	pruned  time.Time
}

type bucket struct {
	limit *rate.Limiter
	seen  time.Time
}

func newLimiter(r Rate) *limiter {
	return &limiter{rate: r, buckets: map[string]*bucket{}}
}

// allow takes a token for key, reporting false when the bucket is empty.
func (l *limiter) allow(key string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := time.Now()
	if now.Sub(l.pruned) > time.Minute {
		for k, b := range l.buckets {
			if now.Sub(b.seen) > 10*time.Minute {
				delete(l.buckets, k)
			}
		}
		l.pruned = now
	}
	b, ok := l.buckets[key]
	if !ok {
		b = &bucket{limit: rate.NewLimiter(rate.Limit(l.rate.PerSecond), l.rate.Burst)}
		l.buckets[key] = b
	}
	b.seen = now
	return b.limit.Allow()
}

// clientAddr is the address the request came from. Kanal does not trust
// forwarding headers, which anyone can send.
func clientAddr(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

func (s *Server) tooManyRequests(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Retry-After", "30")
	l := printer(r)
	v, _ := s.base(r, l.T("error.too_many.title"))
	data := struct {
		view
		Message string
	}{v, l.T("error.too_many")}
	if err := s.render(w, http.StatusTooManyRequests, "error", data); err != nil {
		http.Error(w, "too many requests", http.StatusTooManyRequests)
	}
}

// limitPublic limits the public routes per client address.
func (s *Server) limitPublic(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !s.public.allow(clientAddr(r)) {
			s.tooManyRequests(w, r)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// limitSignIn limits sign-in attempts per client address and, for
// password sign-in, per account.
func (s *Server) limitSignIn(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ok := s.signInIP.allow(clientAddr(r))
		if ok && r.Method == http.MethodPost {
			if email := r.PostFormValue("email"); email != "" {
				ok = s.signInFor.allow(auth.NormalizeEmail(email))
			}
		}
		if !ok {
			s.tooManyRequests(w, r)
			return
		}
		next.ServeHTTP(w, r)
	})
}

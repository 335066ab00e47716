package face

import (
	"net"
	"net/http"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// Rate is a token bucket: PerSecond tokens refill, Burst is the bucket.
type Rate struct {
	PerSecond float64
	Burst     int
}

// Limiter keeps one token bucket per key (an address, an account). The
// buckets live in this instance's memory: with several instances each
// allows the rate, which still stops guessing.
type Limiter struct {
	rate    Rate
	mu      sync.Mutex
	buckets map[string]*bucket
	pruned  time.Time
}

type bucket struct {
	limit *rate.Limiter
	seen  time.Time
}

func NewLimiter(r Rate) *Limiter {
	return &Limiter{rate: r, buckets: map[string]*bucket{}}
}

// Allow takes a token for key, reporting false when the bucket is empty.
func (l *Limiter) Allow(key string) bool {
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

// ClientAddr is the address the request came from. Kanal does not trust
// forwarding headers, which anyone can send.
func ClientAddr(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

package web

import (
	"net/http"

	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/web/face"
)

// Rate is a token bucket: PerSecond tokens refill, Burst is the bucket.
type Rate = face.Rate

// limitPublic limits the public routes per client address.
func (s *Server) limitPublic(f face.Face, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !s.public.Allow(face.ClientAddr(r)) {
			f.Fail(w, r, face.ErrTooManyRequests)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// limitSignIn limits sign-in attempts per client address and, for
// password sign-in, per account.
func (s *Server) limitSignIn(f face.Face, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ok := s.signInIP.Allow(face.ClientAddr(r))
		if ok && r.Method == http.MethodPost {
			if email := r.PostFormValue("email"); email != "" {
				ok = s.signInFor.Allow(auth.NormalizeEmail(email))
			}
		}
		if !ok {
			f.Fail(w, r, face.ErrTooManyRequests)
			return
		}
		next.ServeHTTP(w, r)
	})
}

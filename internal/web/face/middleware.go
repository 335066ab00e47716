package face

import (
	"net/http"
)

// SecurityHeaders sets the headers every answer carries. The policy allows
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
func SecurityHeaders(https bool, next http.Handler) http.Handler {
	always := http.Header{}
	always.Set("Cache-Control", "no-store")
	always.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "+
		"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
	always.Set("X-Content-Type-Options", "nosniff")
	always.Set("X-Frame-Options", "DENY")
	always.Set("Referrer-Policy", "same-origin")
	hsts := []string{"max-age=63072000"}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// The values are shared by every answer and never changed in
		// place: a handler's Set replaces a slice, and an Add appends to
		// a full one, which copies it.
		h := w.Header()
		for k, v := range always {
			h[k] = v[:len(v):len(v)]
		}
		if https || r.TLS != nil {
			h["Strict-Transport-Security"] = hsts[:1:1]
		}
		next.ServeHTTP(w, r)
	})
}

// LimitBody limits the request body to n bytes.
func LimitBody(n int64, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, n)
		next.ServeHTTP(w, r)
	})
}

package web

import (
	"errors"
	"mime"
	"net/http"
	"net/url"

	"github.com/kanal-dk/kanal/internal/store"
)

// errNotText is a request whose path, query or form holds something that
// is not text: bytes that are not UTF-8, or control characters.
var errNotText = errors.New("the request holds text that is not valid UTF-8 or holds control characters")

// requireText refuses, with 400, a request whose path, query or form holds
// something that is not text, before any handler sees it. PostgreSQL
// refuses such bytes in any query, so without this check the same request
// would answer 500 there and something else on SQLite; with it, every
// handler reads only text that both engines take alike. Form values may
// hold line breaks and tabs (text areas); the path and the query may not.
// A multipart form (a file upload) is left to its handler, which checks
// the file.
func (s *Server) requireText(api bool, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case isText(r):
			next.ServeHTTP(w, r)
		case api:
			s.apiFail(w, r, http.StatusBadRequest, "not_text")
		default:
			s.pageError(w, r, errNotText)
		}
	})
}

// isText reports whether the request's path, query and form are text. A
// form that cannot be read at all is left to its handler, which reports it.
func isText(r *http.Request) bool {
	if store.CheckText(r.URL.Path) != nil || !valuesAreText(r.URL.Query(), store.CheckText) {
		return false
	}
	if mediaType, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mediaType != "application/x-www-form-urlencoded" {
		return true
	}
	if err := r.ParseForm(); err != nil {
		return true
	}
	return valuesAreText(r.PostForm, store.CheckLines)
}

func valuesAreText(vs url.Values, check func(string) error) bool {
	for k, values := range vs {
		if store.CheckText(k) != nil {
			return false
		}
		for _, v := range values {
			if check(v) != nil {
				return false
			}
		}
	}
	return true
}

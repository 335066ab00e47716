package face

import (
	"mime"
	"net/http"
	"net/url"

	"github.com/kanal-dk/kanal/internal/store"
)

// IsText reports whether the request's path, query and form are text,
// which the route table requires of every request before any handler sees
// it (a request that is not is answered with ErrNotText, 400). PostgreSQL
// refuses bytes that are not UTF-8 in any query, so without this check the
// same request would answer 500 there and something else on SQLite; with
// it, every handler reads only text that both engines take alike. Form
// values may hold line breaks and tabs (text areas); the path and the
// query may not. A multipart form (a file upload) is left to its handler,
// which checks the file, as is a form that cannot be read at all.
func IsText(r *http.Request) bool {
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

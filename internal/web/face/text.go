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
	if store.CheckText(r.URL.Path) != nil || !(plainQuery(r.URL.RawQuery) || valuesAreText(r.URL.Query(), store.CheckText)) {
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

// plainQuery reports whether a raw query decodes to printable ASCII only
// (every byte, and every %XY escape, between space and tilde), which is
// text whatever its keys and values are: such a query — the API's, as
// systems send it — needs no parsing here, only in its handler.
func plainQuery(raw string) bool {
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if c == '%' {
			if i+2 >= len(raw) {
				return false
			}
			hi, ok1 := unhex(raw[i+1])
			lo, ok2 := unhex(raw[i+2])
			if !ok1 || !ok2 {
				return false
			}
			c = hi<<4 | lo
			i += 2
		}
		if c < 0x20 || c > 0x7e {
			return false
		}
	}
	return true
}

func unhex(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

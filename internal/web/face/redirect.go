package face

import (
	"net/http"
	"net/url"
	"strings"
)

// LocalPath returns target as a path on this site, rebuilt from its parsed
// parts, or "/" when it is anything else. Browsers read more as "another
// host" than a URL parser does: "//evil", "/\evil", "/\t/evil" (tabs and
// newlines are dropped, leaving "//evil") and their percent-encoded forms
// all lead away, so a path with a backslash, a control character, or a
// leading "//" before or after decoding is refused, as is anything with a
// scheme or host.
func LocalPath(target string) string {
	if !strings.HasPrefix(target, "/") || unsafeInPath(target) {
		return "/"
	}
	u, err := url.Parse(target)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || u.Opaque != "" {
		return "/"
	}
	if !strings.HasPrefix(u.Path, "/") || unsafeInPath(u.Path) {
		return "/"
	}
	if query, err := url.QueryUnescape(u.RawQuery); err != nil || unsafeInPath(query) {
		return "/"
	}
	out := u.EscapedPath()
	if u.RawQuery != "" {
		out += "?" + u.RawQuery
	}
	// The rebuilt address is checked once more, so that no normalisation
	// above can have produced what was refused.
	if !strings.HasPrefix(out, "/") || strings.HasPrefix(out, "//") || unsafeInPath(out) {
		return "/"
	}
	return out
}

// unsafeInPath reports a leading "//", a backslash or a control character
// (including DEL and the Unicode C1 controls) anywhere in s.
func unsafeInPath(s string) bool {
	if strings.HasPrefix(s, "//") || strings.ContainsRune(s, '\\') {
		return true
	}
	for _, r := range s {
		if r < 0x20 || r >= 0x7f && r <= 0x9f || r == '\u2028' || r == '\u2029' {
			return true
		}
	}
	return false
}

// Redirect sends the browser to a path on this site. Every redirect of a
// face goes through it, so that no address built from a request can
// send a user elsewhere.
func Redirect(w http.ResponseWriter, r *http.Request, target string) {
	http.Redirect(w, r, LocalPath(target), http.StatusSeeOther)
}

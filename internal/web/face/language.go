package face

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/kanal-dk/kanal/internal/locale"
)

const langCookie = "kanal_lang"

// RememberLanguage keeps a language chosen with ?lang= in a cookie, on
// every request, so that the choice survives a redirect to sign-in.
func RememberLanguage(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if lang := askedLanguage(r); lang != "" {
			http.SetCookie(w, &http.Cookie{Name: langCookie, Value: lang, Path: "/", MaxAge: 365 * 24 * 3600,
				HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: r.TLS != nil})
		}
		next.ServeHTTP(w, r)
	})
}

// Printer picks the reader's language: ?lang=, then the cookie, then the
// browser's Accept-Language, then Danish.
func Printer(r *http.Request) locale.Printer {
	if lang := askedLanguage(r); lang != "" {
		return locale.New(lang)
	}
	if c, err := r.Cookie(langCookie); err == nil {
		return locale.New(c.Value)
	}
	return locale.New(locale.Match(r.Header.Get("Accept-Language")))
}

// askedLanguage is the language ?lang= asks for, or "" for none or an
// unknown one. The query is parsed only when it could hold lang=: this
// runs several times on every request, the API's included.
func askedLanguage(r *http.Request) string {
	if !strings.Contains(r.URL.RawQuery, "lang=") {
		return ""
	}
	if lang := r.URL.Query().Get("lang"); lang == locale.Danish || lang == locale.English {
		return lang
	}
	return ""
}

// OtherLanguage is the page's address in the language other than lang,
// keeping the query of a GET (the figures' filters, the portal's search);
// an answer to a POST links to its address alone, which shows the form
// afresh.
func OtherLanguage(r *http.Request, lang string) string {
	other := locale.English
	if lang == locale.English {
		other = locale.Danish
	}
	q := url.Values{}
	if r.Method == http.MethodGet || r.Method == http.MethodHead {
		q = r.URL.Query()
	}
	q.Set("lang", other)
	return r.URL.EscapedPath() + "?" + q.Encode()
}

package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/kanal-dk/kanal/internal/auth"
)

// notText are values that are not text both engines take: bytes that are
// not UTF-8 (PostgreSQL refuses them in any query, SQLite compares them),
// a NUL byte, a C1 control character and a lone percent sign.
var notText = []string{"\xff\xfe", "s\xf8g", "a\x00b", "x\u0085y", "%"}

// paramNames are the query and form fields Kanal's handlers read.
var paramNames = []string{"return", "q", "year", "from", "to", "period", "quarter", "month", "department", "area",
	"channel", "type", "direction", "at", "municipality", "lang", "table", "format", "action", "actor", "desk",
	"registered", "email", "name", "role", "password", "current", "new", "repeat", "permissions", "test", "share",
	"resolved_first_contact", "guided", "assisted", "exempt", "duration_seconds", "id", "undo", "code", "state", "error"}

// Whatever bytes arrive in a path, a query or a form, on any route, for any
// role, the answer is never a server error: the same on SQLite and on
// PostgreSQL, which refuses text that is not UTF-8 in any query.
func TestRoutes_TextThatIsNotTextNeverFailsTheServer(t *testing.T) {
	ts := newTestServer(t, true, func(o *Options, _ string) {
		o.PublicRate = Rate{PerSecond: 10000, Burst: 10000}
		o.SignInRate = Rate{PerSecond: 10000, Burst: 10000}
	})
	key, _ := ts.addKey(t, "dragoer", "alt", false, auth.KeyPermissions...)
	for _, rt := range ts.srv.routes() {
		if rt.Pattern == "/" || rt.Pattern == "GET /static/" {
			continue
		}
		for _, bad := range notText {
			values := map[string]string{"municipality": "dragoer", "area": url.PathEscape(bad), "version": url.PathEscape(bad),
				"user": url.PathEscape(bad), "key": url.PathEscape(bad)}
			_, path := routeURL(rt.Pattern, values)
			method, _, _ := strings.Cut(rt.Pattern, " ")
			form := url.Values{}
			for _, name := range paramNames {
				if name != "municipality" { // a municipality of another name is a 404, tried below
					form.Set(name, bad)
				}
			}
			paths := []string{path + "?" + form.Encode()}
			if strings.Contains(rt.Pattern, "{municipality}") {
				_, other := routeURL(rt.Pattern, map[string]string{"municipality": url.PathEscape(bad), "area": "flytning",
					"version": "1", "user": "1", "key": "1"})
				paths = append(paths, other)
			}
			// Fresh sessions for every route: signing out ends them.
			clients := map[string]*http.Client{"anonymous": ts.client(t, "")}
			for _, email := range []string{operator, dragoerStaff, dragoerManager, dragoerGroup, dragoerAuditor} {
				clients[email] = ts.client(t, email)
			}
			for who, c := range clients {
				for _, p := range paths {
					req, err := http.NewRequest(method, ts.URL+p, strings.NewReader(form.Encode()))
					if err != nil {
						t.Fatal(err)
					}
					switch {
					case rt.KeyPerm != "":
						req.Header.Set("Authorization", "Bearer "+key)
						req.Header.Set("Content-Type", "application/json")
						req.Body = http.NoBody
						if method == http.MethodPost {
							req.Body, req.ContentLength = nil, 0
							req, err = http.NewRequest(method, ts.URL+p, strings.NewReader(`{"id": "`+strings.ReplaceAll(bad, `"`, ``)+`", "area": "`+bad+`"}`))
							if err != nil {
								t.Fatal(err)
							}
							req.Header.Set("Authorization", "Bearer "+key)
							req.Header.Set("Content-Type", "application/json")
							req.Header.Set("Idempotency-Key", strings.ReplaceAll(bad, "\x00", "\xff"))
						}
					case method == http.MethodPost:
						req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
					}
					if r := do(t, c, req); r.status >= 500 {
						t.Errorf("%s as %s, %q: %d\n%s", rt.Pattern, who, p, r.status, firstLine(r.body))
					}
				}
			}
		}
	}
}

// What is not text is named as such, in Danish, on a page and in the API.
func TestRequireText_NamesTheProblem(t *testing.T) {
	ts := newTestServer(t, true)
	if r := ts.get(t, ts.client(t, dragoerGroup), "/m/dragoer/figures?year=%FF"); r.status != http.StatusBadRequest ||
		!strings.Contains(r.body, "ikke er gyldig tekst") {
		t.Errorf("a page: %d\n%s", r.status, r.body)
	}
	key, _ := ts.addKey(t, "dragoer", "alt", false, auth.Read)
	if r := ts.get(t, ts.client(t, ""), "/api/v1/guidance?area=flyt%00ning", "Authorization", "Bearer "+key); r.status != http.StatusBadRequest ||
		!strings.Contains(r.body, `"not_text"`) {
		t.Errorf("the API: %d\n%s", r.status, r.body)
	}
	// Line breaks belong in a form's text areas: they reach the handler,
	// which says what the field wants.
	form := url.Values{"email": {"ny@dragoer.dk"}, "name": {"Ny\r\nMedarbejder"}, "role": {"staff"}}
	if r := ts.post(t, ts.client(t, dragoerGroup), "/m/dragoer/users", form); r.status != http.StatusUnprocessableEntity ||
		!strings.Contains(r.body, "Skriv navnet på én linje") {
		t.Errorf("a name with a line break: %d\n%s", r.status, r.body)
	}
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	return s
}

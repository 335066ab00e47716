package face_test

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/kanal-dk/kanal/internal/web/face"
)

// A page is rendered whole before the first byte is sent: a template that
// fails half-way leaves the answer untouched, so the face can still answer
// with its error page.
func TestTemplates_RenderWholePageOrNothing(t *testing.T) {
	fsys := fstest.MapFS{
		"layout.html":       {Data: []byte(`<main>{{template "body" .}}</main>`)},
		"pages/hello.html":  {Data: []byte(`{{define "body"}}Hej {{.Name}}{{end}}{{define "part"}}<b>{{.Name}}</b>{{end}}`)},
		"pages/broken.html": {Data: []byte(`{{define "body"}}start {{.Missing.Field}}{{end}}`)},
	}
	tpl, err := face.ParseTemplates(fsys, nil, "pages/*.html", "layout.html")
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(tpl.Names(), ","); got != "broken,hello" {
		t.Errorf("names %s", got)
	}
	w := httptest.NewRecorder()
	if err := tpl.Render(w, http.StatusTeapot, "hello", struct{ Name string }{"Dragør"}); err != nil {
		t.Fatal(err)
	}
	if w.Code != http.StatusTeapot || w.Body.String() != "<main>Hej Dragør</main>" || !strings.HasPrefix(w.Header().Get("Content-Type"), "text/html") {
		t.Errorf("%d %q %q", w.Code, w.Body, w.Header().Get("Content-Type"))
	}
	w = httptest.NewRecorder()
	if err := tpl.Fragment(w, "hello", "part", struct{ Name string }{"Tårnby"}); err != nil || w.Body.String() != "<b>Tårnby</b>" {
		t.Errorf("fragment %q %v", w.Body, err)
	}
	w = httptest.NewRecorder()
	if err := tpl.Render(w, http.StatusOK, "broken", struct{ Name string }{"x"}); err == nil {
		t.Error("a failing template rendered")
	}
	if w.Body.Len() != 0 || w.Header().Get("Content-Type") != "" {
		t.Errorf("a failing page wrote %q", w.Body)
	}
	if err := tpl.Render(httptest.NewRecorder(), http.StatusOK, "nowhere", nil); err == nil {
		t.Error("an unknown page rendered")
	}
}

// A typed error says its status and code, and a wrapped one is still found.
func TestError_StatusAndCode(t *testing.T) {
	err := error(face.Fail(http.StatusConflict, "idempotency_conflict"))
	if err.Error() != "409 idempotency_conflict" {
		t.Errorf("%q", err)
	}
	var fe *face.Error
	if !errors.As(errors.Join(errors.New("context"), err), &fe) || fe.Status != http.StatusConflict {
		t.Error("a wrapped *face.Error is not found")
	}
	field := &face.Error{Status: http.StatusBadRequest, Code: "bad_request", Field: "from"}
	if field.Error() != "400 bad_request (from)" {
		t.Errorf("%q", field)
	}
}

// A bucket lets its burst through, then refuses, per key.
func TestLimiter_BurstPerKey(t *testing.T) {
	l := face.NewLimiter(face.Rate{PerSecond: 0.001, Burst: 3})
	for i := range 3 {
		if !l.Allow("a") {
			t.Fatalf("request %d refused within the burst", i+1)
		}
	}
	if l.Allow("a") {
		t.Error("the fourth request was let through")
	}
	if !l.Allow("b") {
		t.Error("another key shares the first key's bucket")
	}
}

// The language asked for with ?lang= wins over the cookie and the
// browser's; anything else is not a language.
func TestPrinter_LangInTheQueryFirst(t *testing.T) {
	for _, c := range []struct {
		query, cookie, accept, want string
	}{
		{"lang=en", "da", "da", "Not found."},
		{"x=1&lang=en", "", "", "Not found."},
		{"lang=xx", "en", "da", "Not found."},
		{"flang=en", "", "da", "Findes ikke."},
		{"", "", "en-GB,en;q=0.9", "Not found."},
		{"", "", "", "Findes ikke."},
	} {
		r := httptest.NewRequest(http.MethodGet, "/?"+c.query, nil)
		if c.cookie != "" {
			r.AddCookie(&http.Cookie{Name: "kanal_lang", Value: c.cookie})
		}
		if c.accept != "" {
			r.Header.Set("Accept-Language", c.accept)
		}
		if got := face.Printer(r).T("api.not_found"); got != c.want {
			t.Errorf("%+v: %q, want %q", c, got, c.want)
		}
	}
}

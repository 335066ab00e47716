package dkfds

import (
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
)

func get(t *testing.T, path string) *httptest.ResponseRecorder {
	t.Helper()
	w := httptest.NewRecorder()
	Handler().ServeHTTP(w, httptest.NewRequest(http.MethodGet, path, nil))
	return w
}

// The style sheet is served with a year's cache, and every font and icon
// it names relatively is vendored beside it, except the old formats
// (eot, ttf) that no supported browser needs.
func TestHandler_ServesTheStyleSheetAndEverythingItNames(t *testing.T) {
	w := get(t, Stylesheet)
	if w.Code != http.StatusOK {
		t.Fatalf("%s: %d", Stylesheet, w.Code)
	}
	if cc := w.Header().Get("Cache-Control"); !strings.Contains(cc, "max-age=31536000") {
		t.Errorf("Cache-Control %q, want a year", cc)
	}
	if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/css") {
		t.Errorf("Content-Type %q", ct)
	}
	css, _ := io.ReadAll(w.Body)
	refs := regexp.MustCompile(`url\(\.\./([^)"]+)\)`).FindAllStringSubmatch(string(css), -1)
	if len(refs) < 50 {
		t.Fatalf("the style sheet names %d files; is it dkfds's?", len(refs))
	}
	checked := 0
	for _, ref := range refs {
		if strings.HasSuffix(ref[1], ".eot") || strings.HasSuffix(ref[1], ".ttf") {
			continue
		}
		if w := get(t, Prefix+Version+"/"+ref[1]); w.Code != http.StatusOK {
			t.Errorf("%s is named by the style sheet but answers %d", ref[1], w.Code)
		}
		checked++
	}
	if checked < 50 {
		t.Errorf("only %d files checked", checked)
	}
}

func TestHandler_NoListingsAndNoOtherVersion(t *testing.T) {
	for _, path := range []string{Prefix, Prefix + Version + "/", Prefix + Version + "/css/", Prefix + "10.0.0/css/dkfds.min.css", Prefix + "css/dkfds.min.css"} {
		if w := get(t, path); w.Code != http.StatusNotFound {
			t.Errorf("%s: %d, want 404", path, w.Code)
		}
	}
}

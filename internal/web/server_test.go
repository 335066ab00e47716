package web

import (
	"bytes"
	"context"
	"html"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/store/storetest"
	"github.com/kanal-dk/kanal/strategies"
)

// testServer runs Kanal on a loopback port with the presets loaded. The
// log goes to logs.
type testServer struct {
	*httptest.Server
	db   *store.DB
	logs *bytes.Buffer
}

func newTestServer(t *testing.T, withPresets bool) *testServer {
	t.Helper()
	db := storetest.Open(t)
	reg := municipality.NewRegistry(db)
	if withPresets {
		for _, p := range strategies.Presets() {
			if _, _, err := reg.Load(context.Background(), p.Name, p.Data); err != nil {
				t.Fatal(err)
			}
		}
	}
	logs := &bytes.Buffer{}
	srv, err := New(db, reg, slog.New(slog.NewTextHandler(logs, nil)))
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return &testServer{Server: ts, db: db, logs: logs}
}

func (ts *testServer) get(t *testing.T, path string, header ...string) (int, string, http.Header) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, ts.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, html.UnescapeString(string(body)), resp.Header
}

// Every page template, the address that renders it and a text only it shows.
var pageCases = []struct {
	template, path, danish, english string
}{
	{"home", "/", "Kommunernes kanalstrategier", "The municipalities' channel strategies"},
	{"strategy", "/m/dragoer", "De, der kan selv, skal selv.", "Inquiry types and channel priorities"},
	{"strategy", "/m/taarnby", "mindst 80 % i 2018", "at least 80 % in 2018"},
	{"channels", "/m/taarnby/channels", "man.–tors. 08:00–22:00", "Mon–Thu 08:00–22:00"},
	{"channels", "/m/dragoer/channels", "Store bededag", "Channel prices"},
	{"areas", "/m/dragoer/areas", "Flytteanmeldelse", "Target group's digital readiness"},
	{"area", "/m/dragoer/areas/flytning", "CPR-lovens § 12, stk. 3", "Mandatory digital self-service"},
	{"area", "/m/taarnby/areas/23.09.02", "Pas udstedes ved personligt fremmøde", "The area's own"},
	{"versions", "/m/taarnby/versions", "strategies/taarnby.yaml", "Versions of the strategy"},
	{"error", "/m/nowhere", "Siden findes ikke", "Page not found"},
}

func TestPages_EveryTemplateRendersInBothLanguages(t *testing.T) {
	ts := newTestServer(t, true)
	s, err := New(ts.db, municipality.NewRegistry(ts.db), slog.Default())
	if err != nil {
		t.Fatal(err)
	}
	covered := map[string]bool{}
	for _, c := range pageCases {
		covered[c.template] = true
		for lang, want := range map[string]string{"da": c.danish, "en": c.english} {
			status, body, _ := ts.get(t, c.path+"?lang="+lang)
			wantStatus := http.StatusOK
			if c.template == "error" {
				wantStatus = http.StatusNotFound
			}
			if status != wantStatus {
				t.Errorf("%s (%s): status %d, want %d", c.path, lang, status, wantStatus)
			}
			if !strings.Contains(body, want) {
				t.Errorf("%s (%s): page lacks %q", c.path, lang, want)
			}
			if !strings.Contains(body, `<html lang="`+lang+`">`) {
				t.Errorf("%s (%s): wrong html lang", c.path, lang)
			}
		}
	}
	for name := range s.pages.sets {
		if !covered[name] {
			t.Errorf("page template %s is not rendered by any test", name)
		}
	}
}

func TestPages_NotFound(t *testing.T) {
	ts := newTestServer(t, true)
	for _, path := range []string{"/m/nowhere/areas", "/m/dragoer/areas/99.99.99", "/m/dragoer/versions/9/strategy.yaml",
		"/m/dragoer/versions/x/strategy.yaml", "/no/such/page"} {
		status, body, _ := ts.get(t, path)
		if status != http.StatusNotFound || !strings.Contains(body, "Siden findes ikke") {
			t.Errorf("%s: status %d, want the 404 page", path, status)
		}
	}
}

// Municipalities are tenants: a page about one never shows another's data.
func TestPages_ShowOnlyTheirOwnMunicipality(t *testing.T) {
	ts := newTestServer(t, true)
	_, dragoer, _ := ts.get(t, "/m/dragoer/areas")
	_, taarnby, _ := ts.get(t, "/m/taarnby/areas")
	if strings.Contains(dragoer, "Teknisk Forvaltning") || strings.Contains(taarnby, "Borgerbutikken") {
		t.Error("an areas page shows another municipality's departments")
	}
}

func TestDownloadVersion_ReturnsTheDocumentAsLoaded(t *testing.T) {
	ts := newTestServer(t, true)
	resp, err := ts.Client().Get(ts.URL + "/m/dragoer/versions/1/strategy.yaml")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	status, body, header := resp.StatusCode, string(raw), resp.Header
	if status != http.StatusOK || !strings.HasPrefix(header.Get("Content-Type"), "application/yaml") {
		t.Fatalf("status %d, type %q", status, header.Get("Content-Type"))
	}
	for _, p := range strategies.Presets() {
		if strings.Contains(p.Name, "dragoer") && body != string(p.Data) {
			t.Error("downloaded document differs from the loaded preset")
		}
	}
}

func TestHome_EmptyInstallationSaysWhatToDo(t *testing.T) {
	ts := newTestServer(t, false)
	status, body, _ := ts.get(t, "/")
	if status != http.StatusOK || !strings.Contains(body, "kanal strategy load") {
		t.Errorf("status %d; the empty front page should tell how to load a strategy", status)
	}
}

func TestLanguage_CookieRemembersTheChoice(t *testing.T) {
	ts := newTestServer(t, true)
	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar}
	resp, err := client.Get(ts.URL + "/m/dragoer?lang=en")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	resp, err = client.Get(ts.URL + "/m/dragoer/areas")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(body), "Service areas") {
		t.Error("the language chosen with ?lang=en was not remembered")
	}
	if _, body, _ := ts.get(t, "/m/dragoer/areas", "Accept-Language", "en-GB,en;q=0.8"); !strings.Contains(body, "Service areas") {
		t.Error("Accept-Language: en should give English")
	}
	if _, body, _ := ts.get(t, "/m/dragoer/areas"); !strings.Contains(body, "Henvendelsesområder") {
		t.Error("Danish must be the default")
	}
}

func TestHealthz(t *testing.T) {
	ts := newTestServer(t, false)
	if status, body, _ := ts.get(t, "/healthz"); status != http.StatusOK || body != "ok\n" {
		t.Errorf("healthz = %d %q", status, body)
	}
	ts.db.Close()
	if status, _, _ := ts.get(t, "/healthz"); status != http.StatusServiceUnavailable {
		t.Errorf("healthz with the database closed = %d, want 503", status)
	}
}

func TestMetrics_CountRequestsByRoute(t *testing.T) {
	ts := newTestServer(t, true)
	ts.get(t, "/m/dragoer")
	ts.get(t, "/m/nowhere")
	status, body, _ := ts.get(t, "/metrics")
	if status != http.StatusOK {
		t.Fatalf("metrics status %d", status)
	}
	for _, want := range []string{
		`kanal_http_requests_total{code="200",route="GET /m/{municipality}"} 1`,
		`kanal_http_requests_total{code="404",route="GET /m/{municipality}"} 1`,
		"go_goroutines", "kanal_http_request_duration_seconds_bucket",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
}

func TestSecurityHeadersAndCrossOriginProtection(t *testing.T) {
	ts := newTestServer(t, true)
	_, _, h := ts.get(t, "/m/dragoer")
	csp := h.Get("Content-Security-Policy")
	if !strings.Contains(csp, "frame-ancestors 'none'") || strings.Contains(csp, "unsafe-inline") {
		t.Errorf("CSP %q", csp)
	}
	if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Referrer-Policy") == "" {
		t.Errorf("missing headers: %v", h)
	}
	req, _ := http.NewRequest(http.MethodPost, ts.URL+"/m/dragoer", nil)
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	resp, err := ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("cross-site POST answered %d, want 403", resp.StatusCode)
	}
}

// The request log names routes, never paths or queries, so nothing a
// citizen typed into an address reaches it.
func TestLog_NamesRoutesNotPaths(t *testing.T) {
	ts := newTestServer(t, true)
	ts.get(t, "/m/dragoer/areas/0101700000?lang=da")
	logs := ts.logs.String()
	if strings.Contains(logs, "0101700000") || !strings.Contains(logs, `route="GET /m/{municipality}/areas/{area}"`) {
		t.Errorf("log should name the route and not the path:\n%s", logs)
	}
}

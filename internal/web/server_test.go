package web

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/demo"
	"github.com/kanal-dk/kanal/internal/kanaltest"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/store/storetest"
	"github.com/kanal-dk/kanal/internal/strategy"
)

func TestMain(m *testing.M) {
	kanaltest.FastPasswords()
	os.Exit(m.Run())
}

// cprShaped matches what could be a CPR number: ddmmyy-xxxx or ten digits.
var cprShaped = regexp.MustCompile(`\b\d{6}-?\d{4}\b`)

// safeBuffer is a log destination shared by concurrent requests.
type safeBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *safeBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *safeBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// testServer runs Kanal on a loopback port. Its log is checked when the
// test ends: no test may make Kanal log a CPR-shaped string.
type testServer struct {
	*httptest.Server
	srv      *Server
	db       *store.DB
	registry *municipality.Registry
	logs     *safeBuffer
	// start is the server's clock when it started (it stands still
	// unless an option gives another clock): what a test does
	// "now" beside the server's own actions it does at start, so that the
	// two keep their order when a second passes between them.
	start time.Time
}

// serverOption changes the options; base is the server's address, known
// before it starts.
type serverOption func(o *Options, base string)

// newTestServer starts Kanal with the presets and their demo accounts
// (one per role in each municipality, and an operator) when withPresets.
func newTestServer(t *testing.T, withPresets bool, opts ...serverOption) *testServer {
	t.Helper()
	db := storetest.Open(t)
	reg := municipality.NewRegistry(db)
	if withPresets {
		reg = kanaltest.LoadPresets(t, db)
		var presets []*strategy.Strategy
		for _, id := range kanaltest.Municipalities {
			presets = append(presets, kanaltest.Current(t, reg, id).Strategy)
		}
		if _, err := demo.Users(context.Background(), auth.NewUsers(db, reg), presets); err != nil {
			t.Fatal(err)
		}
	}
	logs := &safeBuffer{}
	ts := &testServer{db: db, registry: reg, logs: logs}
	ts.Server = httptest.NewUnstartedServer(nil)
	base := "http://" + ts.Listener.Addr().String()
	// The console's clock stands still at the test's start, so that a run
	// across midnight does not change what "today" is between registering
	// and counting.
	start := time.Now()
	// Every level is logged, so that the check below for CPR-shaped
	// strings reads every line the server can write.
	o := Options{DB: db, Registry: reg, Log: slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
		PublicURL: base + "/",
		Now:       func() time.Time { return start }}
	for _, opt := range opts {
		opt(&o, base)
	}
	ts.start = o.Now()
	srv, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	ts.srv = srv
	ts.Config.Handler = srv.Handler()
	ts.Start()
	t.Cleanup(func() {
		ts.Close()
		if m := cprShaped.FindString(logs.String()); m != "" {
			t.Errorf("the server logged a CPR-shaped string %q:\n%s", m, logs.String())
		}
	})
	return ts
}

// client returns an HTTP client signed in as the account with this e-mail
// (a session made directly, not through the rate-limited form), or an
// anonymous one for "". It does not follow redirects.
func (ts *testServer) client(t *testing.T, email string) *http.Client {
	t.Helper()
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	c := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	if email == "" {
		return c
	}
	u, err := auth.NewUsers(ts.db, ts.registry).ByEmail(context.Background(), email)
	if err != nil {
		t.Fatalf("no account %s: %v", email, err)
	}
	token, err := auth.NewSessions(ts.db).Create(context.Background(), u)
	if err != nil {
		t.Fatal(err)
	}
	base, err := url.Parse(ts.URL)
	if err != nil {
		t.Fatal(err)
	}
	jar.SetCookies(base, []*http.Cookie{{Name: sessionCookie, Value: token, Path: "/"}})
	return c
}

// count runs a query that counts, and fails the test when the query
// fails: a count that silently stays 0 would pass every "nothing stored".
func (ts *testServer) count(t *testing.T, query string, args ...any) int {
	t.Helper()
	var n int
	if err := ts.db.QueryRow(query, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

// user looks an account up and fails the test when it cannot.
func (ts *testServer) user(t *testing.T, email string) auth.User {
	t.Helper()
	u, err := auth.NewUsers(ts.db, ts.registry).ByEmail(context.Background(), email)
	if err != nil {
		t.Fatalf("look up %s: %v", email, err)
	}
	return u
}

// events lists audit events and fails the test when it cannot.
func (ts *testServer) events(t *testing.T, f audit.Filter) []audit.Event {
	t.Helper()
	events, err := audit.List(context.Background(), ts.db, f)
	if err != nil {
		t.Fatalf("list audit events: %v", err)
	}
	return events
}

type response struct {
	status int
	body   string
	header http.Header
}

func do(t *testing.T, c *http.Client, req *http.Request) response {
	t.Helper()
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return response{resp.StatusCode, html.UnescapeString(string(body)), resp.Header}
}

func (ts *testServer) get(t *testing.T, c *http.Client, path string, header ...string) response {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, ts.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	return do(t, c, req)
}

func (ts *testServer) post(t *testing.T, c *http.Client, path string, form url.Values) response {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, ts.URL+path, strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return do(t, c, req)
}

const (
	operator       = "drift@kanal.demo"
	dragoerStaff   = "medarbejder@dragoer.demo"
	dragoerManager = "leder@dragoer.demo"
	dragoerGroup   = "strategi@dragoer.demo"
	dragoerAuditor = "revisor@dragoer.demo"
	taarnbyGroup   = "strategi@taarnby.demo"
	taarnbyAuditor = "revisor@taarnby.demo"
)

// Every page template, the address that renders it for the operator and a
// text only it shows.
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
	{"kle_check", "/m/dragoer/strategy/kle", "KL's KLE-emneplan er listen over kommunernes opgaver", "KL's KLE subject plan is the list of the municipalities' tasks"},
	{"users", "/m/dragoer/users", "leder@dragoer.demo", "Create user"},
	{"figures", "/m/dragoer/figures", "Ledelsesinformation", "Management information"},
	{"error", "/m/nowhere", "Siden findes ikke", "Page not found"},
}

func TestPages_EveryTemplateRendersInBothLanguages(t *testing.T) {
	ts := newTestServer(t, true)
	op := ts.client(t, operator)
	covered := map[string]bool{}
	for _, c := range pageCases {
		covered[c.template] = true
		for lang, want := range map[string]string{"da": c.danish, "en": c.english} {
			r := ts.get(t, op, c.path+"?lang="+lang)
			wantStatus := http.StatusOK
			if c.template == "error" {
				wantStatus = http.StatusNotFound
			}
			if r.status != wantStatus {
				t.Errorf("%s (%s): status %d, want %d", c.path, lang, r.status, wantStatus)
			}
			if !strings.Contains(r.body, want) {
				t.Errorf("%s (%s): page lacks %q", c.path, lang, want)
			}
			if !strings.Contains(r.body, `<html lang="`+lang+`">`) {
				t.Errorf("%s (%s): wrong html lang", c.path, lang)
			}
		}
	}
	// Pages that other roles or other steps render; access_test.go checks
	// their content.
	// strategy_edit_test.go renders the strategy forms and the comparison.
	// deliveries_test.go renders the deliveries page in both languages,
	// cases_staff_test.go the case pages and the funnel.
	for _, name := range []string{"login", "password", "keys", "audit", "upload", "console", "import", "confirm", "deliveries",
		"cases", "case", "case_new", "funnel",
		// contact_form_test.go renders the question queue, a question and the outbox.
		"questions", "question", "outbox",
		// answers_pages_test.go renders the answer pages' list and form.
		"answers", "answer_edit",
		// plans_pages_test.go renders the action plans' list, a plan and its versions.
		"plans", "plan", "plan_versions",
		// council_cycle_test.go renders the department reports' list, a report and the reminders.
		"reports", "report", "reminders",
		// callback_test.go renders the day's callbacks in both languages.
		"callbacks",
		// digitalpost_pages_test.go renders the print queue in both languages.
		"print",
		// letters_page_test.go renders the letter form in both languages and its receipt.
		"letter_new",
		// letters_content_test.go renders the letters sent and a letter in both languages.
		"letter_list", "letter_show",
		// register_pages_test.go renders the solution register and an entry in both languages.
		"register", "register_entry",
		// business_cases_test.go renders the business cases' list, a case and the scenario in both languages.
		"business_cases", "business_case", "business_case_scenario",
		"strategy_edit", "strategy_edit_index", "strategy_edit_diff", "strategy_edit_choose"} {
		covered[name] = true
	}
	for _, name := range ts.srv.staff.PageNames() {
		if !covered[name] {
			t.Errorf("page template %s is not rendered by any test", name)
		}
	}
}

func TestPages_NotFound(t *testing.T) {
	ts := newTestServer(t, true)
	op := ts.client(t, operator)
	for _, path := range []string{"/m/nowhere/areas", "/m/dragoer/areas/99.99.99", "/m/dragoer/versions/9/strategy.yaml",
		"/m/dragoer/versions/x/strategy.yaml", "/no/such/page"} {
		if r := ts.get(t, op, path); r.status != http.StatusNotFound || !strings.Contains(r.body, "Siden findes ikke") {
			t.Errorf("%s: status %d, want the 404 page", path, r.status)
		}
	}
}

func TestDownloadVersion_ReturnsTheDocumentAsLoaded(t *testing.T) {
	ts := newTestServer(t, true)
	resp, err := ts.client(t, dragoerStaff).Get(ts.URL + "/m/dragoer/versions/1/strategy.yaml")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/yaml") {
		t.Fatalf("status %d, type %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	if string(raw) != string(kanaltest.PresetDocument(t, "dragoer")) {
		t.Error("downloaded document differs from the loaded preset")
	}
}

func TestHome_EmptyInstallationSaysWhatToDo(t *testing.T) {
	ts := newTestServer(t, false)
	if _, _, err := auth.NewUsers(ts.db, ts.registry).Add(context.Background(), audit.System,
		auth.NewUser{Email: "drift@example.dk", Role: auth.Operator, Password: "en lang adgangskode"}); err != nil {
		t.Fatal(err)
	}
	r := ts.get(t, ts.client(t, "drift@example.dk"), "/")
	if r.status != http.StatusOK || !strings.Contains(r.body, "kanal strategy load") {
		t.Errorf("status %d; the empty front page should tell how to load a strategy", r.status)
	}
}

func TestLanguage_CookieRemembersTheChoice(t *testing.T) {
	ts := newTestServer(t, true)
	c := ts.client(t, dragoerStaff)
	ts.get(t, c, "/m/dragoer?lang=en")
	if r := ts.get(t, c, "/m/dragoer/areas"); !strings.Contains(r.body, "Service areas") {
		t.Error("the language chosen with ?lang=en was not remembered")
	}
	other := ts.client(t, dragoerStaff)
	if r := ts.get(t, other, "/m/dragoer/areas", "Accept-Language", "en-GB,en;q=0.8"); !strings.Contains(r.body, "Service areas") {
		t.Error("Accept-Language: en should give English")
	}
	if r := ts.get(t, other, "/m/dragoer/areas"); !strings.Contains(r.body, "Henvendelsesområder") {
		t.Error("Danish must be the default")
	}
	// The choice survives the redirect to the sign-in page.
	anon := ts.client(t, "")
	if r := ts.get(t, anon, "/m/dragoer?lang=en"); r.status != http.StatusSeeOther {
		t.Fatalf("anonymous: %d", r.status)
	}
	if r := ts.get(t, anon, "/login"); !strings.Contains(r.body, "Sign in") {
		t.Error("the sign-in page forgot the language chosen before the redirect")
	}
}

func TestHealthz(t *testing.T) {
	ts := newTestServer(t, false)
	anon := ts.client(t, "")
	if r := ts.get(t, anon, "/healthz"); r.status != http.StatusOK || r.body != "ok\n" {
		t.Errorf("healthz = %d %q", r.status, r.body)
	}
	ts.db.Close()
	if r := ts.get(t, anon, "/healthz"); r.status != http.StatusServiceUnavailable {
		t.Errorf("healthz with the database closed = %d, want 503", r.status)
	}
}

func TestMetrics_CountRequestsByRoute(t *testing.T) {
	ts := newTestServer(t, true)
	c := ts.client(t, operator)
	ts.get(t, c, "/m/dragoer")
	ts.get(t, c, "/m/nowhere")
	r := ts.get(t, c, "/metrics")
	if r.status != http.StatusOK {
		t.Fatalf("metrics status %d", r.status)
	}
	for _, want := range []string{
		`kanal_http_requests_total{code="200",route="GET /m/{municipality}"} 1`,
		`kanal_http_requests_total{code="404",route="GET /m/{municipality}"} 1`,
		"go_goroutines", "kanal_http_request_duration_seconds_bucket",
	} {
		if !strings.Contains(r.body, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
}

func TestSecurityHeadersAndCrossOriginProtection(t *testing.T) {
	ts := newTestServer(t, true)
	c := ts.client(t, dragoerGroup)
	r := ts.get(t, c, "/m/dragoer")
	csp := r.header.Get("Content-Security-Policy")
	if !strings.Contains(csp, "frame-ancestors 'none'") || strings.Contains(csp, "unsafe-inline") {
		t.Errorf("CSP %q", csp)
	}
	if r.header.Get("X-Content-Type-Options") != "nosniff" || r.header.Get("Referrer-Policy") == "" {
		t.Errorf("missing headers: %v", r.header)
	}
	req, err := http.NewRequest(http.MethodPost, ts.URL+"/m/dragoer/users", strings.NewReader("email=x@example.dk&role=staff"))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	if r := do(t, c, req); r.status != http.StatusForbidden {
		t.Errorf("cross-site POST answered %d, want 403", r.status)
	}
	if _, err := auth.NewUsers(ts.db, ts.registry).ByEmail(context.Background(), "x@example.dk"); err == nil {
		t.Error("the cross-site POST created a user")
	}
}

// The request log names routes, never paths or queries, so nothing a
// citizen typed into an address reaches it.
func TestLog_NamesRoutesNotPaths(t *testing.T) {
	ts := newTestServer(t, true)
	ts.get(t, ts.client(t, dragoerStaff), "/m/dragoer/areas/flytning?q=hemmelig")
	logs := ts.logs.String()
	if strings.Contains(logs, "hemmelig") || !strings.Contains(logs, `route="GET /m/{municipality}/areas/{area}"`) {
		t.Errorf("log should name the route and not the path:\n%s", logs)
	}
}

// At the default level the request log holds what an operator must see —
// refusals and errors — and not every answer that went well, which the
// metrics count: a line per guidance request cost a fifth of its time.
func TestLog_AtTheDefaultLevelOnlyRefusalsAndErrors(t *testing.T) {
	info := &safeBuffer{}
	ts := newTestServer(t, true, func(o *Options, _ string) {
		o.Log = slog.New(slog.NewTextHandler(info, nil))
	})
	c := ts.client(t, dragoerStaff)
	if r := ts.get(t, c, "/m/dragoer/areas"); r.status != http.StatusOK {
		t.Fatalf("areas: %d", r.status)
	}
	if r := ts.get(t, c, "/m/dragoer/areas/findes-ikke"); r.status != http.StatusNotFound {
		t.Fatalf("an unknown area: %d, want 404", r.status)
	}
	logs := info.String()
	if strings.Contains(logs, "status=200") || !strings.Contains(logs, `route="GET /m/{municipality}/areas/{area}" status=404`) {
		t.Errorf("the log at the default level should hold the 404 and not the 200:\n%s", logs)
	}
	for _, c := range []struct {
		status  int
		elapsed time.Duration
		want    slog.Level
	}{
		{200, time.Millisecond, slog.LevelDebug},
		{303, time.Millisecond, slog.LevelDebug},
		{200, slowRequest, slog.LevelInfo},
		{403, time.Millisecond, slog.LevelInfo},
		{500, time.Millisecond, slog.LevelInfo},
	} {
		if got := requestLevel(c.status, c.elapsed); got != c.want {
			t.Errorf("requestLevel(%d, %s) = %s, want %s", c.status, c.elapsed, got, c.want)
		}
	}
}

// Nothing a signed-in user is shown may stay in a browser's or a proxy's
// cache: not the pages that show a one-time password or a new API key once,
// not an export, not any other page. Only the static files are cached.
func TestCacheControl_NoStoreOnEverySignedInAnswerAndExport(t *testing.T) {
	ts := newTestServer(t, true)
	ts.seed(t, "dragoer", 2014, 2014, 0.02)
	group, auditor := ts.client(t, dragoerGroup), ts.client(t, dragoerAuditor)
	staff, err := auth.NewUsers(ts.db, ts.registry).ByEmail(context.Background(), dragoerStaff)
	if err != nil {
		t.Fatal(err)
	}
	answers := map[string]response{
		"one-time password": ts.post(t, group, fmt.Sprintf("/m/dragoer/users/%d/password", staff.ID), nil),
		"new API key":       ts.post(t, group, "/m/dragoer/keys", url.Values{"name": {"Telefonsystem"}, "permissions": {"read"}}),
		"audit.csv":         ts.get(t, auditor, "/m/dragoer/audit.csv"),
		"strategy.yaml":     ts.get(t, group, "/m/dragoer/versions/1/strategy.yaml"),
		"report as PDF":     ts.get(t, group, "/m/dragoer/figures/report?year=2014"),
		"report as HTML":    ts.get(t, group, "/m/dragoer/figures/report?year=2014&format=html"),
		"sign-in page":      ts.get(t, ts.client(t, ""), "/login"),
	}
	figures := ts.get(t, group, "/m/dragoer/figures?period=year&year=2014")
	exports := regexp.MustCompile(`href="(/m/dragoer/figures/export\?[^"]+format=(csv|xlsx))"`).FindAllStringSubmatch(figures.body, -1)
	if len(exports) < 4 {
		t.Fatalf("the figures page links %d exports", len(exports))
	}
	for _, e := range exports {
		answers[e[1]] = ts.get(t, group, e[1])
	}
	for _, c := range pageCases {
		answers[c.path] = ts.get(t, ts.client(t, operator), c.path)
	}
	for name, r := range answers {
		if r.status >= 400 && !strings.HasPrefix(name, "/m/nowhere") || r.header.Get("Cache-Control") != "no-store" {
			t.Errorf("%s: %d, Cache-Control %q, want no-store", name, r.status, r.header.Get("Cache-Control"))
		}
	}
	if r := ts.get(t, ts.client(t, ""), "/static/kanal.css"); r.header.Get("Cache-Control") != "public, max-age=3600" {
		t.Errorf("static files: Cache-Control %q", r.header.Get("Cache-Control"))
	}
}

// HSTS tells browsers to use https only, when Kanal's public address is
// https; on plain http it would mean nothing and is left out.
func TestSecurityHeaders_HSTSWithAnHTTPSPublicURL(t *testing.T) {
	plain := newTestServer(t, false)
	if h := plain.get(t, plain.client(t, ""), "/login").header.Get("Strict-Transport-Security"); h != "" {
		t.Errorf("HSTS over plain http: %q", h)
	}
	behindProxy := newTestServer(t, false, func(o *Options, _ string) { o.PublicURL = "https://kanal.kommune.dk/" })
	for _, path := range []string{"/login", "/healthz", "/static/kanal.css", "/no/such/page"} {
		if h := behindProxy.get(t, behindProxy.client(t, ""), path).header.Get("Strict-Transport-Security"); !strings.HasPrefix(h, "max-age=") {
			t.Errorf("%s with an https public URL: Strict-Transport-Security %q", path, h)
		}
	}
}

// The cookies' names, as a browser sees them.
const (
	sessionCookie = "kanal_session"
	lastCookie    = "kanal_last"
)

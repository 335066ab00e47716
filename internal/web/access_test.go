package web

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/auth/oidctest"
	"github.com/kanal-dk/kanal/internal/demo"
	"github.com/kanal-dk/kanal/internal/kanaltest"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/web/face"
)

// routeURL fills a route pattern's wildcards with values.
func routeURL(pattern string, values map[string]string) (method, path string) {
	method, path, _ = strings.Cut(pattern, " ")
	path = strings.ReplaceAll(path, "{$}", "")
	for k, v := range values {
		path = strings.ReplaceAll(path, "{"+k+"}", v)
	}
	if path == "/static/" {
		path = "/static/kanal.css"
	}
	return method, path
}

// request sends a route's method to a path with an empty form.
func (ts *testServer) request(t *testing.T, c *http.Client, method, path string, header ...string) response {
	t.Helper()
	req, err := http.NewRequest(method, ts.URL+path, strings.NewReader(""))
	if err != nil {
		t.Fatal(err)
	}
	if method == http.MethodPost {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	return do(t, c, req)
}

func (ts *testServer) addKey(t *testing.T, m, name string, test bool, perms ...auth.KeyPermission) (string, auth.APIKey) {
	t.Helper()
	secret, key, err := auth.NewKeys(ts.db).Add(context.Background(), audit.System, m, name, perms, test)
	if err != nil {
		t.Fatal(err)
	}
	return secret, key
}

// Every registered route, walked as everyone who must not use it: nobody
// signed in, a user of another municipality, and every role without the
// route's permission — and as every role that may, which must get through.
func TestRoutes_NoRouteLetsAnyoneSeeWhatTheirRoleOrMunicipalityDoesNotAllow(t *testing.T) {
	ts := newTestServer(t, true)
	ctx := context.Background()
	users := auth.NewUsers(ts.db, ts.registry)
	victim, _, err := users.Add(ctx, audit.System, auth.NewUser{Municipality: "dragoer", Email: "offer@dragoer.demo", Role: auth.Staff, Password: "en lang adgangskode"})
	if err != nil {
		t.Fatal(err)
	}
	_, key := ts.addKey(t, "dragoer", "offer", false, auth.Read)
	issued := ts.issue(t, "dragoer", 2014)
	queued := ts.queueDelivery(t, "dragoer", "adgang")
	opened := ts.openCase(t, "dragoer")
	values := map[string]string{"municipality": "dragoer", "area": "flytning", "version": "1",
		"user": fmt.Sprint(victim.ID), "key": fmt.Sprint(key.ID), "report": fmt.Sprint(issued.ID),
		"target": "digitale-henvendelser", "price": "1", "delivery": queued,
		"reference": opened}
	// The staff's case routes: the case above (Borgerbutikken's, the
	// department of the staff member and the manager) with a file, and a
	// form of the examples.
	values["form"], values["n"] = "sundhedskort", ts.fileForRoutes(t, opened)
	// A callback of Borgerbutikken's area, booked at the server's clock.
	values["id"] = fmt.Sprint(ts.bookCallback(t, time.Now(), "dragoer", "flytning", "23456789").ID)
	// A letter with the same id, sent by Digital Post (its status and MeMo).
	ts.sendLetter(t, "dragoer", values["id"])
	// A contact-form question of Borgerbutikken's area.
	values["question"] = ts.askQuestion(t, "dragoer", "flytning")
	// A letter in Dragør's print queue (its PDF and marking it printed)
	// and one in a citizen's development Digital Post inbox.
	values["message"] = ts.deliverPost(t, "dragoer", exemptCitizen, "Brev", letterPDF)
	values["pdf"] = values["message"] + ".pdf"
	// An answer page of Borgerbutikken's area, to review.
	ts.writeAnswer(t, "dragoer", "flytning")
	// A business case of Borgerbutikken's area.
	values["businesscase"] = ts.businessCase(t, "dragoer", "flytning")
	// The action plan of the Dragør manager's department, the strategy's
	// first (demo.Users), which the walk's manager may edit.
	values["department"] = "borgerbutikken"
	// The department's yearly report for 2014 (its texts, its PDF).
	values["year"] = "2014"
	dragoer := map[auth.Role]string{auth.Staff: dragoerStaff, auth.Manager: dragoerManager,
		auth.StrategyGroup: dragoerGroup, auth.Auditor: dragoerAuditor, auth.Operator: operator}
	// For each key permission: a key with only it, one with all but it, and
	// Tårnby's key with all of them.
	only, allBut := map[auth.KeyPermission]string{}, map[auth.KeyPermission]string{}
	for _, p := range auth.KeyPermissions {
		only[p], _ = ts.addKey(t, "dragoer", "kun "+string(p), false, p)
		var others []auth.KeyPermission
		for _, q := range auth.KeyPermissions {
			if q != p {
				others = append(others, q)
			}
		}
		allBut[p], _ = ts.addKey(t, "dragoer", "uden "+string(p), false, others...)
	}
	taarnbyKey, _ := ts.addKey(t, "taarnby", "alt", false, auth.KeyPermissions...)

	checked := 0
	for _, rt := range ts.srv.routes() {
		if rt.Pattern == "/" {
			continue
		}
		method, path := routeURL(rt.Pattern, values)
		t.Run(rt.Pattern, func(t *testing.T) {
			switch {
			case rt.Public:
				// An empty sign-in form is refused with 401; that is the route working.
				r := ts.request(t, ts.client(t, ""), method, path)
				if r.status == http.StatusForbidden || r.status >= 500 {
					t.Errorf("public route answered %d", r.status)
				}
			case rt.KeyPerm != "":
				if r := ts.request(t, ts.client(t, ""), method, path); r.status != http.StatusUnauthorized {
					t.Errorf("without a key: %d, want 401", r.status)
				}
				if r := ts.request(t, ts.client(t, operator), method, path); r.status != http.StatusUnauthorized {
					t.Errorf("with a staff session but no key: %d, want 401", r.status)
				}
				if r := ts.request(t, ts.client(t, ""), method, path, "Authorization", "Bearer "+allBut[rt.KeyPerm]); r.status != http.StatusForbidden {
					t.Errorf("key without %s: %d, want 403", rt.KeyPerm, r.status)
				}
				if r := ts.request(t, ts.client(t, ""), method, path+"?municipality=dragoer", "Authorization", "Bearer "+taarnbyKey); r.status != http.StatusNotFound {
					t.Errorf("Tårnby's key asking for Dragør: %d, want 404", r.status)
				}
				// An empty request may be a bad request, but it must get in.
				if r := ts.request(t, ts.client(t, ""), method, path, "Authorization", "Bearer "+only[rt.KeyPerm]); r.status == http.StatusUnauthorized ||
					r.status == http.StatusForbidden || r.status == http.StatusNotFound || r.status >= 500 {
					t.Errorf("key with %s: %d", rt.KeyPerm, r.status)
				}
			default:
				r := ts.request(t, ts.client(t, ""), method, path)
				if r.status != http.StatusSeeOther || !strings.HasPrefix(r.header.Get("Location"), "/login") {
					t.Errorf("anonymous: %d %q, want a redirect to /login", r.status, r.header.Get("Location"))
				}
				if strings.Contains(rt.Pattern, "{municipality}") {
					for _, other := range []string{taarnbyGroup, taarnbyAuditor} {
						if r := ts.request(t, ts.client(t, other), method, path); r.status != http.StatusNotFound {
							t.Errorf("%s (another municipality): %d, want 404", other, r.status)
						}
					}
				}
				// Signing out answers with the sign-in page; for other routes
				// that redirect would mean the user was not let in.
				signedOut := rt.Pattern == "POST /logout" || rt.Pattern == "POST /logout/everywhere"
				for role, email := range dragoer {
					r := ts.request(t, ts.client(t, email), method, path)
					allowed := role.Has(rt.Perm)
					switch {
					case !allowed && r.status != http.StatusForbidden:
						t.Errorf("%s lacks %s but got %d", role, rt.Perm, r.status)
					case allowed && (r.status == http.StatusForbidden || r.status == http.StatusNotFound || r.status >= 500 ||
						r.status == http.StatusSeeOther && strings.HasPrefix(r.header.Get("Location"), "/login") && !signedOut):
						t.Errorf("%s has %s but got %d %s", role, rt.Perm, r.status, r.header.Get("Location"))
					}
				}
			}
		})
		checked++
	}
	if checked < 25 {
		t.Errorf("walked only %d routes", checked)
	}
}

func TestAPI_StrategyIsTheKeysOwnMunicipality(t *testing.T) {
	ts := newTestServer(t, true)
	secret, _ := ts.addKey(t, "taarnby", "telefoni", false, auth.Read)
	r := ts.request(t, ts.client(t, ""), "GET", "/api/v1/strategy", "Authorization", "Bearer "+secret)
	var body struct {
		Municipality string `json:"municipality"`
		Strategy     struct {
			Areas []struct {
				KLE string `json:"kle"`
			} `json:"areas"`
		} `json:"strategy"`
	}
	if err := json.Unmarshal([]byte(r.body), &body); err != nil || r.status != http.StatusOK {
		t.Fatalf("status %d: %v\n%s", r.status, err, r.body)
	}
	if body.Municipality != "taarnby" || len(body.Strategy.Areas) < 12 || body.Strategy.Areas[0].KLE == "" {
		t.Errorf("answer: %+v", body)
	}
	keys, err := auth.NewKeys(ts.db).List(context.Background(), "taarnby")
	if err != nil {
		t.Fatal(err)
	}
	if len(keys) != 1 || keys[0].LastUsedAt == nil {
		t.Errorf("last use not recorded: %+v", keys)
	}
	if err := auth.NewKeys(ts.db).Revoke(context.Background(), audit.System, "taarnby", "telefoni"); err != nil {
		t.Fatal(err)
	}
	r = ts.request(t, ts.client(t, ""), "GET", "/api/v1/strategy", "Authorization", "Bearer "+secret)
	if r.status != http.StatusUnauthorized || !strings.Contains(r.body, `"code":"bad_key"`) {
		t.Errorf("a revoked key: %d %s", r.status, r.body)
	}
}

func TestKeys_CreatedInTheUIShownOnceStoredHashed(t *testing.T) {
	ts := newTestServer(t, true)
	c := ts.client(t, dragoerGroup)
	r := ts.post(t, c, "/m/dragoer/keys", url.Values{"name": {"Telefonsystem"}, "permissions": {"ingest", "read"}, "test": {"on"}})
	if r.status != http.StatusOK {
		t.Fatalf("create key: %d\n%s", r.status, r.body)
	}
	start := strings.Index(r.body, "kanal_test_")
	if start < 0 {
		t.Fatalf("the new key is not shown:\n%s", r.body)
	}
	secret := r.body[start : start+len("kanal_test_")+43]
	if list := ts.get(t, c, "/m/dragoer/keys"); strings.Contains(list.body, secret) {
		t.Error("the key is shown again after creation")
	}
	if stored := ts.count(t, `SELECT COUNT(*) FROM api_keys WHERE key_hash = $1 OR prefix = $1`, secret); stored != 0 {
		t.Error("the key is stored in the clear")
	}
	key, err := auth.NewKeys(ts.db).Verify(context.Background(), secret)
	if err != nil || !key.Test || !key.Allows(auth.Ingest) || !key.Allows(auth.Read) || len(key.Permissions) != 2 {
		t.Errorf("verify: %+v %v", key, err)
	}
	if r := ts.post(t, c, "/m/dragoer/keys", url.Values{"name": {"Telefonsystem"}, "permissions": {"read"}}); r.status != http.StatusUnprocessableEntity {
		t.Errorf("a second key with the same name: %d", r.status)
	}
	if r := ts.post(t, c, "/m/dragoer/keys", url.Values{"name": {"Uden tilladelser"}}); r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "Vælg mindst én tilladelse") {
		t.Errorf("a key without permissions: %d", r.status)
	}
	if r := ts.post(t, c, fmt.Sprintf("/m/dragoer/keys/%d/revoke", key.ID), nil); r.status != http.StatusOK {
		t.Errorf("revoke: %d", r.status)
	}
	if _, err := auth.NewKeys(ts.db).Verify(context.Background(), secret); err != auth.ErrNoKey {
		t.Errorf("a revoked key still verifies: %v", err)
	}
}

func TestSignIn_PasswordSessionAndSignOut(t *testing.T) {
	ts := newTestServer(t, true)
	c := ts.client(t, "")
	if r := ts.get(t, c, "/m/dragoer/areas"); r.status != http.StatusSeeOther || r.header.Get("Location") != "/login?return=%2Fm%2Fdragoer%2Fareas" {
		t.Fatalf("anonymous: %d %q", r.status, r.header.Get("Location"))
	}
	r := ts.post(t, c, "/login", url.Values{"email": {dragoerStaff}, "password": {"forkert adgangskode"}, "return": {"/m/dragoer/areas"}})
	if r.status != http.StatusUnauthorized || !strings.Contains(r.body, "Forkert e-mailadresse eller adgangskode") {
		t.Fatalf("wrong password: %d", r.status)
	}
	r = ts.post(t, c, "/login", url.Values{"email": {"Medarbejder@Dragoer.demo"}, "password": {"kanal-demo-adgang"}, "return": {"/m/dragoer/areas"}})
	if r.status != http.StatusSeeOther || r.header.Get("Location") != "/m/dragoer/areas" {
		t.Fatalf("right password: %d %q", r.status, r.header.Get("Location"))
	}
	var cookie *http.Cookie
	for _, ck := range c.Jar.Cookies(mustURL(ts.URL)) {
		if ck.Name == sessionCookie {
			cookie = ck
		}
	}
	if cookie == nil {
		t.Fatal("no session cookie")
	}
	if r := ts.get(t, c, "/m/dragoer/areas"); r.status != http.StatusOK || !strings.Contains(r.body, "Medarbejder (demo)") {
		t.Fatalf("signed in: %d", r.status)
	}
	if r := ts.post(t, c, "/logout", nil); r.status != http.StatusSeeOther {
		t.Fatalf("sign out: %d", r.status)
	}
	// The old cookie no longer opens anything, even if a browser kept it.
	stale := ts.client(t, "")
	stale.Jar.SetCookies(mustURL(ts.URL), []*http.Cookie{{Name: sessionCookie, Value: cookie.Value, Path: "/"}})
	if r := ts.get(t, stale, "/m/dragoer"); r.status != http.StatusSeeOther {
		t.Errorf("a signed-out session still works: %d", r.status)
	}
	events := ts.events(t, audit.Filter{Municipality: "dragoer"})
	var actions []string
	for _, e := range events {
		actions = append(actions, e.Action)
	}
	joined := strings.Join(actions, ",")
	for _, want := range []string{audit.SignInFailed, audit.SignIn, audit.SignOut} {
		if !strings.Contains(joined, want) {
			t.Errorf("audit log lacks %s: %s", want, joined)
		}
	}
}

// returnCases are return addresses as they arrive (already decoded once
// from the query or form) and what the server may send a browser to.
// Browsers drop tabs and newlines from a URL and read a backslash as a
// slash, so each of the nasty ones would reach another host.
var returnCases = []struct{ ret, want string }{
	{"/m/dragoer", "/m/dragoer"},
	{"/m/dragoer/areas?lang=en&x=1", "/m/dragoer/areas?lang=en&x=1"},
	{"/m/dragoer/areas/%C3%A6bler", "/m/dragoer/areas/%C3%A6bler"},
	{"/javascript:alert(1)", "/javascript:alert(1)"}, // a path on this site, harmless
	{"", "/"},
	{"//evil.example/x", "/"},
	{"///evil.example", "/"},
	{"https://evil.example", "/"},
	{"http:/evil.example", "/"},
	{"javascript:alert(1)", "/"},
	{"JaVaScRiPt:alert(1)", "/"},
	{"data:text/html,<script>alert(1)</script>", "/"},
	{`/\evil.example`, "/"},
	{`/\/evil.example`, "/"},
	{`\\evil.example`, "/"},
	{"/\t/evil.example", "/"},
	{"/%09/evil.example", "/"},
	{"/\n/evil.example", "/"},
	{"/\r\n/evil.example", "/"},
	{"/%0d%0a/evil.example", "/"},
	{"/%0D%0ALocation:%20https://evil.example", "/"},
	{"/m/dragoer?x=%0d%0aSet-Cookie:%20a=b", "/"},
	{"/%2F%2Fevil.example", "/"},
	{"/%2f/evil.example", "/"},
	{"/%5Cevil.example", "/"},
	{"/%5C%5Cevil.example", "/"},
	{" /evil.example", "/"},
	{"  //evil.example", "/"},
	{"\t//evil.example", "/"},
	{"/\x7f/evil.example", "/"},
	{"/\u0085/evil.example", "/"},
	{"/%zz", "/"},
}

func TestLocalPath_RefusesWhatABrowserCouldReadAsAnotherHost(t *testing.T) {
	for _, c := range returnCases {
		if got := face.LocalPath(c.ret); got != c.want {
			t.Errorf("LocalPath(%q) = %q, want %q", c.ret, got, c.want)
		}
	}
}

// Every way a return address comes in — the sign-in page while signed in,
// the sign-in form, and the identity provider's round trip — ends on this
// site.
func TestSignIn_ReturnAddressStaysOnTheSite(t *testing.T) {
	idp := oidctest.New(t, "kanal", "hemmelighed")
	ts := newTestServer(t, true, func(o *Options, base string) {
		o.OIDC = auth.NewOIDC(auth.OIDCConfig{Issuer: idp.Issuer(), ClientID: "kanal", ClientSecret: "hemmelighed",
			RedirectURL: base + "/auth/oidc/callback"})
		o.SignInRate = Rate{PerSecond: 1000, Burst: 1000}
		o.PublicRate = Rate{PerSecond: 1000, Burst: 1000}
	})
	idp.SignIn("sub-medarbejder", dragoerStaff, true)
	signedIn := ts.client(t, dragoerStaff)
	// A return address that is not text at all (a control character in
	// the query; in a form, one other than a line break or tab) is refused
	// at the door with 400, before any redirect is built (requireText).
	stays := func(r response, notText bool, want string) bool {
		if notText {
			return r.status == http.StatusBadRequest && r.header.Get("Location") == ""
		}
		return r.status == http.StatusSeeOther && r.header.Get("Location") == want
	}
	for _, c := range returnCases {
		if r := ts.get(t, signedIn, "/login?return="+url.QueryEscape(c.ret)); !stays(r, store.CheckText(c.ret) != nil, c.want) {
			t.Errorf("GET /login?return=%q signed in: %d %q, want %q", c.ret, r.status, r.header.Get("Location"), c.want)
		}
		r := ts.post(t, ts.client(t, ""), "/login", url.Values{"email": {dragoerStaff}, "password": {demo.Password}, "return": {c.ret}})
		if !stays(r, store.CheckLines(c.ret) != nil, c.want) {
			t.Errorf("POST /login return=%q: %d %q, want %q", c.ret, r.status, r.header.Get("Location"), c.want)
		}
		if store.CheckText(c.ret) != nil {
			continue // refused at the door of the provider's start as well
		}
		// Through the provider and back, stopped at Kanal's answer to the
		// callback.
		jar, err := cookiejar.New(nil)
		if err != nil {
			t.Fatal(err)
		}
		roundTrip := &http.Client{Jar: jar, CheckRedirect: func(_ *http.Request, via []*http.Request) error {
			if via[len(via)-1].URL.Path == "/auth/oidc/callback" {
				return http.ErrUseLastResponse
			}
			return nil
		}}
		resp, err := roundTrip.Get(ts.URL + "/auth/oidc/start?return=" + url.QueryEscape(c.ret))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.Request.URL.Path != "/auth/oidc/callback" || resp.Header.Get("Location") != c.want {
			t.Errorf("through the provider, return=%q: ended at %s with %d %q, want %q", c.ret, resp.Request.URL.Path,
				resp.StatusCode, resp.Header.Get("Location"), c.want)
		}
	}
}

func TestSignIn_OneTimePasswordMustBeChangedFirst(t *testing.T) {
	ts := newTestServer(t, true)
	_, password, err := auth.NewUsers(ts.db, ts.registry).Add(context.Background(), audit.System,
		auth.NewUser{Municipality: "dragoer", Email: "ny@dragoer.demo", Role: auth.Staff})
	if err != nil || password == "" {
		t.Fatalf("add: %q %v", password, err)
	}
	c := ts.client(t, "")
	r := ts.post(t, c, "/login", url.Values{"email": {"ny@dragoer.demo"}, "password": {password}})
	if r.status != http.StatusSeeOther || r.header.Get("Location") != "/password" {
		t.Fatalf("sign-in with a one-time password: %d %q", r.status, r.header.Get("Location"))
	}
	if r := ts.get(t, c, "/m/dragoer"); r.header.Get("Location") != "/password" {
		t.Errorf("other pages must wait for the new password: %d %q", r.status, r.header.Get("Location"))
	}
	if r := ts.get(t, c, "/password"); r.status != http.StatusOK || !strings.Contains(r.body, "engangsadgangskode") {
		t.Errorf("password page: %d", r.status)
	}
	if r := ts.post(t, c, "/password", url.Values{"current": {password}, "password": {"kort"}, "repeat": {"kort"}}); r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "mindst 12 tegn") {
		t.Errorf("too short: %d", r.status)
	}
	if r := ts.post(t, c, "/password", url.Values{"current": {password}, "password": {"en helt ny sætning"}, "repeat": {"en anden sætning"}}); r.status != http.StatusUnprocessableEntity {
		t.Errorf("mismatch: %d", r.status)
	}
	if r := ts.post(t, c, "/password", url.Values{"current": {password}, "password": {"en helt ny sætning"}, "repeat": {"en helt ny sætning"}}); r.status != http.StatusSeeOther {
		t.Fatalf("change: %d %s", r.status, r.body)
	}
	if r := ts.get(t, c, "/m/dragoer"); r.status != http.StatusOK {
		t.Errorf("after the change: %d", r.status)
	}
	if r := ts.post(t, ts.client(t, ""), "/login", url.Values{"email": {"ny@dragoer.demo"}, "password": {password}}); r.status != http.StatusUnauthorized {
		t.Errorf("the one-time password still works: %d", r.status)
	}
}

func TestSignIn_IsRateLimited(t *testing.T) {
	ts := newTestServer(t, true, func(o *Options, _ string) { o.SignInRate = Rate{PerSecond: 0.01, Burst: 4} })
	c := ts.client(t, "")
	limited := false
	for i := 0; i < 8; i++ {
		r := ts.post(t, c, "/login", url.Values{"email": {dragoerStaff}, "password": {fmt.Sprintf("gæt nummer %d", i)}})
		if r.status == http.StatusTooManyRequests {
			limited = true
			if r.header.Get("Retry-After") == "" {
				t.Error("429 without Retry-After")
			}
			break
		}
	}
	if !limited {
		t.Error("eight quick wrong passwords were all answered")
	}
}

func TestPublicRoutes_AreRateLimited(t *testing.T) {
	ts := newTestServer(t, false, func(o *Options, _ string) { o.PublicRate = Rate{PerSecond: 0.01, Burst: 3} })
	c := ts.client(t, "")
	codes := []int{}
	for range 5 {
		codes = append(codes, ts.get(t, c, "/healthz").status)
	}
	if codes[len(codes)-1] != http.StatusTooManyRequests {
		t.Errorf("statuses %v; the public limit did not apply", codes)
	}
}

func TestSessions_ExpireAndCanBeRevoked(t *testing.T) {
	ts := newTestServer(t, true)
	idle := ts.client(t, dragoerStaff)
	if _, err := ts.db.Exec(`UPDATE sessions SET last_seen_at = $1`, time.Now().UTC().Add(-auth.SessionIdle-time.Minute)); err != nil {
		t.Fatal(err)
	}
	if r := ts.get(t, idle, "/m/dragoer"); r.status != http.StatusSeeOther {
		t.Errorf("an idle session still works: %d", r.status)
	}
	old := ts.client(t, dragoerStaff)
	if _, err := ts.db.Exec(`UPDATE sessions SET expires_at = $1`, time.Now().UTC().Add(-time.Minute)); err != nil {
		t.Fatal(err)
	}
	if r := ts.get(t, old, "/m/dragoer"); r.status != http.StatusSeeOther {
		t.Errorf("an expired session still works: %d", r.status)
	}

	victim := ts.client(t, dragoerStaff)
	u := ts.user(t, dragoerStaff)
	if r := ts.post(t, ts.client(t, dragoerGroup), fmt.Sprintf("/m/dragoer/users/%d/sessions", u.ID), nil); r.status != http.StatusOK {
		t.Fatalf("revoke: %d", r.status)
	}
	if r := ts.get(t, victim, "/m/dragoer"); r.status != http.StatusSeeOther {
		t.Errorf("a revoked session still works: %d", r.status)
	}
}

func TestUsers_StrategyGroupManagesItsMunicipality(t *testing.T) {
	ts := newTestServer(t, true)
	c := ts.client(t, dragoerGroup)
	r := ts.post(t, c, "/m/dragoer/users", url.Values{"email": {"ny.leder@dragoer.dk"}, "role": {"manager"}})
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "En afdelingsleder skal have en afdeling") {
		t.Errorf("manager without department: %d", r.status)
	}
	if r := ts.post(t, c, "/m/dragoer/users", url.Values{"email": {"x@dragoer.dk"}, "role": {"operator"}}); r.status != http.StatusUnprocessableEntity {
		t.Errorf("the form made an operator: %d", r.status)
	}
	r = ts.post(t, c, "/m/dragoer/users", url.Values{"email": {"ny.leder@dragoer.dk"}, "name": {"Ny Leder"}, "role": {"manager"}, "department": {"teknik-miljoe"}})
	if r.status != http.StatusOK || !strings.Contains(r.body, "Engangsadgangskode til ny.leder@dragoer.dk") {
		t.Fatalf("create: %d", r.status)
	}
	u, err := auth.NewUsers(ts.db, ts.registry).ByEmail(context.Background(), "ny.leder@dragoer.dk")
	if err != nil || u.Municipality != "dragoer" || u.Role != auth.Manager || u.Department != "teknik-miljoe" || !u.MustChangePassword {
		t.Fatalf("stored: %+v %v", u, err)
	}
	if r := ts.post(t, c, fmt.Sprintf("/m/dragoer/users/%d/disable", u.ID), nil); r.status != http.StatusOK {
		t.Errorf("disable: %d", r.status)
	}
	me := ts.user(t, dragoerGroup)
	if r := ts.post(t, c, fmt.Sprintf("/m/dragoer/users/%d/disable", me.ID), nil); r.status != http.StatusUnprocessableEntity {
		t.Errorf("closing one's own account: %d", r.status)
	}
	// Another municipality's user is not found from Dragør's page.
	other := ts.user(t, taarnbyAuditor)
	if r := ts.post(t, c, fmt.Sprintf("/m/dragoer/users/%d/disable", other.ID), nil); r.status != http.StatusNotFound {
		t.Errorf("disabling Tårnby's user from Dragør: %d, want 404", r.status)
	}
	if other = ts.user(t, taarnbyAuditor); other.Disabled {
		t.Error("Tårnby's user was disabled from Dragør")
	}
}

func upload(t *testing.T, ts *testServer, c *http.Client, path, name string, doc []byte) response {
	t.Helper()
	return postFile(t, ts, c, path, "strategy", name, doc)
}

func TestUpload_StrategyGroupLoadsANewVersion(t *testing.T) {
	ts := newTestServer(t, true)
	c := ts.client(t, dragoerGroup)
	doc := kanaltest.PresetDocument(t, "dragoer")
	broken := bytes.Replace(doc, []byte("kind: oral"), []byte("kind: spoken"), 1)
	r := upload(t, ts, c, "/m/dragoer/versions", "ny.yaml", broken)
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, `ny.yaml:69:11: ukendt kanaltype "spoken"`) {
		t.Errorf("broken upload: %d\n%s", r.status, r.body)
	}
	if r := upload(t, ts, c, "/m/dragoer/versions", "taarnby.yaml", kanaltest.PresetDocument(t, "taarnby")); r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "ikke for") {
		t.Errorf("another municipality's file: %d", r.status)
	}
	changed := bytes.Replace(doc, []byte("2015: 50"), []byte("2015: 60"), 1)
	if r := upload(t, ts, c, "/m/dragoer/versions", "ny.yaml", changed); r.status != http.StatusOK || !strings.Contains(r.body, "indlæst som version 2") {
		t.Errorf("upload: %d\n%s", r.status, r.body)
	}
	events := ts.events(t, audit.Filter{Municipality: "dragoer", Action: audit.StrategyLoaded})
	if len(events) != 2 || events[0].Actor != dragoerGroup || events[0].Target != "version 2" {
		t.Errorf("audit: %+v", events)
	}
	big := bytes.Repeat([]byte("#"), face.UploadBody+1)
	if r := upload(t, ts, c, "/m/dragoer/versions", "stor.yaml", big); r.status != http.StatusRequestEntityTooLarge {
		t.Errorf("an oversized upload: %d", r.status)
	}
}

func TestOperator_CreatesAMunicipality(t *testing.T) {
	ts := newTestServer(t, true)
	doc := bytes.Replace(kanaltest.PresetDocument(t, "dragoer"), []byte("id: dragoer\n  name: Dragør Kommune"), []byte("id: testby\n  name: Testby Kommune"), 1)
	r := upload(t, ts, ts.client(t, operator), "/municipalities", "testby.yaml", doc)
	if r.status != http.StatusOK || !strings.Contains(r.body, "version 1") {
		t.Fatalf("create: %d\n%s", r.status, r.body)
	}
	if r := ts.get(t, ts.client(t, operator), "/"); !strings.Contains(r.body, "Testby Kommune") {
		t.Error("the new municipality is not listed")
	}
	if r := upload(t, ts, ts.client(t, dragoerGroup), "/municipalities", "testby.yaml", doc); r.status != http.StatusForbidden {
		t.Errorf("a strategy group created a municipality: %d", r.status)
	}
}

func TestAudit_AuditorReadsFiltersAndExports(t *testing.T) {
	ts := newTestServer(t, true)
	ts.post(t, ts.client(t, ""), "/login", url.Values{"email": {dragoerStaff}, "password": {"forkert adgangskode"}})
	ts.post(t, ts.client(t, dragoerGroup), "/m/dragoer/keys", url.Values{"name": {"=HYPERLINK(\"x\")"}, "permissions": {"read"}})
	c := ts.client(t, dragoerAuditor)
	r := ts.get(t, c, "/m/dragoer/audit?action=signin_failed")
	if r.status != http.StatusOK || !strings.Contains(r.body, "Mislykket login") || strings.Contains(r.body, "API-nøgle oprettet</td>") {
		t.Errorf("filtered page: %d\n%s", r.status, r.body)
	}
	if r := ts.get(t, c, "/m/dragoer/audit?from=31-13-2014"); r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "Datoen kan ikke læses") {
		t.Errorf("bad date: %d", r.status)
	}
	r = ts.get(t, c, "/m/dragoer/audit.csv")
	if r.status != http.StatusOK || !strings.HasPrefix(r.header.Get("Content-Type"), "text/csv") {
		t.Fatalf("csv: %d", r.status)
	}
	cr := csv.NewReader(strings.NewReader(strings.TrimPrefix(r.body, "\ufeff")))
	cr.Comma = ';'
	rows, err := cr.ReadAll()
	if err != nil || len(rows) < 3 {
		t.Fatalf("csv rows: %v %v", rows, err)
	}
	found := false
	for _, row := range rows {
		if row[3] == `'=HYPERLINK("x")` {
			found = true
		}
	}
	if !found {
		t.Errorf("the formula-like key name was not neutralised: %v", rows)
	}
	exported := ts.events(t, audit.Filter{Municipality: "dragoer", Action: audit.AuditExported})
	if len(exported) != 1 || exported[0].Actor != dragoerAuditor {
		t.Errorf("the export was not audited: %+v", exported)
	}
	if r := ts.get(t, ts.client(t, taarnbyAuditor), "/m/dragoer/audit"); r.status != http.StatusNotFound {
		t.Errorf("Tårnby's auditor reads Dragør's log: %d", r.status)
	}
}

// The database itself refuses to change or delete audit events, on both
// engines, with the triggers' own error: any other error (a typo in the
// statement, a missing table) would only look like protection.
func TestAudit_LogIsAppendOnly(t *testing.T) {
	ts := newTestServer(t, true)
	before := ts.count(t, `SELECT COUNT(*) FROM audit_events`)
	if before == 0 {
		t.Fatal("no audit events from loading the presets and making the demo users")
	}
	for _, stmt := range []string{
		`UPDATE audit_events SET actor = 'someone else'`,
		`UPDATE audit_events SET detail = '' WHERE action = 'strategy_loaded'`,
		`DELETE FROM audit_events`,
		`DELETE FROM audit_events WHERE action = 'user_created'`,
	} {
		_, err := ts.db.Exec(stmt)
		if err == nil || !strings.Contains(err.Error(), "audit_events is append-only") {
			t.Errorf("%s: %v, want the append-only trigger's error", stmt, err)
		}
	}
	if after := ts.count(t, `SELECT COUNT(*) FROM audit_events WHERE actor <> 'someone else'`); after != before {
		t.Errorf("%d events before, %d unchanged after", before, after)
	}
}

// CPR numbers typed anywhere — a path, a query, the sign-in form, a header,
// an API key — reach neither the log nor the audit log. (Every test's log
// is also checked when its server stops.)
func TestLogs_NoCPRNumberFromAnyInput(t *testing.T) {
	ts := newTestServer(t, true)
	cpr := "010170-1234"
	anon := ts.client(t, "")
	ts.get(t, anon, "/m/0101701234/areas?cpr="+cpr)
	ts.post(t, anon, "/login", url.Values{"email": {cpr}, "password": {cpr}})
	ts.request(t, anon, "GET", "/api/v1/strategy?municipality="+cpr, "Authorization", "Bearer kanal_live_"+cpr)
	c := ts.client(t, dragoerGroup)
	ts.post(t, c, "/m/dragoer/users", url.Values{"email": {cpr}, "name": {cpr}, "role": {"staff"}})
	ts.get(t, c, "/m/dragoer/areas/"+cpr, "User-Agent", cpr, "Referer", "http://x/"+cpr)
	// Names the strategy group chooses, typed where a name belongs.
	ts.post(t, c, "/m/dragoer/keys", url.Values{"name": {"Borger " + cpr}, "permissions": {"read"}})
	upload(t, ts, c, "/m/dragoer/versions", cpr+".yaml", bytes.Replace(kanaltest.PresetDocument(t, "dragoer"), []byte("2015: 50"), []byte("2015: 55"), 1))
	ts.get(t, c, "/login?return=/m/dragoer?q="+cpr)
	ts.post(t, ts.client(t, dragoerStaff), "/m/dragoer/console", url.Values{"area": {cpr}, "q": {cpr}, "channel": {cpr}})
	// What an auditor looks for.
	auditor := ts.client(t, dragoerAuditor)
	ts.get(t, auditor, "/m/dragoer/audit?actor="+cpr)
	ts.get(t, auditor, "/m/dragoer/audit.csv?actor="+cpr+"&action="+cpr+"&from="+cpr)
	ts.get(t, auditor, "/m/dragoer/audit.csv?actor="+cpr+"&action="+cpr)
	if m := cprShaped.FindString(ts.logs.String()); m != "" {
		t.Errorf("logged %q", m)
	}
	rows, err := ts.db.Query(`SELECT actor || ' ' || target || ' ' || detail FROM audit_events`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		n++
		if cprShaped.MatchString(s) {
			t.Errorf("audit log holds a CPR-shaped string: %q", s)
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Error("no audit events were read")
	}
}

func mustURL(s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil {
		panic(err)
	}
	return u
}

// signInWithForm signs in through the sign-in form and returns the browser,
// which holds the new session.
func (ts *testServer) signInWithForm(t *testing.T, email, password string) *http.Client {
	t.Helper()
	c := ts.client(t, "")
	if r := ts.post(t, c, "/login", url.Values{"email": {email}, "password": {password}}); r.status != http.StatusSeeOther {
		t.Fatalf("sign in as %s: %d\n%s", email, r.status, r.body)
	}
	return c
}

// signedIn reports whether a browser's session still opens a page.
func (ts *testServer) signedIn(t *testing.T, c *http.Client) bool {
	t.Helper()
	r := ts.get(t, c, "/password")
	return r.status == http.StatusOK
}

// danishMonths is written out here, not taken from the catalogue, so that
// the expected text does not come from the code under test.
var danishMonths = []string{"januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
	"oktober", "november", "december"}

// expiryTexts are the ways "72 hours from now" may be printed, in Danish
// time, allowing for the minute turning during the test.
func expiryTexts(from time.Time) []string {
	loc, err := time.LoadLocation("Europe/Copenhagen")
	if err != nil {
		panic(err)
	}
	var out []string
	for _, d := range []time.Duration{-time.Minute, 0, time.Minute} {
		e := from.Add(72*time.Hour + d).In(loc)
		out = append(out, fmt.Sprintf("%d. %s %d kl. %02d:%02d", e.Day(), danishMonths[e.Month()-1], e.Year(), e.Hour(), e.Minute()))
	}
	return out
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// Changing one's own password signs out every other session of the user —
// also those opened with the one-time password — and keeps this one.
func TestPassword_ChangeEndsEveryOtherSession(t *testing.T) {
	ts := newTestServer(t, true)
	ctx := context.Background()
	_, password, err := auth.NewUsers(ts.db, ts.registry).Add(ctx, audit.System,
		auth.NewUser{Municipality: "dragoer", Email: "ny@dragoer.demo", Role: auth.Staff})
	if err != nil {
		t.Fatal(err)
	}
	here := ts.signInWithForm(t, "ny@dragoer.demo", password)
	elsewhere := ts.signInWithForm(t, "ny@dragoer.demo", password)
	if r := ts.post(t, here, "/password", url.Values{"current": {password}, "password": {"en helt ny sætning"}, "repeat": {"en helt ny sætning"}}); r.status != http.StatusSeeOther {
		t.Fatalf("change the one-time password: %d\n%s", r.status, r.body)
	}
	if !ts.signedIn(t, here) {
		t.Error("the session the password was changed in was ended")
	}
	if ts.signedIn(t, elsewhere) {
		t.Error("another session opened with the one-time password survived the change")
	}

	// The user's own password, changed again: the same.
	other := ts.signInWithForm(t, "ny@dragoer.demo", "en helt ny sætning")
	r := ts.post(t, here, "/password", url.Values{"current": {"en helt ny sætning"}, "password": {"en tredje sætning her"}, "repeat": {"en tredje sætning her"}})
	if r.status != http.StatusOK || !strings.Contains(r.body, "du er logget ud alle andre steder") {
		t.Fatalf("change the own password: %d", r.status)
	}
	if !ts.signedIn(t, here) || ts.signedIn(t, other) {
		t.Errorf("after the change: this session signed in %v (want true), the other %v (want false)", ts.signedIn(t, here), ts.signedIn(t, other))
	}
	events, err := audit.List(ctx, ts.db, audit.Filter{Municipality: "dragoer", Action: audit.PasswordChanged})
	if err != nil {
		t.Fatal(err)
	}
	if len(events) != 2 || events[0].Detail != "other sessions ended: 1" || events[1].Detail != "other sessions ended: 1" {
		t.Errorf("audit: %+v", events)
	}
}

// An administrator's reset gives a one-time password that expires after
// 72 hours, says so in Danish time, and ends every session of the user.
func TestPassword_ResetEndsEverySessionAndTheOneTimePasswordExpires(t *testing.T) {
	ts := newTestServer(t, true)
	ctx := context.Background()
	victim := ts.signInWithForm(t, dragoerStaff, demo.Password)
	u, err := auth.NewUsers(ts.db, ts.registry).ByEmail(ctx, dragoerStaff)
	if err != nil {
		t.Fatal(err)
	}
	before := time.Now()
	r := ts.post(t, ts.client(t, dragoerGroup), fmt.Sprintf("/m/dragoer/users/%d/password", u.ID), nil)
	if r.status != http.StatusOK {
		t.Fatalf("reset: %d", r.status)
	}
	if !containsAny(r.body, expiryTexts(before)) {
		t.Errorf("the page does not say when the password expires (one of %q)", expiryTexts(before))
	}
	if ts.signedIn(t, victim) {
		t.Error("the user's session survived the reset")
	}
	password := regexp.MustCompile(`<code class="secret">([^<]+)</code>`).FindStringSubmatch(r.body)
	if password == nil {
		t.Fatal("no one-time password on the page")
	}
	opened := ts.signInWithForm(t, dragoerStaff, password[1])

	// 72 hours later, the right one-time password no longer works, and the
	// page says whom to ask; a wrong password learns nothing.
	if _, err := ts.db.Exec(`UPDATE users SET password_expires_at = $1 WHERE id = $2`, time.Now().UTC().Add(-time.Second), u.ID); err != nil {
		t.Fatal(err)
	}
	r = ts.post(t, ts.client(t, ""), "/login", url.Values{"email": {dragoerStaff}, "password": {password[1]}})
	if r.status != http.StatusUnauthorized || !strings.Contains(r.body, "Engangsadgangskoden er udløbet. Bed strategigruppen i Dragør Kommune om en ny engangsadgangskode.") {
		t.Errorf("an expired one-time password: %d\n%s", r.status, r.body)
	}
	if r := ts.post(t, ts.client(t, ""), "/login", url.Values{"email": {dragoerStaff}, "password": {"forkert adgangskode"}}); strings.Contains(r.body, "udløbet") {
		t.Error("a wrong password learns that the account waits for a new password")
	}
	if ts.signedIn(t, opened) {
		t.Error("a session opened with the one-time password outlived it")
	}
	failed, err := audit.List(ctx, ts.db, audit.Filter{Municipality: "dragoer", Action: audit.SignInFailed})
	if err != nil {
		t.Fatal(err)
	}
	if len(failed) != 2 || failed[1].Detail != "password: one-time password expired" || failed[1].Target != dragoerStaff {
		t.Errorf("failed sign-ins in the audit log: %+v", failed)
	}
}

func TestPassword_AnOperatorsExpiredPasswordNamesWhomToAsk(t *testing.T) {
	ts := newTestServer(t, true)
	ctx := context.Background()
	users := auth.NewUsers(ts.db, ts.registry)
	u, err := users.ByEmail(ctx, operator)
	if err != nil {
		t.Fatal(err)
	}
	password, _, err := users.ResetPassword(ctx, audit.System, u)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ts.db.Exec(`UPDATE users SET password_expires_at = $1 WHERE id = $2`, time.Now().UTC().Add(-time.Second), u.ID); err != nil {
		t.Fatal(err)
	}
	r := ts.post(t, ts.client(t, ""), "/login?lang=en", url.Values{"email": {operator}, "password": {password}})
	if r.status != http.StatusUnauthorized || !strings.Contains(r.body, "The one-time password has expired. Ask whoever runs Kanal for a new one") {
		t.Errorf("an operator's expired password: %d\n%s", r.status, r.body)
	}
}

// Every user can sign themselves out everywhere, this browser included.
func TestSessions_SignOutEverywhere(t *testing.T) {
	ts := newTestServer(t, true)
	here, there := ts.client(t, dragoerAuditor), ts.client(t, dragoerAuditor)
	colleague := ts.client(t, dragoerStaff)
	page := ts.get(t, here, "/m/dragoer")
	if !strings.Contains(page.body, `action="/logout/everywhere"`) || !strings.Contains(page.body, "Log ud overalt") {
		t.Error("the page offers no way to sign out everywhere")
	}
	r := ts.post(t, here, "/logout/everywhere", nil)
	if r.status != http.StatusSeeOther || r.header.Get("Location") != "/login?signed_out=everywhere" {
		t.Fatalf("sign out everywhere: %d %q", r.status, r.header.Get("Location"))
	}
	if ts.signedIn(t, here) || ts.signedIn(t, there) {
		t.Error("a session of the user survived")
	}
	if !ts.signedIn(t, colleague) {
		t.Error("a colleague was signed out too")
	}
	if r := ts.get(t, here, "/login?signed_out=everywhere"); !strings.Contains(r.body, "Du er logget ud alle steder, også her.") {
		t.Error("the sign-in page does not confirm it")
	}
	events, err := audit.List(context.Background(), ts.db, audit.Filter{Municipality: "dragoer", Action: audit.SessionsRevoked})
	if err != nil {
		t.Fatal(err)
	}
	if len(events) != 1 || events[0].Actor != dragoerAuditor || events[0].Target != dragoerAuditor {
		t.Errorf("audit: %+v", events)
	}
}

// The authentication scheme is case-insensitive (RFC 7235, 2.1), so every
// spelling of Bearer is a key; other schemes and a missing space are not.
func TestAPI_BearerSchemeInAnyCase(t *testing.T) {
	ts := newTestServer(t, true)
	secret, _ := ts.addKey(t, "dragoer", "telefoni", false, auth.Read)
	for header, want := range map[string]int{
		"Bearer " + secret:         http.StatusOK,
		"bearer " + secret:         http.StatusOK,
		"BEARER " + secret:         http.StatusOK,
		"bEaReR   " + secret + " ": http.StatusOK,
		"Basic " + secret:          http.StatusUnauthorized,
		"Bearer" + secret:          http.StatusUnauthorized,
		"Bearer ":                  http.StatusUnauthorized,
		secret:                     http.StatusUnauthorized,
	} {
		if r := ts.request(t, ts.client(t, ""), "GET", "/api/v1/strategy", "Authorization", header); r.status != want {
			t.Errorf("Authorization: %q answered %d, want %d", strings.Replace(header, secret, "KEY", 1), r.status, want)
		}
	}
}

// An auditor's free-text filter may hold anything — a name, a CPR number —
// and is not copied into the audit event of the export; the checked parts
// of the filter are.
func TestAudit_ExportDoesNotLogTheFreeTextFilter(t *testing.T) {
	ts := newTestServer(t, true)
	c := ts.client(t, dragoerAuditor)
	query := url.Values{"actor": {"Jens Hansen 010170-1234"}, "action": {"signin"}, "from": {"2014-01-01"}}
	if r := ts.get(t, c, "/m/dragoer/audit.csv?"+query.Encode()); r.status != http.StatusOK {
		t.Fatalf("export: %d", r.status)
	}
	events, err := audit.List(context.Background(), ts.db, audit.Filter{Municipality: "dragoer", Action: audit.AuditExported})
	if err != nil {
		t.Fatal(err)
	}
	if len(events) != 1 {
		t.Fatalf("%d export events, want 1", len(events))
	}
	if d := events[0].Detail; strings.Contains(d, "Jens") || strings.Contains(d, "Hansen") || strings.Contains(d, "1234") ||
		d != "from=2014-01-01 action=signin actor=(filtered)" {
		t.Errorf("the export's audit detail is %q", d)
	}
}

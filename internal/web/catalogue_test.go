package web

import (
	"bytes"
	"context"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/guidance"
	"github.com/kanal-dk/kanal/internal/kanaltest"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/locale/localetest"
	"github.com/kanal-dk/kanal/internal/strategy"
	"github.com/kanal-dk/kanal/internal/web/api"
)

// href is a link within Kanal.
var href = regexp.MustCompile(`href="(/[^"#]*)"`)

// noKeyShown fails the test when a text answer shows words that look like
// catalogue keys.
func noKeyShown(t *testing.T, what string, r response) {
	t.Helper()
	ct := r.header.Get("Content-Type")
	if !strings.HasPrefix(ct, "text/") && !strings.HasPrefix(ct, "application/json") {
		return
	}
	if words := localetest.KeyShaped(r.body); len(words) > 0 {
		t.Errorf("%s shows catalogue keys instead of texts: %q", what, words)
	}
}

// crawl visits every page reachable by links from start as the client,
// following links within Kanal, and checks each answer; it returns how
// many it visited.
func (ts *testServer) crawl(t *testing.T, c *http.Client, who string, start ...string) int {
	t.Helper()
	seen := map[string]bool{}
	queue := start
	for len(queue) > 0 && len(seen) < 2000 {
		path := queue[0]
		queue = queue[1:]
		if seen[path] || strings.HasPrefix(path, "/static/") || strings.HasPrefix(path, "/auth/oidc/") {
			continue
		}
		seen[path] = true
		r := ts.get(t, c, path)
		if r.status >= 500 {
			t.Errorf("%s %s: %d", who, path, r.status)
		}
		noKeyShown(t, who+" "+path, r)
		if !strings.HasPrefix(r.header.Get("Content-Type"), "text/html") {
			continue
		}
		for _, m := range href.FindAllStringSubmatch(r.body, -1) {
			if !seen[m[1]] {
				queue = append(queue, m[1])
			}
		}
	}
	if len(seen) >= 2000 {
		t.Errorf("%s: more than 2000 pages; is a link making new addresses?", who)
	}
	return len(seen)
}

// Everything Kanal shows — every page reachable by links as every role in
// Danish and English (the figures with their exports and the council's
// report among them), every form sent empty, the error pages, the staff
// console's guidance for every area, type and channel, and the API's
// answers — asks the catalogue only for texts it has, and shows nothing
// that looks like a key.
func TestCatalogue_EverythingShownIsInTheCatalogue(t *testing.T) {
	localetest.FailOnMissing(t)
	// The staff pages link the portal (answer pages, callback booking),
	// so every staff crawl also walks the public pages, from one address:
	// more than the public rate limit allows, which is not this test's
	// subject.
	ts := newTestServer(t, true, func(o *Options, _ string) { o.PublicRate = Rate{PerSecond: 1000, Burst: 10000} })
	ts.seed(t, "dragoer", 2012, 2015, 0.01)
	ts.seed(t, "taarnby", 2016, 2018, 0.01)
	issued := ts.issue(t, "dragoer", 2014)
	ctx := context.Background()
	victim, _, err := auth.NewUsers(ts.db, ts.registry).Add(ctx, audit.System,
		auth.NewUser{Municipality: "dragoer", Email: "offer@dragoer.demo", Role: auth.Staff})
	if err != nil {
		t.Fatal(err)
	}
	_, key := ts.addKey(t, "dragoer", "offer", false, auth.Read)
	secret, _ := ts.addKey(t, "dragoer", "alt", false, auth.KeyPermissions...)

	// A key is looked up the same in both languages (and the catalogue
	// holds both for every key), so every role reads in Danish and the
	// widest two in English too.
	crawls := map[string][]string{
		locale.Danish:  {operator, dragoerStaff, dragoerManager, dragoerGroup, dragoerAuditor, taarnbyGroup},
		locale.English: {operator, taarnbyGroup},
	}
	for _, lang := range locale.Languages {
		for _, email := range crawls[lang] {
			c := ts.client(t, email)
			ts.get(t, c, "/?lang="+lang) // the cookie keeps the language
			n := ts.crawl(t, c, lang+" "+email, "/", "/m/dragoer/figures", "/m/taarnby/figures",
				"/m/dragoer/figures/reports/"+fmt.Sprint(issued.ID), "/password", "/m/nowhere", "/m/dragoer/users")
			if n < 30 {
				t.Errorf("%s %s: only %d pages", lang, email, n)
			}
		}
		anonymous := ts.client(t, "")
		ts.get(t, anonymous, "/login?lang="+lang)
		ts.crawl(t, anonymous, lang+" anonymous", "/login", "/no/such/page")
		if n := ts.crawl(t, anonymous, lang+" citizen", "/borger/dragoer/?lang="+lang, "/borger/taarnby/?lang="+lang,
			"/borger/dragoer/?q=adresse&lang="+lang, "/borger/dragoer/?q=intet-som-dette&lang="+lang, "/borger/nowhere/?lang="+lang); n < 40 {
			t.Errorf("%s citizen: only %d pages", lang, n)
		}
		noKeyShown(t, lang+" failed sign-in", ts.post(t, anonymous, "/login", url.Values{"email": {"x@y.dk"}, "password": {"forkert"}}))
	}

	// The figures for other periods and filters, right and wrong, with
	// their exports and reports.
	starts := []string{
		"/m/dragoer/figures?period=quarter&year=2014&quarter=2&area=flytning",
		"/m/dragoer/figures?period=custom&from=2012-01-01&to=2015-12-31&direction=outbound",
		"/m/dragoer/figures?year=2011",
		"/m/dragoer/figures?period=never&year=9999&quarter=7&month=13&department=ingen&area=ingen&type=ingen&direction=sideways",
		"/m/taarnby/figures?period=month&year=2017&month=5&type=transaction",
		"/m/taarnby/figures?year=2019",
		"/m/taarnby/figures?period=custom&from=x&to=2001-01-01",
		"/m/taarnby/figures?period=custom&from=2018-01-01&to=2017-01-01",
	}
	ts.crawl(t, ts.client(t, operator), "figures", starts...)

	// Every form sent empty, as a role that may send it: its errors.
	values := map[string]string{"municipality": "dragoer", "area": "flytning", "version": "1",
		"user": fmt.Sprint(victim.ID), "key": fmt.Sprint(key.ID), "report": fmt.Sprint(issued.ID),
		"target": "digitale-henvendelser", "price": "1"}
	for _, rt := range ts.srv.routes() {
		method, path := routeURL(rt.Pattern, values)
		if method != http.MethodPost || rt.KeyPerm != "" || rt.Public {
			continue
		}
		for _, lang := range locale.Languages {
			email := operator
			for _, e := range []string{dragoerStaff, dragoerManager, dragoerGroup, dragoerAuditor, operator} {
				if ts.user(t, e).Role.Has(rt.Perm) {
					email = e
					break
				}
			}
			r := ts.request(t, ts.client(t, email), method, path+"?lang="+lang)
			if r.status >= 500 {
				t.Errorf("%s (%s) sent empty: %d", rt.Pattern, lang, r.status)
			}
			noKeyShown(t, rt.Pattern+" sent empty", r)
		}
	}

	// Forms sent wrong, field by field, as the role that may send them.
	group, staff := ts.client(t, dragoerGroup), ts.client(t, dragoerStaff)
	broken := strings.NewReplacer("kind: oral", "kind: spoken", `to: "15:00"`, `to: "08:00"`, `kle: "23.09.02"`, `kle: "23.9.2"`,
		"vision:", "visjon:").Replace(string(kanaltest.PresetDocument(t, "dragoer")))
	csv := "id,occurred_at,channel,type,direction,area,department,duration_seconds\n" +
		"a,2014-04-01T09:00:00+02:00,fax,nothing,sideways,nowhere,ingen,-1\n" +
		"a,2099-04-01T09:00:00+02:00,phone,information,inbound,flytning,,x\n" +
		"b,1990-04-01,phone,information,inbound,flytning,,\n"
	for _, lang := range locale.Languages {
		q := "?lang=" + lang
		for what, r := range map[string]response{
			"a broken strategy": postFile(t, ts, group, "/m/dragoer/versions"+q, "strategy", "broken.yaml", []byte(broken)),
			"not YAML":          postFile(t, ts, group, "/m/dragoer/versions"+q, "strategy", "x.yaml", []byte("{{{")),
			"wrong rows":        postFile(t, ts, group, "/m/dragoer/import"+q, "file", "rows.csv", []byte(csv)),
			"a wrong header":    postFile(t, ts, group, "/m/dragoer/import"+q, "file", "rows.csv", []byte("tidspunkt;kanal\n")),
			"a wrong inquiry": ts.post(t, staff, "/m/dragoer/console"+q, url.Values{"area": {"nowhere"}, "type": {"nothing"},
				"channel": {"fax"}, "referred_to": {"ingen"}}),
			"a wrong desk": ts.post(t, staff, "/m/dragoer/console/desk"+q, url.Values{"desk": {"ingen"}}),
			"a wrong user": ts.post(t, group, "/m/dragoer/users"+q, url.Values{"email": {"ikke en adresse"}, "role": {"boss"},
				"department": {"ingen"}}),
			"a manager without a department": ts.post(t, group, "/m/dragoer/users"+q, url.Values{"email": {"ny@dragoer.dk"}, "role": {"manager"}}),
			"a key without a name":           ts.post(t, group, "/m/dragoer/keys"+q, url.Values{"permissions": {"read"}}),
			"a key that may do nothing":      ts.post(t, group, "/m/dragoer/keys"+q, url.Values{"name": {"X"}}),
			"a key with a lost permission":   ts.post(t, group, "/m/dragoer/keys"+q, url.Values{"name": {"Y"}, "permissions": {"payments"}}),
			"a wrong password": ts.post(t, ts.client(t, dragoerAuditor), "/password"+q, url.Values{"current": {"forkert"},
				"password": {"kort"}, "repeat": {"kort"}}),
			"passwords that differ": ts.post(t, ts.client(t, dragoerAuditor), "/password"+q, url.Values{"current": {"x"},
				"password": {"en lang adgangskode"}, "repeat": {"en anden adgangskode"}}),
		} {
			if r.status >= 500 {
				t.Errorf("%s (%s): %d", what, lang, r.status)
			}
			noKeyShown(t, what+" ("+lang+")", r)
		}
	}

	// The console's guidance for every area, type and channel, and every
	// API answer, right and wrong.
	api := ts.client(t, "")
	for _, m := range []string{"dragoer", "taarnby"} {
		cur, err := ts.registry.Current(ctx, m)
		if err != nil {
			t.Fatal(err)
		}
		staff := ts.client(t, map[string]string{"dragoer": dragoerStaff, "taarnby": "medarbejder@taarnby.demo"}[m])
		s := cur.Strategy
		for _, lang := range locale.Languages {
			for _, a := range s.Areas {
				for _, typ := range s.Types() {
					for _, ch := range s.Channels {
						q := url.Values{"area": {a.ID}, "type": {typ}, "channel": {ch.ID}, "lang": {lang}}
						noKeyShown(t, m+" console guidance "+q.Encode(), ts.get(t, staff, "/m/"+m+"/console/guidance?"+q.Encode()))
						guidanceTexts(t, s, a.ID, typ, ch.ID, locale.New(lang))
					}
				}
			}
		}
	}
	for _, lang := range []string{"da", "en-GB"} {
		for _, path := range []string{"/api/v1/strategy", "/api/v1/kpis", "/api/v1/kpis?from=2014-01-01&to=2014-12-31",
			"/api/v1/kpis?from=x", "/api/v1/guidance", "/api/v1/guidance?area=flytning&type=transaction&channel=letter",
			"/api/v1/guidance?area=flytning&type=nothing", "/api/v1/guidance?area=flytning&type=transaction&at=x",
			"/api/v1/guidance?area=flytning&type=transaction&exempt=maybe", "/api/v1/openapi.json"} {
			noKeyShown(t, path, ts.get(t, api, path, "Authorization", "Bearer "+secret, "Accept-Language", lang))
		}
		for _, body := range []string{"", "{", `{"occurred_at":"x"}`, "[]",
			`{"id":"a","occurred_at":"2099-01-01T00:00:00Z","channel":"fax","type":"nothing","direction":"sideways","area":"nowhere","department":"ingen","duration_seconds":-1,"referred_to":"ingen","extra":1}`} {
			req, err := http.NewRequest(http.MethodPost, ts.URL+"/api/v1/inquiries", strings.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			req.Header.Set("Authorization", "Bearer "+secret)
			req.Header.Set("Accept-Language", lang)
			req.Header.Set("Content-Type", "application/json")
			noKeyShown(t, "POST /api/v1/inquiries "+body, do(t, api, req))
		}
		noKeyShown(t, "a bad key", ts.get(t, api, "/api/v1/strategy", "Authorization", "Bearer kanal_live_x", "Accept-Language", lang))
	}
}

// guidanceTexts puts the guidance into words for every combination of the
// citizen's circumstances, at an hour the town hall is open and one it is
// closed, as the API does.
func guidanceTexts(t *testing.T, s *strategy.Strategy, area, typ, channel string, l locale.Printer) {
	t.Helper()
	open := time.Date(s.Period.From, 3, 4, 10, 0, 0, 0, strategy.Location)
	for _, at := range []time.Time{open, open.Add(17 * time.Hour), time.Date(2022, 3, 6, 3, 0, 0, 0, strategy.Location)} {
		for _, flags := range [][4]bool{{}, {true}, {false, true}, {false, false, true}, {false, false, false, true}} {
			req := guidance.Request{Area: area, Type: typ, Channel: channel, Direction: strategy.Inbound, At: at}
			req.ExemptSelfService, req.ExemptDigitalPost, req.NoNationalLogin, req.SpecialNeeds = flags[0], flags[1], flags[2], flags[3]
			a, err := guidance.Decide(s, req)
			if err != nil {
				continue // the request's own error; the API's answers above put those into words
			}
			api.NewGuidanceAnswer(a, l)
		}
	}
}

// postFile sends a file as a form's field, as a browser uploads it, after
// the form's other fields (name, value pairs); with no file name the form
// is sent without a file, as when none was chosen.
func postFile(t *testing.T, ts *testServer, c *http.Client, path, field, name string, data []byte, fields ...string) response {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for i := 0; i+1 < len(fields); i += 2 {
		if err := mw.WriteField(fields[i], fields[i+1]); err != nil {
			t.Fatal(err)
		}
	}
	if name != "" {
		fw, err := mw.CreateFormFile(field, name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := fw.Write(data); err != nil {
			t.Fatal(err)
		}
	}
	if err := mw.Close(); err != nil {
		t.Fatal(err)
	}
	req, err := http.NewRequest(http.MethodPost, ts.URL+path, &body)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return do(t, c, req)
}

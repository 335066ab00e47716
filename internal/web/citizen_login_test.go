package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/kanal-dk/kanal/internal/auth/oidctest"
	"github.com/kanal-dk/kanal/internal/nemlogin"
	"github.com/kanal-dk/kanal/internal/web/citizen"
)

// The development login: the area's form sends a citizen who has not
// signed in to the sign-in, which goes to the pick page with its warning;
// picking a test citizen starts a session whose cookie only /borger/
// receives, and the header names the citizen. Signing out ends it.
func TestCitizen_DevLoginSignsInAndOut(t *testing.T) {
	ts := newTestServer(t, true, withCitizens(t, nil))
	c := ts.client(t, "")
	r := ts.get(t, c, "/borger/dragoer/formular/dagtilbud")
	if want := "/borger/dragoer/log-ind?tilbage=%2Fborger%2Fdragoer%2Fformular%2Fdagtilbud"; r.status != http.StatusSeeOther || r.header.Get("Location") != want {
		t.Fatalf("a form that needs sign-in: %d %q, want a redirect to %s", r.status, r.header.Get("Location"), want)
	}
	r = ts.get(t, c, r.header.Get("Location"))
	if r.status != http.StatusSeeOther || r.header.Get("Location") != "/borger/dragoer/log-ind/udvikling" {
		t.Fatalf("sign-in: %d %q", r.status, r.header.Get("Location"))
	}
	state := cookieLine(r, "kanal_borger_login")
	for _, want := range []string{"Path=/borger/", "HttpOnly", "SameSite=Lax", "Max-Age=600"} {
		if !strings.Contains(state, want) {
			t.Errorf("the state cookie %q lacks %s", state, want)
		}
	}
	r = ts.get(t, c, "/borger/dragoer/log-ind/udvikling")
	for _, want := range []string{"Udviklingslogin – kun til test, ingen rigtig MitID", madsName + " (" + madsCPR + ")",
		hanneName + " (" + hanneCPR + ") – navne- og adressebeskyttelse"} {
		if !strings.Contains(r.body, want) {
			t.Errorf("the pick page lacks %q", want)
		}
	}
	if strings.Contains(r.body, madsRoad) {
		t.Errorf("the pick page shows an address")
	}
	form := url.Values{"csrf": {pageFormValues(r.body).Get("csrf")}, "cpr": {madsCPR}}
	r = ts.post(t, c, "/borger/dragoer/log-ind/udvikling", form)
	if r.status != http.StatusSeeOther || r.header.Get("Location") != "/borger/dragoer/formular/dagtilbud" {
		t.Fatalf("pick: %d %q, want back to the form", r.status, r.header.Get("Location"))
	}
	session := cookieLine(r, "kanal_borger")
	for _, want := range []string{"Path=/borger/", "HttpOnly", "SameSite=Lax"} {
		if !strings.Contains(session, want) {
			t.Errorf("the session cookie %q lacks %s", session, want)
		}
	}
	if strings.Contains(session, "Secure") {
		t.Errorf("the session cookie is Secure on http: %q", session)
	}
	if n := ts.count(t, `SELECT COUNT(*) FROM citizen_sessions WHERE municipality_id = 'dragoer' AND cpr = $1 AND revoked_at IS NULL`, madsCPR); n != 1 {
		t.Errorf("%d live sessions for the citizen, want 1", n)
	}
	if n := ts.count(t, `SELECT COUNT(*) FROM citizen_sessions WHERE id_hash LIKE 'kanal%' OR LENGTH(id_hash) <> 64`); n != 0 {
		t.Errorf("a session is stored by something else than its hash")
	}
	r = ts.get(t, c, "/borger/dragoer/formular/dagtilbud")
	if r.status != http.StatusOK || !strings.Contains(r.body, "Logget ind som "+madsName) {
		t.Fatalf("the form after sign-in: %d, signed-in header %v", r.status, strings.Contains(r.body, "Logget ind som"))
	}
	// The staff pages see no session: the cookie is not sent to them.
	if r := ts.get(t, c, "/"); strings.Contains(r.body, madsName) {
		t.Errorf("the staff pages know the citizen")
	}
	// Signing out needs the page's token.
	csrf := pageFormValues(r.body).Get("csrf")
	if r := ts.post(t, c, "/borger/dragoer/log-ud", url.Values{"csrf": {"forkert"}}); r.status != http.StatusBadRequest {
		t.Errorf("sign-out with a wrong token: %d, want 400", r.status)
	}
	r = ts.post(t, c, "/borger/dragoer/log-ud", url.Values{"csrf": {csrf}})
	if r.status != http.StatusSeeOther || !strings.HasPrefix(r.header.Get("Location"), "/borger/dragoer/") {
		t.Fatalf("sign-out: %d %q", r.status, r.header.Get("Location"))
	}
	if n := ts.count(t, `SELECT COUNT(*) FROM citizen_sessions WHERE cpr = $1 OR revoked_at IS NULL`, madsCPR); n != 0 {
		t.Errorf("%d sessions live or holding the CPR number after signing out", n)
	}
	if r := ts.get(t, c, "/borger/dragoer/sager"); r.status != http.StatusSeeOther || !strings.HasPrefix(r.header.Get("Location"), "/borger/dragoer/log-ind") {
		t.Errorf("my cases after signing out: %d %q", r.status, r.header.Get("Location"))
	}
}

// cookieLine is the Set-Cookie line of a cookie.
func cookieLine(r response, name string) string {
	for _, line := range r.header.Values("Set-Cookie") {
		if strings.HasPrefix(line, name+"=") {
			return line
		}
	}
	return ""
}

// A sign-in is only completed from the sign-in it began: without the
// state cookie, or with a citizen not in the file, nobody is signed in.
func TestCitizen_DevLoginRefusesWhatItDidNotBegin(t *testing.T) {
	ts := newTestServer(t, true, withCitizens(t, nil))
	c := ts.client(t, "")
	// The pick page without a sign-in begun starts one.
	r := ts.get(t, c, "/borger/dragoer/log-ind/udvikling")
	if r.status != http.StatusSeeOther || !strings.HasPrefix(r.header.Get("Location"), "/borger/dragoer/log-ind?") {
		t.Errorf("pick page without a sign-in: %d %q", r.status, r.header.Get("Location"))
	}
	ts.get(t, c, "/borger/dragoer/log-ind")
	r = ts.get(t, c, "/borger/dragoer/log-ind/udvikling")
	csrf := pageFormValues(r.body).Get("csrf")
	for name, tc := range map[string]struct {
		form   url.Values
		status int
		want   string
	}{
		"no token":        {url.Values{"cpr": {madsCPR}}, http.StatusBadRequest, "Siden er udløbet"},
		"nobody picked":   {url.Values{"csrf": {csrf}}, http.StatusBadRequest, "Vælg en testborger for at logge ind."},
		"not in the file": {url.Values{"csrf": {csrf}, "cpr": {"0101001234"}}, http.StatusBadRequest, "Den valgte testborger findes ikke i filen med testborgere."},
	} {
		r := ts.post(t, c, "/borger/dragoer/log-ind/udvikling", tc.form)
		if r.status != tc.status || !strings.Contains(r.body, tc.want) {
			t.Errorf("%s: %d, want %d with %q", name, r.status, tc.status, tc.want)
		}
	}
	if n := ts.count(t, `SELECT COUNT(*) FROM citizen_sessions`); n != 0 {
		t.Errorf("%d sessions started", n)
	}
	// The callback of another browser (no state cookie) signs nobody in.
	other := ts.client(t, "")
	r = ts.post(t, other, "/borger/dragoer/log-ind/udvikling", url.Values{"cpr": {madsCPR}})
	if r.status != http.StatusBadRequest {
		t.Errorf("a pick without the page's token: %d", r.status)
	}
	if r := ts.get(t, other, "/borger/log-ind/svar?state=x&cpr="+madsCPR); r.status != http.StatusBadRequest ||
		!strings.Contains(r.body, "Log ind blev ikke fuldført") {
		t.Errorf("a callback without the state cookie: %d", r.status)
	}
	if n := ts.count(t, `SELECT COUNT(*) FROM citizen_sessions`); n != 0 {
		t.Errorf("%d sessions started", n)
	}
}

// A citizen signed in to Dragør is not signed in to Tårnby: Tårnby's
// pages send them to Tårnby's sign-in, and Dragør's case is not found
// under Tårnby.
func TestCitizen_SessionOfOneMunicipalityOpensNothingInAnother(t *testing.T) {
	ts := newTestServer(t, true, withCitizens(t, nil))
	c := ts.citizenClient(t, "dragoer", madsCPR)
	loc := ts.fillForm(t, c, "dragoer", "sundhedskort", sundhedskortSteps).header.Get("Location")
	ref := strings.TrimSuffix(strings.TrimPrefix(loc, "/borger/dragoer/sager/"), "?ny=1")
	if ref == "" || ref == loc {
		t.Fatalf("no receipt after sending: %q", loc)
	}
	if r := ts.get(t, c, "/borger/dragoer/sager/"+ref); r.status != http.StatusOK || !strings.Contains(r.body, ref) {
		t.Fatalf("Dragør's receipt: %d", r.status)
	}
	for _, path := range []string{"/borger/taarnby/sager", "/borger/taarnby/sager/" + ref, "/borger/taarnby/formular/sundhedskort"} {
		r := ts.get(t, c, path)
		if r.status != http.StatusSeeOther || !strings.HasPrefix(r.header.Get("Location"), "/borger/taarnby/log-ind?") {
			t.Errorf("%s with Dragør's session: %d %q, want Tårnby's sign-in", path, r.status, r.header.Get("Location"))
		}
	}
	// Signed in to Tårnby too (the browser's session is now Tårnby's),
	// Dragør's reference is not found there.
	ts.signInCitizen(t, c, "taarnby", madsCPR)
	if r := ts.get(t, c, "/borger/taarnby/sager/"+ref); r.status != http.StatusNotFound {
		t.Errorf("Dragør's case under Tårnby: %d, want 404", r.status)
	}
	if r := ts.get(t, c, "/borger/taarnby/sager"); r.status != http.StatusOK || strings.Contains(r.body, ref) {
		t.Errorf("Tårnby's list of cases: %d, shows Dragør's case %v", r.status, strings.Contains(r.body, ref))
	}
	// Another citizen of Dragør does not see Mads's case.
	hanne := ts.citizenClient(t, "dragoer", hanneCPR)
	if r := ts.get(t, hanne, "/borger/dragoer/sager/"+ref); r.status != http.StatusNotFound {
		t.Errorf("another citizen's case: %d, want 404", r.status)
	}
}

// Signing in through a NemLog-in broker over OpenID Connect: the portal
// sends the browser to the broker, whose callback (one address for every
// municipality) signs the citizen in to the municipality the sign-in
// began in and returns to the page asked for; the header names the
// citizen from the ID token.
func TestCitizen_SignInThroughTheBroker(t *testing.T) {
	provider := oidctest.New(t, "kanal-borger", "hemmelig")
	provider.SetClaims(map[string]any{
		"https://data.gov.dk/model/core/eid/cprNumber": madsCPR,
		"https://data.gov.dk/model/core/eid/fullName":  madsName,
		"https://data.gov.dk/concept/core/nsis/loa":    "Substantial",
	})
	ts := newTestServer(t, true, withCitizens(t, &tuesday), func(o *Options, base string) {
		o.CitizenLogin = nemlogin.NewOIDC(nemlogin.OIDCConfig{Issuer: provider.Issuer(), ClientID: "kanal-borger",
			ClientSecret: "hemmelig", RedirectURL: base + citizen.CallbackPath})
	})
	c := ts.client(t, "")
	r := ts.get(t, c, "/borger/taarnby/log-ind?tilbage=/borger/taarnby/sager")
	broker := r.header.Get("Location")
	if r.status != http.StatusSeeOther || !strings.HasPrefix(broker, provider.Issuer()) {
		t.Fatalf("sign-in: %d %q, want the broker", r.status, broker)
	}
	if r := ts.get(t, c, "/borger/taarnby/log-ind/udvikling"); r.status != http.StatusNotFound {
		t.Errorf("the development login's page with a real broker: %d, want 404", r.status)
	}
	resp, err := c.Get(broker)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	back := resp.Header.Get("Location")
	if !strings.HasPrefix(back, ts.URL+citizen.CallbackPath+"?") {
		t.Fatalf("the broker sent the browser to %q", back)
	}
	r = ts.get(t, c, strings.TrimPrefix(back, ts.URL))
	if r.status != http.StatusSeeOther || r.header.Get("Location") != "/borger/taarnby/sager" {
		t.Fatalf("callback: %d %q\n%s", r.status, r.header.Get("Location"), r.body)
	}
	r = ts.get(t, c, "/borger/taarnby/sager")
	if r.status != http.StatusOK || !strings.Contains(r.body, "Logget ind som "+madsName) || strings.Contains(r.body, "Udviklingslogin") {
		t.Errorf("after the broker: %d", r.status)
	}
	if n := ts.count(t, `SELECT COUNT(*) FROM citizen_sessions WHERE municipality_id = 'taarnby' AND method = 'MitID'`); n != 1 {
		t.Errorf("%d MitID sessions in Tårnby, want 1", n)
	}
	// A refusal at the broker signs nobody in and says so.
	provider.Deny()
	other := ts.client(t, "")
	r = ts.get(t, other, "/borger/dragoer/log-ind")
	resp, err = other.Get(r.header.Get("Location"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	r = ts.get(t, other, strings.TrimPrefix(resp.Header.Get("Location"), ts.URL))
	if r.status != http.StatusBadRequest || !strings.Contains(r.body, "Du afbrød log ind, eller det blev afvist.") {
		t.Errorf("a refused sign-in: %d", r.status)
	}
}

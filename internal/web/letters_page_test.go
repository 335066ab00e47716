package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// sendLetterForm posts the staff letter form.
func (ts *testServer) sendLetterForm(t *testing.T, c *http.Client, m string, v url.Values) response {
	t.Helper()
	return ts.post(t, c, "/m/"+m+"/letters", v)
}

// "it goes digitally; a citizen exempted from Digital Post gets paper":
// the staff page sends a registered citizen's letter by Digital Post and
// an exempt citizen's as a paper letter, saying why in words and showing
// the recipient only masked.
func TestLetterPage_RouteAndReasonInWords(t *testing.T) {
	ts := newTestServer(t, true)
	c := ts.client(t, dragoerStaff)
	r := ts.get(t, c, "/m/dragoer/letters/new")
	if r.status != http.StatusOK || !strings.Contains(r.body, `name="id" value="`) || !strings.Contains(r.body, `<option value="flytning"`) {
		t.Fatalf("form: %d, want 200 with a letter id and the strategy's areas:\n%s", r.status, r.body)
	}
	if r := ts.get(t, ts.client(t, dragoerStaff), "/m/dragoer/letters/new?lang=en"); r.status != http.StatusOK || !strings.Contains(r.body, "The recipient's CPR or CVR number") {
		t.Errorf("English form: %d", r.status)
	}
	for _, tc := range []struct {
		name, cpr, route, reason string
	}{
		{"registered", registeredCitizen, "Sendes med Digital Post", "Modtageren er tilmeldt Digital Post."},
		{"exempt", exemptCitizen, "Sendes som brev", "Borgeren er fritaget for Digital Post og får brevet på papir."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := url.Values{"id": {"side-" + tc.name}, "recipient": {tc.cpr[:6] + "-" + tc.cpr[6:]}, "title": {"Din flytning"},
				"area": {"flytning"}, "body": {"Kære borger"}, "legal": {"1"}}
			r := ts.sendLetterForm(t, c, "dragoer", v)
			if r.status != http.StatusOK {
				t.Fatalf("send: %d\n%s", r.status, r.body)
			}
			for _, want := range []string{tc.route, tc.reason, "I kø", tc.cpr[:6] + "-xxxx"} {
				if !strings.Contains(r.body, want) {
					t.Errorf("receipt lacks %q", want)
				}
			}
			if strings.Contains(r.body, tc.cpr[6:]) {
				t.Errorf("receipt shows the CPR number's last four digits")
			}
			// Sent again (the browser's resend): the same letter, not a second one.
			ts.sendLetterForm(t, c, "dragoer", v)
			var n int
			if err := ts.db.QueryRowContext(t.Context(), `SELECT COUNT(*) FROM letters WHERE municipality_id = $1 AND id = $2`, "dragoer", "side-"+tc.name).Scan(&n); err != nil {
				t.Fatal(err)
			}
			if n != 1 {
				t.Errorf("letters with the id: %d, want 1", n)
			}
		})
	}
}

// Each problem is shown at its field and in the summary linking it.
func TestLetterPage_FieldErrorsAtTheirFields(t *testing.T) {
	ts := newTestServer(t, true)
	c := ts.client(t, dragoerStaff)
	for _, tc := range []struct {
		name   string
		values url.Values
		fields []string
	}{
		{"all missing", url.Values{"id": {"x1"}}, []string{"recipient", "title", "area", "body"}},
		{"bad cpr", url.Values{"id": {"x2"}, "recipient": {"12345"}, "title": {"T"}, "area": {"flytning"}, "body": {"B"}}, []string{"recipient"}},
		{"paper without reason", url.Values{"id": {"x3"}, "recipient": {registeredCitizen}, "title": {"T"}, "area": {"flytning"}, "body": {"B"}, "force": {"1"}}, []string{"force_reason"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := ts.sendLetterForm(t, c, "dragoer", tc.values)
			if r.status != http.StatusUnprocessableEntity {
				t.Fatalf("status %d, want 422", r.status)
			}
			for _, f := range tc.fields {
				if !strings.Contains(r.body, `id="`+f+`-error"`) || !strings.Contains(r.body, `href="#`+f+`"`) {
					t.Errorf("no error at %s or in the summary", f)
				}
			}
			if n := strings.Count(r.body, `class="form-error-message"`); n != len(tc.fields) {
				t.Errorf("%d field errors, want %d", n, len(tc.fields))
			}
		})
	}
}

// Another municipality's staff get 404 for Dragør's letter page, and an
// auditor (no SendLetters) 403.
func TestLetterPage_OtherMunicipalityNotFound(t *testing.T) {
	ts := newTestServer(t, true)
	other := ts.client(t, taarnbyGroup)
	if r := ts.get(t, other, "/m/dragoer/letters/new"); r.status != http.StatusNotFound {
		t.Errorf("GET: %d, want 404", r.status)
	}
	v := url.Values{"id": {"o1"}, "recipient": {registeredCitizen}, "title": {"T"}, "area": {"flytning"}, "body": {"B"}}
	if r := ts.sendLetterForm(t, other, "dragoer", v); r.status != http.StatusNotFound {
		t.Errorf("POST: %d, want 404", r.status)
	}
	if r := ts.get(t, ts.client(t, taarnbyAuditor), "/m/taarnby/letters/new"); r.status != http.StatusForbidden {
		t.Errorf("auditor: %d, want 403", r.status)
	}
}

package web

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/casework"
	"github.com/kanal-dk/kanal/internal/delivery"
	"github.com/kanal-dk/kanal/internal/inquiry"
)

// openCase opens a case in the municipality's first area that handles
// transactions, as another vendor's solution would, and returns its
// reference.
func (ts *testServer) openCase(t *testing.T, m string) string {
	t.Helper()
	ctx := context.Background()
	cur, err := ts.registry.Current(ctx, m)
	if err != nil {
		t.Fatal(err)
	}
	var area string
	for _, a := range cur.Strategy.Areas {
		if a.Handles("transaction") {
			area = a.ID
			break
		}
	}
	k, _, err := casework.New(ts.db, inquiry.NewRecorder(ts.db)).Submit(ctx, cur, casework.Submission{
		Area: area, Channel: "self_service", Source: "api:test", ExternalID: "open-" + m + "-" + time.Now().Format(time.RFC3339Nano)})
	if err != nil {
		t.Fatal(err)
	}
	return k.Reference
}

// caseReceipt is the answer to POST /api/v1/cases.
type caseReceipt struct {
	Reference   string  `json:"reference"`
	AnswerBy    *string `json:"answer_by"`
	WorkingDays *int    `json:"working_days"`
	Status      string  `json:"status"`
	Created     bool    `json:"created"`
}

func decode[T any](t *testing.T, r response) T {
	t.Helper()
	var v T
	if err := json.Unmarshal([]byte(r.body), &v); err != nil {
		t.Fatalf("%d %s: %v", r.status, r.body, err)
	}
	return v
}

func TestAPI_CaseOpenedWithItsReceiptOnceForAnExternalID(t *testing.T) {
	sp := loadSpec(t)
	ts := newTestServer(t, true)
	secret, _ := ts.addKey(t, "dragoer", "Sagsportal", false, auth.Cases)
	// Monday 31 March 2014; flytning answers in 5 working days: 1–4 April
	// (Tuesday–Friday) and Monday 7 April.
	body := `{"area": "23.05.10", "external_id": "ansøgning-1", "cpr": "010203-1234", "submitted_at": "2014-03-31T10:00:00+02:00"}`
	r := sp.call(t, ts, "POST", "/api/v1/cases", secret, "application/json", body)
	first := decode[caseReceipt](t, r)
	if r.status != http.StatusCreated || !first.Created || first.Status != "received" ||
		first.AnswerBy == nil || *first.AnswerBy != "2014-04-07" || *first.WorkingDays != 5 {
		t.Fatalf("first: %d %s", r.status, r.body)
	}
	again := sp.call(t, ts, "POST", "/api/v1/cases", secret, "application/json", body)
	if receipt := decode[caseReceipt](t, again); again.status != http.StatusOK || receipt.Created || receipt.Reference != first.Reference {
		t.Errorf("repeat: %d %s, want 200 with %s", again.status, again.body, first.Reference)
	}
	if n := ts.count(t, `SELECT COUNT(*) FROM inquiries WHERE municipality_id = 'dragoer' AND source = 'api:Sagsportal'`); n != 1 {
		t.Errorf("%d inquiries, want 1", n)
	}
	if n := ts.count(t, `SELECT COUNT(*) FROM inquiries WHERE channel = 'self_service' AND type = 'transaction' AND area = 'flytning'`); n != 1 {
		t.Errorf("the inquiry is not a self-service transaction in flytning")
	}
	// The status, read back as a citizen may say the reference: no
	// personal data.
	got := sp.call(t, ts, "GET", "/api/v1/cases/"+strings.ToLower(first.Reference), secret, "", "")
	if got.status != http.StatusOK || strings.Contains(got.body, "1234") ||
		!strings.Contains(got.body, `"history":[{"status":"received","at":"`) || !strings.Contains(got.body, `"submitted_at":"2014-03-31T08:00:00Z"`) {
		t.Errorf("GET: %d %s", got.status, got.body)
	}
	// Another municipality's key does not find it.
	other, _ := ts.addKey(t, "taarnby", "Sagsportal", false, auth.Cases)
	if r := sp.call(t, ts, "GET", "/api/v1/cases/"+first.Reference, other, "", ""); r.status != http.StatusNotFound {
		t.Errorf("Tårnby's key: %d", r.status)
	}
	if r := sp.call(t, ts, "POST", "/api/v1/cases/"+first.Reference+"/status", other, "application/json", `{"status": "closed"}`); r.status != http.StatusNotFound {
		t.Errorf("Tårnby's key changing it: %d", r.status)
	}
}

func TestAPI_CaseRefusalsNameTheField(t *testing.T) {
	sp := loadSpec(t)
	ts := newTestServer(t, true)
	secret, _ := ts.addKey(t, "dragoer", "Sagsportal", false, auth.Cases)
	for _, tc := range []struct {
		name, body string
		status     int
		code       string
		field      string
	}{
		{"no external id", `{"area": "23.05.10"}`, 400, "bad_request", "external_id"},
		{"no area", `{"external_id": "a"}`, 400, "bad_request", "area"},
		{"an area by id, not KLE", `{"area": "flytning", "external_id": "a"}`, 400, "bad_request", "area"},
		{"unknown KLE", `{"area": "99.99.99", "external_id": "a"}`, 400, "bad_request", "area"},
		{"not a time", `{"area": "23.05.10", "external_id": "a", "submitted_at": "i går"}`, 400, "bad_request", "submitted_at"},
		{"unknown field", `{"area": "23.05.10", "external_id": "a", "kanal": "x"}`, 400, "bad_json", ""},
		{"not JSON", `area=23.05.10`, 400, "bad_json", ""},
		{"unknown channel", `{"area": "23.05.10", "external_id": "a", "channel": "brevdue"}`, 422, "unknown_channel", "channel"},
		{"outbound-only channel", `{"area": "23.05.10", "external_id": "a", "channel": "sms"}`, 422, "wrong_direction", "channel"},
		{"type the area does not handle", `{"area": "29.03.06", "external_id": "a", "type": "interaction"}`, 422, "type_not_handled", "type"},
		{"CPR that is no date", `{"area": "23.05.10", "external_id": "a", "cpr": "320103-1234"}`, 422, "bad_cpr", "cpr"},
		{"CPR of letters", `{"area": "23.05.10", "external_id": "a", "cpr": "abcdefghij"}`, 422, "bad_cpr", "cpr"},
		{"in the future", `{"area": "23.05.10", "external_id": "a", "submitted_at": "2099-01-01T00:00:00Z"}`, 422, "future", "submitted_at"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := sp.call(t, ts, "POST", "/api/v1/cases", secret, "application/json", tc.body)
			var e struct {
				Error struct{ Code, Field, Message string }
			}
			if err := json.Unmarshal([]byte(r.body), &e); err != nil {
				t.Fatal(err)
			}
			if r.status != tc.status || e.Error.Code != tc.code || e.Error.Field != tc.field || e.Error.Message == "" {
				t.Errorf("%d %s, want %d %s on %q", r.status, r.body, tc.status, tc.code, tc.field)
			}
			if strings.Contains(r.body, "320103") {
				t.Errorf("the answer repeats the CPR number: %s", r.body)
			}
		})
	}
	if n := ts.count(t, `SELECT COUNT(*) FROM cases`); n != 0 {
		t.Errorf("%d cases from refused requests", n)
	}
}

func TestAPI_CaseStatusChangedByTheKeyAndAudited(t *testing.T) {
	sp := loadSpec(t)
	ts := newTestServer(t, true)
	secret, _ := ts.addKey(t, "dragoer", "Sagssystem", false, auth.Cases)
	ref := ts.openCase(t, "dragoer")
	r := sp.call(t, ts, "POST", "/api/v1/cases/"+ref+"/status", secret, "application/json",
		`{"status": "in_progress", "note": "Sagsbehandler tildelt", "notify": true}`)
	if r.status != http.StatusOK || !strings.Contains(r.body, `"status":"in_progress"`) ||
		!strings.Contains(r.body, `{"status":"received","at":`) || strings.Count(r.body, `"at":`) != 2 {
		t.Errorf("change: %d %s", r.status, r.body)
	}
	if n := ts.count(t, `SELECT COUNT(*) FROM case_changes WHERE status = 'in_progress' AND notify AND changed_by = 'apikey:Sagssystem'`); n != 1 {
		t.Errorf("%d changes stored with notify by the key, want 1", n)
	}
	events, err := audit.List(context.Background(), ts.db, audit.Filter{Municipality: "dragoer", Action: audit.CaseStatusChanged})
	if err != nil {
		t.Fatal(err)
	}
	if len(events) != 1 || events[0].Actor != "apikey:Sagssystem" || events[0].Target != ref || strings.Contains(events[0].Detail, "tildelt") {
		t.Errorf("audit: %+v", events)
	}
	for _, tc := range []struct {
		name, path, body string
		status           int
		code             string
	}{
		{"unknown status", "/api/v1/cases/" + ref + "/status", `{"status": "glemt"}`, 422, "unknown_status"},
		{"no status", "/api/v1/cases/" + ref + "/status", `{"note": "x"}`, 400, "bad_request"},
		{"no such case", "/api/v1/cases/AAAA-AAAA/status", `{"status": "closed"}`, 404, "not_found"},
		{"a note with a NUL", "/api/v1/cases/" + ref + "/status", `{"status": "closed", "note": "a\u0000b"}`, 422, "not_text"},
	} {
		if r := sp.call(t, ts, "POST", tc.path, secret, "application/json", tc.body); r.status != tc.status || !strings.Contains(r.body, `"code":"`+tc.code+`"`) {
			t.Errorf("%s: %d %s, want %d %s", tc.name, r.status, r.body, tc.status, tc.code)
		}
	}
	if r := sp.call(t, ts, "GET", "/api/v1/cases/not-a-reference", secret, "", ""); r.status != http.StatusNotFound {
		t.Errorf("GET of no reference: %d", r.status)
	}
}

func TestAPI_CaseQueuedForTheCaseSystemExceptATestKeys(t *testing.T) {
	sp := loadSpec(t)
	ts := newTestServer(t, true)
	if _, err := delivery.NewOutbox(ts.db).SetEndpoint(context.Background(), audit.System, "dragoer", "http://127.0.0.1:1/kanal"); err != nil {
		t.Fatal(err)
	}
	live, _ := ts.addKey(t, "dragoer", "Live", false, auth.Cases)
	test, _ := ts.addKey(t, "dragoer", "Prøve", true, auth.Cases)
	var refs [2]string
	for i, key := range []string{live, test} {
		r := sp.call(t, ts, "POST", "/api/v1/cases", key, "application/json", `{"area": "23.05.10", "external_id": "x", "submitted_at": "2014-03-31T10:00:00+02:00"}`)
		if r.status != http.StatusCreated {
			t.Fatalf("%d %s", r.status, r.body)
		}
		refs[i] = decode[caseReceipt](t, r).Reference
	}
	if n := ts.count(t, `SELECT COUNT(*) FROM deliveries WHERE idempotency_key = $1 AND event = 'case.submitted'`, refs[0]); n != 1 {
		t.Errorf("the live key's case queued %d times, want 1", n)
	}
	if n := ts.count(t, `SELECT COUNT(*) FROM deliveries WHERE idempotency_key = $1`, refs[1]); n != 0 {
		t.Errorf("the test key's case was queued")
	}
	if n := ts.count(t, `SELECT COUNT(*) FROM inquiries WHERE test`); n != 1 {
		t.Errorf("%d test inquiries, want the test key's 1", n)
	}
	if n := ts.count(t, `SELECT COALESCE(SUM(inquiries), 0) FROM inquiry_counts WHERE municipality_id = 'dragoer'`); n != 1 {
		t.Errorf("%d counted, want the live key's 1", n)
	}
}

package web

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/letters"
	"github.com/kanal-dk/kanal/internal/sf1520"
	"github.com/kanal-dk/kanal/internal/sf1601"
)

// letterAnswer is the answer to POST and GET /api/v1/letters.
type letterAnswer struct {
	ID, Route, Reason, Status string
	ReasonText                string `json:"reason_text"`
	Created                   *bool
	History                   []struct{ Status, At string }
}

// The shipped test citizens file's Digital Post registrations
// (internal/sf1520/testborgere.xml, docs/digital-post.md).
const (
	registeredCitizen = "1203859902"
	exemptCitizen     = "2511909924"
)

func TestAPI_LettersRouteByRegistryOnceForAnID(t *testing.T) {
	sp := loadSpec(t)
	ts := newTestServer(t, true)
	secret, _ := ts.addKey(t, "dragoer", "Brevsystem", false, auth.Letters)
	send := func(body string) response {
		return sp.call(t, ts, "POST", "/api/v1/letters?municipality=dragoer", secret, "application/json", body)
	}
	dp := send(`{"id": "brev-1", "recipient": {"cpr": "` + registeredCitizen + `"}, "title": "Din flytning", "area": "23.05.10",
		"body": "Kære borger", "legal_notification": true}`)
	first := decode[letterAnswer](t, dp)
	if dp.status != http.StatusCreated || first.Route != "digital_post" || first.Reason != "registered" || first.Status != "queued" {
		t.Fatalf("registered: %d %s", dp.status, dp.body)
	}
	again := send(`{"id": "brev-1", "recipient": {"cpr": "` + exemptCitizen + `"}, "title": "Andet", "area": "23.05.10", "body": "x"}`)
	if a := decode[letterAnswer](t, again); again.status != http.StatusOK || *a.Created || a.Route != "digital_post" {
		t.Errorf("repeat: %d %s", again.status, again.body)
	}
	paper := send(`{"id": "brev-2", "recipient": {"cpr": "` + exemptCitizen + `"}, "title": "Din flytning", "area": "23.05.10", "body": "Kære borger"}`)
	if p := decode[letterAnswer](t, paper); p.Route != "letter" || p.Reason != "exempt" {
		t.Errorf("exempt: %d %s", paper.status, paper.body)
	}
	forced := send(`{"id": "brev-3", "recipient": {"cpr": "` + registeredCitizen + `"}, "title": "Skøde", "area": "23.05.10",
		"body": "Original underskrift", "force_paper": {"reason": "original signature"}}`)
	if p := decode[letterAnswer](t, forced); p.Route != "letter" || p.Reason != "forced_paper" {
		t.Errorf("forced: %d %s", forced.status, forced.body)
	}
	if n := ts.count(t, `SELECT COUNT(*) FROM inquiries WHERE source = 'letters' AND direction = 'outbound'`); n != 3 {
		t.Errorf("%d outbound inquiries, want 3", n)
	}
	// The worker sends through the development transport; the MeMo is read back.
	file, _ := sf1520.Embedded()
	reg := sf1601.NewDevRegistry(file)
	w := &letters.Worker{DB: ts.db, Recorder: inquiry.NewRecorder(ts.db), Transport: letters.KombiTransport{Kombi: sf1601.NewDev(ts.db, reg)}}
	if _, err := w.RunOnce(context.Background()); err != nil {
		t.Fatal(err)
	}
	got := sp.call(t, ts, "GET", "/api/v1/letters/brev-1", secret, "", "")
	if l := decode[letterAnswer](t, got); got.status != 200 || l.Status != "sent" || len(l.History) != 2 || strings.Contains(got.body, registeredCitizen) {
		t.Errorf("GET: %d %s", got.status, got.body)
	}
	memo := sp.call(t, ts, "GET", "/api/v1/letters/brev-1/memo", secret, "", "")
	if memo.status != 200 || !strings.Contains(memo.body, "https://DigitalPost.dk/MeMo-1") {
		t.Errorf("memo: %d %.200s", memo.status, memo.body)
	}
	if r := sp.call(t, ts, "GET", "/api/v1/letters/brev-2/memo", secret, "", ""); r.status != 404 || !strings.Contains(r.body, "no_memo") {
		t.Errorf("paper letter's memo: %d %s", r.status, r.body)
	}
	// Another municipality: its key does not find the letter, and a
	// municipality that is not the key's is not found.
	other, _ := ts.addKey(t, "taarnby", "Brevsystem", false, auth.Letters)
	if r := sp.call(t, ts, "GET", "/api/v1/letters/brev-1", other, "", ""); r.status != http.StatusNotFound {
		t.Errorf("Tårnby's key: %d", r.status)
	}
	if r := sp.call(t, ts, "POST", "/api/v1/letters?municipality=dragoer", other, "application/json", `{}`); r.status != http.StatusNotFound {
		t.Errorf("Tårnby's key sending for Dragør: %d", r.status)
	}
	cases, _ := ts.addKey(t, "dragoer", "Sager", false, auth.Cases)
	if r := sp.call(t, ts, "GET", "/api/v1/letters/brev-1", cases, "", ""); r.status != http.StatusForbidden {
		t.Errorf("a key without letters: %d", r.status)
	}
}

func TestAPI_LetterRefusalsNameTheField(t *testing.T) {
	sp := loadSpec(t)
	ts := newTestServer(t, true)
	secret, _ := ts.addKey(t, "dragoer", "Brevsystem", false, auth.Letters)
	for _, tc := range []struct {
		name, body string
		status     int
		code       string
		field      string
	}{
		{"no recipient", `{"title": "t", "area": "23.05.10", "body": "b"}`, 400, "bad_request", "recipient"},
		{"no title", `{"recipient": {"cpr": "1203859902"}, "area": "23.05.10", "body": "b"}`, 400, "bad_request", "title"},
		{"no body", `{"recipient": {"cpr": "1203859902"}, "title": "t", "area": "23.05.10"}`, 400, "bad_request", "body"},
		{"CPR no date", `{"recipient": {"cpr": "3201031234"}, "title": "t", "area": "23.05.10", "body": "b"}`, 422, "bad_cpr", "recipient.cpr"},
		{"CVR check digit", `{"recipient": {"cvr": "12345675"}, "title": "t", "area": "23.05.10", "body": "b"}`, 422, "cvr_check", "recipient.cvr"},
		{"both", `{"recipient": {"cpr": "1203859902", "cvr": "12345674"}, "title": "t", "area": "23.05.10", "body": "b"}`, 422, "one_recipient", "recipient"},
		{"unknown area", `{"recipient": {"cpr": "1203859902"}, "title": "t", "area": "99.99.99", "body": "b"}`, 422, "inquiry", "area"},
		{"paper without reason", `{"recipient": {"cpr": "1203859902"}, "title": "t", "area": "23.05.10", "body": "b", "force_paper": {"reason": ""}}`, 400, "bad_request", "force_paper.reason"},
		{"unknown field", `{"recipient": {"cpr": "1203859902"}, "kanal": 1}`, 400, "bad_json", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := sp.call(t, ts, "POST", "/api/v1/letters", secret, "application/json", tc.body)
			var e struct {
				Error struct{ Code, Field, Message string }
			}
			if err := json.Unmarshal([]byte(r.body), &e); err != nil {
				t.Fatal(err)
			}
			if r.status != tc.status || e.Error.Code != tc.code || e.Error.Field != tc.field || e.Error.Message == "" {
				t.Errorf("%d %s, want %d %s on %q", r.status, r.body, tc.status, tc.code, tc.field)
			}
			if strings.Contains(r.body, "320103") || strings.Contains(r.body, "12345675") {
				t.Errorf("the answer repeats the number: %s", r.body)
			}
		})
	}
	if n := ts.count(t, `SELECT COUNT(*) FROM letters`); n != 0 {
		t.Errorf("%d letters from refused requests", n)
	}
}

func init() {
	// The MeMo route answers XML; its schema is a string.
	openapi3filter.RegisterBodyDecoder("application/xml", openapi3filter.FileBodyDecoder)
}

// sendLetter sends a Digital Post letter of the municipality with the id
// to a registered test citizen, through the development transport, so
// that its routes (status and MeMo) answer 200.
func (ts *testServer) sendLetter(t *testing.T, m, id string) {
	t.Helper()
	ctx := context.Background()
	cur, err := ts.registry.Current(ctx, m)
	if err != nil {
		t.Fatal(err)
	}
	file, err := sf1520.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	reg := sf1601.NewDevRegistry(file)
	rec := inquiry.NewRecorder(ts.db)
	if _, _, err := letters.New(ts.db, rec, letters.RegistryOf(reg)).Send(ctx, cur, letters.Request{ID: id, CPR: registeredCitizen,
		Title: "Brev", Area: "23.05.10", Body: "Kære borger"}); err != nil {
		t.Fatal(err)
	}
	w := &letters.Worker{DB: ts.db, Recorder: rec, Transport: letters.KombiTransport{Kombi: sf1601.NewDev(ts.db, reg)}}
	if _, err := w.RunOnce(ctx); err != nil {
		t.Fatal(err)
	}
}

package web

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"

	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/rollup"
	"github.com/kanal-dk/kanal/internal/web/api"
)

// spec is the OpenAPI document, loaded and validated, with a router that
// finds the operation of a request.
type spec struct {
	doc    *openapi3.T
	router routers.Router
}

func loadSpec(t *testing.T) spec {
	t.Helper()
	doc, err := openapi3.NewLoader().LoadFromData(api.OpenAPI)
	if err != nil {
		t.Fatal(err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("openapi.json is not a valid OpenAPI document: %v", err)
	}
	// The document's server is relative ("/"); the router needs a host.
	doc.Servers = openapi3.Servers{{URL: "http://kanal.test"}}
	router, err := legacy.NewRouter(doc)
	if err != nil {
		t.Fatal(err)
	}
	return spec{doc, router}
}

// call sends an API request and checks the request and the answer against
// the OpenAPI document.
func (sp spec) call(t *testing.T, ts *testServer, method, path, secret, contentType, body string, header ...string) response {
	t.Helper()
	req, err := http.NewRequest(method, ts.URL+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if secret != "" {
		req.Header.Set("Authorization", "Bearer "+secret)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		t.Fatal(err)
	}

	check, err := http.NewRequest(method, "http://kanal.test"+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	check.Header = req.Header.Clone()
	route, params, err := sp.router.FindRoute(check)
	if err != nil {
		t.Fatalf("%s %s is not in the OpenAPI document: %v", method, path, err)
	}
	in := &openapi3filter.RequestValidationInput{Request: check, PathParams: params, Route: route,
		Options: &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc}}
	out := &openapi3filter.ResponseValidationInput{RequestValidationInput: in, Status: resp.StatusCode, Header: resp.Header,
		Options: &openapi3filter.Options{IncludeResponseStatus: true}}
	out.SetBodyBytes(raw)
	if err := openapi3filter.ValidateResponse(context.Background(), out); err != nil {
		t.Errorf("%s %s answered %d, not as documented: %v\n%s", method, path, resp.StatusCode, err, raw)
	}
	return response{resp.StatusCode, string(raw), resp.Header}
}

// The document and the route table agree: every API route is documented,
// and every documented operation exists.
func TestOpenAPI_DescribesExactlyTheAPIRoutes(t *testing.T) {
	sp := loadSpec(t)
	ts := newTestServer(t, false)
	documented := map[string]bool{}
	for path, item := range sp.doc.Paths.Map() {
		for method := range item.Operations() {
			documented[method+" "+path] = true
		}
	}
	routed := map[string]bool{}
	for _, rt := range ts.srv.routes() {
		if rt.KeyPerm != "" {
			routed[rt.Pattern] = true
			if !documented[rt.Pattern] {
				t.Errorf("%s is not in openapi.json", rt.Pattern)
			}
		}
	}
	for op := range documented {
		if !routed[op] {
			t.Errorf("openapi.json documents %s, which no route serves", op)
		}
	}
	if r := ts.get(t, ts.client(t, ""), "/api/v1/openapi.json"); r.status != http.StatusOK || !strings.Contains(r.body, `"openapi": "3.0.3"`) {
		t.Errorf("the document is not served: %d", r.status)
	}
}

func TestAPI_IngestNDJSONInBulk(t *testing.T) {
	sp := loadSpec(t)
	ts := newTestServer(t, true)
	secret, _ := ts.addKey(t, "dragoer", "Telefonsystem", false, auth.Ingest)
	body := `{"id": "c-1", "occurred_at": "2014-03-31T10:15:00+02:00", "channel": "phone", "type": "interaction", "direction": "inbound", "area": "23.05.10", "resolved_first_contact": true, "duration_seconds": 180}
{"id": "c-2", "occurred_at": "2014-03-31T10:16:00+02:00", "channel": "self_service", "type": "transaction", "direction": "inbound", "area": "sundhedskort", "assisted": true}
{"id": "c-3", "occurred_at": "2014-03-31T10:17:00+02:00", "channel": "fax", "type": "interaction", "direction": "inbound", "area": "23.05.10"}
{"id": "c-4", "occurred_at": "2014-03-31T10:18:00+02:00", "channel": "letter", "type": "transaction", "direction": "outbound", "area": "flytning", "exempt": true}
`
	r := sp.call(t, ts, "POST", "/api/v1/inquiries", secret, "application/x-ndjson", body)
	var a api.IngestAnswer
	if err := json.Unmarshal([]byte(r.body), &a); err != nil || r.status != http.StatusOK {
		t.Fatalf("%d %v\n%s", r.status, err, r.body)
	}
	if a.Accepted != 3 || a.Rejected != 1 || len(a.Errors) != 1 || a.Errors[0].Line != 3 || a.Errors[0].Field != "channel" ||
		a.Errors[0].ID != "c-3" || a.Errors[0].Code != "unknown_channel" || !strings.Contains(a.Errors[0].Message, "fax") {
		t.Errorf("answer %+v", a)
	}
	// Resent after a lost answer: nothing is stored twice.
	r = sp.call(t, ts, "POST", "/api/v1/inquiries", secret, "application/x-ndjson", body)
	a = api.IngestAnswer{}
	if err := json.Unmarshal([]byte(r.body), &a); err != nil {
		t.Fatalf("resent: %v\n%s", err, r.body)
	}
	if a.Accepted != 0 || a.Duplicates != 3 {
		t.Errorf("resent: %+v", a)
	}
	if stored := ts.count(t, `SELECT COUNT(*) FROM inquiries WHERE source = 'api:Telefonsystem'`); stored != 3 {
		t.Errorf("%d stored, want 3", stored)
	}
	if diffs, err := rollup.Verify(context.Background(), ts.db, "dragoer"); err != nil || len(diffs) > 0 {
		t.Errorf("counts differ from a recount: %v %v", diffs, err)
	}
}

func TestAPI_IngestOneObjectAndWhatItRefuses(t *testing.T) {
	sp := loadSpec(t)
	ts := newTestServer(t, true)
	secret, _ := ts.addKey(t, "dragoer", "Selvbetjening", false, auth.Ingest)
	one := `{"occurred_at": "2014-03-31T08:00:00Z", "channel": "self_service", "type": "transaction", "direction": "inbound", "area": "flytning"}`
	if r := sp.call(t, ts, "POST", "/api/v1/inquiries", secret, "application/json", one); r.status != http.StatusOK || !strings.Contains(r.body, `"accepted":1`) {
		t.Errorf("one object: %d %s", r.status, r.body)
	}
	r := sp.call(t, ts, "POST", "/api/v1/inquiries", secret, "application/json", `{"occurred_at": "i går"}`)
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, `"field":"occurred_at"`) {
		t.Errorf("a broken object: %d %s", r.status, r.body)
	}
	if r := sp.call(t, ts, "POST", "/api/v1/inquiries", secret, "text/csv", "a,b"); r.status != http.StatusUnsupportedMediaType {
		t.Errorf("CSV to the API: %d", r.status)
	}
	if r := sp.call(t, ts, "POST", "/api/v1/inquiries", secret, "application/x-ndjson", "\n\n"); r.status != http.StatusBadRequest {
		t.Errorf("an empty batch: %d", r.status)
	}
	if r := sp.call(t, ts, "POST", "/api/v1/inquiries", secret, "application/json", `{"occurred_at": "2014-03-31T08:00:00Z", "channel": "phone", "kanal": "x"}`, "Accept-Language", "en"); !strings.Contains(r.body, `Unknown field \"kanal\"`) {
		t.Errorf("an unknown field, in English: %s", r.body)
	}
}

func TestAPI_IdempotencyKeyAnswersARepeatAsTheFirstTime(t *testing.T) {
	sp := loadSpec(t)
	ts := newTestServer(t, true)
	secret, _ := ts.addKey(t, "taarnby", "Kontaktcenter", false, auth.Ingest)
	var body strings.Builder
	for i := range 50 {
		fmt.Fprintf(&body, `{"occurred_at": "2017-05-02T09:%02d:00+02:00", "channel": "phone", "type": "information", "direction": "inbound", "area": "affald"}`+"\n", i)
	}
	first := sp.call(t, ts, "POST", "/api/v1/inquiries", secret, "application/x-ndjson", body.String(), "Idempotency-Key", "batch-2017-05-02")
	again := sp.call(t, ts, "POST", "/api/v1/inquiries", secret, "application/x-ndjson", body.String(), "Idempotency-Key", "batch-2017-05-02")
	if first.status != http.StatusOK || again.body != first.body || again.header.Get("Idempotent-Replayed") != "true" {
		t.Errorf("first %d %s\nagain %s (replayed %q)", first.status, first.body, again.body, again.header.Get("Idempotent-Replayed"))
	}
	if n := ts.count(t, `SELECT COUNT(*) FROM inquiries WHERE municipality_id = 'taarnby'`); n != 50 {
		t.Errorf("%d stored, want 50: records without ids must not be stored twice under one key", n)
	}
	if r := sp.call(t, ts, "POST", "/api/v1/inquiries", secret, "application/x-ndjson", "{}", "Idempotency-Key", "batch-2017-05-02"); r.status != http.StatusConflict {
		t.Errorf("the key with another batch: %d", r.status)
	}
}

func TestAPI_TestKeyIsStoredButNeverCounted(t *testing.T) {
	sp := loadSpec(t)
	ts := newTestServer(t, true)
	secret, _ := ts.addKey(t, "dragoer", "Prøve", true, auth.Ingest)
	r := sp.call(t, ts, "POST", "/api/v1/inquiries", secret, "application/json",
		`{"occurred_at": "2014-03-31T08:00:00Z", "channel": "phone", "type": "information", "direction": "inbound", "area": "flytning"}`)
	if !strings.Contains(r.body, `"test":true`) || !strings.Contains(r.body, `"accepted":1`) {
		t.Errorf("answer %s", r.body)
	}
	test := ts.count(t, `SELECT COUNT(*) FROM inquiries WHERE test`)
	counts, err := rollup.Stored(context.Background(), ts.db, "dragoer")
	if err != nil {
		t.Fatal(err)
	}
	if test != 1 || len(counts) != 0 {
		t.Errorf("%d test rows, %d counted cells; want 1 and 0", test, len(counts))
	}
}

func TestAPI_Guidance(t *testing.T) {
	sp := loadSpec(t)
	ts := newTestServer(t, true)
	secret, _ := ts.addKey(t, "dragoer", "Telefoni", false, auth.Read)
	r := sp.call(t, ts, "GET", "/api/v1/guidance?municipality=dragoer&area=23.05.10&type=transaction&channel=phone&at=2013-03-05T10:00:00%2B01:00&exempt=true", secret, "", "")
	var raw map[string]any
	if err := json.Unmarshal([]byte(r.body), &raw); err != nil || r.status != http.StatusOK {
		t.Fatalf("%d %v %s", r.status, err, r.body)
	}
	for _, field := range []string{"primary", "secondary", "inappropriate", "recommended", "used_is_inappropriate", "reasons", "script"} {
		if _, ok := raw[field]; !ok {
			t.Errorf("the answer lacks %q", field)
		}
	}
	if raw["recommended"] != "in_person" || !strings.Contains(r.body, "fritaget") {
		t.Errorf("an exempt citizen in a mandatory area: %s", r.body)
	}
	for query, field := range map[string]string{
		"area=23.05.10":                               "type",
		"area=99&type=information":                    "area",
		"area=flytning&type=information&at=i+dag":     "at",
		"area=flytning&type=information&exempt=måske": "exempt",
	} {
		r := sp.call(t, ts, "GET", "/api/v1/guidance?"+query, secret, "", "")
		if r.status != http.StatusBadRequest || !strings.Contains(r.body, `"field":"`+field+`"`) {
			t.Errorf("%s: %d %s, want 400 naming %s", query, r.status, r.body, field)
		}
	}
}

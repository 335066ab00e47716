package web

import (
	"context"
	"net/http"
	"os"
	"strings"
	"testing"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/auth"
)

// The receipt API answers the date a vendor's receipt should state, by the
// Dragør preset: Flytteanmeldelse (23.05.10) in 5 working days, Affald
// (02.34.02) in 40, with the closing days 5 June, 24 and 31 December. The
// dates are worked out by hand. The preset's response times and closing
// days are examples, and the answer says so.
func TestAPI_AnswerDate(t *testing.T) {
	sp := loadSpec(t)
	ts := newTestServer(t, true)
	secret, _ := ts.addKey(t, "dragoer", "Selvbetjening", false, auth.Read)
	for _, c := range []struct{ area, submitted, want string }{
		// Skærtorsdag, Langfredag and 2. påskedag 2013 are skipped.
		{"23.05.10", "2013-03-27T10:00:00%2B01:00", `{"answer_by":"2013-04-08","working_days":5,"examples":["working_days"]}`},
		// Store bededag 5 May 2023 is a holiday, 26 April 2024 is not.
		{"23.05.10", "2023-05-04T12:00:00%2B02:00", `{"answer_by":"2023-05-12","working_days":5,"examples":["working_days"]}`},
		{"23.05.10", "2024-04-25T12:00:00%2B02:00", `{"answer_by":"2024-05-02","working_days":5,"examples":["working_days"]}`},
		// Saturday (in Danish time; Friday in UTC) is received on Monday.
		{"23.05.10", "2014-03-14T23:30:00Z", `{"answer_by":"2014-03-24","working_days":5,"examples":["working_days"]}`},
		// Christmas, the closing days and New Year, into the next year.
		{"02.34.02", "2014-11-25T10:00:00%2B01:00", `{"answer_by":"2015-01-27","working_days":40,"examples":["working_days","closing_days"]}`},
	} {
		r := sp.call(t, ts, "GET", "/api/v1/answer-date?municipality=dragoer&area="+c.area+"&submitted_at="+c.submitted, secret, "", "")
		if r.status != http.StatusOK || r.body != c.want+"\n" {
			t.Errorf("%s at %s: %d %s, want %s", c.area, c.submitted, r.status, r.body, c.want)
		}
	}

	for query, field := range map[string]string{
		"area=23.05.10&submitted_at=2014-03-12T10:00:00Z":                           "municipality",
		"municipality=dragoer&submitted_at=2014-03-12T10:00:00Z":                    "area",
		"municipality=dragoer&area=23.05.10":                                        "submitted_at",
		"municipality=dragoer&area=23.05.10&submitted_at=+":                         "submitted_at",
		"municipality=dragoer&area=23.05.10&submitted_at=i+morgen":                  "submitted_at",
		"municipality=dragoer&area=23.05.10&submitted_at=2014-03-12":                "submitted_at",
		"municipality=dragoer&area=23.05.10&submitted_at=2014-03-12T10:00:00+01:00": "submitted_at", // + unescaped is a space
		"municipality=dragoer&area=99.99.99&submitted_at=2014-03-12T10:00:00Z":      "area",
		"municipality=dragoer&area=flytning&submitted_at=2014-03-12T10:00:00Z":      "area", // an id, not a KLE number
	} {
		r := sp.call(t, ts, "GET", "/api/v1/answer-date?"+query, secret, "", "")
		if r.status != http.StatusBadRequest || !strings.Contains(r.body, `"code":"bad_request","field":"`+field+`"`) {
			t.Errorf("%s: %d %s, want 400 naming %s", query, r.status, r.body, field)
		}
	}

	// Folkepension has no response time: no date to state, and the answer
	// says so rather than inventing one.
	r := sp.call(t, ts, "GET", "/api/v1/answer-date?municipality=dragoer&area=32.03.04&submitted_at=2014-03-12T10:00:00Z", secret, "", "")
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, `"code":"no_response_time","field":"area"`) ||
		!strings.Contains(r.body, "ingen svartid for Folkepension (32.03.04)") {
		t.Errorf("an area without a response time: %d %s", r.status, r.body)
	}
	r = sp.call(t, ts, "GET", "/api/v1/answer-date?municipality=dragoer&area=32.03.04&submitted_at=2014-03-12T10:00:00Z", secret, "", "", "Accept-Language", "en")
	if !strings.Contains(r.body, "no response time for Folkepension (32.03.04)") {
		t.Errorf("in English: %d %s", r.status, r.body)
	}

	// The key's municipality only, with the read permission.
	query := "/api/v1/answer-date?municipality=taarnby&area=23.05.10&submitted_at=2014-03-12T10:00:00Z"
	if r := sp.call(t, ts, "GET", query, secret, "", ""); r.status != http.StatusNotFound {
		t.Errorf("another municipality: %d %s, want 404", r.status, r.body)
	}
	query = "/api/v1/answer-date?municipality=dragoer&area=23.05.10&submitted_at=2014-03-12T10:00:00Z"
	ingest, _ := ts.addKey(t, "dragoer", "Telefoni", false, auth.Ingest)
	if r := sp.call(t, ts, "GET", query, ingest, "", ""); r.status != http.StatusForbidden || !strings.Contains(r.body, `"code":"permission"`) {
		t.Errorf("a key without read: %d %s, want 403", r.status, r.body)
	}
	if r := sp.call(t, ts, "GET", query, "", "", ""); r.status != http.StatusUnauthorized {
		t.Errorf("no key: %d %s, want 401", r.status, r.body)
	}
	taarnby, _ := ts.addKey(t, "taarnby", "Selvbetjening", false, auth.Read)
	if r := sp.call(t, ts, "GET", strings.Replace(query, "dragoer", "taarnby", 1), taarnby, "", ""); r.status != http.StatusOK ||
		r.body != `{"answer_by":"2014-03-19","working_days":5,"examples":["working_days"]}`+"\n" {
		t.Errorf("Tårnby's key for Tårnby: %d %s", r.status, r.body)
	}
}

// A strategy's own response time is no example; its closing days are
// examples only where the count skipped one. The test strategy answers
// Flytteanmeldelse (23.05.10) in 5 working days, its own figure, and closes
// on 24 December and 31 December 2014, as examples.
func TestAPI_AnswerDateNamesOnlyTheExamplesItRestsOn(t *testing.T) {
	sp := loadSpec(t)
	ts := newTestServer(t, false)
	data, err := os.ReadFile("../strategy/testdata/minimal.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := ts.registry.Load(context.Background(), audit.System, "minimal.yaml", data); err != nil {
		t.Fatal(err)
	}
	secret, _ := ts.addKey(t, "testkommune", "Selvbetjening", false, auth.Read)
	for submitted, want := range map[string]string{
		"2014-03-12T10:00:00Z": `{"answer_by":"2014-03-19","working_days":5}`,
		// 23, 29, 30 December, 2 and 5 January; 24 and 31 December closed.
		"2014-12-22T10:00:00Z": `{"answer_by":"2015-01-05","working_days":5,"examples":["closing_days"]}`,
		// 31 December 2015 is no closing day: only 2014's was named.
		"2015-12-22T10:00:00Z": `{"answer_by":"2015-12-31","working_days":5,"examples":["closing_days"]}`,
	} {
		r := sp.call(t, ts, "GET", "/api/v1/answer-date?municipality=testkommune&area=23.05.10&submitted_at="+submitted, secret, "", "")
		if r.status != http.StatusOK || r.body != want+"\n" {
			t.Errorf("%s: %d %s, want %s", submitted, r.status, r.body, want)
		}
	}
}

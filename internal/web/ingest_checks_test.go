package web

import (
	"bytes"
	"context"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"

	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/web/api"
)

// stored counts a municipality's stored inquiries; a failed query fails
// the test.
func (ts *testServer) stored(t *testing.T, m string) int64 {
	t.Helper()
	n, err := inquiry.NewRecorder(ts.db).Count(context.Background(), m)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// Every value either engine would refuse, or that would spoil a count, is
// refused on its own line before anything is stored, so that the valid
// lines beside it are stored and the bad one is named by line and field —
// on SQLite and PostgreSQL alike. Before, a zero time, a NUL byte or a
// duration beyond int4 failed the whole batch with 500, and a duration near
// the int64 limit overflowed the counts of its cell.
func TestAPI_BadValuesAreNamedByLineAndTheGoodOnesStored(t *testing.T) {
	sp := loadSpec(t)
	ts := newTestServer(t, true)
	secret, _ := ts.addKey(t, "dragoer", "Telefonsystem", false, auth.Ingest, auth.Read)
	line := func(id, at, extra string) string {
		return `{"id": "` + id + `", "occurred_at": "` + at + `", "channel": "phone", "type": "interaction", "direction": "inbound", "area": "flytning"` + extra + "}\n"
	}
	ok := "2014-03-31T10:15:00+02:00"
	body := line("good-1", ok, `, "duration_seconds": 300`) +
		line("zero-time", "0001-01-01T00:00:00Z", "") +
		line("year-1900", "1900-01-01T12:00:00+01:00", "") +
		line("int64", ok, `, "duration_seconds": 9223372036854775707`) +
		line("int4", ok, `, "duration_seconds": 2147483648`) +
		line(`nul\u0000byte`, ok, "") + // JSON's escape of NUL: the decoded id holds the byte
		`{"id": "nul-in-area", "occurred_at": "` + ok + `", "channel": "phone", "type": "interaction", "direction": "inbound", "area": "flyt\u0000ning"}` + "\n" +
		line("good-2", ok, `, "duration_seconds": 86400`)
	r := sp.call(t, ts, "POST", "/api/v1/inquiries", secret, "application/x-ndjson", body)
	var a api.IngestAnswer
	if err := json.Unmarshal([]byte(r.body), &a); err != nil || r.status != http.StatusOK {
		t.Fatalf("%d %v\n%s", r.status, err, r.body)
	}
	if a.Accepted != 2 || a.Rejected != 6 {
		t.Errorf("accepted %d, rejected %d; want 2 and 6: %+v", a.Accepted, a.Rejected, a.Errors)
	}
	want := map[int]string{2: "occurred_at/too_early", 3: "occurred_at/too_early", 4: "duration_seconds/long_duration",
		5: "duration_seconds/long_duration", 6: "id/control_char", 7: "area/control_char"}
	for _, e := range a.Errors {
		if want[e.Line] != e.Field+"/"+e.Code {
			t.Errorf("line %d: %s/%s %q, want %s", e.Line, e.Field, e.Code, e.Message, want[e.Line])
		}
		delete(want, e.Line)
	}
	for l, w := range want {
		t.Errorf("line %d is not named (%s)", l, w)
	}
	if n := ts.stored(t, "dragoer"); n != 2 {
		t.Errorf("%d inquiries stored, want the 2 good ones", n)
	}
	// The same cell again: its sum of durations stays an integer, and the
	// figures built on it answer.
	r = sp.call(t, ts, "POST", "/api/v1/inquiries", secret, "application/x-ndjson", line("good-3", ok, `, "duration_seconds": 86400`))
	if r.status != http.StatusOK {
		t.Fatalf("a third inquiry in the cell: %d %s", r.status, r.body)
	}
	if r := sp.call(t, ts, "GET", "/api/v1/kpis?from=2014-01-01&to=2014-12-31", secret, "", ""); r.status != http.StatusOK {
		t.Errorf("KPIs after long durations: %d %s", r.status, r.body)
	}
	assertCounts(t, ts)
}

// An Idempotency-Key that is not text is refused as the key, not by the
// database (PostgreSQL refused invalid UTF-8 with 500).
func TestAPI_IdempotencyKeyMustBeText(t *testing.T) {
	sp := loadSpec(t)
	ts := newTestServer(t, true)
	secret, _ := ts.addKey(t, "dragoer", "Telefonsystem", false, auth.Ingest)
	body := `{"occurred_at": "2014-03-31T10:15:00+02:00", "channel": "phone", "type": "interaction", "direction": "inbound", "area": "flytning"}`
	for _, key := range []string{"s\xf8g-1", "\xff\xfe", strings.Repeat("k", 201)} {
		r := sp.call(t, ts, "POST", "/api/v1/inquiries", secret, "application/json", body, "Idempotency-Key", key)
		if r.status != http.StatusBadRequest || !strings.Contains(r.body, `"idempotency_key"`) {
			t.Errorf("key %q: %d %s", key, r.status, r.body)
		}
	}
	if n := ts.stored(t, "dragoer"); n != 0 {
		t.Errorf("%d inquiries stored with a bad key", n)
	}
	if r := sp.call(t, ts, "POST", "/api/v1/inquiries", secret, "application/json", body, "Idempotency-Key", "søg-1 ærø"); r.status != http.StatusOK {
		t.Errorf("a key with Danish letters: %d %s", r.status, r.body)
	}
}

// A CSV file saved in Windows-1252 (Excel's "CSV (semikolonsepareret)" on a
// Danish PC) is refused whole, with the encoding to save it in; before,
// PostgreSQL answered 500 and the valid rows were lost with it.
func TestImportPage_ALatin1FileSaysWhichEncodingToSaveIn(t *testing.T) {
	ts := newTestServer(t, true)
	c := ts.client(t, dragoerGroup)
	send := func(name string, data []byte) response {
		var body bytes.Buffer
		mw := multipart.NewWriter(&body)
		fw, err := mw.CreateFormFile("file", name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := fw.Write(data); err != nil {
			t.Fatal(err)
		}
		if err := mw.Close(); err != nil {
			t.Fatal(err)
		}
		req, err := http.NewRequest(http.MethodPost, ts.URL+"/m/dragoer/import", &body)
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Content-Type", mw.FormDataContentType())
		return do(t, c, req)
	}
	latin1 := "id;occurred_at;channel;type;direction;area\n" +
		"a-1;2014-04-01T10:00:00+02:00;phone;information;inbound;flytning\n" +
		"s\xf8ren-2;2014-04-01T10:05:00+02:00;phone;information;inbound;flytning\n"
	r := send("latin1.csv", []byte(latin1))
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "Række 3: Filen er ikke gemt som UTF-8") ||
		!strings.Contains(r.body, "CSV UTF-8") {
		t.Errorf("a Latin-1 file: %d\n%s", r.status, r.body)
	}
	utf16 := []byte{0xff, 0xfe, 'i', 0, 'd', 0, '\n', 0}
	if r := send("unicode.csv", utf16); r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "UTF-16") {
		t.Errorf("a UTF-16 file: %d\n%s", r.status, r.body)
	}
	if n := ts.stored(t, "dragoer"); n != 0 {
		t.Errorf("%d rows of a refused file stored", n)
	}
	if r := send("utf8.csv", []byte(strings.ReplaceAll(latin1, "\xf8", "ø"))); r.status != http.StatusOK || ts.stored(t, "dragoer") != 2 {
		t.Errorf("the same file in UTF-8: %d\n%s", r.status, r.body)
	}
	// The rows of the NDJSON test, as a file: each bad row named, the good
	// one stored (before, the zero time made the page answer 500).
	rows := "id;occurred_at;channel;type;direction;area;duration_seconds\n" +
		"z-1;0001-01-01T00:00:00Z;phone;information;inbound;flytning;\n" +
		"z-2;1900-01-01T12:00:00+01:00;phone;information;inbound;flytning;\n" +
		"z-3;2014-04-02T10:00:00+02:00;phone;information;inbound;flytning;2147483648\n" +
		"z-4;2014-04-02T10:01:00+02:00;phone;information;inbound;flytning;86400\n"
	r = send("tider.csv", []byte(rows))
	for _, want := range []string{"Række 2, kolonnen »occurred_at«:", "Række 3, kolonnen »occurred_at«:", "Række 4, kolonnen »duration_seconds«:"} {
		if !strings.Contains(r.body, want) {
			t.Errorf("%q is not named: %d\n%s", want, r.status, r.body)
		}
	}
	if r.status != http.StatusOK || ts.stored(t, "dragoer") != 3 {
		t.Errorf("the good row beside three bad ones: %d, %d stored", r.status, ts.stored(t, "dragoer"))
	}
}

// The years of history the installation allows decide how early an
// inquiry may be dated: Dragør's strategy starts in 2012, so with one year
// of history 2011 is accepted and 2010 is not.
func TestAPI_HistoryYearsSetTheEarliestTime(t *testing.T) {
	sp := loadSpec(t)
	ts := newTestServer(t, true, func(o *Options, _ string) { o.HistoryYears = 1 })
	secret, _ := ts.addKey(t, "dragoer", "Telefonsystem", false, auth.Ingest)
	body := `{"id": "2011", "occurred_at": "2011-01-01T00:00:00+01:00", "channel": "phone", "type": "interaction", "direction": "inbound", "area": "flytning"}
{"id": "2010", "occurred_at": "2010-12-31T23:59:59+01:00", "channel": "phone", "type": "interaction", "direction": "inbound", "area": "flytning"}
`
	r := sp.call(t, ts, "POST", "/api/v1/inquiries", secret, "application/x-ndjson", body)
	var a api.IngestAnswer
	if err := json.Unmarshal([]byte(r.body), &a); err != nil {
		t.Fatal(err)
	}
	if a.Accepted != 1 || len(a.Errors) != 1 || a.Errors[0].ID != "2010" || a.Errors[0].Code != "too_early" ||
		!strings.Contains(a.Errors[0].Message, "2011-01-01") {
		t.Errorf("%d %+v", r.status, a)
	}
}

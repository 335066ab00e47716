package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/kanal-dk/kanal/internal/web/face"
)

// Every error a handler or the route table hands the API becomes one
// status and one JSON body with a code and a message in the client's
// language; only the unexpected one is logged, and without its text in
// the answer.
func TestFail_OneAdapterForEveryError(t *testing.T) {
	var logged bytes.Buffer
	s := &API{log: slog.New(slog.NewTextHandler(&logged, nil))}
	tooBig := &http.MaxBytesError{Limit: 10}
	cases := []struct {
		err         error
		status      int
		code, field string
		message     string
		logs        bool
	}{
		{face.Fail(http.StatusConflict, "idempotency_conflict"), 409, "idempotency_conflict", "", "Idempotency-Key er brugt før", false},
		{face.Fail(http.StatusForbidden, "permission", "ingest"), 403, "permission", "", `tilladelsen "ingest"`, false},
		{&face.Error{Status: 400, Code: "bad_request", Field: "from", Message: "Angiv en dato."}, 400, "bad_request", "from", "Angiv en dato.", false},
		{fmt.Errorf("load: %w", face.ErrNotFound), 404, "not_found", "", "Findes ikke.", false},
		{face.ErrNotText, 400, "not_text", "", "gyldig tekst", false},
		{face.ErrTooManyRequests, 429, "too_many", "", "For mange forespørgsler", false},
		{fmt.Errorf("read: %w", tooBig), 413, "too_large", "", "10 bytes", false},
		{errors.New("database is locked: 0101901234"), 500, "internal", "", "skrevet i loggen", true},
	}
	for _, c := range cases {
		logged.Reset()
		w := httptest.NewRecorder()
		r := httptest.NewRequest(http.MethodGet, "/api/v1/kpis", nil)
		r.Header.Set("Accept-Language", "da")
		s.Fail(w, r, c.err)
		var body apiError
		if err := json.Unmarshal(w.Body.Bytes(), &body); err != nil {
			t.Fatalf("%v: %v\n%s", c.err, err, w.Body)
		}
		if w.Code != c.status || body.Error.Code != c.code || body.Error.Field != c.field || !strings.Contains(body.Error.Message, c.message) {
			t.Errorf("%v: %d %+v, want %d %s %s %q", c.err, w.Code, body.Error, c.status, c.code, c.field, c.message)
		}
		if !strings.HasPrefix(w.Header().Get("Content-Type"), "application/json") {
			t.Errorf("%v: content type %q", c.err, w.Header().Get("Content-Type"))
		}
		if (logged.Len() > 0) != c.logs {
			t.Errorf("%v: logged %q", c.err, logged.String())
		}
		if strings.Contains(w.Body.String(), "0101901234") || strings.Contains(w.Body.String(), "locked") {
			t.Errorf("%v: the answer shows the error's text: %s", c.err, w.Body)
		}
	}
	w := httptest.NewRecorder()
	s.Fail(w, httptest.NewRequest(http.MethodGet, "/api/v1/kpis", nil), face.ErrTooManyRequests)
	if w.Header().Get("Retry-After") == "" {
		t.Error("429 without Retry-After")
	}
}

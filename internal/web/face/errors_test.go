package face

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/municipality"
)

// Every face answers an error a handler returned with the same status:
// wrapped or not, whoever's not-found it is.
func TestClassify(t *testing.T) {
	for _, c := range []struct {
		err    error
		status int
		code   string
	}{
		{ErrNotFound, 404, "not_found"},
		{fmt.Errorf("area: %w", municipality.ErrNotFound), 404, "not_found"},
		{auth.ErrNotFound, 404, "not_found"},
		{ErrForbidden, 403, "forbidden"},
		{fmt.Errorf("read: %w", &http.MaxBytesError{Limit: 10}), 413, "too_large"},
		{ErrNotText, 400, "not_text"},
		{ErrTooManyRequests, 429, "too_many"},
		{fmt.Errorf("the database is gone"), 500, "internal"},
	} {
		w := httptest.NewRecorder()
		status, code := Classify(w, c.err)
		if status != c.status || code != c.code {
			t.Errorf("Classify(%v) = %d %s, want %d %s", c.err, status, code, c.status, c.code)
		}
		if retry := w.Header().Get("Retry-After"); (c.status == 429) != (retry != "") {
			t.Errorf("Classify(%v): Retry-After %q", c.err, retry)
		}
	}
}

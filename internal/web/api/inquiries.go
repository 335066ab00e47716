package api

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/ingest"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/web/face"
)

// ingestBody is the largest batch the API takes in one request.
const ingestBody = 64 << 20

// IngestAnswer is the answer to a batch of inquiries.
type IngestAnswer struct {
	// Accepted inquiries are durably stored (and counted, unless sent with
	// a test key).
	Accepted int `json:"accepted"`
	// Duplicates were stored before under the same id and are not stored
	// again.
	Duplicates int `json:"duplicates"`
	// Rejected records have problems, listed in Errors; nothing of them is
	// stored.
	Rejected int           `json:"rejected"`
	Errors   []recordError `json:"errors"`
	Test     bool          `json:"test,omitempty"`
}

// recordError is one problem of one record.
type recordError struct {
	Line    int    `json:"line"`
	ID      string `json:"id,omitempty"`
	Field   string `json:"field,omitempty"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

func problemsAnswer(l locale.Printer, probs []ingest.Problem) ([]recordError, int) {
	errs := make([]recordError, 0, len(probs))
	lines := map[int]bool{}
	for _, p := range probs {
		_, code, _ := strings.Cut(p.Key, ".")
		errs = append(errs, recordError{Line: p.Line, ID: p.ID, Field: p.Field, Code: code, Message: l.T(p.Key, p.Args...)})
		lines[p.Line] = true
	}
	return errs, len(lines)
}

// status is 422 when nothing of the batch could be used, else 200.
func (a IngestAnswer) status() int {
	if a.Accepted+a.Duplicates == 0 && a.Rejected > 0 {
		return http.StatusUnprocessableEntity
	}
	return http.StatusOK
}

// apiIngest takes one inquiry as a JSON object, or many as NDJSON. Valid
// records are stored in one transaction, with their counts; each invalid
// record is answered with its line and field. With an Idempotency-Key a
// repeated batch is answered as the first time and stores nothing.
func (s *API) apiIngest(w http.ResponseWriter, r *http.Request) error {
	key := auth.FromContext(r.Context()).Key
	cur, err := s.registry.Current(r.Context(), key.Municipality)
	if err != nil {
		return err
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return err
	}
	mediaType, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	var lines []ingest.Line
	switch mediaType {
	case "application/json", "":
		lines = ingest.ParseJSON(body)
	case "application/x-ndjson", "application/jsonl", "application/jsonlines":
		lines, err = ingest.ParseNDJSON(bytes.NewReader(body))
		var fe *ingest.FileError
		if errors.As(err, &fe) {
			return face.Fail(http.StatusBadRequest, "bad_ndjson", face.Printer(r).T(fe.Key, fe.Args...))
		}
		if err != nil {
			return err
		}
	default:
		return face.Fail(http.StatusUnsupportedMediaType, "media_type", mediaType)
	}
	if len(lines) == 0 {
		return face.Fail(http.StatusBadRequest, "empty")
	}
	l := face.Printer(r)
	valid, probs := ingest.Prepare(cur.Strategy, lines, ingest.Options{Source: "api:" + key.Name, Test: key.Test, Window: s.recorder.Window(cur)})
	answer := IngestAnswer{Test: key.Test}
	answer.Errors, answer.Rejected = problemsAnswer(l, probs)
	respond := func(res inquiry.Result) (string, error) {
		answer.Accepted, answer.Duplicates = res.Recorded, res.Duplicates
		// Compact, as every answer; a replay answers what was stored,
		// indented if it was stored so by an earlier Kanal.
		b, err := json.Marshal(answer)
		return string(b), err
	}
	idem := r.Header.Get("Idempotency-Key")
	if idem == "" {
		res, err := s.recorder.Record(r.Context(), cur, valid)
		if err != nil {
			return err
		}
		respond(res)
		return writeJSON(w, answer.status(), answer)
	}
	if utf8.RuneCountInString(idem) > 200 || store.CheckText(idem) != nil {
		return face.Fail(http.StatusBadRequest, "idempotency_key")
	}
	sum := sha256.Sum256(append([]byte(mediaType+"\n"), body...))
	stored, replayed, err := s.recorder.RecordOnce(r.Context(), cur, "api:"+key.Name, idem, hex.EncodeToString(sum[:]), valid, respond)
	if errors.Is(err, inquiry.ErrIdempotencyConflict) {
		return face.Fail(http.StatusConflict, "idempotency_conflict")
	}
	if err != nil {
		return err
	}
	var first IngestAnswer
	if err := json.Unmarshal([]byte(stored), &first); err != nil {
		return err
	}
	if replayed {
		w.Header().Set("Idempotent-Replayed", "true")
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(first.status())
	_, err = io.WriteString(w, stored+"\n")
	return err
}

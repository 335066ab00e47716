package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/casework"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/strategy"
	"github.com/kanal-dk/kanal/internal/web/face"
)

// caseBody is the largest request about a case: a few short fields.
const caseBody = 16 << 10

// newCase is the body of POST /api/v1/cases: a case another vendor's
// self-service solution opened. Area is the area's KLE number.
type newCase struct {
	Area        string `json:"area"`
	Type        string `json:"type"`
	Channel     string `json:"channel"`
	ExternalID  string `json:"external_id"`
	CPR         string `json:"cpr"`
	SubmittedAt string `json:"submitted_at"`
}

// caseReceipt answers POST /api/v1/cases: what the receipt states.
// AnswerBy and WorkingDays are null when the area has no response time.
type caseReceipt struct {
	Reference   string  `json:"reference"`
	AnswerBy    *string `json:"answer_by"`
	WorkingDays *int    `json:"working_days"`
	Status      string  `json:"status"`
	Created     bool    `json:"created"`
}

// caseStatus answers GET /api/v1/cases/{reference}: the status and its
// history, no personal data.
type caseStatus struct {
	Reference   string         `json:"reference"`
	Status      string         `json:"status"`
	AnswerBy    *string        `json:"answer_by"`
	SubmittedAt string         `json:"submitted_at"`
	History     []statusChange `json:"history"`
}

type statusChange struct {
	Status string `json:"status"`
	At     string `json:"at"`
}

// statusUpdate is the body of POST /api/v1/cases/{reference}/status.
type statusUpdate struct {
	Status string `json:"status"`
	Note   string `json:"note"`
	Notify bool   `json:"notify"`
}

// decodeStrict reads a JSON object into v, refusing unknown fields and
// anything after the object.
func decodeStrict(r *http.Request, v any) error {
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(r.Body); err != nil {
		return err
	}
	dec := json.NewDecoder(&buf)
	dec.DisallowUnknownFields()
	err := dec.Decode(v)
	if err == nil && dec.More() {
		err = errors.New("more than one JSON value")
	}
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return err
		}
		return &face.Error{Status: http.StatusBadRequest, Code: "bad_json", Message: face.Printer(r).T("case.bad_json", err.Error())}
	}
	return nil
}

// apiOpenCase opens a case for another vendor's solution: the inquiry is
// recorded as Kanal's own forms record theirs, and the answer states the
// receipt's reference and answer date. A repeat of an external_id the key
// sent before answers the first case, 200 instead of 201, and records
// nothing.
func (s *API) apiOpenCase(w http.ResponseWriter, r *http.Request) error {
	l := face.Printer(r)
	var in newCase
	if err := decodeStrict(r, &in); err != nil {
		return err
	}
	bad := func(field, key string, args ...any) error {
		return &face.Error{Status: http.StatusBadRequest, Code: "bad_request", Field: field, Message: l.T(key, args...)}
	}
	in.Area, in.ExternalID = strings.TrimSpace(in.Area), strings.TrimSpace(in.ExternalID)
	for _, f := range []struct{ name, value string }{{"area", in.Area}, {"external_id", in.ExternalID}} {
		if f.value == "" {
			return bad(f.name, "case.required", f.name)
		}
	}
	key := auth.FromContext(r.Context()).Key
	cur, err := s.registry.Current(r.Context(), key.Municipality)
	if err != nil {
		return err
	}
	area := areaByKLE(cur.Strategy, in.Area)
	if area == nil {
		return bad("area", "case.unknown_area", in.Area)
	}
	sub := casework.Submission{Area: area.ID, Type: in.Type, Channel: in.Channel, Source: "api:" + key.Name,
		ExternalID: in.ExternalID, CPR: in.CPR, Test: key.Test}
	if sub.Type == "" {
		sub.Type = strategy.Transaction
	}
	if sub.Channel == "" {
		sub.Channel = "self_service"
	}
	if in.SubmittedAt != "" {
		if sub.SubmittedAt, err = time.Parse(time.RFC3339, in.SubmittedAt); err != nil {
			return bad("submitted_at", "case.bad_time", in.SubmittedAt)
		}
	}
	k, created, err := s.cases.Submit(r.Context(), cur, sub)
	var inv *casework.InvalidError
	if errors.As(err, &inv) {
		return invalidCase(l, inv)
	}
	if err != nil {
		return err
	}
	out := caseReceipt{Reference: k.Reference, Status: k.Status, Created: created}
	if !k.AnswerBy.IsZero() {
		d, n := k.AnswerBy.String(), k.WorkingDays
		out.AnswerBy, out.WorkingDays = &d, &n
	}
	status := http.StatusOK
	if created {
		status = http.StatusCreated
	}
	return writeJSON(w, status, out)
}

// areaByKLE is the strategy's area with the KLE number, or nil.
func areaByKLE(s *strategy.Strategy, kle string) *strategy.Area {
	for i := range s.Areas {
		if s.Areas[i].KLE == kle {
			return &s.Areas[i]
		}
	}
	return nil
}

// caseFields maps the inquiry's field names to the API's.
var caseFields = map[string]string{"occurred_at": "submitted_at", "id": "external_id"}

// invalidCase answers the first problem of a refused case: 422, the
// rule as code (without its catalogue prefix) and the field as the API
// names it.
func invalidCase(l locale.Printer, inv *casework.InvalidError) error {
	fe := inv.Fields[0]
	field := fe.Field
	if f, ok := caseFields[field]; ok {
		field = f
	}
	_, code, _ := strings.Cut(fe.Rule, ".")
	return &face.Error{Status: http.StatusUnprocessableEntity, Code: code, Field: field, Message: l.T(fe.Rule, fe.Args...)}
}

// apiCase answers a case's status and history: no personal data. A
// reference another municipality's case has is not found.
func (s *API) apiCase(w http.ResponseWriter, r *http.Request) error {
	key := auth.FromContext(r.Context()).Key
	k, err := s.cases.Get(r.Context(), key.Municipality, r.PathValue("reference"))
	if errors.Is(err, casework.ErrNotFound) {
		return face.ErrNotFound
	}
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, statusOf(k))
}

func statusOf(k *casework.Case) caseStatus {
	out := caseStatus{Reference: k.Reference, Status: k.Status, SubmittedAt: k.SubmittedAt.UTC().Format(time.RFC3339),
		History: make([]statusChange, 0, len(k.History))}
	if !k.AnswerBy.IsZero() {
		d := k.AnswerBy.String()
		out.AnswerBy = &d
	}
	for _, ch := range k.History {
		out.History = append(out.History, statusChange{Status: ch.Status, At: ch.At.UTC().Format(time.RFC3339)})
	}
	return out
}

// apiSetCaseStatus changes a case's status, by the key (audited as
// "apikey:NAME"), and answers the case as apiCase does. notify asks for
// the citizen to be told: kanal serve sends the notice as a letter
// (internal/casenotice).
func (s *API) apiSetCaseStatus(w http.ResponseWriter, r *http.Request) error {
	l := face.Printer(r)
	var in statusUpdate
	if err := decodeStrict(r, &in); err != nil {
		return err
	}
	if in.Status == "" {
		return &face.Error{Status: http.StatusBadRequest, Code: "bad_request", Field: "status", Message: l.T("case.required", "status")}
	}
	key := auth.FromContext(r.Context()).Key
	actor := audit.Actor{Name: key.Actor(), RemoteAddr: r.RemoteAddr}
	ref := r.PathValue("reference")
	err := s.cases.SetStatus(r.Context(), key.Municipality, ref, in.Status, actor, in.Note, in.Notify)
	var inv *casework.InvalidError
	switch {
	case errors.Is(err, casework.ErrUnknownStatus):
		return &face.Error{Status: http.StatusUnprocessableEntity, Code: "unknown_status", Field: "status",
			Message: l.T("case.unknown_status", in.Status, strings.Join(casework.Statuses, ", "))}
	case errors.Is(err, casework.ErrNotFound):
		return face.ErrNotFound
	case errors.As(err, &inv):
		return invalidCase(l, inv)
	case err != nil:
		return err
	}
	k, err := s.cases.Get(r.Context(), key.Municipality, ref)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, statusOf(k))
}

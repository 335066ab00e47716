package api

import (
	"net/http"
	"strings"
	"time"

	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/web/face"
)

// answerDate is the date a receipt states: the area's response time in
// working days (WorkingDays) counted from the submission. Examples names
// the example values the date rests on, left out when there are none:
// "working_days" when the strategy marks the area's response time as an
// example, "closing_days" when the count skipped one of the strategy's
// closing days and they are marked as examples.
type answerDate struct {
	AnswerBy    string   `json:"answer_by"`
	WorkingDays int      `json:"working_days"`
	Examples    []string `json:"examples,omitempty"`
}

// apiAnswerDate answers the date a receipt should state for a submission
// in an area, given by its KLE number: Strategy.AnswerBy with the area's
// response time, by the key's municipality's current strategy. An area
// without a response time has no answer date: 422, code
// no_response_time, field area.
func (s *API) apiAnswerDate(w http.ResponseWriter, r *http.Request) error {
	l := face.Printer(r)
	bad := func(status int, code, field, key string, args ...any) error {
		return &face.Error{Status: status, Code: code, Field: field, Message: l.T(key, args...)}
	}
	q := r.URL.Query()
	for _, f := range []string{"municipality", "area", "submitted_at"} {
		if strings.TrimSpace(q.Get(f)) == "" {
			return bad(http.StatusBadRequest, "bad_request", f, "answerdate.required", f)
		}
	}
	at := strings.TrimSpace(q.Get("submitted_at"))
	submitted, err := time.Parse(time.RFC3339, at)
	if err != nil {
		return bad(http.StatusBadRequest, "bad_request", "submitted_at", "answerdate.bad_time", at)
	}
	key := auth.FromContext(r.Context()).Key
	cur, err := s.registry.Current(r.Context(), key.Municipality)
	if err != nil {
		return err
	}
	kle := strings.TrimSpace(q.Get("area"))
	for i := range cur.Strategy.Areas {
		a := &cur.Strategy.Areas[i]
		if a.KLE != kle || kle == "" {
			continue
		}
		if a.ResponseDays == nil {
			return bad(http.StatusUnprocessableEntity, "no_response_time", "area", "answerdate.no_response_time", a.Title, kle)
		}
		d, ok := cur.Strategy.AnswerBy(submitted, *a.ResponseDays)
		if !ok {
			return bad(http.StatusUnprocessableEntity, "no_working_day", "submitted_at", "answerdate.no_working_day")
		}
		out := answerDate{AnswerBy: d.String(), WorkingDays: *a.ResponseDays}
		if a.IsExample("response_days") {
			out.Examples = append(out.Examples, "working_days")
		}
		if cur.Strategy.Holidays.ClosedExample && cur.Strategy.SkipsClosingDay(civil.DateOf(submitted), d) {
			out.Examples = append(out.Examples, "closing_days")
		}
		return writeJSON(w, http.StatusOK, out)
	}
	return bad(http.StatusBadRequest, "bad_request", "area", "answerdate.unknown_area", kle)
}

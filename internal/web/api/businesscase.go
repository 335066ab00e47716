package api

import (
	"errors"
	"net/http"

	"github.com/kanal-dk/kanal/internal/businesscase"
	"github.com/kanal-dk/kanal/internal/web/face"
)

// businessCaseBody is the largest business-case request: eight numbers.
const businessCaseBody = 4 << 10

// apiBusinessCase works one scenario of a business case out by the
// formulas of docs/business-case.md: amounts in whole kroner, the payback
// time to two decimals and null when the net effect is not positive. An
// input out of range is 422 at its field (code invalid).
func (s *API) apiBusinessCase(w http.ResponseWriter, r *http.Request) error {
	var in businesscase.Input
	if err := decodeStrict(r, &in); err != nil {
		return err
	}
	res, err := businesscase.Compute(in)
	var bad *businesscase.InputError
	if errors.As(err, &bad) {
		return &face.Error{Status: http.StatusUnprocessableEntity, Code: "invalid", Field: bad.Field,
			Message: face.Printer(r).T("businesscase.error."+bad.Rule, bad.Args...)}
	}
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, res.Rounded())
}

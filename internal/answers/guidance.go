package answers

import (
	"context"
	"errors"
	"net/url"
	"slices"

	"github.com/kanal-dk/kanal/internal/strategy"
)

// ExpensiveInformation reports whether an inquiry of the type on the
// channel is an information question on one of the strategy's expensive
// channels: those its share of information inquiries on expensive
// channels counts (by default personal attendance, e-mail and paper;
// Tårnby: "Antallet af informationshenvendelser skal reduceres mest muligt
// på de dyre kanaler – personlig henvendelse, e-mail og papirpost.").
func ExpensiveInformation(st *strategy.Strategy, typ, channel string) bool {
	if typ != strategy.Information || channel == "" {
		return false
	}
	def := st.Share(strategy.MeasureExpensiveInformation)
	return slices.Contains(def.Counts, channel)
}

// Path is the portal's address of an area's answer page.
func Path(municipality, area string) string {
	return "/borger/" + url.PathEscape(municipality) + "/svar/" + url.PathEscape(area)
}

// GuidanceLink is the answer page the guidance gives for an information
// question on an expensive channel (ExpensiveInformation), "" when the
// question is none or the area has no page. The guidance engine stays
// pure: the staff console and the API add the link to its answer.
func (a *Answers) GuidanceLink(ctx context.Context, st *strategy.Strategy, area, typ, channel string) (string, error) {
	if !ExpensiveInformation(st, typ, channel) {
		return "", nil
	}
	_, err := a.Get(ctx, st.Municipality.ID, area)
	switch {
	case errors.Is(err, ErrNotFound):
		return "", nil
	case err != nil:
		return "", err
	}
	return Path(st.Municipality.ID, area), nil
}

package callback

import (
	"net/url"

	"github.com/kanal-dk/kanal/internal/strategy"
)

// BookingPath is the portal's booking page for an area, the link the
// staff console and the guidance API give where the guidance offers a
// callback (guidance.Answer.CallbackOffered): "/borger/dragoer/tilbagering?area=flytning".
// It is empty when the strategy offers no booking.
func BookingPath(st *strategy.Strategy, areaID string) string {
	if _, ok := st.CallbackSetting(); !ok {
		return ""
	}
	path := "/borger/" + url.PathEscape(st.Municipality.ID) + "/tilbagering"
	if areaID != "" {
		path += "?area=" + url.QueryEscape(areaID)
	}
	return path
}

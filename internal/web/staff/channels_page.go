package staff

import (
	"net/http"

	"github.com/kanal-dk/kanal/internal/describe"
)

// showChannels shows the municipality's channels, opening hours, closing
// days and prices, and apart from them the places outside the municipality
// a citizen can be referred to, which are not its channels.
func (s *Pages) showChannels(w http.ResponseWriter, r *http.Request) error {
	cur, v, err := s.current(r, "channels")
	if err != nil {
		return err
	}
	st := cur.Strategy
	type channelRow struct {
		ID, Name, Kind, Digital, Inbound, Outbound, Note string
	}
	var channels []channelRow
	for _, c := range st.Channels {
		channels = append(channels, channelRow{ID: c.ID, Name: c.Name, Kind: v.L.T("kind." + c.Kind),
			Digital: describe.YesNo(v.L, c.Digital), Inbound: describe.YesNo(v.L, c.Inbound), Outbound: describe.YesNo(v.L, c.Outbound), Note: c.Note})
	}
	var hours []describe.Hours
	for _, oh := range st.OpeningHours {
		hours = append(hours, describe.NewHours(st, v.L, oh))
	}
	var closed []describe.ClosedDays
	for y := st.Period.From; y <= st.Period.To; y++ {
		closed = append(closed, describe.NewClosedDays(st, v.L, y))
	}
	var prices []describe.Price
	for _, p := range st.Prices.Entries {
		prices = append(prices, describe.NewPrice(st, v.L, p))
	}
	return s.render(w, http.StatusOK, "channels", struct {
		view
		Channels      []channelRow
		Hours         []describe.Hours
		Closed        []describe.ClosedDays
		ClosedExample bool
		Prices        []describe.Price
		PricesNote    string
		Referrals     []describe.Referral
	}{v, channels, hours, closed, st.Holidays.ClosedExample && len(st.Holidays.Closed) > 0, prices, st.Prices.Note,
		describe.Referrals(st, v.L)})
}

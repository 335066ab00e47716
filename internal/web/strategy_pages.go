package web

import (
	"net/http"
	"strconv"

	"github.com/kanal-dk/kanal/internal/describe"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// showHome lists the installation's municipalities.
func (s *Server) showHome(w http.ResponseWriter, r *http.Request) error {
	v, err := s.base(r, "")
	if err != nil {
		return err
	}
	v.Title = v.L.T("home.title")
	type item struct {
		ID, Name, Title string
		From, To        int
		Areas           int
	}
	var items []item
	for _, m := range v.Municipalities {
		cur, err := s.registry.Current(r.Context(), m.ID)
		if err != nil {
			return err
		}
		st := cur.Strategy
		items = append(items, item{ID: m.ID, Name: m.Name, Title: st.Title, From: st.Period.From, To: st.Period.To, Areas: len(st.Areas)})
	}
	return s.render(w, http.StatusOK, "home", struct {
		view
		Items []item
	}{v, items})
}

// current loads the municipality named in the path and the page's view.
func (s *Server) current(r *http.Request, section string) (*municipality.Current, view, error) {
	cur, err := s.registry.Current(r.Context(), r.PathValue("municipality"))
	if err != nil {
		return nil, view{}, err
	}
	v, err := s.base(r, cur.Strategy.Municipality.Name)
	v.Section = section
	return cur, v, err
}

// showStrategy shows vision, principles, targets and the inquiry types'
// default channels.
func (s *Server) showStrategy(w http.ResponseWriter, r *http.Request) error {
	cur, v, err := s.current(r, "strategy")
	if err != nil {
		return err
	}
	st := cur.Strategy
	type typeRow struct {
		Name, Description string
		Inbound, Outbound describe.Priority
	}
	var types []typeRow
	for _, id := range strategy.TypeIDs {
		t, _ := st.InquiryType(id)
		types = append(types, typeRow{Name: describe.TypeLabel(st, v.L, id), Description: t.Description,
			Inbound: describe.NewPriority(st, t.Inbound), Outbound: describe.NewPriority(st, t.Outbound)})
	}
	var targets []describe.Target
	for _, t := range st.Targets {
		targets = append(targets, describe.NewTarget(st, v.L, t))
	}
	return s.render(w, http.StatusOK, "strategy", struct {
		view
		Strategy *strategy.Strategy
		Version  municipality.Version
		Types    []typeRow
		Targets  []describe.Target
	}{v, st, cur.Version, types, targets})
}

// showChannels shows channels, opening hours, closing days and prices.
func (s *Server) showChannels(w http.ResponseWriter, r *http.Request) error {
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
		Channels   []channelRow
		Hours      []describe.Hours
		Closed     []describe.ClosedDays
		Prices     []describe.Price
		PricesNote string
	}{v, channels, hours, closed, prices, st.Prices.Note})
}

// showAreas lists departments and service areas.
func (s *Server) showAreas(w http.ResponseWriter, r *http.Request) error {
	cur, v, err := s.current(r, "areas")
	if err != nil {
		return err
	}
	st := cur.Strategy
	type areaRow struct {
		ID, KLE, Title, Department, Types, Mandatory, SBLevel, ResponseDays, Readiness string
	}
	var areas []areaRow
	for _, a := range st.Areas {
		row := areaRow{ID: a.ID, KLE: a.KLE, Title: a.Title, Types: describe.TypeLabels(st, v.L, a.Types),
			Mandatory: "–", SBLevel: "–", ResponseDays: "–", Readiness: v.L.T("readiness." + a.DigitalReadiness)}
		if d, ok := st.Department(a.Department); ok {
			row.Department = d.Name
		}
		if a.Mandatory != nil {
			row.Mandatory = v.L.T("ui.yes")
			if a.Mandatory.Since != "" {
				row.Mandatory = v.L.T("area.mandatory_since", a.Mandatory.Since)
			}
		}
		if a.SelfService != nil && a.SelfService.SBLevel != nil {
			row.SBLevel = strconv.Itoa(*a.SelfService.SBLevel)
		}
		if a.ResponseDays != nil {
			row.ResponseDays = strconv.Itoa(*a.ResponseDays)
		}
		areas = append(areas, row)
	}
	return s.render(w, http.StatusOK, "areas", struct {
		view
		Departments []strategy.Department
		Areas       []areaRow
	}{v, st.Departments, areas})
}

// showArea shows one service area with its channels for every inquiry type.
func (s *Server) showArea(w http.ResponseWriter, r *http.Request) error {
	cur, v, err := s.current(r, "areas")
	if err != nil {
		return err
	}
	st := cur.Strategy
	a, ok := st.Area(r.PathValue("area"))
	if !ok {
		return errNotFound
	}
	v.Title = a.KLE + " " + a.Title + " – " + v.Title
	type typeRow struct {
		Name              string
		Inbound, Outbound describe.Priority
	}
	var types []typeRow
	for _, id := range a.Types {
		row := typeRow{Name: describe.TypeLabel(st, v.L, id),
			Inbound:  describe.NewPriority(st, st.Priority(a, id, strategy.Inbound)),
			Outbound: describe.NewPriority(st, st.Priority(a, id, strategy.Outbound))}
		_, row.Inbound.Overridden = a.Channels[id]
		_, row.Outbound.Overridden = a.OutboundChannels[id]
		types = append(types, row)
	}
	department := a.Department
	if d, ok := st.Department(a.Department); ok {
		department = d.Name
	}
	data := struct {
		view
		Area                                                           *strategy.Area
		Department, Readiness, Exemption, Login, SBLevel, ResponseDays string
		Types                                                          []typeRow
	}{view: v, Area: a, Department: department, Readiness: v.L.T("readiness." + a.DigitalReadiness), Types: types}
	if a.Mandatory != nil {
		data.Exemption = describe.ChannelNames(st, []string{a.Mandatory.ExemptionChannel})[0]
	}
	if ss := a.SelfService; ss != nil {
		data.Login = v.L.T("login." + ss.Login)
		if ss.SBLevel != nil {
			data.SBLevel = strconv.Itoa(*ss.SBLevel)
		}
	}
	if a.ResponseDays != nil {
		data.ResponseDays = v.L.T("area.response_days", *a.ResponseDays)
	}
	return s.render(w, http.StatusOK, "area", data)
}

// showVersions lists the municipality's strategy versions.
func (s *Server) showVersions(w http.ResponseWriter, r *http.Request) error {
	cur, v, err := s.current(r, "versions")
	if err != nil {
		return err
	}
	versions, err := s.registry.Versions(r.Context(), cur.Municipality)
	if err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "versions", struct {
		view
		Versions []municipality.Version
	}{v, versions})
}

// downloadVersion sends a stored strategy document as it was loaded.
func (s *Server) downloadVersion(w http.ResponseWriter, r *http.Request) error {
	number, err := strconv.Atoi(r.PathValue("version"))
	if err != nil {
		return errNotFound
	}
	v, doc, err := s.registry.Document(r.Context(), r.PathValue("municipality"), number)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/yaml; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+v.Municipality+`-v`+strconv.Itoa(v.Number)+`.yaml"`)
	_, err = w.Write(doc)
	return err
}

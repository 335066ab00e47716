package web

import (
	"net/http"
	"strconv"

	"github.com/kanal-dk/kanal/internal/describe"
	"github.com/kanal-dk/kanal/internal/strategy"
)

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

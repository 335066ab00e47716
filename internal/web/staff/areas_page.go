package staff

import (
	"net/http"
	"strconv"

	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/describe"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/strategy"
	"github.com/kanal-dk/kanal/internal/web/face"
)

// showAreas lists departments and service areas, saying for each area which
// of its values are examples, whether its KLE number was checked against
// KL's KLE emneplan for the version shown, and warning, in words, where its
// self-service is below the strategy's minimum SB level.
func (s *Pages) showAreas(w http.ResponseWriter, r *http.Request) error {
	cur, v, err := s.current(r, "areas")
	if err != nil {
		return err
	}
	kle, err := s.kleCheck(r, cur, v)
	if err != nil {
		return err
	}
	st := cur.Strategy
	type areaRow struct {
		ID, KLE, Title, Department, Types, Mandatory, SBLevel, ResponseDays, Readiness string
		DepartmentExample                                                              bool
		// BelowMinimum is the warning for a solution below the minimum SB
		// level; Examples names the area's values that are examples.
		BelowMinimum, Examples string
		KLECheck               describe.KLEAreaCheck
	}
	var areas []areaRow
	for i := range st.Areas {
		a := &st.Areas[i]
		row := areaRow{ID: a.ID, KLE: a.KLE, Title: a.Title, Types: describe.TypeLabels(st, v.L, a.Types),
			Mandatory: "–", SBLevel: "–", ResponseDays: "–", Readiness: v.L.T("readiness." + a.DigitalReadiness),
			Examples: describe.AreaExamples(v.L, a), KLECheck: kle.Area(a)}
		if d, ok := st.Department(a.Department); ok {
			row.Department, row.DepartmentExample = d.Name, d.Example
		}
		if a.Mandatory != nil {
			row.Mandatory = v.L.T("ui.yes")
			if a.Mandatory.Since != "" {
				row.Mandatory = v.L.T("area.mandatory_since", dayInWords(v.L, a.Mandatory.Since))
			}
		}
		if a.SelfService != nil && a.SelfService.SBLevel != nil {
			row.SBLevel = strconv.Itoa(*a.SelfService.SBLevel)
		}
		_, row.BelowMinimum = describe.BelowMinimum(st, v.L, a)
		if a.ResponseDays != nil {
			row.ResponseDays = strconv.Itoa(*a.ResponseDays)
		}
		areas = append(areas, row)
	}
	return s.render(w, http.StatusOK, "areas", struct {
		view
		Departments []strategy.Department
		Areas       []areaRow
		MinimumSB   *describe.MinimumSB
		KLECheck    describe.KLECheck
	}{v, st.Departments, areas, describe.NewMinimumSB(st), kle})
}

// kleCheck describes the newest KLE check of the version shown.
func (s *Pages) kleCheck(r *http.Request, cur *municipality.Current, v view) (describe.KLECheck, error) {
	c, ok, err := s.registry.NewestKLECheck(r.Context(), cur.Version)
	if err != nil {
		return describe.KLECheck{}, err
	}
	return describe.NewKLECheck(v.L, cur.Version, c, ok), nil
}

// areaPage is the data of one area's page.
type areaPage struct {
	view
	Area                                                           *strategy.Area
	Department, Readiness, Exemption, Login, SBLevel, ResponseDays string
	DepartmentExample                                              bool
	// Examples names the area's example values when only some are; a whole
	// example area says so once, at the top.
	Examples     string
	BelowMinimum string
	Referral     *describe.Referral
	Types        []areaTypeRow
	// KLECheck says whether the area's KLE number was checked for the
	// version shown.
	KLECheck describe.KLEAreaCheck
	// EditSearchWords says whether the reader may edit the area's search
	// words: who edits the strategy, or the manager of its department.
	EditSearchWords bool
}

type areaTypeRow struct {
	Name              string
	Inbound, Outbound describe.Priority
}

// Ex reports whether the page marks the area's field as an example beside
// its value: when the file marks the field and not the whole area, which
// the page marks once.
func (p areaPage) Ex(field string) bool { return !p.Area.Example && p.Area.IsExample(field) }

// showArea shows one service area with its channels for every inquiry type.
func (s *Pages) showArea(w http.ResponseWriter, r *http.Request) error {
	cur, v, err := s.current(r, "areas")
	if err != nil {
		return err
	}
	st := cur.Strategy
	a, ok := st.Area(r.PathValue("area"))
	if !ok {
		return face.ErrNotFound
	}
	kle, err := s.kleCheck(r, cur, v)
	if err != nil {
		return err
	}
	v.Title = strategy.AreaLabel(a.KLE, a.Title) + " – " + v.Title
	var types []areaTypeRow
	for _, id := range a.Types {
		row := areaTypeRow{Name: describe.TypeLabel(st, v.L, id),
			Inbound:  describe.NewPriority(st, st.Priority(a, id, strategy.Inbound)),
			Outbound: describe.NewPriority(st, st.Priority(a, id, strategy.Outbound))}
		_, row.Inbound.Overridden = a.Channels[id]
		_, row.Outbound.Overridden = a.OutboundChannels[id]
		types = append(types, row)
	}
	data := areaPage{view: v, Area: a, Department: a.Department, Readiness: v.L.T("readiness." + a.DigitalReadiness), Types: types,
		KLECheck: kle.Area(a), EditSearchWords: auth.FromContext(r.Context()).MayEditSearchWords(v.MunicipalityID, a.Department)}
	if d, ok := st.Department(a.Department); ok {
		data.Department, data.DepartmentExample = d.Name, d.Example
	}
	if !a.Example {
		data.Examples = describe.AreaExamples(v.L, a)
	}
	if a.Mandatory != nil {
		data.Exemption = describe.ChannelNames(st, []string{a.Mandatory.ExemptionChannel})[0]
		shown := *a
		shown.Mandatory = mandatoryInWords(v.L, a.Mandatory)
		data.Area = &shown
	}
	if ss := a.SelfService; ss != nil {
		data.Login = describe.Login(st, v.L, ss.Login)
		if ss.SBLevel != nil {
			data.SBLevel = strconv.Itoa(*ss.SBLevel)
		}
	}
	_, data.BelowMinimum = describe.BelowMinimum(st, v.L, a)
	if a.ResponseDays != nil {
		data.ResponseDays = v.L.Plural("area.response_days", int64(*a.ResponseDays), *a.ResponseDays)
	}
	if ref, ok := st.ReferralFor(a); ok {
		d := describe.NewReferral(st, v.L, *ref)
		data.Referral = &d
	}
	return s.render(w, http.StatusOK, "area", data)
}

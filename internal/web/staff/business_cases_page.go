package staff

import (
	"context"
	"net/http"
	"sort"

	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/businesscase"
	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/measure"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/rollup"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// The business cases made before a self-service solution is bought
// (Dragør, principle 5): the list of the cases the user may see, with the
// chosen scenario's NPV and payback time and whether it is approved. The
// strategy group sees every department's, a manager the own department's
// areas only (auth.MaySeePlan).

func (s *Pages) businessCases() *businesscase.Cases { return businesscase.New(s.db, s.now) }

// bcRow is one case of the list.
type bcRow struct {
	ID                     int64
	Title, Area, Solution  string
	Scenario, NPV, Payback string
	Approved               string
	Version                int
	Demo, IsApproved       bool
}

// bcAreaOption is an area the user may make a case for.
type bcAreaOption struct{ ID, Label string }

type bcListView struct {
	view
	Rows  []bcRow
	Areas []bcAreaOption
}

// kroner is an amount in whole kroner in the reader's language.
func kroner(l locale.Printer, x float64) string {
	return l.T("businesscase.kroner", l.Decimal(businesscase.Kroner(x), 0))
}

// payback is a payback time in years to two decimals, or the text for
// none.
func payback(l locale.Printer, p *float64) string {
	if p == nil {
		return l.T("businesscase.no_payback")
	}
	return l.T("businesscase.years_value", l.Decimal(*p, 2))
}

// showBusinessCases lists the cases of the areas the user may see.
func (s *Pages) showBusinessCases(w http.ResponseWriter, r *http.Request) error {
	cur, v, err := s.current(r, "process")
	if err != nil {
		return err
	}
	l, st, p := v.L, cur.Strategy, auth.FromContext(r.Context())
	v.ProcessTab = "business_cases"
	v.Title = l.T("businesscase.title") + " – " + v.Title
	all, err := s.businessCases().All(r.Context(), cur.Municipality)
	if err != nil {
		return err
	}
	data := bcListView{view: v}
	for _, c := range all {
		a, ok := st.Area(c.Area)
		if !ok || !p.MaySeePlan(cur.Municipality, a.Department) {
			continue
		}
		row := bcRow{ID: c.ID, Title: c.Title, Area: strategy.AreaLabel(a.KLE, a.Title), Solution: c.Solution,
			Version: c.Version, Demo: c.Demo, IsApproved: !c.Approved.IsZero()}
		if !c.Approved.IsZero() {
			row.Approved = l.Date(civil.DateOf(c.Approved))
		}
		if sc, ok := c.Chosen(); ok {
			res, err := businesscase.Compute(sc.Effective())
			if err == nil {
				row.Scenario, row.NPV, row.Payback = sc.Name, kroner(l, res.NPV), payback(l, res.PaybackYears)
			}
		}
		data.Rows = append(data.Rows, row)
	}
	data.Areas = editableAreas(cur, p)
	return s.render(w, http.StatusOK, "business_cases", data)
}

// editableAreas are the areas the principal may make a case for, by KLE
// number.
func editableAreas(cur *municipality.Current, p *auth.Principal) []bcAreaOption {
	var out []bcAreaOption
	for i := range cur.Strategy.Areas {
		a := &cur.Strategy.Areas[i]
		if a.Other || !p.MayEditPlan(cur.Municipality, a.Department) {
			continue
		}
		out = append(out, bcAreaOption{a.ID, strategy.AreaLabel(a.KLE, a.Title)})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Label < out[j].Label })
	return out
}

// baseYear is the last full year of the municipality's figures
// (businesscase.BaseYear).
func (s *Pages) baseYear(ctx context.Context, m string) (int, error) {
	_, last, err := rollup.Span(ctx, s.db, m)
	if err != nil {
		return 0, err
	}
	return businesscase.BaseYear(last, civil.DateOf(s.now())), nil
}

// inboundApplications reads the base year's inbound transactions per
// area and channel; area "" reads every area.
func (s *Pages) inboundApplications(ctx context.Context, cur *municipality.Current, year int, area string) (*measure.Dashboard, error) {
	f := measure.Year(year)
	f.Area, f.Type, f.Direction = area, strategy.Transaction, strategy.Inbound
	return s.measures.Load(ctx, cur.Municipality, cur.Strategy, f)
}

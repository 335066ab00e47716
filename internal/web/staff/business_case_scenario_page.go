package staff

import (
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/businesscase"
	"github.com/kanal-dk/kanal/internal/measure"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// The municipality's channel-shift scenario (docs/business-case.md): the
// areas with a saved case or with applications that would shift, each
// with its planned shift and the year it starts (defaults from the saved
// cases' chosen scenarios), and per target year of the inbound digital
// share target the share and cost reached against the target. The form
// is a GET form: the scenario is a question, not a change.

// bcPlanRow is one area of the scenario's form.
type bcPlanRow struct {
	ID, Label, Volume, PriceOld, PriceNew string
	Shift, From                           string
	Included, FromCase                    bool
	ShiftError, FromError                 string
}

// bcReachedRow is one target year of the outcome.
type bcReachedRow struct {
	Year                              int
	Target, Share, Cost, Saving, Base string
	Met, NoShare                      bool
}

type bcScenarioView struct {
	view
	BaseYear    int
	BaseShare   string
	BaseCost    string
	Rows        []bcPlanRow
	Reached     []bcReachedRow
	NoTarget    bool
	TargetText  string
	TargetExamp bool
	Problems    []answerProblem
}

// showBusinessCaseScenario shows the scenario for the areas the user may
// see.
func (s *Pages) showBusinessCaseScenario(w http.ResponseWriter, r *http.Request) error {
	cur, v, err := s.current(r, "process")
	if err != nil {
		return err
	}
	l, st, p := v.L, cur.Strategy, auth.FromContext(r.Context())
	v.ProcessTab = "business_cases"
	v.Title = l.T("businesscase.scenario.title") + " – " + v.Title
	data := bcScenarioView{view: v}
	year, err := s.baseYear(r.Context(), cur.Municipality)
	if err != nil {
		return err
	}
	data.BaseYear = year
	all, err := s.measures.Load(r.Context(), cur.Municipality, st, measure.Year(year))
	if err != nil {
		return err
	}
	apps, err := s.inboundApplications(r.Context(), cur, year, "")
	if err != nil {
		return err
	}
	base := businesscase.Base{Year: year, Part: all.Digital.Part, Whole: all.Digital.Whole, Cost: all.Cost}
	if sh := all.Digital.Share(); sh != nil {
		data.BaseShare = l.Decimal(*sh*100, 1) + " %"
	} else {
		data.BaseShare = "–"
	}
	data.BaseCost = kroner(l, base.Cost)
	cases, err := s.businessCases().All(r.Context(), cur.Municipality)
	if err != nil {
		return err
	}
	chosen := map[string]businesscase.Scenario{}
	for _, c := range cases {
		if sc, ok := c.Chosen(); ok {
			if _, seen := chosen[c.Area]; !seen || !c.Approved.IsZero() {
				chosen[c.Area] = sc
			}
		}
	}
	byArea := map[string]map[string]int64{}
	for _, af := range apps.Areas {
		byArea[af.Area.ID] = af.ByChannel
	}
	q := r.URL.Query()
	asked := q.Has("year") || len(q["area"]) > 0
	included := map[string]bool{}
	for _, id := range q["area"] {
		included[id] = true
	}
	var plans []businesscase.Plan
	for i := range st.Areas {
		a := &st.Areas[i]
		if a.Other || !p.MaySeePlan(cur.Municipality, a.Department) {
			continue
		}
		_, volume, priceOld := businesscase.Shiftable(st, byArea[a.ID])
		priceNew, _ := businesscase.PriceNew(st, businesscase.DefaultSBLevel(a))
		sc, fromCase := chosen[a.ID]
		if !fromCase && volume == 0 {
			continue
		}
		plan := businesscase.Plan{Area: a.ID, Volume: volume, PriceOld: priceOld, PriceNew: priceNew, From: year + 1}
		if fromCase {
			plan.Volume, plan.Shift, plan.PriceOld, plan.PriceNew = sc.Input.Volume, sc.Input.Shift, sc.Input.PriceOld, sc.Input.PriceNew
		}
		row := bcPlanRow{ID: a.ID, Label: strategy.AreaLabel(a.KLE, a.Title), FromCase: fromCase, Included: fromCase}
		if asked {
			row.Included = included[a.ID]
			if raw := strings.TrimSpace(q.Get("shift-" + a.ID)); raw != "" {
				x, err := parseNumber(l.Lang(), raw)
				if err != nil || x < 0 || x > 100 {
					row.ShiftError = l.T("businesscase.error.range_percent", 100)
					data.Problems = append(data.Problems, answerProblem{"shift-" + a.ID, row.Label + ": " + row.ShiftError})
				} else {
					plan.Shift = x / 100
				}
			}
			if raw := strings.TrimSpace(q.Get("from-" + a.ID)); raw != "" {
				y, err := strconv.Atoi(raw)
				if err != nil || y < 1900 || y > 2200 {
					row.FromError = l.T("businesscase.error.year")
					data.Problems = append(data.Problems, answerProblem{"from-" + a.ID, row.Label + ": " + row.FromError})
				} else {
					plan.From = y
				}
			}
		}
		row.Volume, row.PriceOld, row.PriceNew = l.Decimal(plan.Volume, 0), l.Decimal(plan.PriceOld, 2), l.Decimal(plan.PriceNew, 2)
		row.Shift, row.From = l.Decimal(plan.Shift*100, 1), strconv.Itoa(plan.From)
		if row.Included && row.ShiftError == "" && row.FromError == "" {
			plans = append(plans, plan)
		}
		data.Rows = append(data.Rows, row)
	}
	sort.SliceStable(data.Rows, func(i, j int) bool { return data.Rows[i].Label < data.Rows[j].Label })
	target := inboundTarget(st)
	if target == nil {
		data.NoTarget = true
		return s.render(w, http.StatusOK, "business_case_scenario", data)
	}
	data.TargetText, data.TargetExamp = target.Text, len(target.Examples) > 0
	for _, x := range businesscase.Project(base, plans, target.Shares, target.Direction == strategy.AtMost) {
		row := bcReachedRow{Year: x.Year, Target: l.Decimal(x.Target*100, 1) + " %", Cost: kroner(l, x.Cost),
			Saving: kroner(l, x.Saving), Met: x.Met, NoShare: x.Share == nil}
		row.Share = "–"
		if x.Share != nil {
			row.Share = l.Decimal(*x.Share*100, 1) + " %"
		}
		data.Reached = append(data.Reached, row)
	}
	return s.render(w, http.StatusOK, "business_case_scenario", data)
}

// inboundTarget is the municipality's own inbound digital share target
// (not an area's), nil when the strategy has none.
func inboundTarget(st *strategy.Strategy) *strategy.Target {
	for i := range st.Targets {
		if t := &st.Targets[i]; t.Measure == strategy.MeasureInboundDigital && t.Area == "" && len(t.Shares) > 0 {
			return t
		}
	}
	return nil
}

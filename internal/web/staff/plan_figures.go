package staff

import (
	"cmp"
	"math"
	"net/http"
	"strconv"
	"time"

	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/dashboard"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/measure"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/plan"
	"github.com/kanal-dk/kanal/internal/render/chart"
	"github.com/kanal-dk/kanal/internal/render/table"
	"github.com/kanal-dk/kanal/internal/strategy"
	"github.com/kanal-dk/kanal/internal/web/face"
)

// planFigures is the figures page's section on a department's own plan,
// shown when the figures are filtered to one department (a manager's
// always are): its targets per measure and year against the measured
// values, and the monthly trend with the months its actions were
// completed marked, so that a manager sees whether an action moved its
// indicator. The actions' titles are in the table beside the chart.
type planFigures struct {
	Department, Link string
	Targets          tableView
	Trend            *chartTable
}

// measuredShare is a department's share of a plan measure in totals,
// first-contact resolution (straksafklaring) being Totals.ResolvedShare.
func measuredShare(t measure.Totals, m string) *float64 {
	switch m {
	case strategy.MeasureInboundDigital:
		return t.InboundDigitalShare()
	case strategy.MeasureOutboundDigitalPost:
		return t.OutboundDigitalPostShare()
	case strategy.MeasureExpensiveInformation:
		return t.ExpensiveInformationShare()
	case plan.MeasureFirstContact:
		return t.ResolvedShare()
	}
	return nil
}

// planFigures builds the section for the filter's department, nil when
// the figures are not of one department or the user may not see its plan.
func (s *Pages) planFigures(r *http.Request, cur *municipality.Current, f measure.Filter, h measure.History, d *measure.Dashboard, forced string) (*planFigures, error) {
	department := cmp.Or(forced, f.Department)
	dep, ok := cur.Strategy.Department(department)
	if !ok || !auth.FromContext(r.Context()).MaySeePlan(cur.Municipality, department) {
		return nil, nil
	}
	pl, err := s.plansOf().Current(r.Context(), cur.Strategy, cur.Municipality, department)
	if err != nil {
		return nil, err
	}
	l := face.Printer(r)
	out := &planFigures{Department: dep.Name, Link: "/m/" + cur.Municipality + "/plans/" + department}
	// The measured share of each target's year, counted for the
	// department over the whole calendar year.
	totals := map[int]measure.Totals{}
	for _, t := range pl.Targets {
		if _, ok := totals[t.Year]; ok {
			continue
		}
		yf := measure.Filter{From: civil.NewDate(t.Year, time.January, 1), To: civil.NewDate(t.Year, time.December, 31), Department: department}
		in, err := s.measures.RowsWithoutTargets(r.Context(), cur.Municipality, h, yf)
		if err != nil {
			return nil, err
		}
		totals[t.Year] = measure.Build(h.Newest().Strategy, yf, in).Totals
	}
	tb := dashboard.Table{ID: "plan-targets", Table: table.Table{Caption: l.T("plans.figures.targets.caption", dep.Name),
		Head: []string{l.T("plans.targets.measure"), l.T("plans.targets.year"), l.T("plans.targets.direction"),
			l.T("plans.figures.target"), l.T("plans.figures.measured")}, Empty: l.T("plans.figures.no_targets")}}
	for _, t := range pl.Targets {
		share := t.Share / 100
		tb.Rows = append(tb.Rows, []table.Cell{{Text: l.T("plans.measure." + t.Measure)}, {Text: strconv.Itoa(t.Year)},
			{Text: l.T("plans.direction." + t.Direction)}, dashboard.Share(l, &share), dashboard.Share(l, measuredShare(totals[t.Year], t.Measure))})
	}
	out.Targets = tableView{Table: tb}
	out.Trend = planTrend(l, pl, d)
	return out, nil
}

// planTrend is the monthly trend of the department's shares that the
// strategy's targets follow (measure.TargetStatus.Months, counted for the
// filter's department), with a marker in the month each action was
// completed, on the line of its indicator where there is one; nil when
// no month is counted.
func planTrend(l locale.Printer, pl plan.Plan, d *measure.Dashboard) *chartTable {
	var months []civil.Month
	series := map[string]map[civil.Month]float64{}
	var order []string
	for _, ts := range d.Targets {
		m := ts.Target.Measure
		if !plan.IsMeasure(m) || series[m] != nil || len(ts.Months) == 0 {
			continue
		}
		series[m] = map[civil.Month]float64{}
		order = append(order, m)
		for _, ms := range ts.Months {
			if sh := ms.Share(); sh != nil {
				series[m][ms.Month] = 100 * *sh
			}
			if len(order) == 1 {
				months = append(months, ms.Month)
			}
		}
	}
	if len(months) == 0 {
		return nil
	}
	c := chart.Lines{ID: "chart-plan-trend", Unit: "%", Format: func(v float64) string { return l.Decimal(v, 0) },
		Empty: l.T("figures.none"), Title: l.T("plans.figures.trend.title", pl.Department), Description: l.T("plans.figures.trend.desc")}
	zero, hundred := 0.0, 100.0
	c.YMin, c.YMax = &zero, &hundred
	label := map[civil.Month]string{}
	for _, m := range months {
		label[m] = dashboard.MonthLabel(l, m)
		c.Categories = append(c.Categories, label[m])
	}
	for _, m := range order {
		ser := chart.Series{Name: l.T("plans.measure." + m)}
		for _, mo := range months {
			v, ok := series[m][mo]
			if !ok {
				v = math.NaN()
			}
			ser.Values = append(ser.Values, v)
		}
		c.Series = append(c.Series, ser)
	}
	tb := dashboard.Table{ID: "plan-actions", Table: table.Table{Caption: l.T("plans.figures.actions.caption"),
		Head: []string{l.T("plans.figures.marker"), l.T("plans.actions.title"), l.T("plans.actions.completed"), l.T("plans.actions.indicator"),
			l.T("plans.figures.before"), l.T("plans.figures.after")}, Empty: l.T("plans.figures.no_actions")}}
	n := 0
	for _, a := range pl.Actions {
		if a.Status != plan.Done || a.Completed.IsZero() {
			continue
		}
		mo := a.Completed.YearMonth()
		if _, ok := label[mo]; !ok {
			continue
		}
		n++
		mark := l.T("plans.figures.mark", n)
		v, ok := series[a.Indicator][mo]
		if !ok {
			v = 0
		}
		c.Markers = append(c.Markers, chart.Marker{Category: label[mo], Value: v, Label: mark})
		before, after := monthShare(series[a.Indicator], prevMonth(mo)), monthShare(series[a.Indicator], nextMonth(mo))
		tb.Rows = append(tb.Rows, []table.Cell{{Text: mark}, {Text: a.Title}, {Text: l.Date(a.Completed)},
			{Text: l.T("plans.measure." + a.Indicator)}, dashboard.Share(l, before), dashboard.Share(l, after)})
	}
	ct := newChartTable(dashboard.Charted{Chart: dashboard.Chart{Lines: &c}, Table: tb})
	return &ct
}

// monthShare is a month's share (0–1) of a series in per cent, nil when
// the month was not counted.
func monthShare(series map[civil.Month]float64, m civil.Month) *float64 {
	v, ok := series[m]
	if !ok {
		return nil
	}
	v /= 100
	return &v
}

func prevMonth(m civil.Month) civil.Month {
	return civil.NewDate(m.Year, m.Month, 1).AddDays(-1).YearMonth()
}
func nextMonth(m civil.Month) civil.Month { return m.LastDay().AddDays(1).YearMonth() }

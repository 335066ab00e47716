// Package dashboard lays the management information out in one language:
// the dashboard's tables, whose cells carry the numbers behind their text,
// and its charts as data. The dashboard page, its CSV and XLSX exports and
// the council's yearly report are all made from them, so they always
// agree.
package dashboard

import (
	"math"
	"strconv"
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/describe"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/measure"
	"github.com/kanal-dk/kanal/internal/render/chart"
	"github.com/kanal-dk/kanal/internal/render/table"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// Table is one table of the management information. The first cell of a
// row heads it; ID names it on a page and in its download's address.
type Table struct {
	ID string
	table.Table
}

// Chart is a chart as data (chart.Spec): a page renders it as SVG; a PDF
// draws it with package render/pdf.
type Chart = chart.Spec

// Charted is a chart and the table of its numbers: no chart without them.
type Charted struct {
	Chart Chart
	Table Table
}

// New starts the figures of a dashboard in a language.
func New(l locale.Printer, d *measure.Dashboard) Set {
	return Set{l: l, s: d.Strategy, d: d}
}

// TargetCharts follow each share target year by year: a target that asks
// for a falling share without a figure (Tårnby's expensive information
// inquiries) too, so that its number is shown as well as its share.
func (ft Set) TargetCharts() []Charted {
	var out []Charted
	for _, ts := range ft.d.Targets {
		out = append(out, ft.targetChart(ts))
	}
	return out
}

// Mix is the channel mix over time.
func (ft Set) Mix() Charted {
	t := ft.mixTable()
	return Charted{Chart: ft.mixChart(t), Table: t}
}

// Channels are the volume and cost per channel.
func (ft Set) Channels() Charted {
	return Charted{Chart: ft.channelCostChart(), Table: ft.channelTable()}
}

// Savings is the savings potential per area.
func (ft Set) Savings() Charted {
	return Charted{Chart: ft.savingsChart(), Table: ft.savingsTable()}
}

// numberFormat writes chart numbers in the reader's language.
func numberFormat(l locale.Printer, decimals int) func(float64) string {
	return func(v float64) string { return l.Decimal(v, decimals) }
}

func newTable(id, caption, empty string, head ...string) Table {
	return Table{ID: id, Table: table.Table{Caption: caption, Head: head, Empty: empty}}
}

func text(s string) table.Cell { return table.Cell{Text: s} }

func count(l locale.Printer, n int64) table.Cell {
	v := float64(n)
	return table.Cell{Text: l.Int(n), Value: &v}
}

func kroner(l locale.Printer, dkk float64) table.Cell {
	return table.Cell{Text: l.Decimal(dkk, 0), Value: &dkk}
}

// share shows a share (0–1) as a percentage with one decimal; nil shows a
// dash, as nothing was counted.
func Share(l locale.Printer, s *float64) table.Cell {
	if s == nil {
		return table.Cell{Text: "–"}
	}
	v := *s
	return table.Cell{Text: l.Decimal(100*v, 1) + " %", Value: &v, Percent: true}
}

// figureTables builds every table of a dashboard.
type Set struct {
	l locale.Printer
	s *strategy.Strategy
	d *measure.Dashboard
}

// KeyFigures are the period's shares, each with its part, whole and
// definition beside it, and the counts the shares leave out.
func (ft Set) KeyFigures() Table {
	l, t, d := ft.l, ft.d.Totals, ft.d
	row := func(label string, f measure.Fraction, definition string) []table.Cell {
		return []table.Cell{text(label), Share(l, f.Share()), count(l, f.Part), count(l, f.Whole), text(definition)}
	}
	def := func(measure string) string { return Definition(l, ft.s, d.Definition(measure)) }
	tb := newTable("key-figures", l.T("figures.key.caption"), "",
		l.T("figures.measure"), l.T("figures.share"), l.T("figures.part"), l.T("figures.whole"), l.T("definition.heading"))
	tb.Rows = [][]table.Cell{
		row(l.T("figures.key.inbound_digital"), t.Digital, def(strategy.MeasureInboundDigital)),
		row(l.T("figures.key.assisted"), measure.Fraction{Part: t.InboundAssisted, Whole: t.Inbound}, l.T("definition.assisted_share")),
		row(l.T("figures.key.transactions"), t.Transactions, def(strategy.MeasureTransactionDigital)),
		row(l.T("figures.key.digital_post"), t.DigitalPost, def(strategy.MeasureOutboundDigitalPost)),
		row(l.T("figures.key.expensive"), t.Expensive, def(strategy.MeasureExpensiveInformation)),
		row(l.T("figures.key.resolved"), measure.Fraction{Part: t.Resolved, Whole: t.Inquiries}, l.T("definition.of_inquiries")),
		row(l.T("figures.key.exempt"), measure.Fraction{Part: t.Exempt, Whole: t.Inquiries}, l.T("definition.of_inquiries")),
		row(l.T("figures.key.referred"), measure.Fraction{Part: t.Referred, Whole: t.Inbound}, l.T("definition.referred")),
		{text(l.T("figures.key.reporting")), text("–"), count(l, t.Reporting), text("–"), text(l.T("definition.reporting_row"))},
	}
	if !d.PageViewsCounted {
		tb.Rows = append(tb.Rows, []table.Cell{text(l.T("figures.key.page_views")), text("–"), count(l, t.PageViews), text("–"),
			text(l.T("definition.page_views_row"))})
	}
	return tb
}

// TargetYear is a target's year as the pages show it, marked when the
// strategy does not state it (Tårnby's "ca. 80 %" has no year; the preset's
// 2018 is an example).
func TargetYear(l locale.Printer, t *strategy.Target, year int) string {
	if t.IsExample("years") {
		return l.T("figures.target_year_example", year)
	}
	return strconv.Itoa(year)
}

func (ft Set) Targets() Table {
	l := ft.l
	tb := newTable("targets", l.T("figures.targets.caption"), l.T("figures.targets.none"),
		l.T("figures.measure"), l.T("figures.year"), l.T("figures.target"), l.T("figures.value"),
		l.T("figures.basis"), l.T("figures.status"))
	for _, st := range ft.d.Targets {
		name := l.T("measure." + st.Target.Measure)
		if a, ok := ft.s.Area(st.Target.Area); ok {
			name += " – " + a.Title
		}
		if st.Status != "" {
			trend := text("–")
			if st.Trend != nil {
				trend = table.Cell{Text: l.T("figures.trend", l.Decimal(*st.Trend, 1)), Value: st.Trend}
			}
			tb.Rows = append(tb.Rows, []table.Cell{text(name), text("–"), text(l.T("target.reduce")), trend,
				text(l.T("figures.basis.trend")), text(l.T("figures.status." + st.Status))})
			continue
		}
		for _, g := range st.Goals {
			basis := l.T("figures.basis.forecast")
			if g.Actual {
				basis = l.T("figures.basis.actual")
			}
			target := g.Target
			status := l.T("figures.status." + g.Status)
			if g.Status == measure.Behind || g.Status == measure.Missed {
				status = l.T("figures.status."+g.Status, l.Decimal(g.Gap, 1))
			}
			tb.Rows = append(tb.Rows, []table.Cell{text(name), text(TargetYear(l, st.Target, g.Year)), Share(l, &target), Share(l, g.Value),
				text(basis), text(status)})
		}
	}
	return tb
}

// targetYears is one share target's yearly figures: the numbers behind
// its chart.
func (ft Set) targetYears(st measure.TargetStatus, years []int, forecast map[int]float64) Table {
	l := ft.l
	tb := newTable("target-"+st.Target.ID, l.T("figures.target_years.caption", l.T("measure."+st.Target.Measure)), "",
		l.T("figures.year"), l.T("figures.share"), l.T("figures.part"), l.T("figures.whole"),
		l.T("figures.forecast"), l.T("figures.target"))
	byYear := map[int]measure.YearShare{}
	for _, y := range st.Years {
		byYear[y.Year] = y
	}
	for _, y := range years {
		m, counted := byYear[y]
		row := []table.Cell{text(strconv.Itoa(y)), Share(l, m.Share()), text("–"), text("–"), text("–"), text("–")}
		if counted {
			row[2], row[3] = count(l, m.Part), count(l, m.Whole)
		}
		if f, ok := forecast[y]; ok {
			row[4] = Share(l, &f)
		}
		if t, ok := st.Target.Shares[y]; ok {
			v := t / 100
			row[5] = Share(l, &v)
		}
		tb.Rows = append(tb.Rows, row)
	}
	return tb
}

// usedChannels are the strategy's channels that have volume in the
// dashboard, in the strategy's order.
func (ft Set) usedChannels() []measure.ChannelFigure {
	var out []measure.ChannelFigure
	for _, c := range ft.d.Channels {
		if c.Total() > 0 {
			out = append(out, c)
		}
	}
	return out
}

func (ft Set) mixTable() Table {
	l := ft.l
	used := ft.usedChannels()
	tb := newTable("mix", l.T("figures.mix.caption."+ft.d.MixDirection), l.T("figures.none"),
		l.T("figures.period"))
	for _, c := range used {
		tb.Head = append(tb.Head, c.Channel.Name)
	}
	tb.Head = append(tb.Head, l.T("figures.total"))
	for _, p := range ft.d.Mix {
		row := []table.Cell{text(pointLabel(l, p))}
		for _, c := range used {
			row = append(row, count(l, p.ByChannel[c.Channel.ID]))
		}
		tb.Rows = append(tb.Rows, append(row, count(l, p.Total)))
	}
	return tb
}

// MonthLabel names a month: "marts 2014".
func MonthLabel(l locale.Printer, m civil.Month) string {
	return l.T("month."+strconv.Itoa(int(m.Month))) + " " + strconv.Itoa(m.Year)
}

// DayLabel names a day: "5. marts 2014".
func DayLabel(l locale.Printer, d civil.Date) string {
	return l.T("figures.day", d.Day, l.T("month."+strconv.Itoa(int(d.Month))), d.Year)
}

// pointLabel names a point of a time series: its day, or its month.
func pointLabel(l locale.Printer, p measure.Point) string {
	if p.Day.IsZero() {
		return MonthLabel(l, p.Month)
	}
	return DayLabel(l, p.Day)
}

func (ft Set) channelTable() Table {
	l := ft.l
	tb := newTable("channels", l.T("figures.channels.caption"), l.T("figures.none"),
		l.T("channels.name"), l.T("channels.digital"), l.T("channels.inbound"), l.T("channels.outbound"),
		l.T("figures.assisted"), l.T("figures.cost"))
	var in, out, assisted int64
	var cost float64
	for _, c := range ft.usedChannels() {
		tb.Rows = append(tb.Rows, []table.Cell{text(c.Channel.Name), text(describe.YesNo(l, c.Channel.Digital)),
			count(l, c.Inbound), count(l, c.Outbound), count(l, c.Assisted), kroner(l, c.Cost)})
		in, out, assisted, cost = in+c.Inbound, out+c.Outbound, assisted+c.Assisted, cost+c.Cost
	}
	if len(tb.Rows) > 0 {
		tb.Foot = []table.Cell{text(l.T("figures.total")), text(""), count(l, in), count(l, out), count(l, assisted), kroner(l, cost)}
	}
	return tb
}

// CostByType is the cost per channel and inquiry type: what an
// information inquiry on the phone costs in all, against an application.
func (ft Set) CostByType() Table {
	l, s := ft.l, ft.s
	head := []string{l.T("channels.name")}
	for _, t := range s.Types() {
		head = append(head, describe.TypeLabel(s, l, t)+", "+l.T("figures.kr"))
	}
	tb := newTable("cost-by-type", l.T("figures.cost_by_type.caption"), l.T("figures.none"), append(head, l.T("figures.cost"))...)
	totals := map[string]float64{}
	var all float64
	for _, c := range ft.usedChannels() {
		row := []table.Cell{text(c.Channel.Name)}
		for _, t := range s.Types() {
			row = append(row, kroner(l, c.CostByType[t]))
			totals[t] += c.CostByType[t]
		}
		tb.Rows = append(tb.Rows, append(row, kroner(l, c.Cost)))
		all += c.Cost
	}
	if len(tb.Rows) > 0 {
		tb.Foot = []table.Cell{text(l.T("figures.total"))}
		for _, t := range s.Types() {
			tb.Foot = append(tb.Foot, kroner(l, totals[t]))
		}
		tb.Foot = append(tb.Foot, kroner(l, all))
	}
	return tb
}

func (ft Set) Areas() Table {
	l := ft.l
	used := ft.usedChannels()
	tb := newTable("areas", l.T("figures.areas.caption"), l.T("figures.none"),
		l.T("figures.area"), l.T("figures.department"), l.T("figures.inquiries"))
	for _, c := range used {
		tb.Head = append(tb.Head, c.Channel.Name)
	}
	tb.Head = append(tb.Head, l.T("figures.inbound_digital_share"), l.T("figures.resolved_share"),
		l.T("figures.assisted"), l.T("figures.exempt"), l.T("figures.referred"), l.T("figures.cost"))
	for _, a := range ft.d.Areas {
		dep := a.Area.Department
		if d, ok := ft.s.Department(dep); ok {
			dep = d.Name
		}
		row := []table.Cell{text(AreaLabel(a.Area)), text(dep), count(l, a.Inquiries)}
		for _, c := range used {
			row = append(row, count(l, a.ByChannel[c.Channel.ID]))
		}
		row = append(row, Share(l, a.InboundDigitalShare()), Share(l, a.ResolvedShare()),
			count(l, a.InboundAssisted), count(l, a.Exempt), count(l, a.Referred), kroner(l, a.Cost))
		tb.Rows = append(tb.Rows, row)
	}
	return tb
}

// AreaSummary is a narrow area table for print: volume, digital shares,
// first-contact resolution and cost, without a column per channel.
func (ft Set) AreaSummary() Table {
	l := ft.l
	tb := newTable("area-summary", ft.l.T("figures.area_summary.caption"), l.T("figures.none"),
		l.T("figures.area"), l.T("figures.inquiries"), l.T("figures.inbound_digital_share"),
		l.T("figures.transaction_digital_share"), l.T("figures.resolved_share"), l.T("figures.cost"))
	for _, a := range ft.d.Areas {
		tb.Rows = append(tb.Rows, []table.Cell{text(AreaLabel(a.Area)), count(l, a.Inquiries), Share(l, a.InboundDigitalShare()),
			Share(l, a.TransactionDigitalShare()), Share(l, a.ResolvedShare()), kroner(l, a.Cost)})
	}
	return tb
}

// AreaLabel names an area by its KLE number and title.
func AreaLabel(a *strategy.Area) string { return strategy.AreaLabel(a.KLE, a.Title) }

func (ft Set) savingsTable() Table {
	l := ft.l
	tb := newTable("savings", l.T("figures.savings.caption", PriceYears(l, ft.d.Spans)), l.T("figures.savings.none"),
		l.T("figures.area"), l.T("figures.movable"), l.T("figures.cost_now"), l.T("figures.cost_self_service"),
		l.T("figures.saving_per_year"))
	for _, s := range ft.d.Savings.Areas {
		tb.Rows = append(tb.Rows, []table.Cell{text(AreaLabel(s.Area)), count(l, s.Movable), kroner(l, s.CostNow),
			kroner(l, s.CostSelfService), kroner(l, s.PerYear)})
	}
	if len(tb.Rows) > 0 {
		tb.Foot = []table.Cell{text(l.T("figures.total")), text(""), text(""), text(""), kroner(l, ft.d.Savings.Total())}
	}
	return tb
}

// WithoutSolution are the areas whose applications have no effective
// solution to move to: none, or digital indberetning (SB level 0).
func (ft Set) WithoutSolution() Table {
	l := ft.l
	tb := newTable("without-solution", l.T("figures.without_solution.caption"), "",
		l.T("figures.area"), l.T("figures.without_solution.kind"), l.T("figures.movable"))
	for _, s := range ft.d.Savings.WithoutSolution {
		kind := l.T("figures.without_solution.none")
		if s.Reporting {
			kind = l.T("figures.without_solution.level0")
		}
		tb.Rows = append(tb.Rows, []table.Cell{text(AreaLabel(s.Area)), text(kind), count(l, s.Movable)})
	}
	return tb
}

func (ft Set) Departments() Table {
	l := ft.l
	tb := newTable("departments", l.T("figures.departments.caption"), l.T("figures.none"),
		l.T("figures.department"), l.T("figures.inquiries"), l.T("figures.inbound_digital_share"),
		l.T("figures.transaction_digital_share"), l.T("figures.resolved_share"), l.T("figures.cost"))
	for _, d := range ft.d.Departments {
		tb.Rows = append(tb.Rows, []table.Cell{text(d.Department.Name), count(l, d.Inquiries), Share(l, d.InboundDigitalShare()),
			Share(l, d.TransactionDigitalShare()), Share(l, d.ResolvedShare()), kroner(l, d.Cost)})
	}
	return tb
}

func Comparison(l locale.Printer, c measure.Comparison) Table {
	tb := newTable("comparison", l.T("figures.comparison.caption"), l.T("figures.none"),
		l.T("figures.area"))
	tb.Notes = []string{l.T("figures.comparison.note")}
	for _, m := range c.Municipalities {
		tb.Head = append(tb.Head, m.Name)
	}
	for _, a := range c.Areas {
		row := []table.Cell{text(strategy.AreaLabel(a.KLE, a.Title))}
		for _, s := range a.Shares {
			row = append(row, Share(l, s))
		}
		tb.Rows = append(tb.Rows, row)
	}
	if len(c.Municipalities) > 0 {
		all := l.T("figures.all_areas")
		if c.Department != "" {
			all = l.T("figures.department_areas")
		}
		tb.Foot = []table.Cell{text(all)}
		for _, m := range c.Municipalities {
			tb.Foot = append(tb.Foot, Share(l, m.InboundDigitalShare()))
		}
	}
	return tb
}

// targetChart follows a share target year by year: the counted shares, the
// trend's forecast to the target years, and the targets.
func (ft Set) targetChart(ts measure.TargetStatus) Charted {
	l, s, f := ft.l, ft.s, ft.d.Filter
	lastYear := s.Period.To
	for y := range ts.Target.Shares {
		lastYear = max(lastYear, y)
	}
	toYear := f.To.Year
	complete := toYear - 1
	if f.To == (civil.Date{Year: toYear, Month: time.December, Day: 31}) {
		complete = toYear
	}
	var yrs []int
	for y := s.Period.From; y <= max(lastYear, toYear); y++ {
		yrs = append(yrs, y)
	}
	counted := map[int]*float64{}
	for _, y := range ts.Years {
		counted[y.Year] = y.Share()
	}
	forecast := map[int]float64{}
	c := chart.Lines{ID: "chart-target-" + ts.Target.ID, Unit: "%", Format: numberFormat(l, 0), Empty: l.T("figures.none"),
		Title:       l.T("figures.target_chart.title", l.T("measure."+ts.Target.Measure)),
		Description: l.T("figures.target_chart.desc")}
	actual := chart.Series{Name: l.T("figures.actual")}
	ahead := chart.Series{Name: l.T("figures.forecast"), Dashed: true}
	for _, y := range yrs {
		c.Categories = append(c.Categories, strconv.Itoa(y))
		a, b := math.NaN(), math.NaN()
		if sh := counted[y]; sh != nil && y <= toYear {
			a = 100 * *sh
		}
		if y >= complete {
			if v, ok := ts.Forecast(y); ok && y > complete {
				forecast[y] = v
				b = 100 * v
			} else if y == complete {
				b = a // the forecast starts where the counted shares end
			}
		}
		actual.Values, ahead.Values = append(actual.Values, a), append(ahead.Values, b)
		if t, ok := ts.Target.Shares[y]; ok {
			marker := "figures.target_marker"
			if ts.Target.IsExample("years") {
				marker = "figures.target_marker_example"
			}
			c.Markers = append(c.Markers, chart.Marker{Category: strconv.Itoa(y), Value: t,
				Label: l.T(marker, y, l.Decimal(t, 0))})
		}
	}
	c.Series = []chart.Series{actual, ahead}
	zero, hundred := 0.0, 100.0
	c.YMin, c.YMax = &zero, &hundred
	return Charted{Chart: Chart{Lines: &c}, Table: ft.targetYears(ts, yrs, forecast)}
}

func (ft Set) mixChart(mix Table) Chart {
	l := ft.l
	c := chart.StackedBars{ID: "chart-mix", Unit: l.T("figures.unit.inquiries"), UnitOne: l.T("figures.unit.inquiry"), Format: numberFormat(l, 0),
		Empty: l.T("figures.none"), Title: mix.Caption, Description: l.T("figures.mix.desc")}
	used := ft.usedChannels()
	series := make([]chart.Series, len(used))
	for i, ch := range used {
		series[i].Name = ch.Channel.Name
	}
	for _, p := range ft.d.Mix {
		c.Categories = append(c.Categories, pointLabel(l, p))
		for i, ch := range used {
			series[i].Values = append(series[i].Values, float64(p.ByChannel[ch.Channel.ID]))
		}
	}
	c.Series = series
	return Chart{Stacked: &c}
}

func (ft Set) channelCostChart() Chart {
	l := ft.l
	c := chart.Bars{ID: "chart-channel-cost", Unit: "kr.", Format: numberFormat(l, 0), Empty: l.T("figures.none"),
		Title: l.T("figures.channel_cost.title"), Description: l.T("figures.channel_cost.desc")}
	for _, ch := range ft.usedChannels() {
		c.Labels = append(c.Labels, ch.Channel.Name)
		c.Values = append(c.Values, ch.Cost)
	}
	return Chart{Bars: &c}
}

func (ft Set) savingsChart() Chart {
	l := ft.l
	c := chart.Bars{ID: "chart-savings", Unit: "kr.", Format: numberFormat(l, 0), Empty: l.T("figures.savings.none"),
		Title: l.T("figures.savings.title"), Description: l.T("figures.savings.desc")}
	for _, sv := range ft.d.Savings.Areas {
		c.Labels = append(c.Labels, AreaLabel(sv.Area))
		c.Values = append(c.Values, sv.PerYear)
	}
	return Chart{Bars: &c}
}

package web

import (
	"strconv"

	"github.com/kanal-dk/kanal/internal/describe"
	"github.com/kanal-dk/kanal/internal/export"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/report"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// table is one table of the management information: shown on the page and
// exported as CSV and XLSX from the same cells, so that a download always
// holds what the page showed. The first cell of a row heads it.
type table struct {
	ID string
	export.Table
	// Empty is said when there are no rows.
	Empty string
	// CSV and XLSX download the table with the page's filter.
	CSV, XLSX, Download string
}

type cell = export.Cell

func newTable(id, caption, empty string, head ...string) table {
	return table{ID: id, Table: export.Table{Caption: caption, Head: head}, Empty: empty}
}

func text(s string) cell { return cell{Text: s} }

func count(l locale.Printer, n int64) cell {
	v := float64(n)
	return cell{Text: l.Int(n), Value: &v}
}

func kroner(l locale.Printer, dkk float64) cell {
	return cell{Text: l.Decimal(dkk, 0), Value: &dkk}
}

// share shows a share (0–1) as a percentage with one decimal; nil shows a
// dash, as nothing was counted.
func share(l locale.Printer, s *float64) cell {
	if s == nil {
		return cell{Text: "–"}
	}
	v := *s
	return cell{Text: l.Decimal(100*v, 1) + " %", Value: &v, Percent: true}
}

func points(l locale.Printer, pp float64) cell {
	return cell{Text: l.Decimal(pp, 1), Value: &pp}
}

// figureTables builds every table of a dashboard.
type figureTables struct {
	l locale.Printer
	s *strategy.Strategy
	d *report.Dashboard
}

func (ft figureTables) keyFigures() table {
	l, t := ft.l, ft.d.Totals
	row := func(label string, sh *float64, part, whole int64) []cell {
		return []cell{text(label), share(l, sh), count(l, part), count(l, whole)}
	}
	tb := newTable("key-figures", l.T("figures.key.caption"), "",
		l.T("figures.measure"), l.T("figures.share"), l.T("figures.part"), l.T("figures.whole"))
	tb.Rows = [][]cell{
		row(l.T("figures.key.inbound_digital"), t.InboundDigitalShare(), t.InboundDigital, t.Inbound),
		row(l.T("figures.key.assisted"), report.Share(t.InboundAssisted, t.Inbound), t.InboundAssisted, t.Inbound),
		row(l.T("figures.key.transactions"), t.TransactionDigitalShare(), t.TransactionsDigital, t.Transactions),
		row(l.T("figures.key.digital_post"), t.OutboundDigitalPostShare(), t.OutboundDigitalPost, t.OutboundDocuments),
		row(l.T("figures.key.expensive"), t.ExpensiveInformationShare(), t.InformationExpensive, t.Information),
		row(l.T("figures.key.resolved"), t.ResolvedShare(), t.Resolved, t.Inquiries),
		row(l.T("figures.key.exempt"), report.Share(t.Exempt, t.Inquiries), t.Exempt, t.Inquiries),
	}
	return tb
}

func (ft figureTables) targets() table {
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
				trend = cell{Text: l.T("figures.trend", l.Decimal(*st.Trend, 1)), Value: st.Trend}
			}
			tb.Rows = append(tb.Rows, []cell{text(name), text("–"), text(l.T("target.reduce")), trend,
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
			if g.Status == report.Behind || g.Status == report.Missed {
				status = l.T("figures.status."+g.Status, l.Decimal(g.Gap, 1))
			}
			tb.Rows = append(tb.Rows, []cell{text(name), text(strconv.Itoa(g.Year)), share(l, &target), share(l, g.Value),
				text(basis), text(status)})
		}
	}
	return tb
}

// targetYears is one share target's yearly figures: the numbers behind
// its chart.
func (ft figureTables) targetYears(st report.TargetStatus, years []int, forecast map[int]float64) table {
	l := ft.l
	tb := newTable("target-"+st.Target.ID, l.T("figures.target_years.caption", l.T("measure."+st.Target.Measure)), "",
		l.T("figures.year"), l.T("figures.share"), l.T("figures.part"), l.T("figures.whole"),
		l.T("figures.forecast"), l.T("figures.target"))
	byYear := map[string]report.MeasureShare{}
	for _, y := range st.Years {
		byYear[y.Period] = y
	}
	for _, y := range years {
		m, counted := byYear[strconv.Itoa(y)]
		row := []cell{text(strconv.Itoa(y)), share(l, m.Share()), text("–"), text("–"), text("–"), text("–")}
		if counted {
			row[2], row[3] = count(l, m.Part), count(l, m.Whole)
		}
		if f, ok := forecast[y]; ok {
			row[4] = share(l, &f)
		}
		if t, ok := st.Target.Shares[y]; ok {
			v := t / 100
			row[5] = share(l, &v)
		}
		tb.Rows = append(tb.Rows, row)
	}
	return tb
}

// usedChannels are the strategy's channels that have volume in the
// dashboard, in the strategy's order.
func (ft figureTables) usedChannels() []report.ChannelFigure {
	var out []report.ChannelFigure
	for _, c := range ft.d.Channels {
		if c.Total() > 0 {
			out = append(out, c)
		}
	}
	return out
}

func (ft figureTables) mix() table {
	l := ft.l
	used := ft.usedChannels()
	tb := newTable("mix", l.T("figures.mix.caption."+ft.d.MixDirection), l.T("figures.none"),
		l.T("figures.period"))
	for _, c := range used {
		tb.Head = append(tb.Head, c.Channel.Name)
	}
	tb.Head = append(tb.Head, l.T("figures.total"))
	for _, p := range ft.d.Mix {
		row := []cell{text(periodLabel(l, p.Period))}
		for _, c := range used {
			row = append(row, count(l, p.ByChannel[c.Channel.ID]))
		}
		tb.Rows = append(tb.Rows, append(row, count(l, p.Total)))
	}
	return tb
}

// periodLabel names a month (YYYY-MM) or a day (YYYY-MM-DD).
func periodLabel(l locale.Printer, period string) string {
	y, _ := strconv.Atoi(period[:4])
	m, _ := strconv.Atoi(period[5:7])
	if len(period) == 7 {
		return l.T("month."+strconv.Itoa(m)) + " " + strconv.Itoa(y)
	}
	d, _ := strconv.Atoi(period[8:])
	return l.T("figures.day", d, l.T("month."+strconv.Itoa(m)), y)
}

func (ft figureTables) channels() table {
	l := ft.l
	tb := newTable("channels", l.T("figures.channels.caption"), l.T("figures.none"),
		l.T("channels.name"), l.T("channels.digital"), l.T("channels.inbound"), l.T("channels.outbound"),
		l.T("figures.assisted"), l.T("figures.cost"))
	var in, out, assisted int64
	var cost float64
	for _, c := range ft.usedChannels() {
		tb.Rows = append(tb.Rows, []cell{text(c.Channel.Name), text(describe.YesNo(l, c.Channel.Digital)),
			count(l, c.Inbound), count(l, c.Outbound), count(l, c.Assisted), kroner(l, c.Cost)})
		in, out, assisted, cost = in+c.Inbound, out+c.Outbound, assisted+c.Assisted, cost+c.Cost
	}
	if len(tb.Rows) > 0 {
		tb.Foot = []cell{text(l.T("figures.total")), text(""), count(l, in), count(l, out), count(l, assisted), kroner(l, cost)}
	}
	return tb
}

func (ft figureTables) areas() table {
	l := ft.l
	used := ft.usedChannels()
	tb := newTable("areas", l.T("figures.areas.caption"), l.T("figures.none"),
		l.T("figures.area"), l.T("figures.department"), l.T("figures.inquiries"))
	for _, c := range used {
		tb.Head = append(tb.Head, c.Channel.Name)
	}
	tb.Head = append(tb.Head, l.T("figures.inbound_digital_share"), l.T("figures.resolved_share"),
		l.T("figures.assisted"), l.T("figures.exempt"), l.T("figures.cost"))
	for _, a := range ft.d.Areas {
		dep := a.Area.Department
		if d, ok := ft.s.Department(dep); ok {
			dep = d.Name
		}
		row := []cell{text(areaLabel(a.Area)), text(dep), count(l, a.Inquiries)}
		for _, c := range used {
			row = append(row, count(l, a.ByChannel[c.Channel.ID]))
		}
		row = append(row, share(l, a.InboundDigitalShare()), share(l, a.ResolvedShare()),
			count(l, a.InboundAssisted), count(l, a.Exempt), kroner(l, a.Cost))
		tb.Rows = append(tb.Rows, row)
	}
	return tb
}

func areaLabel(a *strategy.Area) string {
	if a.KLE == "" {
		return a.Title
	}
	return a.KLE + " " + a.Title
}

func (ft figureTables) savings() table {
	l := ft.l
	tb := newTable("savings", l.T("figures.savings.caption"), l.T("figures.savings.none"),
		l.T("figures.area"), l.T("figures.movable"), l.T("figures.cost_now"), l.T("figures.cost_self_service"),
		l.T("figures.saving_per_year"))
	for _, s := range ft.d.Savings.Areas {
		tb.Rows = append(tb.Rows, []cell{text(areaLabel(s.Area)), count(l, s.Movable), kroner(l, s.CostNow),
			kroner(l, s.CostSelfService), kroner(l, s.PerYear)})
	}
	if len(tb.Rows) > 0 {
		tb.Foot = []cell{text(l.T("figures.total")), text(""), text(""), text(""), kroner(l, ft.d.Savings.Total())}
	}
	return tb
}

func (ft figureTables) withoutSolution() table {
	l := ft.l
	tb := newTable("without-solution", l.T("figures.without_solution.caption"), "",
		l.T("figures.area"), l.T("figures.movable"))
	for _, s := range ft.d.Savings.WithoutSolution {
		tb.Rows = append(tb.Rows, []cell{text(areaLabel(s.Area)), count(l, s.Movable)})
	}
	return tb
}

func (ft figureTables) departments() table {
	l := ft.l
	tb := newTable("departments", l.T("figures.departments.caption"), l.T("figures.none"),
		l.T("figures.department"), l.T("figures.inquiries"), l.T("figures.inbound_digital_share"),
		l.T("figures.transaction_digital_share"), l.T("figures.resolved_share"), l.T("figures.cost"))
	for _, d := range ft.d.Departments {
		tb.Rows = append(tb.Rows, []cell{text(d.Department.Name), count(l, d.Inquiries), share(l, d.InboundDigitalShare()),
			share(l, d.TransactionDigitalShare()), share(l, d.ResolvedShare()), kroner(l, d.Cost)})
	}
	return tb
}

func comparisonTable(l locale.Printer, c report.Comparison) table {
	tb := newTable("comparison", l.T("figures.comparison.caption"), l.T("figures.none"),
		l.T("figures.area"))
	for _, m := range c.Municipalities {
		tb.Head = append(tb.Head, m.Name)
	}
	for _, a := range c.Areas {
		row := []cell{text(a.KLE + " " + a.Title)}
		for _, s := range a.Shares {
			row = append(row, share(l, s))
		}
		tb.Rows = append(tb.Rows, row)
	}
	if len(c.Municipalities) > 0 {
		tb.Foot = []cell{text(l.T("figures.all_areas"))}
		for _, m := range c.Municipalities {
			tb.Foot = append(tb.Foot, share(l, m.InboundDigitalShare()))
		}
	}
	return tb
}

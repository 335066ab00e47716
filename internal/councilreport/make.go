package councilreport

import (
	"context"
	"fmt"
	"time"

	"github.com/kanal-dk/kanal/internal/dashboard"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/measure"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// Issue is a report's standing on its cover. A report made on the fly has
// none (nil): its cover says that it is not issued and can change. An
// issued report (see Reports.Issue) names when, by whom and under which
// strategy version it was issued; it is stored as issued and never made
// again.
type Issue struct {
	At      time.Time
	By      string
	Version int
	// Decisions are the decisions the council is asked for, written by
	// the strategy group when issuing; paragraphs are separated by an
	// empty line.
	Decisions string
}

// Reports makes, issues and reads back the council reports of one
// database: everything in this package that reads or writes the database
// is a method of it.
type Reports struct {
	db       *store.DB
	measures *measure.Source
}

// NewReports returns the reports of a database, made from its measures.
func NewReports(db *store.DB, measures *measure.Source) *Reports {
	return &Reports{db: db, measures: measures}
}

// Make reads a calendar year's figures of a municipality once and writes
// the report in a language, for the whole municipality and each
// department: each day priced by the strategy version in force on it, the
// definitions the newest version's. now dates it; issue is nil for a
// report made on the fly.
func (r *Reports) Make(ctx context.Context, l locale.Printer, municipality string, h measure.History, year int, now time.Time, issue *Issue) (*Document, error) {
	s := h.Newest().Strategy
	f := measure.Year(year)
	in, err := r.measures.Rows(ctx, municipality, h, f)
	if err != nil {
		return nil, fmt.Errorf("the report for %d: %w", year, err)
	}
	departments := make([]*measure.Dashboard, 0, len(s.Departments))
	for _, dep := range s.Departments {
		df := f
		df.Department = dep.ID
		departments = append(departments, measure.Build(s, df, in))
	}
	proc, err := r.process(ctx, s, municipality, year)
	if err != nil {
		return nil, err
	}
	return build(l, s, year, measure.Build(s, f, in), departments, proc, now, issue)
}

// build writes the report from the figures and the strategy work. It is
// pure.
func build(l locale.Printer, s *strategy.Strategy, year int, d *measure.Dashboard, departments []*measure.Dashboard, proc Process, now time.Time, issue *Issue) (*Document, error) {
	ft := dashboard.New(l, d)
	name := s.Municipality.Name
	doc := &Document{
		Lang:           l.Lang(),
		Title:          l.T("council.title", year),
		Subtitle:       l.T("council.subtitle"),
		Byline:         l.T("council.byline", name, l.DayMonth(now), now.Year()),
		Footer:         name + " · " + l.T("council.title", year),
		PageFormat:     l.T("council.page"),
		SummaryHeading: l.T("council.summary"),
		PDFNotice:      l.T("council.accessible.pdf"),
		HTMLNote:       l.T("council.accessible.html"),
		Summary:        summary(l, d, year),
	}
	if issue == nil {
		doc.Notices = append(doc.Notices, l.T("council.not_issued"))
		doc.Footer += " · " + l.T("council.not_issued.short")
	} else {
		at := issue.At.In(strategy.Location)
		doc.Notices = append(doc.Notices, l.T("council.issued", l.DayMonth(at), at.Year(), at.Format("15:04"), issue.By, issue.Version))
	}
	if d.Demo {
		doc.Notices = append(doc.Notices, l.T("council.demo"))
		doc.Footer += " · " + l.T("council.demo.short")
	}
	pct := func(v *float64) string { return dashboard.Share(l, v).Text }

	targets := Section{Heading: l.T("council.targets")}
	targets.add(Block{Paragraph: l.T("council.targets.text")})
	targets.addTable(ft.Targets())
	for _, c := range ft.TargetCharts() {
		targets.addCharted(c)
	}

	channels := Section{Heading: l.T("council.channels")}
	channels.add(Block{Paragraph: l.Plural("council.channels.text", d.Inbound, year, l.Int(d.Inbound), l.Int(d.Outbound))})
	channels.addCharted(ft.Mix())
	channels.add(Block{Paragraph: l.T("council.cost.text", l.Decimal(d.Cost, 0), dashboard.PriceYears(l, d.Spans))})
	channels.addCharted(ft.Channels())
	channels.addTable(ft.CostByType())

	deps := Section{Heading: l.T("council.departments")}
	deps.add(Block{Paragraph: l.T("council.departments.text")})
	deps.addTable(ft.Departments())
	for _, dd := range departments {
		if dd.Inquiries == 0 {
			continue
		}
		dep, _ := s.Department(dd.Filter.Department)
		deps.add(Block{Subheading: dep.Name})
		deps.add(Block{Paragraph: l.Plural("council.department.text", dd.Inbound, l.Int(dd.Inbound), pct(dd.InboundDigitalShare()),
			pct(dd.TransactionDigitalShare()), pct(dd.ResolvedShare()), l.Decimal(dd.Cost, 0))})
		t := dashboard.New(l, dd).AreaSummary()
		t.ID = "areas-" + dep.ID
		deps.addTable(t)
	}

	selfService := Section{Heading: l.T("council.self_service")}
	selfService.add(Block{Paragraph: l.T("council.self_service.text", l.Count("ui.count.inquiries", int64(d.Reporting)))})
	if below := d.BelowMinimum(); s.MinimumSBLevel != nil {
		level, text := s.MinimumSBLevel.Level, s.MinimumSBLevel.Text
		var minimum string
		switch len(below) {
		case 0:
			minimum = l.T("council.self_service.minimum.none", level, text)
		case 1:
			minimum = l.T("council.self_service.minimum.one", level, text)
		default:
			minimum = l.T("council.self_service.minimum.other", level, text, len(below))
		}
		selfService.add(Block{Paragraph: minimum})
	}
	selfService.addTable(ft.SelfService())

	savings := Section{Heading: l.T("council.savings")}
	savings.add(Block{Paragraph: l.T("council.savings.text", dashboard.PriceYears(l, d.Spans))})
	savings.addCharted(ft.Savings())
	if w := ft.WithoutSolution(); len(w.Rows) > 0 {
		savings.addTable(w)
	}

	definitions := Section{Heading: l.T("definition.title")}
	definitions.add(Block{Paragraph: l.T("definition.lead")})
	definitions.addTable(ft.Definitions())
	for _, note := range ft.Notes() {
		definitions.add(Block{Paragraph: note})
	}

	method := Section{Heading: l.T("council.method")}
	for _, p := range []string{l.T("council.method.counting"), l.T("council.method.digital"),
		pricesText(l, d.Spans), l.T("council.method.forecast"),
		l.T("council.method.strategy", s.Title, s.Period.From, s.Period.To)} {
		method.add(Block{Paragraph: p})
	}
	cases, err := approvedCases(l, s, proc.Approved, year)
	if err != nil {
		return nil, err
	}
	doc.Sections = []Section{targets, channels, deps, selfService, savings,
		departmentTargets(l, s, proc, departments, year, now), compliance(l, s, proc.Checks, year), cases, decisions(l, issue),
		definitions, method}
	return doc, nil
}

// pricesText says how many of the prices the costs rest on are examples,
// in a sentence that agrees with the count.
func pricesText(l locale.Printer, spans []measure.Span) string {
	examples := exampleCount(spans)
	if examples == 0 {
		return l.T("council.method.prices.own")
	}
	return l.Plural("council.method.prices", int64(examples), examples, priceCount(spans))
}

// exampleCount and priceCount count the prices of the versions in force
// in the period that are examples, and all of them.
func exampleCount(spans []measure.Span) int {
	n := 0
	for _, sp := range spans {
		for _, p := range sp.Version.Strategy.Prices.Entries {
			if p.Example {
				n++
			}
		}
	}
	return n
}

func priceCount(spans []measure.Span) int {
	n := 0
	for _, sp := range spans {
		n += len(sp.Version.Strategy.Prices.Entries)
	}
	return n
}

func (s *Section) add(b Block) { s.Blocks = append(s.Blocks, b) }

func (s *Section) addTable(t dashboard.Table) { s.add(Block{Table: &t}) }

func (s *Section) addCharted(c dashboard.Charted) {
	chart := c.Chart
	s.add(Block{Chart: &chart})
	s.addTable(c.Table)
}

// summary says the year's main points, one sentence each.
func summary(l locale.Printer, d *measure.Dashboard, year int) []string {
	if d.Inquiries == 0 {
		return []string{l.T("council.summary.none", year)}
	}
	pct := func(v *float64) string { return dashboard.Share(l, v).Text }
	out := []string{l.Plural("council.summary.inbound", d.Digital.Whole, year, pct(d.InboundDigitalShare()), l.Int(d.Digital.Whole),
		pct(d.AssistedShare()), dashboard.Definition(l, d.Strategy, d.Definition(strategy.MeasureInboundDigital)))}
	for _, ts := range d.Targets {
		name := l.T("measure." + ts.Target.Measure)
		if ts.Status != "" {
			out = append(out, l.T("council.summary.trend", name, l.T("figures.status."+ts.Status)))
			continue
		}
		for _, g := range ts.Goals {
			if g.Year < year {
				continue // the years before: reported in their own year
			}
			target := g.Target
			status := l.T("figures.status." + g.Status)
			if g.Status == measure.Behind || g.Status == measure.Missed {
				status = l.T("figures.status."+g.Status, l.Decimal(g.Gap, 1))
			}
			key := "council.summary.forecast"
			if g.Actual {
				key = "council.summary.actual"
			}
			out = append(out, l.T(key, name, pct(&target), dashboard.TargetYear(l, ts.Target, g.Year), pct(g.Value), status))
		}
	}
	if d.Transactions.Whole > 0 {
		out = append(out, l.T("council.summary.transactions", pct(d.TransactionDigitalShare()), l.Int(d.Transactions.Part),
			l.Int(d.Transactions.Whole)))
	}
	if d.DigitalPost.Whole > 0 {
		out = append(out, l.T("council.summary.digital_post", pct(d.OutboundDigitalPostShare()), l.Int(d.DigitalPost.Part),
			l.Int(d.DigitalPost.Whole)))
	}
	if d.Expensive.Whole > 0 {
		out = append(out, l.Plural("council.summary.expensive", d.Expensive.Whole, l.Int(d.Expensive.Part), l.Int(d.Expensive.Whole),
			pct(d.ExpensiveInformationShare())))
	}
	out = append(out, l.T("council.summary.cost", l.Decimal(d.Cost, 0), dashboard.PriceYears(l, d.Spans)))
	if len(d.Savings.Areas) > 0 && d.Savings.Total() > 0 {
		out = append(out, l.T("council.summary.savings", l.Decimal(d.Savings.Total(), 0), d.Savings.Areas[0].Area.Title,
			dashboard.PriceYears(l, d.Spans)))
	}
	return out
}

package departmentreport

import (
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/kanal-dk/kanal/internal/dashboard"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/measure"
	"github.com/kanal-dk/kanal/internal/plan"
	"github.com/kanal-dk/kanal/internal/render/pdf"
	"github.com/kanal-dk/kanal/internal/render/table"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// Input is what a department's report for a year is made of: the
// strategy and the department, the department's current action plan, its
// figures for the year (measure.Build with the year's filter and the
// department), and its own texts.
type Input struct {
	Strategy   *strategy.Strategy
	Department strategy.Department
	Year       int
	Plan       plan.Plan
	Figures    *measure.Dashboard
	Texts      Texts
	// Now dates the report.
	Now time.Time
}

// Report is a department's yearly report, independent of how it is
// rendered: the cover, the actions the plan completed in the year, the
// department's targets for the year against the measured values, and the
// department's three texts under their headings.
type Report struct {
	Lang                    string
	Title, Subtitle, Byline string
	// Notices: that the report is not submitted yet, that the figures
	// rest on demo data.
	Notices []string
	Actions table.Table
	Targets table.Table
	// Texts are the department's texts in the report's order: what it
	// did, the effect, next year.
	Texts              []Text
	Footer, PageFormat string
}

// Text is one of the department's texts under its heading; Empty says
// that the department has not written it.
type Text struct {
	// Number is the text's section number in the report.
	Number               int
	Field, Heading, Body string
	Empty                string
}

// Make writes the report in a language. It is pure.
func Make(l locale.Printer, in Input) Report {
	name := in.Department.Name
	rep := Report{
		Lang:       l.Lang(),
		Title:      l.T("reports.report.title", name, in.Year),
		Subtitle:   l.T("reports.report.subtitle", in.Strategy.Municipality.Name),
		Byline:     l.T("reports.report.byline", l.DayMonth(in.Now), in.Now.Year()),
		Footer:     in.Strategy.Municipality.Name + " · " + l.T("reports.report.title", name, in.Year),
		PageFormat: l.T("council.page"),
		Actions:    ActionsTable(l, in.Strategy, in.Plan, in.Year),
		Targets:    TargetsTable(l, in.Plan.Targets, in.Figures, in.Year, in.Now),
	}
	switch in.Texts.Status {
	case Submitted:
		rep.Notices = append(rep.Notices, l.T("reports.report.submitted", l.DayMonth(in.Texts.Changed), in.Texts.Changed.Year(), in.Texts.ChangedBy))
	default:
		rep.Notices = append(rep.Notices, l.T("reports.report.not_submitted"))
	}
	if in.Figures != nil && in.Figures.Demo {
		rep.Notices = append(rep.Notices, l.T("council.demo"))
	}
	empty := l.T("reports.text.empty")
	rep.Texts = []Text{
		{Number: 3, Field: "done", Heading: l.T("reports.text.done"), Body: in.Texts.Done, Empty: empty},
		{Number: 4, Field: "effect", Heading: l.T("reports.text.effect"), Body: in.Texts.Effect, Empty: empty},
		{Number: 5, Field: "next_year", Heading: l.T("reports.text.next_year", in.Year+1), Body: in.Texts.NextYear, Empty: empty},
	}
	return rep
}

// ActionsTable are the actions of the plan done in year, in the plan's
// order, with their area, owner, completion day and the indicator each
// should move.
func ActionsTable(l locale.Printer, s *strategy.Strategy, p plan.Plan, year int) table.Table {
	tb := table.Table{Caption: l.T("reports.actions.caption", year), Empty: l.T("reports.actions.none", year),
		Head: []string{l.T("reports.actions.title"), l.T("reports.actions.area"), l.T("reports.actions.owner"),
			l.T("reports.actions.completed"), l.T("reports.actions.indicator")}}
	for _, a := range p.CompletedIn(year) {
		area := "–"
		if ar, ok := s.Area(a.Area); ok {
			area = ar.Title
		}
		tb.Rows = append(tb.Rows, []table.Cell{text(a.Title), text(area), text(dash(a.Owner)),
			text(l.Date(a.Completed)), text(MeasureName(l, a.Indicator))})
	}
	return tb
}

// MeasureName names a target's measure: the strategy's share measures by
// their names, first-contact resolution by its own.
func MeasureName(l locale.Printer, m string) string {
	switch m {
	case "":
		return "–"
	case plan.MeasureFirstContact:
		return l.T("reports.measure.first_contact")
	}
	return l.T("measure." + m)
}

// Measured is a measure's value in a department's figures, a share 0–1;
// nil when there is nothing to divide or the measure is not counted.
func Measured(d *measure.Dashboard, m string) *float64 {
	if d == nil {
		return nil
	}
	switch m {
	case plan.MeasureFirstContact:
		return d.ResolvedShare()
	case strategy.MeasureInboundDigital, strategy.MeasureOutboundDigitalPost, strategy.MeasureTransactionDigital,
		strategy.MeasureExpensiveInformation:
		return d.Fraction(m).Share()
	}
	return nil
}

// Verdicts of a department target against its measured value.
const (
	Met       = "met"
	NotMet    = "not_met"
	SoFarMet  = "so_far_met"
	SoFarNot  = "so_far_not_met"
	NoFigures = "no_figures"
)

// Verdict says whether a target is met by value (a share 0–1; the
// target's Share is in percent): at the year's end "met" or "not_met",
// before it "so_far_…", and "no_figures" without a value.
func Verdict(t plan.Target, value *float64, now time.Time) string {
	if value == nil {
		return NoFigures
	}
	pct := *value * 100
	ok := pct >= t.Share
	if t.Direction == strategy.AtMost {
		ok = pct <= t.Share
	}
	over := now.In(strategy.Location).Year() > t.Year
	switch {
	case ok && over:
		return Met
	case over:
		return NotMet
	case ok:
		return SoFarMet
	}
	return SoFarNot
}

// TargetsTable are the department's own targets for year against the
// values measured in its figures for the year.
func TargetsTable(l locale.Printer, targets []plan.Target, d *measure.Dashboard, year int, now time.Time) table.Table {
	tb := table.Table{Caption: l.T("reports.targets.caption", year), Empty: l.T("reports.targets.none", year),
		Head: []string{l.T("reports.targets.measure"), l.T("reports.targets.target"), l.T("reports.targets.measured"), l.T("reports.targets.verdict")}}
	for _, t := range targets {
		if t.Year != year {
			continue
		}
		tb.Rows = append(tb.Rows, TargetRow(l, t, Measured(d, t.Measure), now))
	}
	return tb
}

// TargetRow is one target's row: the measure, the target ("mindst 60,0
// %"), the measured value and the verdict.
func TargetRow(l locale.Printer, t plan.Target, value *float64, now time.Time) []table.Cell {
	share := t.Share / 100
	key := "reports.targets.at_least"
	if t.Direction == strategy.AtMost {
		key = "reports.targets.at_most"
	}
	return []table.Cell{text(MeasureName(l, t.Measure)),
		{Text: l.T(key, l.Decimal(t.Share, 1)), Value: &share, Percent: true},
		dashboard.Share(l, value), text(l.T("reports.verdict." + Verdict(t, value, now)))}
}

func text(s string) table.Cell { return table.Cell{Text: s} }

func dash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

// WritePDF lays the report out for package render/pdf, which needs no
// browser on a server.
func WritePDF(w io.Writer, rep Report) error {
	doc := pdf.Document{Lang: rep.Lang, Footer: rep.Footer, PageFormat: rep.PageFormat,
		Cover: pdf.Cover{Title: rep.Title, Subtitle: rep.Subtitle, Byline: rep.Byline, Notices: rep.Notices}}
	actions, targets := rep.Actions, rep.Targets
	doc.Sections = append(doc.Sections,
		pdf.Section{Heading: "1. " + rep.Actions.Caption, Blocks: []pdf.Block{{Table: &actions}}},
		pdf.Section{Heading: "2. " + rep.Targets.Caption, Blocks: []pdf.Block{{Table: &targets}}})
	for _, t := range rep.Texts {
		body := t.Body
		if body == "" {
			body = t.Empty
		}
		doc.Sections = append(doc.Sections, pdf.Section{Heading: strconv.Itoa(t.Number) + ". " + t.Heading,
			Blocks: []pdf.Block{{Paragraph: body}}})
	}
	if err := pdf.Write(w, doc); err != nil {
		return fmt.Errorf("write department report PDF: %w", err)
	}
	return nil
}

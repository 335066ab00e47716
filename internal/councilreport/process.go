package councilreport

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/kanal-dk/kanal/internal/businesscase"
	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/dashboard"
	"github.com/kanal-dk/kanal/internal/departmentreport"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/measure"
	"github.com/kanal-dk/kanal/internal/plan"
	"github.com/kanal-dk/kanal/internal/register"
	"github.com/kanal-dk/kanal/internal/render/table"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// The strategy's own process in the report: the issue asks that the
// council report for a year "lists the targets (municipal and
// departmental), the register's compliance, the business cases approved
// and the decisions the council is asked for".

// Process is the strategy work the report tells the council of.
type Process struct {
	// Plans are the departments' current plans; only saved ones hold the
	// departments' own targets.
	Plans []plan.Plan
	// Checks are the register's compliance checks at the end of the year.
	Checks []register.Check
	// Approved are the business cases approved in the year, each in the
	// version that was approved.
	Approved []businesscase.Case
}

// process reads the strategy work of a municipality for the report of a
// year.
func (r *Reports) process(ctx context.Context, s *strategy.Strategy, municipality string, year int) (Process, error) {
	var p Process
	var err error
	if p.Plans, err = plan.New(r.db, nil).All(ctx, s, municipality); err != nil {
		return p, fmt.Errorf("the report for %d: %w", year, err)
	}
	solutions, err := register.New(r.db, nil).All(ctx, s, municipality)
	if err != nil {
		return p, fmt.Errorf("the report for %d: %w", year, err)
	}
	p.Checks = register.Compliance(s, solutions, civil.NewDate(year, time.December, 31))
	cases := businesscase.New(r.db, nil)
	all, err := cases.All(ctx, municipality)
	if err != nil {
		return p, fmt.Errorf("the report for %d: %w", year, err)
	}
	for _, c := range all {
		if c.Approved.IsZero() || c.Approved.In(strategy.Location).Year() != year {
			continue
		}
		if c.ApprovedVersion != 0 && c.ApprovedVersion != c.Version {
			versions, err := cases.Versions(ctx, municipality, c.ID)
			if err != nil {
				return p, fmt.Errorf("the report for %d: %w", year, err)
			}
			for _, v := range versions {
				if v.Version == c.ApprovedVersion {
					v.Approved, v.ApprovedBy, v.ApprovedVersion = c.Approved, c.ApprovedBy, c.ApprovedVersion
					c = v
				}
			}
		}
		p.Approved = append(p.Approved, c)
	}
	return p, nil
}

// departmentTargets is the section of the departments' own targets for
// the year against their measured values.
func departmentTargets(l locale.Printer, s *strategy.Strategy, p Process, departments []*measure.Dashboard, year int, now time.Time) Section {
	sec := Section{Heading: l.T("council.department_targets")}
	sec.add(Block{Paragraph: l.T("council.department_targets.text", year)})
	figures := map[string]*measure.Dashboard{}
	for _, d := range departments {
		figures[d.Filter.Department] = d
	}
	tb := dashboard.Table{ID: "department-targets", Table: table.Table{
		Caption: l.T("council.department_targets.caption", year), Empty: l.T("council.department_targets.none", year),
		Head: []string{l.T("reports.department"), l.T("reports.targets.measure"), l.T("reports.targets.target"),
			l.T("reports.targets.measured"), l.T("reports.targets.verdict")}}}
	for _, pl := range p.Plans {
		if pl.Version == 0 {
			continue // a proposal from the strategy: no target of the department's own
		}
		dep, ok := s.Department(pl.Department)
		if !ok {
			continue
		}
		for _, t := range pl.Targets {
			if t.Year != year {
				continue
			}
			row := departmentreport.TargetRow(l, t, departmentreport.Measured(figures[pl.Department], t.Measure), now)
			tb.Rows = append(tb.Rows, append([]table.Cell{{Text: dep.Name}}, row...))
		}
	}
	sec.addTable(tb)
	return sec
}

// compliance is the section of the register's compliance checks.
func compliance(l locale.Printer, s *strategy.Strategy, checks []register.Check, year int) Section {
	sec := Section{Heading: l.T("council.compliance")}
	ok := 0
	for _, c := range checks {
		if c.OK {
			ok++
		}
	}
	sec.add(Block{Paragraph: l.T("council.compliance.text", year, ok, len(checks), register.Failures(checks))})
	tb := dashboard.Table{ID: "compliance", Table: table.Table{
		Caption: l.T("council.compliance.caption", year), Empty: l.T("council.compliance.none"),
		Head: []string{l.T("council.compliance.area"), l.T("council.compliance.rule"), l.T("council.compliance.result")}}}
	var sources []string
	for _, c := range checks {
		area := c.Area
		if a, found := s.Area(c.Area); found {
			area = dashboard.AreaLabel(a)
		}
		result := l.T("council.compliance.ok")
		switch {
		case !c.OK && c.Due:
			result = l.T("council.compliance.fails")
		case !c.OK:
			result = l.T("council.compliance.not_due", c.Deadline)
		}
		tb.Rows = append(tb.Rows, []table.Cell{{Text: area}, {Text: l.T("council.compliance.rule." + c.Rule)}, {Text: result}})
		if c.Source != "" && !contains(sources, c.Source) {
			sources = append(sources, c.Source)
		}
	}
	for _, src := range sources {
		tb.Notes = append(tb.Notes, l.T("council.compliance.source", src))
	}
	sec.addTable(tb)
	return sec
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// approvedCases is the section of the business cases approved in the
// year, each with its chosen scenario worked out by the formulas of
// docs/business-case.md.
func approvedCases(l locale.Printer, s *strategy.Strategy, cases []businesscase.Case, year int) (Section, error) {
	sec := Section{Heading: l.T("council.cases")}
	if len(cases) > 0 {
		sec.add(Block{Paragraph: l.Plural("council.cases.text", int64(len(cases)), year, len(cases))})
	}
	tb := dashboard.Table{ID: "business-cases", Table: table.Table{
		Caption: l.T("council.cases.caption", year), Empty: l.T("council.cases.none", year),
		Head: []string{l.T("council.cases.case"), l.T("council.compliance.area"), l.T("council.cases.approved"),
			l.T("council.cases.investment"), l.T("council.cases.net"), l.T("council.cases.npv"), l.T("council.cases.payback")}}}
	for _, c := range cases {
		area := c.Area
		if a, ok := s.Area(c.Area); ok {
			area = dashboard.AreaLabel(a)
		}
		row := []table.Cell{{Text: c.Title}, {Text: area}, {Text: l.Date(civil.DateOf(c.Approved))}, dashCell(), dashCell(), dashCell(), dashCell()}
		if sc, ok := c.Chosen(); ok {
			res, err := businesscase.Compute(sc.Effective())
			if err != nil {
				return sec, fmt.Errorf("business case %d: %w", c.ID, err)
			}
			res = res.Rounded()
			row[3], row[4], row[5] = kr(l, sc.Input.Investment), kr(l, res.NetPerYear), kr(l, res.NPV)
			if res.PaybackYears != nil {
				v := *res.PaybackYears
				row[6] = table.Cell{Text: l.T("council.cases.years", l.Decimal(v, 2)), Value: &v}
			} else {
				row[6] = table.Cell{Text: l.T("council.cases.no_payback")}
			}
		}
		if c.Demo {
			row[0].Text += " (" + l.T("council.cases.demo") + ")"
		}
		tb.Rows = append(tb.Rows, row)
	}
	sec.addTable(tb)
	return sec, nil
}

func dashCell() table.Cell { return table.Cell{Text: "–"} }

func kr(l locale.Printer, x float64) table.Cell {
	return table.Cell{Text: l.T("council.cases.kroner", l.Decimal(x, 0)), Value: &x}
}

// decisions is the section of the decisions the council is asked for:
// the text the strategy group wrote when issuing, one paragraph per
// paragraph of it.
func decisions(l locale.Printer, issue *Issue) Section {
	sec := Section{Heading: l.T("council.decisions")}
	switch {
	case issue == nil:
		sec.add(Block{Paragraph: l.T("council.decisions.not_issued")})
	case strings.TrimSpace(issue.Decisions) == "":
		sec.add(Block{Paragraph: l.T("council.decisions.none")})
	default:
		for _, p := range strings.Split(strings.ReplaceAll(issue.Decisions, "\r\n", "\n"), "\n\n") {
			if p = strings.TrimSpace(p); p != "" {
				sec.add(Block{Paragraph: p})
			}
		}
	}
	return sec
}

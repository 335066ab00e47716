package staff

import (
	"net/http"
	"strconv"

	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/register"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// The self-service solution register: per area the solution in use, and
// the strategy's compliance checks on it, each with the strategy's own
// sentence. A manager sees the own department's areas only.

// registerRule is one rule the strategy states, with its sentence and how
// many solutions fail it.
type registerRule struct {
	Rule, Label, Source string
	Deadline            int
	Failing, NotDue     int
}

// registerCheck is one check of one row.
type registerCheck struct {
	Rule, Label string
	OK, Due     bool
}

// registerRow is one area of the table.
type registerRow struct {
	Area       *strategy.Area
	Label      string
	Editable   bool
	Has        bool
	Sol        register.Solution
	SBLevel    string
	Login      string
	BorgerDK   string
	Integr     string
	Cost       string
	Counts     string
	CountsFrom string
	Diffs      []string
	Checks     []registerCheck
}

type registerView struct {
	view
	Departments      []strategy.Department
	Department       string
	ForcedDepartment string
	Rules            []registerRule
	Rows             []registerRow
	Failures         int
	NotDue           int
	Checked          int
	Day              string
}

func (s *Pages) registerOf() *register.Register { return register.New(s.db, s.now) }

// showRegister shows the register of the municipality's areas.
func (s *Pages) showRegister(w http.ResponseWriter, r *http.Request) error {
	cur, v, err := s.current(r, "process")
	if err != nil {
		return err
	}
	l, st := v.L, cur.Strategy
	v.ProcessTab = "register"
	v.Title = l.T("register.title") + " – " + v.Title
	forced, err := departmentScope(r)
	if err != nil {
		return err
	}
	data := registerView{view: v, Departments: st.Departments, Department: forced}
	if forced != "" {
		data.ForcedDepartment = departmentName(st, forced)
	} else if d := r.URL.Query().Get("department"); d != "" {
		if _, ok := st.Department(d); ok {
			data.Department = d
		}
	}
	sols, err := s.registerOf().All(r.Context(), st, cur.Municipality)
	if err != nil {
		return err
	}
	today := civil.DateOf(s.now())
	data.Day = l.Date(today)
	p := auth.FromContext(r.Context())
	var shown []register.Solution
	byArea := map[string]register.Solution{}
	for _, sol := range sols {
		byArea[sol.Area] = sol
	}
	for i := range st.Areas {
		a := &st.Areas[i]
		if a.Other || !p.MaySeePlan(cur.Municipality, a.Department) || data.Department != "" && a.Department != data.Department {
			continue
		}
		row := registerRow{Area: a, Label: strategy.AreaLabel(a.KLE, a.Title), Editable: p.MayEditPlan(cur.Municipality, a.Department)}
		if sol, ok := byArea[a.ID]; ok {
			row.Has, row.Sol = true, sol
			fillRegisterRow(l, st, &row)
			shown = append(shown, sol)
		}
		data.Rows = append(data.Rows, row)
	}
	checks := register.Compliance(st, shown, today)
	data.Rules = registerRules(l, st, checks)
	for i := range data.Rows {
		for _, c := range checks {
			if c.Area == data.Rows[i].Area.ID {
				data.Rows[i].Checks = append(data.Rows[i].Checks, registerCheck{Rule: c.Rule, Label: l.T("register.rule." + c.Rule), OK: c.OK, Due: c.Due})
			}
		}
	}
	data.Checked, data.Failures = len(checks), register.Failures(checks)
	for _, c := range checks {
		if !c.OK && !c.Due {
			data.NotDue++
		}
	}
	return s.render(w, http.StatusOK, "register", data)
}

// registerRules are the rules the strategy states, in the order of the
// checks, each with its failures.
func registerRules(l locale.Printer, st *strategy.Strategy, checks []register.Check) []registerRule {
	var rules []registerRule
	index := map[string]int{}
	for _, rule := range []string{register.RuleNationalLogin, register.RuleBorgerDK, register.RuleSBLevel, register.RuleIntegration} {
		for _, src := range registerSources(st, rule) {
			index[rule+"\x00"+src.Source] = len(rules)
			src.Rule, src.Label = rule, l.T("register.rule."+rule)
			rules = append(rules, src)
		}
	}
	for _, c := range checks {
		i, ok := index[c.Rule+"\x00"+c.Source]
		if !ok || c.OK {
			continue
		}
		if c.Due {
			rules[i].Failing++
		} else {
			rules[i].NotDue++
		}
	}
	return rules
}

// registerSources are the strategy's statements of a rule: its targets
// of the rule's measure, its minimum SB level, its integration rule.
func registerSources(st *strategy.Strategy, rule string) []registerRule {
	var out []registerRule
	measure := map[string]string{register.RuleNationalLogin: strategy.MeasureNemIDWhereValidated,
		register.RuleBorgerDK: strategy.MeasureLinkedFromBorgerDK}[rule]
	for _, t := range st.Targets {
		if measure != "" && t.Measure == measure {
			out = append(out, registerRule{Source: t.Text, Deadline: t.Deadline})
		}
	}
	switch {
	case rule == register.RuleSBLevel && st.MinimumSBLevel != nil:
		out = append(out, registerRule{Source: st.MinimumSBLevel.Text})
	case rule == register.RuleIntegration && st.FormsWithoutIntegration != nil:
		out = append(out, registerRule{Source: st.FormsWithoutIntegration.Text})
	}
	return out
}

// fillRegisterRow writes a row's values in the reader's language.
func fillRegisterRow(l locale.Printer, st *strategy.Strategy, row *registerRow) {
	sol := row.Sol
	row.SBLevel = l.T("register.unknown")
	if sol.SBLevel != nil {
		row.SBLevel = strconv.Itoa(*sol.SBLevel)
	}
	row.Login = registerLoginText(l, sol.Login)
	row.BorgerDK = l.T("register.no")
	if sol.BorgerDK {
		row.BorgerDK = l.T("register.yes")
	}
	row.Integr = registerIntegrationText(l, sol.Integration)
	row.Cost = "–"
	if sol.CostPerYear != nil {
		row.Cost = l.Decimal(*sol.CostPerYear, 0) + " kr."
	}
	row.Counts, row.CountsFrom = "–", l.T("register.counts.none")
	if sol.Started != nil || sol.Completed != nil {
		row.Counts = registerCount(l, sol.Started) + " / " + registerCount(l, sol.Completed)
		switch {
		case sol.CountsFrom == register.CountsFunnel:
			row.CountsFrom = l.T("register.counts.funnel", sol.CountsYear)
		case sol.CountsYear != 0:
			row.CountsFrom = l.T("register.counts.hand_year", sol.CountsYear)
		default:
			row.CountsFrom = l.T("register.counts.hand")
		}
	}
	row.Diffs = registerDiffs(l, st, sol)
}

func registerCount(l locale.Printer, n *int) string {
	if n == nil {
		return "–"
	}
	return l.Int(int64(*n))
}

func registerLoginText(l locale.Printer, login string) string {
	if login == strategy.LoginNational {
		return l.T("register.login.national")
	}
	return l.T("register.login.none")
}

func registerIntegrationText(l locale.Printer, integration string) string {
	if integration == "" {
		return l.T("register.unknown")
	}
	return l.T("register.integration." + integration)
}

// registerDiffs say, in words, where a saved entry and the strategy file
// disagree.
func registerDiffs(l locale.Printer, st *strategy.Strategy, sol register.Solution) []string {
	var out []string
	for _, d := range register.Differences(st, sol) {
		value := d.Strategy
		switch d.Field {
		case "self_service":
			out = append(out, l.T("register.diff.no_solution"))
			continue
		case "login":
			value = registerLoginText(l, d.Strategy)
		case "borger_dk":
			value = l.T("register.no")
			if d.Strategy == "true" {
				value = l.T("register.yes")
			}
		case "sb_level", "url":
			if value == "" {
				value = l.T("register.unknown")
			}
		}
		out = append(out, l.T("register.diff."+d.Field, value))
	}
	return out
}

// Package register owns the self-service solution register: per service
// area the solution in use — supplier, address, SB level, login, whether
// borger.dk links it, its integration with the back-end system, its cost
// per year, and its started and completed counts — and the strategies'
// compliance checks on it.
package register

import (
	"context"
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// Integrations of a solution with the municipality's systems, from none
// to two-way; they follow the SB levels' descriptions (Tårnby's Bilag 1:
// level 2 "metadata som kan anvendes til fx Esdh integration", level 3
// "afleverer data til bagvedliggende fagsystem", level 4 "kan afleverer og
// modtage data til og fra et fagsystem").
const (
	IntegrationNone    = "none"
	IntegrationESDH    = "esdh"
	IntegrationBackend = "backend"
	IntegrationTwoWay  = "two_way"
)

// Integrations lists the integrations in the order the form offers them.
var Integrations = []string{IntegrationNone, IntegrationESDH, IntegrationBackend, IntegrationTwoWay}

// Where a solution's started and completed counts come from.
const (
	// CountsFunnel: Kanal's own forms counted them (the funnel of
	// form_runs) in CountsYear.
	CountsFunnel = "funnel"
	// CountsHand: entered by hand in the register.
	CountsHand = "hand"
)

// Solution is the register's entry for one area.
type Solution struct {
	Municipality string
	Area         string
	Supplier     string
	URL          string
	SBLevel      *int
	// Login is strategy.LoginNone or strategy.LoginNational (NemID or
	// MitID by date).
	Login    string
	BorgerDK bool
	// Integration is one of Integrations; "" when unknown.
	Integration string
	CostPerYear *float64
	// Started and Completed are entered by hand where the funnel does not
	// count them; nil when unknown.
	Started, Completed *int
	Changed            time.Time
	ChangedBy          string
	Demo               bool

	// Version is the entry's version (1, 2, …); 0 for a solution
	// prefilled from the strategy, which Saved tells apart.
	Version int
	Saved   bool
	// IntegrationFromLevel: the integration was read from the SB level (a
	// solution prefilled from the strategy).
	IntegrationFromLevel bool
	// CountsFrom says where Started and Completed come from (CountsFunnel,
	// CountsHand, or "" when they are unknown), and CountsYear the year
	// they count (0 when a hand count names none).
	CountsFrom string
	CountsYear int
}

// Check is one compliance check of one area's solution against a rule a
// strategy states.
type Check struct {
	// Rule names the check: "national_login", "borger_dk", "sb_level",
	// "integration".
	Rule string
	Area string
	OK   bool
	// Source is the strategy's own sentence the rule comes from.
	Source string
	// Deadline is the year the strategy's target gives (0: none); Due
	// tells whether the day checked is in or after it, so that a failure
	// counts.
	Deadline int
	Due      bool
}

// The rules of the checks.
const (
	RuleNationalLogin = "national_login"
	RuleBorgerDK      = "borger_dk"
	RuleSBLevel       = "sb_level"
	RuleIntegration   = "integration"
)

// Register stores the solutions.
type Register struct {
	db  *store.DB
	now func() time.Time
}

// New returns the register in db; now is the clock (time.Now when nil).
func New(db *store.DB, now func() time.Time) *Register {
	if now == nil {
		now = time.Now
	}
	return &Register{db: db, now: now}
}

// All are the municipality's solutions, one per area that has one, in the
// strategy's order of areas: the register's entry, else what the strategy
// s says of the area's self-service. Started and completed are the
// funnel's counts for the last full year Kanal's own forms served the area
// in, else (or when they name a later year) the numbers entered by hand;
// CountsFrom says which.
func (r *Register) All(ctx context.Context, s *strategy.Strategy, municipality string) ([]Solution, error) {
	saved, err := r.current(ctx, municipality)
	if err != nil {
		return nil, err
	}
	var out []Solution
	var areas []string
	for i := range s.Areas {
		a := &s.Areas[i]
		sol, ok := saved[a.ID]
		if !ok {
			if sol, ok = FromStrategy(municipality, a); !ok {
				continue
			}
		}
		out = append(out, sol)
		areas = append(areas, a.ID)
	}
	counts, err := r.funnel(ctx, municipality, areas)
	if err != nil {
		return nil, err
	}
	for i := range out {
		// Hand counts of a later year than the funnel's last full one
		// stand; otherwise Kanal's own count does.
		if c, ok := counts[out[i].Area]; ok && !(out[i].CountsFrom == CountsHand && out[i].CountsYear > c.year) {
			started, completed := c.started, c.completed
			out[i].Started, out[i].Completed = &started, &completed
			out[i].CountsFrom, out[i].CountsYear = CountsFunnel, c.year
		}
	}
	return out, nil
}

// FromStrategy is the solution the strategy's file states for the area:
// its address, SB level, login and borger.dk link, the integration read
// from the SB level; false when the area has no self-service solution.
func FromStrategy(municipality string, a *strategy.Area) (Solution, bool) {
	ss := a.SelfService
	if ss == nil {
		return Solution{}, false
	}
	sol := Solution{Municipality: municipality, Area: a.ID, URL: ss.URL, SBLevel: ss.SBLevel,
		Login: normaliseLogin(ss.Login), BorgerDK: ss.BorgerDK}
	sol.Integration, sol.IntegrationFromLevel = LevelIntegration(ss.SBLevel), true
	return sol, true
}

// LevelIntegration is the integration an SB level implies: none below
// level 2, the case system (ESDH) at 2, the back-end system at 3, two-way
// at 4; "" when the level is unknown.
func LevelIntegration(level *int) string {
	switch {
	case level == nil:
		return ""
	case *level >= 4:
		return IntegrationTwoWay
	case *level == 3:
		return IntegrationBackend
	case *level == 2:
		return IntegrationESDH
	}
	return IntegrationNone
}

// normaliseLogin reads "nemid" and "mitid" as the national login.
func normaliseLogin(login string) string {
	switch login {
	case strategy.LoginNemID, strategy.LoginMitID, strategy.LoginNational:
		return strategy.LoginNational
	}
	return strategy.LoginNone
}

// Compliance checks the solutions against the rules the strategy s
// states, on day: national login where the area needs validation and
// borger.dk links (the targets with the measures
// strategy.MeasureNemIDWhereValidated and MeasureLinkedFromBorgerDK, from
// their deadline year), the minimum SB level (s.MinimumSBLevel), and
// integration with a back-end system (s.FormsWithoutIntegration). A
// solution for an area the strategy no longer has is not checked.
func Compliance(s *strategy.Strategy, solutions []Solution, day civil.Date) []Check {
	var out []Check
	for _, sol := range solutions {
		a, ok := s.Area(sol.Area)
		if !ok {
			continue
		}
		for i := range s.Targets {
			t := &s.Targets[i]
			if t.Area != "" {
				if ta, ok := s.Area(t.Area); !ok || ta.ID != a.ID {
					continue
				}
			}
			c := Check{Area: a.ID, Source: t.Text, Deadline: t.Deadline, Due: t.Deadline == 0 || day.Year >= t.Deadline}
			switch t.Measure {
			case strategy.MeasureNemIDWhereValidated:
				if !a.NeedsValidation() {
					continue
				}
				c.Rule, c.OK = RuleNationalLogin, sol.Login == strategy.LoginNational
			case strategy.MeasureLinkedFromBorgerDK:
				c.Rule, c.OK = RuleBorgerDK, sol.BorgerDK
			default:
				continue
			}
			out = append(out, c)
		}
		if m := s.MinimumSBLevel; m != nil {
			out = append(out, Check{Rule: RuleSBLevel, Area: a.ID, Source: m.Text, Due: true,
				OK: sol.SBLevel != nil && *sol.SBLevel >= m.Level})
		}
		if f := s.FormsWithoutIntegration; f != nil {
			out = append(out, Check{Rule: RuleIntegration, Area: a.ID, Source: f.Text, Due: true,
				OK: sol.Integration != "" && sol.Integration != IntegrationNone})
		}
	}
	return out
}

// Failures counts the checks that fail and are due.
func Failures(checks []Check) int {
	n := 0
	for _, c := range checks {
		if !c.OK && c.Due {
			n++
		}
	}
	return n
}

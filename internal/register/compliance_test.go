package register_test

import (
	"strings"
	"testing"

	"github.com/kanal-dk/kanal/internal/kanaltest"
	"github.com/kanal-dk/kanal/internal/register"
	"github.com/kanal-dk/kanal/internal/strategy"
	"github.com/kanal-dk/kanal/strategies"
)

// The strategies' sentences the checks carry, quoted from the seeds (the
// presets hold them word for word).
const (
	dragoerNemID = "Inden udgangen af 2012 skal NemID anvendes på alle Dragør Kommunes digitale " +
		"løsninger, der kræver validering, gennem tilslutning til NemLog-in."
	dragoerBorgerDK    = "Alle kommunale selvbetjeningsløsninger skal være integreret på borger.dk fra 2012."
	dragoerIntegration = "Udfasning af blanketter, der ikke har integration til back-end systemer, og " +
		"i stedet etablering af løsninger, der kræver mindre manuelt arbejde for medarbejderne."
	taarnbyMinimum = "Digitalisering skal ske på SB niveau 1 for at være effektiv."
)

func preset(t *testing.T, id string) *strategy.Strategy {
	t.Helper()
	for _, p := range strategies.Presets() {
		s, err := strategy.Parse(p.Name, p.Data)
		if err != nil {
			t.Fatal(err)
		}
		if s.Municipality.ID == id {
			return s
		}
	}
	t.Fatalf("no preset %s", id)
	return nil
}

func level(n int) *int { return &n }

type want struct {
	rule   string
	ok     bool
	source string
	due    bool
}

func checksOf(checks []register.Check, area string) []want {
	var out []want
	for _, c := range checks {
		if c.Area == area {
			out = append(out, want{c.Rule, c.OK, c.Source, c.Due})
		}
	}
	return out
}

func same(a, b []want) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Dragør: "Inden udgangen af 2012 skal NemID anvendes på alle Dragør
// Kommunes digitale løsninger, der kræver validering", "Alle kommunale
// selvbetjeningsløsninger skal være integreret på borger.dk fra 2012" and
// "Udfasning af blanketter, der ikke har integration til back-end
// systemer"; Dragør sets no minimum SB level, so no level is checked.
func TestCompliance_DragoerStatesLoginBorgerDKAndIntegration(t *testing.T) {
	s := preset(t, "dragoer")
	day := kanaltest.Day("2013-03-01")
	for _, tc := range []struct {
		name string
		sol  register.Solution
		want []want
	}{
		{"a solution that meets every rule", register.Solution{Area: "flytning", SBLevel: level(3),
			Login: strategy.LoginNational, BorgerDK: true, Integration: register.IntegrationBackend},
			[]want{{"national_login", true, dragoerNemID, true}, {"borger_dk", true, dragoerBorgerDK, true},
				{"integration", true, dragoerIntegration, true}}},
		{"a form without login, link or integration", register.Solution{Area: "dagtilbud", SBLevel: level(0),
			Login: strategy.LoginNone, Integration: register.IntegrationNone},
			[]want{{"national_login", false, dragoerNemID, true}, {"borger_dk", false, dragoerBorgerDK, true},
				{"integration", false, dragoerIntegration, true}}},
		{"the case system counts as integration", register.Solution{Area: "sfo", SBLevel: level(2),
			Login: strategy.LoginNational, BorgerDK: true, Integration: register.IntegrationESDH},
			[]want{{"national_login", true, dragoerNemID, true}, {"borger_dk", true, dragoerBorgerDK, true},
				{"integration", true, dragoerIntegration, true}}},
		{"an unknown integration is not integration", register.Solution{Area: "sfo",
			Login: strategy.LoginNational, BorgerDK: true},
			[]want{{"national_login", true, dragoerNemID, true}, {"borger_dk", true, dragoerBorgerDK, true},
				{"integration", false, dragoerIntegration, true}}},
	} {
		got := checksOf(register.Compliance(s, []register.Solution{tc.sol}, day), tc.sol.Area)
		if !same(got, tc.want) {
			t.Errorf("%s:\n got %+v\nwant %+v", tc.name, got, tc.want)
		}
	}
}

// "Kun transaktioner og adgang til personfølsomme oplysninger kræver
// validering": an area that only informs is not checked for a login.
func TestCompliance_InformationOnlyNeedsNoLogin(t *testing.T) {
	s := preset(t, "dragoer")
	a, _ := s.Area("flytning")
	a.Types = []string{strategy.Information}
	sol := register.Solution{Area: "flytning", Login: strategy.LoginNone, BorgerDK: true, Integration: register.IntegrationTwoWay}
	got := checksOf(register.Compliance(s, []register.Solution{sol}, kanaltest.Day("2013-01-01")), "flytning")
	want := []want{{"borger_dk", true, dragoerBorgerDK, true}, {"integration", true, dragoerIntegration, true}}
	if !same(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

// The targets' deadline year is 2012: in 2011 a failure is shown but not
// due; from 1 January 2012 it is.
func TestCompliance_DeadlineYear(t *testing.T) {
	s := preset(t, "dragoer")
	sol := register.Solution{Area: "dagtilbud", Login: strategy.LoginNone, Integration: register.IntegrationNone}
	for day, due := range map[string]bool{"2011-12-31": false, "2012-01-01": true} {
		checks := register.Compliance(s, []register.Solution{sol}, kanaltest.Day(day))
		for _, c := range checks {
			if c.Rule == register.RuleNationalLogin || c.Rule == register.RuleBorgerDK {
				if c.Due != due || c.Deadline != 2012 {
					t.Errorf("%s %s: due %v deadline %d, want %v 2012", day, c.Rule, c.Due, c.Deadline, due)
				}
			}
		}
		// integration has no deadline: always due, so 1 failure in 2011, 3 in 2012.
		wantFailures := 1
		if due {
			wantFailures = 3
		}
		if n := register.Failures(checks); n != wantFailures {
			t.Errorf("%s: %d failures, want %d", day, n, wantFailures)
		}
	}
}

// Tårnby: "Digitalisering skal ske på SB niveau 1 for at være effektiv."
// Tårnby states neither the login, the borger.dk nor the integration rule,
// so only the level is checked.
func TestCompliance_TaarnbyStatesTheMinimumSBLevelOnly(t *testing.T) {
	s := preset(t, "taarnby")
	day := kanaltest.Day("2017-06-01")
	for _, tc := range []struct {
		level *int
		ok    bool
	}{{level(0), false}, {level(1), true}, {level(4), true}, {nil, false}} {
		sol := register.Solution{Area: "flytning", SBLevel: tc.level, Login: strategy.LoginNone, Integration: register.IntegrationNone}
		got := checksOf(register.Compliance(s, []register.Solution{sol}, day), "flytning")
		want := []want{{"sb_level", tc.ok, taarnbyMinimum, true}}
		if !same(got, want) {
			t.Errorf("level %v: got %+v, want %+v", tc.level, got, want)
		}
	}
}

// The presets' own solutions, prefilled from the files: Dragør's example
// waste area (SB level 1: no integration; not on borger.dk) fails two
// rules; Tårnby's housing-deposit loan (SB level 0) fails the minimum.
func TestCompliance_PresetsPrefilled(t *testing.T) {
	for _, tc := range []struct {
		municipality, day string
		failing           map[string][]string
	}{
		{"dragoer", "2014-01-01", map[string][]string{"affald": {"borger_dk", "integration"}}},
		{"taarnby", "2017-01-01", map[string][]string{"beboerindskud": {"sb_level"}}},
	} {
		s := preset(t, tc.municipality)
		var sols []register.Solution
		for i := range s.Areas {
			if sol, ok := register.FromStrategy(tc.municipality, &s.Areas[i]); ok {
				sols = append(sols, sol)
			}
		}
		got := map[string][]string{}
		for _, c := range register.Compliance(s, sols, kanaltest.Day(tc.day)) {
			if !c.OK {
				got[c.Area] = append(got[c.Area], c.Rule)
			}
		}
		if len(got) != len(tc.failing) {
			t.Errorf("%s: failing %v, want %v", tc.municipality, got, tc.failing)
		}
		for area, rules := range tc.failing {
			if strings.Join(got[area], ",") != strings.Join(rules, ",") {
				t.Errorf("%s %s: failing %v, want %v", tc.municipality, area, got[area], rules)
			}
		}
	}
}

// A target that names an area (here by its KLE number) checks that area
// only.
func TestCompliance_TargetForOneArea(t *testing.T) {
	s := preset(t, "dragoer")
	for i := range s.Targets {
		if s.Targets[i].Measure == strategy.MeasureLinkedFromBorgerDK {
			s.Targets[i].Area = "28.09.40" // dagtilbud, by its KLE number
		}
	}
	sols := []register.Solution{
		{Area: "flytning", Login: strategy.LoginNational, Integration: register.IntegrationBackend},
		{Area: "dagtilbud", Login: strategy.LoginNational, Integration: register.IntegrationBackend},
	}
	var areas []string
	for _, c := range register.Compliance(s, sols, kanaltest.Day("2013-01-01")) {
		if c.Rule == register.RuleBorgerDK {
			areas = append(areas, c.Area)
		}
	}
	if len(areas) != 1 || areas[0] != "dagtilbud" {
		t.Errorf("borger.dk checked for %v, want [dagtilbud]", areas)
	}
}

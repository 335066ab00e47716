package measure_test

import (
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/measure"
	"github.com/kanal-dk/kanal/internal/rollup"
	"github.com/kanal-dk/kanal/internal/strategy"
	"github.com/kanal-dk/kanal/strategies"
)

func row(area, department, channel string, n int64) rollup.Row {
	return rollup.Row{Month: civil.Month{Year: 2014, Month: time.May}, Area: area, Department: department, Channel: channel, Type: "transaction",
		Direction: "inbound", Tally: rollup.Tally{Inquiries: n}}
}

// inForce tags rows with one strategy in force on their days.
func inForce(s *strategy.Strategy, rows ...rollup.Row) []measure.Row {
	return measure.OneVersion(s, measure.Filter{}, rows, nil).Period
}

// A comparison for one department holds that department's areas only,
// its own municipality's figures from the department's rows only, and the
// other municipalities' on the same areas.
func TestCompare_ADepartmentSeesItsAreasOnly(t *testing.T) {
	parsed, err := strategies.Parsed()
	if err != nil {
		t.Fatal(err)
	}
	dragoer := measure.Compared{ID: "dragoer", Strategy: parsed["dragoer"], Rows: inForce(parsed["dragoer"],
		row("flytning", "borgerbutikken", "self_service", 1), row("flytning", "borgerbutikken", "in_person", 3),
		row("flytning", "teknik-miljoe", "self_service", 4), row("byggetilladelse", "teknik-miljoe", "phone", 2))}
	taarnby := measure.Compared{ID: "taarnby", Strategy: parsed["taarnby"], Rows: inForce(parsed["taarnby"],
		row("flytning", "borgerservice", "self_service", 3), row("flytning", "borgerservice", "phone", 1),
		row("byggetilladelse", "teknisk", "self_service", 1))}
	share := func(s *float64) float64 {
		if s == nil {
			return -1
		}
		return *s
	}

	// Byggetilladelse (02.34.02) is Teknik og miljø's: Borgerbutikken sees
	// flytning (23.05.10) alone, at 1 of 4 against Tårnby's 3 of 4.
	dragoer.Department = "borgerbutikken"
	c := measure.Compare([]measure.Compared{dragoer, taarnby}, measure.Filter{})
	if len(c.Areas) != 1 || c.Areas[0].KLE != "23.05.10" || c.Department != "borgerbutikken" {
		t.Fatalf("areas %+v, department %q: want flytning alone", c.Areas, c.Department)
	}
	if a := c.Areas[0]; share(a.Shares[0]) != 0.25 || share(a.Shares[1]) != 0.75 || a.Inbound[0] != 4 || a.Inbound[1] != 4 {
		t.Errorf("flytning: %v %v of %v, want 0.25 and 0.75 of 4 each", share(a.Shares[0]), share(a.Shares[1]), a.Inbound)
	}
	if d, tb := c.Municipalities[0], c.Municipalities[1]; d.Inbound != 4 || d.Digital.Part != 1 || tb.Inbound != 4 || tb.Digital.Part != 3 {
		t.Errorf("totals %d/%d and %d/%d, want 1/4 and 3/4", d.Digital.Part, d.Inbound, tb.Digital.Part, tb.Inbound)
	}

	// Teknik og miljø counted flytning too: its areas are its own and
	// those it counted in.
	dragoer.Department = "teknik-miljoe"
	c = measure.Compare([]measure.Compared{dragoer, taarnby}, measure.Filter{})
	kles := map[string]bool{}
	for _, a := range c.Areas {
		kles[a.KLE] = true
	}
	if !kles["23.05.10"] || !kles["02.34.02"] || c.Municipalities[0].Inbound != 6 || c.Municipalities[0].Digital.Part != 4 {
		t.Errorf("Teknik og miljø: areas %v, %d of %d digital; want flytning and byggetilladelse, 4 of 6", kles, c.Municipalities[0].Digital.Part, c.Municipalities[0].Inbound)
	}

	// Without a department: everything, 5 of 10 for Dragør.
	dragoer.Department = ""
	c = measure.Compare([]measure.Compared{dragoer, taarnby}, measure.Filter{})
	if len(c.Areas) != 2 || c.Department != "" || c.Municipalities[0].Inbound != 10 || c.Municipalities[0].Digital.Part != 5 {
		t.Errorf("the whole municipality: %d areas, %d of %d digital; want 2 areas, 5 of 10", len(c.Areas), c.Municipalities[0].Digital.Part, c.Municipalities[0].Inbound)
	}
}

package measure

import (
	"sort"

	"github.com/kanal-dk/kanal/internal/strategy"
)

// The potential is gross: what the applications would cost less at the
// shown channel prices if they came through self-service. It is no saving
// until the staff time is actually taken out, and it leaves out what a
// solution costs to buy and run; the pages and the council's report call
// it "bruttopotentiale ved kanalskift" and show the prices' year.

// Saving is one service area's gross channel-shift potential: what its
// non-digital applications and notifications would cost less a year at
// the shown prices had they come through its self-service solution.
type Saving struct {
	Area *strategy.Area
	// Movable are the period's inbound transactions by citizens who were
	// not exempt, on the channels of the digital applications' whole that
	// are neither counted as digital nor self-service.
	Movable int64
	// CostNow is what they cost; CostSelfService what they would cost as
	// self-service at the area's SB level, both at the prices of the days
	// they were made.
	CostNow, CostSelfService float64
	// PerYear is the difference, scaled from the period to a year.
	PerYear float64
	// Reporting marks an area whose solution is digital indberetning (SB
	// level 0): moving applications there saves nothing.
	Reporting bool
}

// Savings is the potential, largest first, and the areas that have
// movable transactions but no solution worth moving them to.
type Savings struct {
	Areas []Saving
	// WithoutSolution have movable transactions and no self-service
	// solution, or one at SB level 0, on the days they were made: a
	// business case for an effective solution comes first.
	WithoutSolution []Saving
	// Unpriced are movable transactions on channels without a price.
	Unpriced int64
}

// Total is the sum of the areas' potential a year.
func (s Savings) Total() float64 {
	sum := 0.0
	for _, a := range s.Areas {
		sum += a.PerYear
	}
	return sum
}

// savings computes the potential per area. It honours the filter's
// department and area; the type and direction are fixed by the question:
// inbound transactions.
func savings(c *counter, f Filter, rows []Row) Savings {
	s := c.s
	def := s.Share(strategy.MeasureTransactionDigital)
	days := f.Days()
	solved := map[string]*Saving{}
	unsolved := map[string]*Saving{}
	var out Savings
	for _, r := range rows {
		if r.Direction != strategy.Inbound || r.Type != strategy.Transaction ||
			(f.Department != "" && r.Department != f.Department) || (f.Area != "" && r.Area != f.Area) {
			continue
		}
		if !def.InWhole(r.Channel) || def.InPart(r.Channel) || r.In.UsesSolution(r.Channel) {
			continue
		}
		// A referred application belongs elsewhere (Udbetaling Danmark):
		// moving it to the municipality's self-service is no potential.
		// The cell does not say whether an exempt inquiry was also
		// referred, so both are taken off: the potential errs low.
		movable := r.Inquiries - r.Exempt - r.Referred
		if movable <= 0 {
			continue
		}
		area, ok := s.Area(r.Area)
		if !ok || !wantsSelfService(s, area) {
			continue
		}
		// The solution of the day: the version in force's, else the newest's.
		then, ok := r.In.Area(r.Area)
		if !ok {
			then = area
		}
		if then.SelfService == nil || then.IsReporting() {
			if a := add(unsolved, area, movable); then.IsReporting() {
				a.Reporting = true
			}
			continue
		}
		now, okNow := r.In.PriceOf(r.Channel, r.Type, nil)
		digital, okDigital := r.In.PriceOf(strategy.SelfService, r.Type, then.SelfService.SBLevel)
		if !okNow || !okDigital {
			out.Unpriced += movable
			continue
		}
		a := add(solved, area, movable)
		a.CostNow += *now.DKK * float64(movable)
		a.CostSelfService += *digital.DKK * float64(movable)
	}
	for _, a := range solved {
		if days > 0 {
			a.PerYear = (a.CostNow - a.CostSelfService) * 365 / float64(days)
		}
		out.Areas = append(out.Areas, *a)
	}
	for _, a := range unsolved {
		out.WithoutSolution = append(out.WithoutSolution, *a)
	}
	sort.Slice(out.Areas, func(i, j int) bool {
		if out.Areas[i].PerYear != out.Areas[j].PerYear {
			return out.Areas[i].PerYear > out.Areas[j].PerYear
		}
		return out.Areas[i].Area.KLE < out.Areas[j].Area.KLE
	})
	sort.Slice(out.WithoutSolution, func(i, j int) bool {
		if out.WithoutSolution[i].Movable != out.WithoutSolution[j].Movable {
			return out.WithoutSolution[i].Movable > out.WithoutSolution[j].Movable
		}
		return out.WithoutSolution[i].Area.KLE < out.WithoutSolution[j].Area.KLE
	})
	return out
}

// add counts movable transactions of an area.
func add(m map[string]*Saving, area *strategy.Area, movable int64) *Saving {
	a := m[area.ID]
	if a == nil {
		a = &Saving{Area: area}
		m[area.ID] = a
	}
	a.Movable += movable
	return a
}

// wantsSelfService reports whether the strategy guides the area's
// applications to self-service at all; a passport, say, needs the counter.
func wantsSelfService(s *strategy.Strategy, a *strategy.Area) bool {
	p := s.Priority(a, strategy.Transaction, strategy.Inbound)
	for _, id := range append(append([]string(nil), p.Primary...), p.Secondary...) {
		if id == strategy.SelfService {
			return true
		}
	}
	return false
}

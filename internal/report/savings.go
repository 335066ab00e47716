package report

import (
	"sort"

	"github.com/kanal-dk/kanal/internal/rollup"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// Saving is what one service area would save a year if its non-digital
// applications and notifications moved to its self-service solution.
type Saving struct {
	Area *strategy.Area
	// Movable are the period's inbound transactions on non-digital
	// channels by citizens who were not exempt.
	Movable int64
	// CostNow is what they cost; CostSelfService what they would cost as
	// self-service at the area's SB level.
	CostNow, CostSelfService float64
	// PerYear is the difference, scaled from the period to a year.
	PerYear float64
}

// Savings is the savings potential, largest first, and the areas that
// have movable transactions but no self-service solution to move them to.
type Savings struct {
	Areas []Saving
	// WithoutSolution have non-digital transactions and no self-service
	// solution: a business case comes before a saving.
	WithoutSolution []Saving
	// Unpriced are movable transactions on channels without a price.
	Unpriced int64
}

// Total is the sum of the areas' savings a year.
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
func savings(s *strategy.Strategy, f Filter, rows []rollup.Row) Savings {
	days := f.Days()
	perArea := map[string]*Saving{}
	var out Savings
	for _, r := range rows {
		if r.Direction != strategy.Inbound || r.Type != strategy.Transaction ||
			(f.Department != "" && r.Department != f.Department) || (f.Area != "" && r.Area != f.Area) {
			continue
		}
		c, ok := s.Channel(r.Channel)
		if !ok || c.Digital {
			continue
		}
		movable := r.Inquiries - r.Exempt
		if movable <= 0 {
			continue
		}
		a := perArea[r.Area]
		if a == nil {
			area, ok := s.Area(r.Area)
			if !ok || !wantsSelfService(s, area) {
				continue
			}
			a = &Saving{Area: area}
			perArea[r.Area] = a
		}
		a.Movable += movable
		if a.Area.SelfService == nil {
			continue
		}
		now, okNow := s.PriceOf(r.Channel, r.Type, nil)
		digital, okDigital := s.PriceOf(strategy.SelfService, r.Type, a.Area.SelfService.SBLevel)
		if !okNow || !okDigital {
			out.Unpriced += movable
			continue
		}
		a.CostNow += *now.DKK * float64(movable)
		a.CostSelfService += *digital.DKK * float64(movable)
	}
	for _, a := range perArea {
		if a.Area.SelfService == nil {
			out.WithoutSolution = append(out.WithoutSolution, *a)
			continue
		}
		if days > 0 {
			a.PerYear = (a.CostNow - a.CostSelfService) * 365 / float64(days)
		}
		out.Areas = append(out.Areas, *a)
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

package plan

import (
	"slices"

	"github.com/kanal-dk/kanal/internal/strategy"
)

// Measures are the measures a department sets its own targets for: the
// strategy's digital share, Digital Post share and information inquiries
// on expensive channels, and first-contact resolution (straksafklaring).
var Measures = []string{strategy.MeasureInboundDigital, strategy.MeasureOutboundDigitalPost,
	strategy.MeasureExpensiveInformation, MeasureFirstContact}

// IsMeasure reports whether m is a department target measure.
func IsMeasure(m string) bool { return slices.Contains(Measures, m) }

// Barriers are the barrier categories in the order the pages show them.
var Barriers = []string{BarrierSolutionQuality, BarrierReadiness, BarrierLegislation,
	BarrierIntegration, BarrierCompetences, BarrierOpeningHours}

// ActionStatuses are the statuses of an action in their order.
var ActionStatuses = []ActionStatus{Planned, Started, Done, Dropped}

// Areas are the department's service areas in the strategy's order,
// without the area for inquiries no other area fits.
func Areas(s *strategy.Strategy, department string) []*strategy.Area {
	var out []*strategy.Area
	for i := range s.Areas {
		if a := &s.Areas[i]; a.Department == department && !a.Other {
			out = append(out, a)
		}
	}
	return out
}

// Default is the strategy's inbound priority for an area and type: the
// area's own override where it has one, else the inquiry type's default.
func Default(s *strategy.Strategy, a *strategy.Area, typ string) strategy.Priority {
	return s.Priority(a, typ, strategy.Inbound)
}

// Deviates reports whether a choice of channels departs from the
// strategy's default: a primary channel the default does not name as
// primary, or a secondary it does not name as secondary.
func Deviates(s *strategy.Strategy, a *strategy.Area, c AreaChannels) bool {
	d := Default(s, a, c.Type)
	if !slices.Contains(d.Primary, c.Primary) {
		return true
	}
	if c.Secondary == "" {
		return len(d.Secondary) > 0
	}
	return !slices.Contains(d.Secondary, c.Secondary)
}

// Propose is the plan the strategy proposes for a department (Version
// 0): per area and inquiry type the strategy's first primary and first
// secondary channel, and the municipality's share targets of the kinds a
// department sets, per year, as the department's own.
func Propose(s *strategy.Strategy, municipality, department string) Plan {
	p := Plan{Municipality: municipality, Department: department, Status: Draft}
	for _, a := range Areas(s, department) {
		for _, typ := range s.Types() {
			if !a.Handles(typ) {
				continue
			}
			d := Default(s, a, typ)
			c := AreaChannels{Area: a.ID, Type: typ}
			if len(d.Primary) > 0 {
				c.Primary = d.Primary[0]
			}
			if len(d.Secondary) > 0 {
				c.Secondary = d.Secondary[0]
			}
			p.Channels = append(p.Channels, c)
		}
	}
	for _, t := range s.Targets {
		if !IsMeasure(t.Measure) || (t.Direction != "" && t.Direction != strategy.AtLeast && t.Direction != strategy.AtMost) {
			continue
		}
		years := make([]int, 0, len(t.Shares))
		for y := range t.Shares {
			years = append(years, y)
		}
		slices.Sort(years)
		for _, y := range years {
			p.Targets = append(p.Targets, Target{Measure: t.Measure, Year: y, Share: t.Shares[y], Direction: direction(t)})
		}
	}
	return p
}

// direction is a strategy target's direction, at least when it names none.
func direction(t strategy.Target) string {
	if t.Direction == "" {
		return strategy.AtLeast
	}
	return t.Direction
}

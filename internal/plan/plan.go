// Package plan owns the departments' action plans (handleplaner): per
// service area the chosen primary and secondary channel, the department's
// own targets per year, the barriers to digital use, and the actions with
// owner, deadline, status and the indicator each should move. Plans are
// data in the database, versioned on every change, not versions of the
// strategy file: they change weekly.
package plan

import (
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
)

// Status is where a plan stands with the strategy group.
type Status string

// The statuses of a plan.
const (
	Draft     Status = "draft"
	Submitted Status = "submitted"
	Approved  Status = "approved"
)

// ActionStatus is where an action stands.
type ActionStatus string

// The statuses of an action.
const (
	Planned ActionStatus = "planned"
	Started ActionStatus = "started"
	Done    ActionStatus = "done"
	Dropped ActionStatus = "dropped"
)

// Department target measures: the strategy's share measures
// (strategy.MeasureInboundDigital, strategy.MeasureOutboundDigitalPost,
// strategy.MeasureExpensiveInformation) and first-contact resolution.
const MeasureFirstContact = "first_contact_resolution"

// Plan is one version of a department's action plan.
type Plan struct {
	Municipality string
	Department   string
	// Version counts the saved versions from 1; 0 is the plan proposed
	// from the strategy, never saved.
	Version int
	// Deadline is when the plan is due (Dragør: "xx.xx. 2012", Tårnby:
	// 30 June 2016); zero when none is set.
	Deadline civil.Date
	Status   Status
	// ApprovedVersion is the version the strategy group approved last; 0
	// when none is.
	ApprovedVersion int
	Channels        []AreaChannels
	Targets         []Target
	Barriers        []Barrier
	Actions         []Action
	// Changed and ChangedBy say who saved this version, when.
	Changed   time.Time
	ChangedBy string
	// Demo marks a plan the demo wrote.
	Demo bool
}

// AreaChannels is the department's choice of primary and secondary
// channel for one area and inquiry type. Reason explains a deviation from
// the strategy's default; it is required when the choice deviates.
type AreaChannels struct {
	Area, Type         string
	Primary, Secondary string
	Reason             string
}

// Target is a department's own target for one measure in one year, a
// share in percent. Direction is strategy.AtLeast or strategy.AtMost.
type Target struct {
	Measure   string
	Year      int
	Share     float64
	Direction string
}

// Barrier categories, as the strategies list them.
const (
	BarrierSolutionQuality = "solution_quality"
	BarrierReadiness       = "target_group_readiness"
	BarrierLegislation     = "legislation"
	BarrierIntegration     = "integration"
	BarrierCompetences     = "staff_competences"
	BarrierOpeningHours    = "opening_hours"
)

// Barrier is one barrier to digital use, for an area or the department
// ("" area).
type Barrier struct {
	Category string
	Area     string
	Text     string
}

// Action is one step of the plan.
type Action struct {
	// ID is stable across versions of the plan.
	ID       int
	Title    string
	Owner    string
	Area     string
	Deadline civil.Date
	Status   ActionStatus
	// Completed is the day the action was done; zero until it is.
	Completed civil.Date
	// Indicator is the measure the action should move (a Target measure).
	Indicator string
}

// IsLate reports whether the plan is past its deadline on day without
// being approved.
func (p Plan) IsLate(day civil.Date) bool {
	return !p.Deadline.IsZero() && day.After(p.Deadline) && p.Status != Approved
}

// LateActions are the actions past their deadline on day and neither done
// nor dropped.
func (p Plan) LateActions(day civil.Date) []Action {
	var out []Action
	for _, a := range p.Actions {
		if !a.Deadline.IsZero() && day.After(a.Deadline) && a.Status != Done && a.Status != Dropped {
			out = append(out, a)
		}
	}
	return out
}

// CompletedIn are the actions done in a calendar year.
func (p Plan) CompletedIn(year int) []Action {
	var out []Action
	for _, a := range p.Actions {
		if a.Status == Done && a.Completed.Year == year {
			out = append(out, a)
		}
	}
	return out
}

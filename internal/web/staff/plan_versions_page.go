package staff

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/describe"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/plan"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// planVersion is one saved version with what changed from the one
// before it.
type planVersion struct {
	Version  int
	SavedBy  string
	SavedAt  time.Time
	Approved bool
	Demo     bool
	Changes  []planChange
}

// planChange is one change in the page's language.
type planChange struct {
	Part, Kind, Key, Old, New string
}

// showPlanVersions lists the versions of a department's plan, each with
// what changed from the version before.
func (s *Pages) showPlanVersions(w http.ResponseWriter, r *http.Request) error {
	cur, d, pl, v, err := s.planOf(r)
	if err != nil {
		return err
	}
	vs, err := s.plansOf().Versions(r.Context(), cur.Municipality, d.ID)
	if err != nil {
		return err
	}
	l := v.L
	var rows []planVersion
	for i, x := range vs {
		before := plan.Plan{}
		if i+1 < len(vs) {
			before = vs[i+1]
		} else {
			before = plan.Propose(cur.Strategy, cur.Municipality, d.ID)
		}
		row := planVersion{Version: x.Version, SavedBy: x.ChangedBy, SavedAt: x.Changed, Approved: x.Version == pl.ApprovedVersion, Demo: x.Demo}
		for _, c := range plan.Diff(before, x) {
			row.Changes = append(row.Changes, planChange{Part: l.T("plans.part." + c.Part), Kind: l.T("plans.change." + c.Kind),
				Key: itemKey(l, cur.Strategy, c.Before, c.After), Old: itemWords(l, cur.Strategy, c.Before), New: itemWords(l, cur.Strategy, c.After)})
		}
		rows = append(rows, row)
	}
	v.Title = l.T("plans.versions.title", d.Name) + " – " + v.Title
	return s.render(w, http.StatusOK, "plan_versions", struct {
		view
		DepartmentID, DepartmentName string
		Versions                     []planVersion
	}{v, d.ID, d.Name, rows})
}

// itemKey names the item a change concerns in words: an area and type,
// a measure and year, an action's title; "" for the deadline and a
// barrier, whose words are the whole item.
func itemKey(l locale.Printer, st *strategy.Strategy, before, after any) string {
	item := after
	if item == nil {
		item = before
	}
	switch x := item.(type) {
	case plan.AreaChannels:
		return areaWords(st, x.Area) + " – " + describe.TypeLabel(st, l, x.Type)
	case plan.Target:
		return l.T("plans.measure."+x.Measure) + " " + strconv.Itoa(x.Year)
	case plan.Action:
		return x.Title
	}
	return ""
}

// itemWords puts one side of a change into words.
func itemWords(l locale.Printer, st *strategy.Strategy, item any) string {
	switch x := item.(type) {
	case civil.Date:
		return l.Date(x)
	case plan.AreaChannels:
		s := names(st, []string{x.Primary}) + " / " + names(st, []string{x.Secondary})
		if x.Reason != "" {
			s += " (" + x.Reason + ")"
		}
		return s
	case plan.Target:
		return l.T("plans.direction."+x.Direction) + " " + l.Decimal(x.Share, 1) + " %"
	case plan.Barrier:
		s := l.T("plans.barrier."+x.Category) + ": " + x.Text
		if x.Area != "" {
			s += " (" + areaWords(st, x.Area) + ")"
		}
		return s
	case plan.Action:
		parts := []string{x.Owner, l.T("plans.actions.deadline") + " " + l.Date(x.Deadline), l.T("plans.action_status." + string(x.Status)),
			l.T("plans.measure." + x.Indicator)}
		if !x.Completed.IsZero() {
			parts = append(parts, l.T("plans.actions.completed")+" "+l.Date(x.Completed))
		}
		return strings.Join(parts, "; ")
	}
	return ""
}

func areaWords(st *strategy.Strategy, id string) string {
	if a, ok := st.Area(id); ok {
		return strategy.AreaLabel(a.KLE, a.Title)
	}
	return id
}

package staff

import (
	"net/http"
	"time"

	"github.com/kanal-dk/kanal/internal/plan"
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
				Key: c.Key, Old: c.Old, New: c.New})
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

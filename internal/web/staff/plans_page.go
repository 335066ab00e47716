package staff

import (
	"net/http"
	"strconv"

	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/plan"
)

// The departments' action plans: the list for the strategy group (every
// plan with status, deadline, lateness and late actions), one plan with
// its edit forms (plan_page.go), its versions (plan_versions_page.go) and
// the plans in the strategy's download (plan_export.go).

// plansOf is the plans on the pages' clock.
func (s *Pages) plansOf() *plan.Plans { return plan.New(s.db, s.now) }

// today is the Danish day of the pages' clock.
func (s *Pages) today() civil.Date { return civil.DateOf(s.now()) }

// planRow is one department's plan in the list.
type planRow struct {
	Department, Name string
	Version          int
	Status           string
	Deadline         string
	Late             bool
	LateActions      int
	Approved         int
	Demo             bool
}

// showPlans lists every department's plan; a manager is sent to the own
// department's.
func (s *Pages) showPlans(w http.ResponseWriter, r *http.Request) error {
	cur, v, err := s.current(r, "process")
	if err != nil {
		return err
	}
	department, err := departmentScope(r)
	if err != nil {
		return err
	}
	if department != "" {
		http.Redirect(w, r, "/m/"+cur.Municipality+"/plans/"+department, http.StatusSeeOther)
		return nil
	}
	v.ProcessTab = "plans"
	v.Title = v.L.T("plans.title") + " – " + v.Title
	all, err := s.plansOf().All(r.Context(), cur.Strategy, cur.Municipality)
	if err != nil {
		return err
	}
	p, day := auth.FromContext(r.Context()), s.today()
	var rows []planRow
	late := 0
	for _, pl := range all {
		if !p.MaySeePlan(cur.Municipality, pl.Department) {
			continue
		}
		d, _ := cur.Strategy.Department(pl.Department)
		row := planRow{Department: pl.Department, Name: d.Name, Version: pl.Version, Status: string(pl.Status),
			Deadline: v.L.Date(pl.Deadline), Late: pl.IsLate(day), LateActions: len(pl.LateActions(day)),
			Approved: pl.ApprovedVersion, Demo: pl.Demo}
		if row.Late {
			late++
		}
		rows = append(rows, row)
	}
	return s.render(w, http.StatusOK, "plans", struct {
		view
		Plans  []planRow
		Late   int
		Export string
	}{v, rows, late, "/m/" + cur.Municipality + "/versions/" + strconv.Itoa(cur.Version.Number) + "/strategy.zip"})
}

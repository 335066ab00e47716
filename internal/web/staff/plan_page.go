package staff

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/describe"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/plan"
	"github.com/kanal-dk/kanal/internal/strategy"
	"github.com/kanal-dk/kanal/internal/web/face"
)

// One department's action plan: the plan with a small form per part —
// deadline, channels, targets, barriers, actions — each saving a new
// version, the button that submits it to the strategy group and the one
// that approves it. The forms need no JavaScript: each has empty rows to
// add an item and a box to remove one.

// planView is the plan page.
type planView struct {
	view
	Department          *strategy.Department
	Plan                plan.Plan
	Status              string
	MayEdit, MayApprove bool
	Late                bool
	Deadline            string
	DeadlineValue       string
	Channels            []channelRow
	Targets             []targetRow
	Barriers            []barrierRow
	Actions             []actionRow
	ChannelChoices      []choice
	MeasureChoices      []choice
	DirectionChoices    []choice
	BarrierChoices      []choice
	StatusChoices       []choice
	AreaChoices         []choice
	Problems            []problem
	Notice              string
}

// Error returns the messages for a field, "" when it has none.
func (v planView) Error(field string) string {
	var msgs []string
	for _, p := range v.Problems {
		if p.Field == field {
			msgs = append(msgs, p.Message)
		}
	}
	return strings.Join(msgs, " ")
}

type channelRow struct {
	Field, Area, Type   string
	AreaLabel, TypeName string
	Primary, Secondary  string
	Reason              string
	Default             string
	Deviates            bool
}

type targetRow struct {
	I, N                 int
	Measure, Year, Share string
	Direction            string
}

type barrierRow struct {
	I, N                 int
	Category, Area, Text string
}

type actionRow struct {
	I, ID                       int
	Title, Owner, Area          string
	Deadline, Completed, Status string
	Indicator                   string
	Late                        bool
}

// planOf is the department of the request's path with its plan, for a
// principal who may see it: an unknown department is not found, another
// department's plan is forbidden to a manager.
func (s *Pages) planOf(r *http.Request) (*municipality.Current, *strategy.Department, plan.Plan, view, error) {
	cur, v, err := s.current(r, "process")
	if err != nil {
		return nil, nil, plan.Plan{}, view{}, err
	}
	v.ProcessTab = "plans"
	d, ok := cur.Strategy.Department(r.PathValue("department"))
	if !ok {
		return nil, nil, plan.Plan{}, view{}, face.ErrNotFound
	}
	if !auth.FromContext(r.Context()).MaySeePlan(cur.Municipality, d.ID) {
		return nil, nil, plan.Plan{}, view{}, face.ErrForbidden
	}
	pl, err := s.plansOf().Current(r.Context(), cur.Strategy, cur.Municipality, d.ID)
	if err != nil {
		return nil, nil, plan.Plan{}, view{}, err
	}
	v.Title = v.L.T("plans.plan.title", d.Name) + " – " + v.Title
	return cur, d, pl, v, nil
}

// planPage fills the page from a plan (saved, proposed or as the form
// sent it).
func (s *Pages) planPage(r *http.Request, cur *municipality.Current, d *strategy.Department, pl plan.Plan, v view) planView {
	st, l := cur.Strategy, v.L
	p := auth.FromContext(r.Context())
	day := s.today()
	pv := planView{view: v, Department: d, Plan: pl, Status: l.T("plans.status." + string(pl.Status)),
		MayEdit: p.MayEditPlan(cur.Municipality, d.ID), MayApprove: p.Can(auth.ApprovePlans, cur.Municipality),
		Late: pl.IsLate(day), Deadline: l.Date(pl.Deadline), DeadlineValue: dateValue(pl.Deadline)}
	for _, ch := range st.Channels {
		if ch.Inbound {
			pv.ChannelChoices = append(pv.ChannelChoices, choice{ch.ID, ch.Name})
		}
	}
	for _, m := range plan.Measures {
		pv.MeasureChoices = append(pv.MeasureChoices, choice{m, l.T("plans.measure." + m)})
	}
	pv.DirectionChoices = []choice{{strategy.AtLeast, l.T("plans.direction.at_least")}, {strategy.AtMost, l.T("plans.direction.at_most")}}
	for _, b := range plan.Barriers {
		pv.BarrierChoices = append(pv.BarrierChoices, choice{b, l.T("plans.barrier." + b)})
	}
	for _, a := range plan.ActionStatuses {
		pv.StatusChoices = append(pv.StatusChoices, choice{string(a), l.T("plans.action_status." + string(a))})
	}
	pv.AreaChoices = []choice{{"", l.T("plans.whole_department")}}
	for _, a := range plan.Areas(st, d.ID) {
		pv.AreaChoices = append(pv.AreaChoices, choice{a.ID, strategy.AreaLabel(a.KLE, a.Title)})
	}
	for _, c := range pl.Channels {
		a, ok := st.Area(c.Area)
		if !ok {
			continue
		}
		def := plan.Default(st, a, c.Type)
		pv.Channels = append(pv.Channels, channelRow{Field: plan.ChannelField(c.Area, c.Type, ""), Area: c.Area, Type: c.Type,
			AreaLabel: strategy.AreaLabel(a.KLE, a.Title), TypeName: describe.TypeLabel(st, l, c.Type),
			Primary: c.Primary, Secondary: c.Secondary, Reason: c.Reason,
			Default: l.T("plans.channels.default", names(st, def.Primary), names(st, def.Secondary)), Deviates: plan.Deviates(st, a, c)})
	}
	for i, t := range pl.Targets {
		pv.Targets = append(pv.Targets, targetRow{I: i, N: i + 1, Measure: t.Measure, Year: strconv.Itoa(t.Year),
			Share: strconv.FormatFloat(t.Share, 'f', -1, 64), Direction: t.Direction})
	}
	for range 2 {
		pv.Targets = append(pv.Targets, targetRow{I: len(pv.Targets), Direction: strategy.AtLeast})
	}
	for i, b := range pl.Barriers {
		pv.Barriers = append(pv.Barriers, barrierRow{i, i + 1, b.Category, b.Area, b.Text})
	}
	pv.Barriers = append(pv.Barriers, barrierRow{I: len(pv.Barriers)})
	for i, a := range pl.Actions {
		pv.Actions = append(pv.Actions, actionRow{I: i, ID: a.ID, Title: a.Title, Owner: a.Owner, Area: a.Area,
			Deadline: dateValue(a.Deadline), Completed: dateValue(a.Completed), Status: string(a.Status), Indicator: a.Indicator,
			Late: !a.Deadline.IsZero() && day.After(a.Deadline) && a.Status != plan.Done && a.Status != plan.Dropped})
	}
	pv.Actions = append(pv.Actions, actionRow{I: len(pv.Actions), Status: string(plan.Planned)})
	return pv
}

// planField is one field of the plan's forms, for the partials
// "plan_input", "plan_select" and "plan_remove".
type planField struct {
	Page                      planView
	Field, Label, Value, Kind string
	Choices                   []choice
}

// Input is a text, number or date field.
func (v planView) Input(field, label, value, kind string) planField {
	return planField{Page: v, Field: field, Label: label, Value: value, Kind: kind}
}

// Select is a field with choices.
func (v planView) Select(field, label, value string, choices []choice) planField {
	return planField{Page: v, Field: field, Label: label, Value: value, Choices: choices}
}

// Remove is the box that removes a row.
func (v planView) Remove(field string) planField {
	return planField{Page: v, Field: field, Label: "plans.remove"}
}

// names are the channels' names joined, "–" for none.
func names(st *strategy.Strategy, ids []string) string {
	var out []string
	for _, id := range ids {
		if ch, ok := st.Channel(id); ok {
			out = append(out, ch.Name)
		}
	}
	if len(out) == 0 {
		return "–"
	}
	return strings.Join(out, ", ")
}

// dateValue is a day as a date field's value, "" for none.
func dateValue(d civil.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

// showPlan shows a department's plan.
func (s *Pages) showPlan(w http.ResponseWriter, r *http.Request) error {
	cur, d, pl, v, err := s.planOf(r)
	if err != nil {
		return err
	}
	pv := s.planPage(r, cur, d, pl, v)
	if key := r.URL.Query().Get("done"); key != "" {
		switch key {
		case "saved", "submitted", "approved", "stale", "not_submitted", "not_approved":
			pv.Notice = v.L.T("plans.done."+key, pl.Version)
		}
	}
	return s.render(w, http.StatusOK, "plan", pv)
}

// savePlan saves one part of a department's plan, sent by its form, as a
// new version; a plan with problems is shown again with each located at
// its field, and nothing is saved.
func (s *Pages) savePlan(w http.ResponseWriter, r *http.Request) error {
	cur, d, pl, v, err := s.planOf(r)
	if err != nil {
		return err
	}
	p := auth.FromContext(r.Context())
	if !p.MayEditPlan(cur.Municipality, d.ID) {
		return face.ErrForbidden
	}
	if err := r.ParseForm(); err != nil {
		return err
	}
	back := "/m/" + cur.Municipality + "/plans/" + d.ID
	var bad []problem
	f := r.PostForm
	switch f.Get("section") {
	case "deadline":
		if !p.Can(auth.ApprovePlans, cur.Municipality) {
			return face.ErrForbidden
		}
		pl.Deadline, bad = formDay(v, f.Get("deadline"), "deadline", bad)
	case "channels":
		for i := range pl.Channels {
			c := &pl.Channels[i]
			// A choice the form does not send is kept as it is.
			if k := plan.ChannelField(c.Area, c.Type, "primary"); f.Has(k) {
				c.Primary = f.Get(k)
			}
			if k := plan.ChannelField(c.Area, c.Type, "secondary"); f.Has(k) {
				c.Secondary = f.Get(k)
			}
			if k := plan.ChannelField(c.Area, c.Type, "reason"); f.Has(k) {
				c.Reason = strings.TrimSpace(f.Get(k))
			}
		}
	case "targets":
		pl.Targets, bad = readTargets(v, f, bad)
	case "barriers":
		pl.Barriers = readBarriers(f)
	case "actions":
		pl.Actions, bad = readActions(v, f, bad)
	default:
		face.Redirect(w, r, back)
		return nil
	}
	if len(bad) == 0 {
		_, err = s.plansOf().Save(r.Context(), cur.Strategy, pl, actorOf(r))
		var inv plan.Invalid
		if errors.As(err, &inv) {
			for _, x := range inv {
				bad = append(bad, problem{x.Field, v.L.T(x.Key, x.Arg)})
			}
		} else if err != nil {
			return err
		}
	}
	if len(bad) > 0 {
		pv := s.planPage(r, cur, d, pl, v)
		pv.Problems = bad
		return s.render(w, http.StatusUnprocessableEntity, "plan", pv)
	}
	face.Redirect(w, r, back+"?done=saved")
	return nil
}

// formDay reads a date field, adding a problem when it is no day.
func formDay(v view, s, field string, bad []problem) (civil.Date, []problem) {
	s = strings.TrimSpace(s)
	if s == "" {
		return civil.Date{}, bad
	}
	d, err := civil.ParseDate(s)
	if err != nil {
		return civil.Date{}, append(bad, problem{field, v.L.T("plans.error.date")})
	}
	return d, bad
}

// rows is how many rows a form sent.
func rows(f map[string][]string) int {
	n, _ := strconv.Atoi(first(f["rows"]))
	return min(max(n, 0), 500)
}

func first(vs []string) string {
	if len(vs) == 0 {
		return ""
	}
	return vs[0]
}

// readTargets reads the targets' form: rows left empty or marked for
// removal are left out.
func readTargets(v view, f map[string][]string, bad []problem) ([]plan.Target, []problem) {
	var out []plan.Target
	get := func(i int, part string) string { return strings.TrimSpace(first(f[plan.TargetField(i, part)])) }
	for i := range rows(f) {
		if get(i, "remove") != "" || get(i, "year") == "" && get(i, "share") == "" {
			continue
		}
		t := plan.Target{Measure: get(i, "measure"), Direction: get(i, "direction")}
		var err error
		if t.Year, err = strconv.Atoi(get(i, "year")); err != nil {
			bad = append(bad, problem{plan.TargetField(i, "year"), v.L.T("plans.error.number")})
		}
		if t.Share, err = strconv.ParseFloat(strings.Replace(get(i, "share"), ",", ".", 1), 64); err != nil {
			bad = append(bad, problem{plan.TargetField(i, "share"), v.L.T("plans.error.number")})
		}
		out = append(out, t)
	}
	return out, bad
}

// readBarriers reads the barriers' form.
func readBarriers(f map[string][]string) []plan.Barrier {
	var out []plan.Barrier
	get := func(i int, part string) string { return strings.TrimSpace(first(f[plan.BarrierField(i, part)])) }
	for i := range rows(f) {
		if get(i, "remove") != "" || get(i, "text") == "" && get(i, "category") == "" {
			continue
		}
		out = append(out, plan.Barrier{Category: get(i, "category"), Area: get(i, "area"), Text: get(i, "text")})
	}
	return out
}

// readActions reads the actions' form; an action keeps its ID.
func readActions(v view, f map[string][]string, bad []problem) ([]plan.Action, []problem) {
	var out []plan.Action
	get := func(i int, part string) string { return strings.TrimSpace(first(f[plan.ActionField(i, part)])) }
	for i := range rows(f) {
		if get(i, "remove") != "" || get(i, "title") == "" && get(i, "owner") == "" && get(i, "deadline") == "" {
			continue
		}
		a := plan.Action{Title: get(i, "title"), Owner: get(i, "owner"), Area: get(i, "area"),
			Status: plan.ActionStatus(get(i, "status")), Indicator: get(i, "indicator")}
		a.ID, _ = strconv.Atoi(get(i, "id"))
		a.Deadline, bad = formDay(v, get(i, "deadline"), plan.ActionField(i, "deadline"), bad)
		a.Completed, bad = formDay(v, get(i, "completed"), plan.ActionField(i, "completed"), bad)
		out = append(out, a)
	}
	return out, bad
}

// submitPlan sends the department's saved plan to the strategy group.
func (s *Pages) submitPlan(w http.ResponseWriter, r *http.Request) error {
	cur, d, _, _, err := s.planOf(r)
	if err != nil {
		return err
	}
	if !auth.FromContext(r.Context()).MayEditPlan(cur.Municipality, d.ID) {
		return face.ErrForbidden
	}
	done := "submitted"
	err = s.plansOf().Submit(r.Context(), cur.Municipality, d.ID, actorOf(r))
	switch {
	case errors.Is(err, plan.ErrNotFound), errors.Is(err, plan.ErrStatus):
		done = "not_submitted"
	case err != nil:
		return err
	}
	face.Redirect(w, r, "/m/"+cur.Municipality+"/plans/"+d.ID+"?done="+done)
	return nil
}

// approvePlan approves the version of the plan the approver read.
func (s *Pages) approvePlan(w http.ResponseWriter, r *http.Request) error {
	cur, d, _, _, err := s.planOf(r)
	if err != nil {
		return err
	}
	version, _ := strconv.Atoi(r.PostFormValue("version"))
	done := "approved"
	err = s.plansOf().Approve(r.Context(), cur.Municipality, d.ID, version, actorOf(r))
	switch {
	case errors.Is(err, plan.ErrStale):
		done = "stale"
	case errors.Is(err, plan.ErrNotFound), errors.Is(err, plan.ErrStatus):
		done = "not_approved"
	case err != nil:
		return err
	}
	face.Redirect(w, r, "/m/"+cur.Municipality+"/plans/"+d.ID+"?done="+done)
	return nil
}

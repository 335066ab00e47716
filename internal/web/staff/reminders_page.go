package staff

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/kanal-dk/kanal/internal/answers"
	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/businesscase"
	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/departmentreport"
	"github.com/kanal-dk/kanal/internal/plan"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// The reminders: one page for the strategy group with what is late —
// plans past their deadline and their late actions, last year's
// department reports not submitted, answer pages due for review, and
// business cases long without approval — each linking to where it is
// mended. A manager sees the own department's.

// StaleCaseDays is how long a business case may wait for approval
// before the reminders name it.
const StaleCaseDays = 90

// reminder is one thing to do and where to do it.
type reminder struct {
	Text, Link, LinkText string
	// Overdue marks an item past its deadline (a report after the first
	// quarter).
	Overdue bool
}

// reminderGroup is one kind of reminder under its heading.
type reminderGroup struct {
	ID, Heading, None string
	Items             []reminder
}

// showReminders shows what is late in the departments the user may see.
func (s *Pages) showReminders(w http.ResponseWriter, r *http.Request) error {
	cur, v, err := s.current(r, "process")
	if err != nil {
		return err
	}
	v.ProcessTab = "reminders"
	v.Title = v.L.T("reminders.title") + " – " + v.Title
	ctx, l, m, st := r.Context(), v.L, cur.Municipality, cur.Strategy
	p, today := auth.FromContext(ctx), civil.DateOf(s.now())
	sees := func(department string) bool { return p.MaySeePlan(m, department) }

	plans, err := plan.New(s.db, s.now).All(ctx, st, m)
	if err != nil {
		return err
	}
	late := reminderGroup{ID: "plans", Heading: l.T("reminders.plans"), None: l.T("reminders.plans.none")}
	actions := reminderGroup{ID: "actions", Heading: l.T("reminders.actions"), None: l.T("reminders.actions.none")}
	for _, pl := range plans {
		if !sees(pl.Department) {
			continue
		}
		name := departmentName(st, pl.Department)
		link := "/m/" + m + "/plans/" + pl.Department
		if pl.IsLate(today) {
			late.Items = append(late.Items, reminder{Overdue: true, Link: link, LinkText: l.T("reminders.plans.link", name),
				Text: l.T("reminders.plans.text", l.Date(pl.Deadline), l.T("reminders.plan_status."+string(pl.Status)))})
		}
		for _, a := range pl.LateActions(today) {
			actions.Items = append(actions.Items, reminder{Overdue: true, Link: link, LinkText: a.Title,
				Text: l.T("reminders.actions.text", name, l.Date(a.Deadline), ownerText(a.Owner))})
		}
	}

	// The newest finished year of the strategy's period: a strategy that
	// has ended asks for no report after its last year.
	year, finished := departmentreport.LastFinished(st.Period, today)
	saved, err := s.departmentReportsOf().All(ctx, m)
	if err != nil {
		return err
	}
	submitted := map[string]departmentreport.Status{}
	for _, t := range saved {
		if t.Year == year {
			submitted[t.Department] = t.Status
		}
	}
	due := departmentreport.Due(year)
	reports := reminderGroup{ID: "reports", Heading: l.T("reminders.reports", year), None: l.T("reminders.reports.none", year)}
	if !finished {
		reports.Heading, reports.None = l.T("reminders.reports.not_yet"), l.T("reminders.reports.none_yet", st.Period.From)
	}
	for _, d := range st.Departments {
		if !finished || !sees(d.ID) || submitted[d.ID] == departmentreport.Submitted {
			continue
		}
		reports.Items = append(reports.Items, reminder{Overdue: today.After(due),
			Link: fmt.Sprintf("/m/%s/reports/%s/%d", m, d.ID, year), LinkText: l.T("reminders.reports.link", d.Name, year),
			Text: l.T("reminders.reports.text", l.T("reports.status."+statusKey(submitted[d.ID])), l.Date(due))})
	}

	pages, err := s.answersOf().List(ctx, m)
	if err != nil {
		return err
	}
	review := reminderGroup{ID: "answers", Heading: l.T("reminders.answers"), None: l.T("reminders.answers.none")}
	for i := range st.Areas {
		a := &st.Areas[i]
		pg, ok := pages[a.ID]
		if a.Other || !ok || !sees(a.Department) || !answers.Due(pg.ReviewedAt, s.now()) {
			continue
		}
		review.Items = append(review.Items, reminder{Link: "/m/" + m + "/answers/" + a.ID,
			LinkText: strategy.AreaLabel(a.KLE, a.Title), Text: l.T("reminders.answers.text", l.Date(civil.DateOf(pg.ReviewedAt)))})
	}

	cases, err := businesscase.New(s.db, s.now).All(ctx, m)
	if err != nil {
		return err
	}
	waiting := reminderGroup{ID: "cases", Heading: l.T("reminders.cases"), None: l.T("reminders.cases.none")}
	for _, c := range cases {
		a, ok := st.Area(c.Area)
		if !c.Approved.IsZero() || (ok && !sees(a.Department)) || (!ok && !sees("")) {
			continue
		}
		since := civil.DateOf(c.Changed)
		if today.DaysSince(since) < StaleCaseDays {
			continue
		}
		waiting.Items = append(waiting.Items, reminder{Link: "/m/" + m + "/business-cases/" + strconv.FormatInt(c.ID, 10),
			LinkText: c.Title, Text: l.T("reminders.cases.text", l.Date(since))})
	}

	return s.render(w, http.StatusOK, "reminders", struct {
		view
		Groups []reminderGroup
	}{v, []reminderGroup{late, actions, reports, review, waiting}})
}

// ownerText is an action's owner, a dash when it has none.
func ownerText(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

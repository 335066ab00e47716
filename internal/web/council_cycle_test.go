package web

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/businesscase"
	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/departmentreport"
	"github.com/kanal-dk/kanal/internal/plan"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// lastYear is the year whose department reports the reminders ask for on
// the test server's clock: last year, but no later than the last year of
// Dragør's strategy ("Kanalstrategi 2012-2015"), which asks for none after.
func lastYear() int { return min(time.Now().Year()-1, 2015) }

// Dragør: "Afdelingerne udarbejder årligt en rapport om de iværksatte
// tiltag i forbindelse med implementering af kanalstrategien og de
// påregnede eller aktuelle effekter af disse tiltag." A manager writes the
// own department's report, and sees no other department's; the strategy
// group sees every department's; the reminders name the reports not
// submitted until they are.
func TestDepartmentReports_ManagerWritesTheOwnStrategyGroupSeesAll(t *testing.T) {
	ts := newTestServer(t, true)
	manager, group := ts.client(t, dragoerManager), ts.client(t, dragoerGroup)
	year := lastYear()
	own := fmt.Sprintf("/m/dragoer/reports/borgerbutikken/%d", year)
	other := fmt.Sprintf("/m/dragoer/reports/teknik-miljoe/%d", year)

	list := ts.get(t, manager, "/m/dragoer/reports")
	if list.status != http.StatusOK || !strings.Contains(list.body, own) || strings.Contains(list.body, other) {
		t.Errorf("the manager's list: %d, own %v, other %v", list.status, strings.Contains(list.body, own), strings.Contains(list.body, other))
	}
	if r := ts.get(t, group, "/m/dragoer/reports"); !strings.Contains(r.body, own) || !strings.Contains(r.body, other) ||
		!strings.Contains(r.body, "Ikke skrevet") {
		t.Error("the strategy group's list lacks a department or its status")
	}
	if r := ts.get(t, manager, other); r.status != http.StatusForbidden {
		t.Errorf("the manager opens another department's report: %d", r.status)
	}
	if r := ts.post(t, manager, other, url.Values{"done": {"x"}}); r.status != http.StatusForbidden {
		t.Errorf("the manager writes another department's report: %d", r.status)
	}
	if r := ts.get(t, ts.client(t, taarnbyGroup), own); r.status != http.StatusNotFound {
		t.Errorf("Tårnby's group opens Dragør's report: %d", r.status)
	}
	if r := ts.get(t, group, "/m/dragoer/reports/nowhere/2014"); r.status != http.StatusNotFound {
		t.Errorf("an unknown department: %d", r.status)
	}

	reminders := ts.get(t, group, "/m/dragoer/reminders")
	if reminders.status != http.StatusOK || !strings.Contains(reminders.body, fmt.Sprintf("Borgerbutikken: årsrapport %d", year)) {
		t.Fatalf("the reminders do not name Borgerbutikken's report for %d: %d", year, reminders.status)
	}

	// Submitting without the plan for next year is refused at its field.
	r := ts.post(t, manager, own, url.Values{"version": {"0"}, "done": {"Flytning på selvbetjening."}, "effect": {"Flere digitale."},
		"submit": {"1"}})
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, `href="#next_year"`) ||
		!strings.Contains(r.body, fmt.Sprintf("Skriv „Planen for %d“, før rapporten afleveres.", year+1)) {
		t.Errorf("submitted without next year's plan: %d", r.status)
	}
	r = ts.post(t, manager, own, url.Values{"version": {"0"}, "done": {"Flytning på selvbetjening."}, "effect": {"Flere digitale."},
		"next_year": {"Sundhedskort på nettet."}, "submit": {"1"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("submit: %d %s", r.status, r.body)
	}
	page := ts.get(t, group, own)
	for _, want := range []string{"Borgerbutikken: årsrapport " + fmt.Sprint(year), "Flytning på selvbetjening.", "Sundhedskort på nettet.",
		"Afleveret", "Tiltag gennemført i " + fmt.Sprint(year), "Afdelingens mål for " + fmt.Sprint(year)} {
		if !strings.Contains(page.body, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	if en := ts.get(t, manager, own+"?lang=en"); !strings.Contains(en.body, "Submitted") || !strings.Contains(en.body, "What we did") {
		t.Error("the English report lacks its status or headings")
	}
	reminders = ts.get(t, group, "/m/dragoer/reminders")
	if strings.Contains(reminders.body, fmt.Sprintf("Borgerbutikken: årsrapport %d", year)) ||
		!strings.Contains(reminders.body, fmt.Sprintf("Teknik og miljø: årsrapport %d", year)) {
		t.Error("the reminders still name the submitted report, or no longer the one not written")
	}
	if m := ts.get(t, manager, "/m/dragoer/reminders"); strings.Contains(m.body, "Teknik og miljø: årsrapport") {
		t.Error("the manager's reminders name another department's report")
	}

	texts, err := departmentreport.New(ts.db, nil).Texts(context.Background(), "dragoer", "borgerbutikken", year)
	if err != nil || texts.Version != 1 || texts.Status != departmentreport.Submitted || texts.ChangedBy != dragoerManager {
		t.Errorf("stored %+v %v", texts, err)
	}
	events, err := audit.List(context.Background(), ts.db, audit.Filter{Municipality: "dragoer", Action: audit.DepartmentReportSaved})
	if err != nil || len(events) != 1 {
		t.Errorf("audit %+v %v", events, err)
	}

	status, header, body := ts.raw(t, manager, own+"/report.pdf")
	if status != http.StatusOK || header.Get("Content-Type") != "application/pdf" || !bytes.HasPrefix(body, []byte("%PDF")) {
		t.Errorf("the PDF: %d %s", status, header.Get("Content-Type"))
	}
}

// "The council report for a year is issued once (Q1 of the next year)":
// the issue form takes the decisions the council is asked for, a second
// issue is refused with a Danish message, and issuing outside the first
// quarter after the year is warned of, not refused.
func TestCouncilReport_IssuedOnceWithDecisions(t *testing.T) {
	ts := newTestServer(t, true)
	group := ts.client(t, dragoerGroup)
	page := ts.get(t, group, "/m/dragoer/figures?year=2014")
	if !strings.Contains(page.body, `name="decisions"`) || !strings.Contains(page.body, "i første kvartal af 2015") {
		t.Error("the issue form lacks the decisions field or the warning outside the first quarter")
	}
	r := ts.post(t, group, "/m/dragoer/figures/reports", url.Values{"year": {"2014"}, "decisions": {"At tage rapporten til efterretning."}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("issue: %d", r.status)
	}
	list, err := ts.srv.reports.Issued(context.Background(), "dragoer")
	if err != nil || len(list) != 1 {
		t.Fatalf("%+v %v", list, err)
	}
	if _, html, err := ts.srv.reports.IssuedFile(context.Background(), "dragoer", list[0].ID, "html"); err != nil ||
		!strings.Contains(string(html), "At tage rapporten til efterretning.") {
		t.Errorf("the issued report lacks the decisions: %v", err)
	}
	r = ts.post(t, group, "/m/dragoer/figures/reports", url.Values{"year": {"2014"}, "decisions": {"Igen."}})
	if r.status != http.StatusConflict || !strings.Contains(r.body, "Rapporten for 2014 er allerede udstedt") {
		t.Errorf("a second issue: %d", r.status)
	}
	if list, err := ts.srv.reports.Issued(context.Background(), "dragoer"); err != nil || len(list) != 1 {
		t.Errorf("issued %d reports, %v", len(list), err)
	}
	page = ts.get(t, group, "/m/dragoer/figures?year=2014")
	if strings.Contains(page.body, `name="decisions"`) || !strings.Contains(page.body, "En rapport udstedes kun én gang") {
		t.Error("the figures page still offers to issue 2014")
	}
}

// The reminders name a plan past its deadline and its late action, each
// linking to the plan, and a business case long waiting for approval; a
// manager sees the own department's only.
func TestReminders_LatePlansActionsAndWaitingCases(t *testing.T) {
	ts := newTestServer(t, true)
	ctx := context.Background()
	cur, err := ts.registry.Current(ctx, "dragoer")
	if err != nil {
		t.Fatal(err)
	}
	for _, dep := range []string{"borgerbutikken", "teknik-miljoe"} {
		pl := plan.Propose(cur.Strategy, "dragoer", dep)
		pl.Deadline = civil.NewDate(2012, time.June, 30)
		pl.Actions = []plan.Action{{ID: 1, Title: "Sent tiltag " + dep, Owner: "Ole", Deadline: civil.NewDate(2013, time.March, 1), Status: plan.Started,
			Indicator: strategy.MeasureInboundDigital}}
		if _, err := plan.New(ts.db, nil).Save(ctx, cur.Strategy, pl, audit.System); err != nil {
			t.Fatal(err)
		}
	}
	old := func() time.Time { return time.Now().AddDate(0, 0, -100) }
	if _, err := businesscase.New(ts.db, old).Save(ctx, businesscase.Case{Municipality: "dragoer", Area: "flytning", Title: "Ventende sag",
		Scenarios: []businesscase.Scenario{{Name: "A", Input: businesscase.Input{Volume: 100, Shift: 0.5, PriceOld: 75, PriceNew: 20, Years: 5}}}},
		audit.System); err != nil {
		t.Fatal(err)
	}
	group := ts.get(t, ts.client(t, dragoerGroup), "/m/dragoer/reminders")
	for _, want := range []string{`href="/m/dragoer/plans/borgerbutikken">Handleplanen for Borgerbutikken</a>`,
		`href="/m/dragoer/plans/teknik-miljoe">Sent tiltag teknik-miljoe</a>`, "frist 30. juni 2012", "Ventende sag"} {
		if !strings.Contains(group.body, want) {
			t.Errorf("the group's reminders lack %q", want)
		}
	}
	manager := ts.get(t, ts.client(t, dragoerManager), "/m/dragoer/reminders?lang=en")
	if !strings.Contains(manager.body, "Sent tiltag borgerbutikken") || strings.Contains(manager.body, "Sent tiltag teknik-miljoe") ||
		!strings.Contains(manager.body, "Actions past their deadline") {
		t.Error("the manager's reminders are not the own department's, in English")
	}
}

// The reminders and the list of reports follow the strategy's period
// ("Kanalstrategi 2012-2015"): before its first year has ended, no
// department report is due; the list offers the first year only.
func TestReminders_NoReportDueBeforeTheStrategysFirstYearEnds(t *testing.T) {
	day := time.Date(2012, time.June, 1, 10, 0, 0, 0, civil.Location)
	ts := newTestServer(t, true, func(o *Options, _ string) { o.Now = func() time.Time { return day } })
	group := ts.client(t, dragoerGroup)
	r := ts.get(t, group, "/m/dragoer/reminders")
	if r.status != http.StatusOK || !strings.Contains(r.body, "Ingen afdelingsrapport er forfalden endnu: den første er for 2012.") ||
		strings.Contains(r.body, "årsrapport 2011") {
		t.Errorf("the reminders before 2012 has ended: %d", r.status)
	}
	list := ts.get(t, group, "/m/dragoer/reports")
	if list.status != http.StatusOK || !strings.Contains(list.body, "/m/dragoer/reports/borgerbutikken/2012") ||
		strings.Contains(list.body, "/m/dragoer/reports/borgerbutikken/2011") || strings.Contains(list.body, "/m/dragoer/reports/borgerbutikken/2013") {
		t.Errorf("the list of reports in June 2012: %d", list.status)
	}
}

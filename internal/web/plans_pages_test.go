package web

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/kanaltest"
	"github.com/kanal-dk/kanal/internal/plan"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// currentStrategy is a municipality's strategy in force and its version
// number.
func (ts *testServer) currentStrategy(t *testing.T, m string) (*strategy.Strategy, string) {
	t.Helper()
	cur, err := ts.registry.Current(context.Background(), m)
	if err != nil {
		t.Fatal(err)
	}
	return cur.Strategy, strconv.Itoa(cur.Number)
}

// The manager edits the own plan through the forms, is refused another
// department's, and the strategy group sees every plan and approves.
// Dragør: "Afdelingerne skal for hvert henvendelsesområde prioritere en
// primær og en sekundær henvendelseskanal" — a choice other than the
// strategy's must say why.
func TestPlans_ManagerEditsTheOwnPlanAndTheGroupApproves(t *testing.T) {
	ts := newTestServer(t, true)
	manager := ts.client(t, dragoerManager) // Borgerbutikken, the strategy's first department
	group := ts.client(t, dragoerGroup)

	// The list sends a manager to the own plan.
	r := ts.get(t, manager, "/m/dragoer/plans")
	if r.status != http.StatusSeeOther || r.header.Get("Location") != "/m/dragoer/plans/borgerbutikken" {
		t.Fatalf("a manager's list: %d %s, want 303 to the own plan", r.status, r.header.Get("Location"))
	}
	r = ts.get(t, manager, "/m/dragoer/plans/borgerbutikken")
	if r.status != http.StatusOK || !strings.Contains(r.body, "Forslag ud fra kanalstrategien") ||
		!strings.Contains(r.body, `id="channel-flytning-transaction-primary"`) {
		t.Fatalf("the proposed plan: %d\n%s", r.status, r.body)
	}

	// A deviation without a reason is refused at its field; nothing is saved.
	channels := url.Values{"section": {"channels"}}
	for _, typ := range []string{"information", "interaction", "transaction"} {
		channels.Set("channel-flytning-"+typ+"-primary", map[string]string{"information": "website", "interaction": "phone", "transaction": "self_service"}[typ])
		channels.Set("channel-flytning-"+typ+"-secondary", map[string]string{"information": "phone", "interaction": "digital_post", "transaction": "phone"}[typ])
	}
	channels.Set("channel-flytning-information-primary", "phone")
	channels.Set("channel-flytning-information-secondary", "website")
	r = ts.post(t, manager, "/m/dragoer/plans/borgerbutikken", channels)
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, `href="#channel-flytning-information-reason"`) {
		t.Fatalf("a deviation without a reason: %d, want 422 linking the reason field\n%s", r.status, r.body)
	}
	if n := ts.count(t, `SELECT COUNT(*) FROM plan_versions`); n != 0 {
		t.Fatalf("a refused plan stored %d versions", n)
	}
	channels.Set("channel-flytning-information-reason", "Mange ældre borgere ringer")
	r = ts.post(t, manager, "/m/dragoer/plans/borgerbutikken", channels)
	if r.status != http.StatusSeeOther || r.header.Get("Location") != "/m/dragoer/plans/borgerbutikken?done=saved" {
		t.Fatalf("save channels: %d %s\n%s", r.status, r.header.Get("Location"), r.body)
	}

	// Add an action through the empty row.
	r = ts.post(t, manager, "/m/dragoer/plans/borgerbutikken", url.Values{"section": {"actions"}, "rows": {"1"},
		"action-0-title": {"Medbetjening i Borgerbutikken"}, "action-0-owner": {"Anne Hansen"}, "action-0-deadline": {"2013-06-30"},
		"action-0-status": {"done"}, "action-0-completed": {"2013-05-02"}, "action-0-indicator": {"inbound_digital_share"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("add an action: %d\n%s", r.status, r.body)
	}
	// A share over 100 % is refused at its field.
	r = ts.post(t, manager, "/m/dragoer/plans/borgerbutikken", url.Values{"section": {"targets"}, "rows": {"1"},
		"target-0-measure": {"first_contact_resolution"}, "target-0-year": {"2014"}, "target-0-share": {"120"}, "target-0-direction": {"at_least"}})
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, `href="#target-0-share"`) {
		t.Fatalf("a share of 120 %%: %d, want 422 at target-0-share", r.status)
	}
	r = ts.post(t, manager, "/m/dragoer/plans/borgerbutikken/submit", url.Values{})
	if r.status != http.StatusSeeOther || !strings.HasSuffix(r.header.Get("Location"), "done=submitted") {
		t.Fatalf("submit: %d %s", r.status, r.header.Get("Location"))
	}
	// The manager may not approve, nor see or edit another department's plan.
	if r := ts.post(t, manager, "/m/dragoer/plans/borgerbutikken/approve", url.Values{"version": {"2"}}); r.status != http.StatusForbidden {
		t.Errorf("a manager approves: %d, want 403", r.status)
	}
	if r := ts.get(t, manager, "/m/dragoer/plans/boern-skole"); r.status != http.StatusForbidden {
		t.Errorf("a manager reads another department's plan: %d, want 403", r.status)
	}
	if r := ts.post(t, manager, "/m/dragoer/plans/boern-skole", url.Values{"section": {"barriers"}}); r.status != http.StatusForbidden {
		t.Errorf("a manager edits another department's plan: %d, want 403", r.status)
	}
	if r := ts.get(t, group, "/m/dragoer/plans/nope"); r.status != http.StatusNotFound {
		t.Errorf("an unknown department: %d, want 404", r.status)
	}

	// The group sees every department, approves version 2.
	r = ts.get(t, group, "/m/dragoer/plans")
	if r.status != http.StatusOK || !strings.Contains(r.body, "Sendt til godkendelse") || !strings.Contains(r.body, "Teknik og miljø") {
		t.Fatalf("the group's list: %d\n%s", r.status, r.body)
	}
	if r := ts.post(t, group, "/m/dragoer/plans/borgerbutikken/approve", url.Values{"version": {"1"}}); !strings.HasSuffix(r.header.Get("Location"), "done=stale") {
		t.Errorf("approving an old version: %s, want done=stale", r.header.Get("Location"))
	}
	if r := ts.post(t, group, "/m/dragoer/plans/borgerbutikken/approve", url.Values{"version": {"2"}}); !strings.HasSuffix(r.header.Get("Location"), "done=approved") {
		t.Errorf("approve: %d %s", r.status, r.header.Get("Location"))
	}
	st, cur := ts.currentStrategy(t, "dragoer")
	pl, err := plan.New(ts.db, nil).Current(context.Background(), st, "dragoer", "borgerbutikken")
	if err != nil {
		t.Fatal(err)
	}
	if pl.Status != plan.Approved || pl.ApprovedVersion != 2 || len(pl.Actions) != 1 || pl.Actions[0].Title != "Medbetjening i Borgerbutikken" {
		t.Errorf("stored plan: %+v", pl)
	}
	for _, a := range []string{audit.PlanSaved, audit.PlanSubmitted, audit.PlanApproved} {
		if ev := ts.events(t, audit.Filter{Municipality: "dragoer", Action: a}); len(ev) == 0 || ev[0].Target != "borgerbutikken" {
			t.Errorf("audit %s: %+v", a, ev)
		}
	}

	// The versions say what changed.
	r = ts.get(t, group, "/m/dragoer/plans/borgerbutikken/versions")
	if r.status != http.StatusOK || !strings.Contains(r.body, "Mange ældre borgere ringer") || !strings.Contains(r.body, "Tilføjet") ||
		!strings.Contains(r.body, dragoerManager) {
		t.Errorf("versions: %d\n%s", r.status, r.body)
	}
	// In English too.
	if r := ts.get(t, group, "/m/dragoer/plans/borgerbutikken?lang=en"); !strings.Contains(r.body, "Primary channel") {
		t.Errorf("the English plan page lacks its labels")
	}

	// strategy.zip holds the strategy and the plans, which read back.
	r = ts.get(t, group, "/m/dragoer/versions/"+cur+"/strategy.zip")
	if r.status != http.StatusOK {
		t.Fatalf("strategy.zip: %d", r.status)
	}
	zr, err := zip.NewReader(bytes.NewReader([]byte(r.body)), int64(len(r.body)))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		files[f.Name], _ = io.ReadAll(rc)
		rc.Close()
	}
	if !bytes.Contains(files["strategy.yaml"], []byte("Dragør")) {
		t.Errorf("strategy.zip's strategy.yaml is not Dragør's strategy")
	}
	m, plans, err := plan.ReadExport(files["plans.yaml"])
	if err != nil {
		t.Fatal(err)
	}
	if m != "dragoer" || len(plans) != 3 || plans[0].Department != "borgerbutikken" || plans[0].ApprovedVersion != 2 ||
		len(plans[0].Actions) != 1 || plans[0].Actions[0].Completed.String() != "2013-05-02" {
		t.Errorf("plans.yaml read back: %s %+v", m, plans)
	}
	// A manager's download holds the own department's plan only.
	r = ts.get(t, manager, "/m/dragoer/versions/"+cur+"/strategy.zip")
	zr, err = zip.NewReader(bytes.NewReader([]byte(r.body)), int64(len(r.body)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == "plans.yaml" {
			rc, _ := f.Open()
			data, _ := io.ReadAll(rc)
			if _, plans, err := plan.ReadExport(data); err != nil || len(plans) != 1 {
				t.Errorf("a manager's plans.yaml: %d plans, %v; want the own one", len(plans), err)
			}
		}
	}
}

// A manager of another department is refused the Dragør manager's plan.
func TestPlans_AnotherDepartmentsManagerIsRefused(t *testing.T) {
	ts := newTestServer(t, true)
	if _, _, err := auth.NewUsers(ts.db, ts.registry).Add(context.Background(), audit.System,
		auth.NewUser{Municipality: "dragoer", Email: "leder.teknik@dragoer.demo", Role: auth.Manager, Department: "teknik-miljoe", Password: "en lang adgangskode"}); err != nil {
		t.Fatal(err)
	}
	other := ts.client(t, "leder.teknik@dragoer.demo")
	for _, c := range []struct{ method, path string }{
		{"GET", "/m/dragoer/plans/borgerbutikken"}, {"GET", "/m/dragoer/plans/borgerbutikken/versions"},
		{"POST", "/m/dragoer/plans/borgerbutikken"}, {"POST", "/m/dragoer/plans/borgerbutikken/submit"},
	} {
		var r response
		if c.method == "GET" {
			r = ts.get(t, other, c.path)
		} else {
			r = ts.post(t, other, c.path, url.Values{"section": {"barriers"}})
		}
		if r.status != http.StatusForbidden {
			t.Errorf("%s %s by Teknik og miljø's manager: %d, want 403", c.method, c.path, r.status)
		}
	}
	if r := ts.get(t, other, "/m/dragoer/plans/teknik-miljoe"); r.status != http.StatusOK {
		t.Errorf("the own plan: %d", r.status)
	}
	if r := ts.get(t, ts.client(t, taarnbyGroup), "/m/dragoer/plans/borgerbutikken"); r.status != http.StatusNotFound {
		t.Errorf("Tårnby's strategy group reads Dragør's plan: %d, want 404", r.status)
	}
}

// The figures page of a department shows its own targets against the
// measured value and marks the month each action was completed. The
// first-contact resolution of 2014 is recounted straight from the
// inquiries (page views left out, as Dragør does not count them).
func TestPlans_FiguresShowTheDepartmentsTargetsAndItsCompletedActions(t *testing.T) {
	ts := newTestServer(t, true)
	ts.seed(t, "dragoer", 2013, 2014, 0.02)
	st, _ := ts.currentStrategy(t, "dragoer")
	ps := plan.New(ts.db, nil)
	p := plan.Propose(st, "dragoer", "borgerbutikken")
	p.Targets = append(p.Targets, plan.Target{Measure: plan.MeasureFirstContact, Year: 2014, Share: 70, Direction: "at_least"})
	p.Actions = []plan.Action{{Title: "Kvitteringer med svartid", Owner: "Anne", Deadline: kanaltest.Day("2014-06-30"), Status: plan.Done,
		Completed: kanaltest.Day("2014-03-12"), Indicator: "inbound_digital_share"}}
	if _, err := ps.Save(context.Background(), st, p, audit.Actor{Name: "test"}); err != nil {
		t.Fatal(err)
	}
	var resolved, all int
	from := time.Date(2014, 1, 1, 0, 0, 0, 0, civil.Location)
	to := time.Date(2015, 1, 1, 0, 0, 0, 0, civil.Location)
	if err := ts.db.QueryRow(`SELECT COALESCE(SUM(CASE WHEN resolved_first_contact THEN 1 ELSE 0 END), 0), COUNT(*) FROM inquiries
		WHERE municipality_id = 'dragoer' AND department = 'borgerbutikken' AND occurred_at >= $1 AND occurred_at < $2
		AND NOT (direction = 'inbound' AND channel = 'website')`, from.UTC(), to.UTC()).Scan(&resolved, &all); err != nil {
		t.Fatal(err)
	}
	if all == 0 {
		t.Fatal("the seed wrote no inquiries of Borgerbutikken in 2014")
	}
	want := strings.Replace(fmt.Sprintf("%.1f %%", 100*float64(resolved)/float64(all)), ".", ",", 1)

	r := ts.get(t, ts.client(t, dragoerManager), "/m/dragoer/figures?period=year&year=2014")
	if r.status != http.StatusOK {
		t.Fatalf("figures: %d", r.status)
	}
	_, sec, ok := strings.Cut(r.body, `id="plan-figures"`)
	sec, _, _ = strings.Cut(sec, "</section>")
	if !ok {
		t.Fatalf("the manager's figures have no section on the plan")
	}
	_, row, _ := strings.Cut(sec, "<th scope=\"row\">Straksafklaring</th>")
	row, _, _ = strings.Cut(row, "</tr>")
	if !strings.Contains(row, ">2014<") || !strings.Contains(row, "70,0 %") || !strings.Contains(row, want) {
		t.Errorf("the first-contact target row %q, want 2014, 70,0 %% and the measured %s", row, want)
	}
	if !strings.Contains(sec, "Kvitteringer med svartid") || !strings.Contains(sec, "H1") || !strings.Contains(sec, "12. marts 2014") {
		t.Errorf("the trend lacks the completed action:\n%s", sec)
	}
	// The group's figures of the whole municipality have no plan section;
	// filtered to the department they have.
	group := ts.client(t, dragoerGroup)
	if r := ts.get(t, group, "/m/dragoer/figures?period=year&year=2014"); strings.Contains(r.body, `id="plan-figures"`) {
		t.Errorf("the municipality's figures show a department's plan")
	}
	if r := ts.get(t, group, "/m/dragoer/figures?period=year&year=2014&department=borgerbutikken"); !strings.Contains(r.body, `id="plan-figures"`) {
		t.Errorf("the figures of Borgerbutikken lack its plan")
	}
}

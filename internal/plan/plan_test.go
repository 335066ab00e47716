package plan

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/kanaltest"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// monday is Monday 30 November 2026, 10:00 in Copenhagen.
var monday = time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)

var anne = audit.Actor{Name: "anne@dragoer.dk", RemoteAddr: "192.0.2.1"}

// find is the choice for an area and type in a plan.
func find(p Plan, area, typ string) (AreaChannels, bool) {
	for _, c := range p.Channels {
		if c.Area == area && c.Type == typ {
			return c, true
		}
	}
	return AreaChannels{}, false
}

// Dragør: "Afdelingerne skal for hvert henvendelsesområde prioritere en
// primær og en sekundær henvendelseskanal for betjeningen af borgere,
// foreninger og virksomheder." The proposal is Table 1: "Den primære
// kanal for transaktionshenvendelser bør være digitale
// selvbetjeningsløsninger eller medbetjening. De sekundære bør være
// telefon eller personlig henvendelse." — and the area's own override
// where the strategy file has one (passports: in person only).
func TestPropose_TheStrategysPrimaryAndSecondaryPerAreaAndType(t *testing.T) {
	_, reg := kanaltest.Presets(t)
	s := kanaltest.Current(t, reg, "dragoer").Strategy
	p := Propose(s, "dragoer", "borgerbutikken")
	if p.Version != 0 || p.Status != Draft || len(p.Actions) != 0 {
		t.Errorf("proposal: version %d status %s actions %d, want 0, draft, none", p.Version, p.Status, len(p.Actions))
	}
	cases := []struct{ area, typ, primary, secondary string }{
		{"flytning", "transaction", "self_service", "phone"},
		{"flytning", "information", "website", "phone"},
		{"flytning", "interaction", "phone", "digital_post"},
		{"pas", "transaction", "in_person", ""},
	}
	for _, c := range cases {
		got, ok := find(p, c.area, c.typ)
		if !ok || got.Primary != c.primary || got.Secondary != c.secondary {
			t.Errorf("%s/%s: %+v (found %v), want %s / %s", c.area, c.typ, got, ok, c.primary, c.secondary)
		}
	}
	// Only the department's own areas, never the area for "everything else".
	for _, c := range p.Channels {
		if c.Area == "dagtilbud" || c.Area == "andet" {
			t.Errorf("the proposal holds %s", c.Area)
		}
	}
	// "30 % af alle henvendelser fra borgerne til Dragør Kommune skal være
	// digitale i 2012. 50 % … i 2015." — proposed as the department's own.
	want := []Target{{strategy.MeasureInboundDigital, 2012, 30, strategy.AtLeast}, {strategy.MeasureInboundDigital, 2015, 50, strategy.AtLeast},
		{strategy.MeasureOutboundDigitalPost, 2012, 20, strategy.AtLeast}, {strategy.MeasureOutboundDigitalPost, 2015, 50, strategy.AtLeast}}
	if !slices.Equal(p.Targets, want) {
		t.Errorf("proposed targets %+v, want %+v", p.Targets, want)
	}
	if bad := Validate(s, p); len(bad) > 0 {
		t.Errorf("the proposal is refused: %v", bad)
	}
}

func fields(bad Invalid) []string {
	var out []string
	for _, f := range bad {
		out = append(out, f.Field)
	}
	return out
}

func TestValidate_NamesTheFieldOfEveryProblem(t *testing.T) {
	_, reg := kanaltest.Presets(t)
	s := kanaltest.Current(t, reg, "dragoer").Strategy
	d := kanaltest.Day
	ok := Action{Title: "Kampagne", Owner: "Anne", Deadline: d("2013-06-30"), Status: Planned, Indicator: strategy.MeasureInboundDigital}
	cases := []struct {
		name string
		edit func(p *Plan)
		want []string
	}{
		{"a deviation without a reason", func(p *Plan) {
			p.Channels[0] = AreaChannels{Area: "flytning", Type: "information", Primary: "phone", Secondary: "website"}
		}, []string{"channel-flytning-information-reason"}},
		{"a deviation with a reason", func(p *Plan) {
			p.Channels[0] = AreaChannels{Area: "flytning", Type: "information", Primary: "phone", Secondary: "website", Reason: "Ældre borgere"}
		}, nil},
		{"another of the default's secondary channels needs no reason", func(p *Plan) {
			p.Channels[2] = AreaChannels{Area: "flytning", Type: "transaction", Primary: "self_service", Secondary: "in_person"}
		}, nil},
		{"an unknown channel and another department's area", func(p *Plan) {
			p.Channels[0].Primary = "pigeon"
			p.Channels[0].Reason = "x"
			p.Channels = append(p.Channels, AreaChannels{Area: "dagtilbud", Type: "transaction", Primary: "self_service"})
		}, []string{"channel-flytning-information-primary", "channel-dagtilbud-transaction-primary"}},
		{"targets out of range", func(p *Plan) {
			p.Targets = []Target{{strategy.MeasureInboundDigital, 2016, 50, strategy.AtLeast}, {MeasureFirstContact, 2013, 101, strategy.AtLeast},
				{strategy.MeasureOutboundDigitalPost, 2013, -1, strategy.AtLeast}, {"login_where_validation_needed", 2013, 50, strategy.AtLeast},
				{MeasureFirstContact, 2014, 80, "reduce"}}
		}, []string{"target-0-year", "target-1-share", "target-2-share", "target-3-measure", "target-4-direction"}},
		{"a target at 0 and 100 in the first and last year", func(p *Plan) {
			p.Targets = []Target{{MeasureFirstContact, 2012, 0, strategy.AtLeast}, {MeasureFirstContact, 2015, 100, strategy.AtMost}}
		}, nil},
		{"barriers", func(p *Plan) {
			p.Barriers = []Barrier{{BarrierSolutionQuality, "flytning", "Løsningen er svær"}, {"weather", "", "Regn"},
				{BarrierOpeningHours, "dagtilbud", "x"}, {BarrierLegislation, "", " "}}
		}, []string{"barrier-1-category", "barrier-2-area", "barrier-3-text"}},
		{"actions", func(p *Plan) {
			p.Actions = []Action{ok, {}, {Title: "x", Owner: "y", Deadline: d("2013-01-01"), Status: Done, Indicator: "coffee"},
				{Title: "x", Owner: "y", Deadline: d("2013-01-01"), Status: Planned, Completed: d("2013-01-01"), Indicator: MeasureFirstContact}}
		}, []string{"action-1-title", "action-1-owner", "action-1-deadline", "action-1-status", "action-1-indicator",
			"action-2-indicator", "action-2-completed", "action-3-completed"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := Propose(s, "dragoer", "borgerbutikken")
			c.edit(&p)
			if got := fields(Validate(s, p)); !slices.Equal(got, c.want) {
				t.Errorf("problems at %v, want %v", got, c.want)
			}
		})
	}
}

func TestSave_EveryVersionKeptAuditedAndDiffed(t *testing.T) {
	db, reg := kanaltest.Presets(t)
	ctx := context.Background()
	s := kanaltest.Current(t, reg, "dragoer").Strategy
	now := monday
	ps := New(db, func() time.Time { return now })

	p, err := ps.Current(ctx, s, "dragoer", "borgerbutikken")
	if err != nil || p.Version != 0 {
		t.Fatalf("before any save: version %d, %v; want the proposal", p.Version, err)
	}
	p.Deadline = kanaltest.Day("2012-06-30")
	p.Actions = []Action{{Title: "Medbetjening i Borgerbutikken", Owner: "Anne", Deadline: kanaltest.Day("2013-03-31"), Status: Planned, Indicator: strategy.MeasureInboundDigital}}
	if _, err := ps.Save(ctx, s, p, anne); err != nil {
		t.Fatal(err)
	}
	now = monday.Add(time.Hour)
	p2, err := ps.Current(ctx, s, "dragoer", "borgerbutikken")
	if err != nil {
		t.Fatal(err)
	}
	p2.Actions[0].Status, p2.Actions[0].Completed = Done, kanaltest.Day("2013-02-01")
	p2.Actions = append(p2.Actions, Action{Title: "Kvitteringer", Owner: "Bo", Deadline: kanaltest.Day("2013-09-30"), Status: Started, Indicator: MeasureFirstContact})
	saved, err := ps.Save(ctx, s, p2, audit.Actor{Name: "bo@dragoer.dk"})
	if err != nil {
		t.Fatal(err)
	}
	if saved.Version != 2 || saved.Actions[0].ID != 1 || saved.Actions[1].ID != 2 {
		t.Errorf("second save: version %d, action ids %d %d; want 2, 1, 2", saved.Version, saved.Actions[0].ID, saved.Actions[1].ID)
	}
	got, err := ps.Current(ctx, s, "dragoer", "borgerbutikken")
	if err != nil {
		t.Fatal(err)
	}
	if got.Version != 2 || got.ChangedBy != "bo@dragoer.dk" || !got.Changed.Equal(monday.Add(time.Hour)) || got.Deadline != kanaltest.Day("2012-06-30") ||
		got.Actions[0].Completed != kanaltest.Day("2013-02-01") || got.Status != Draft {
		t.Errorf("current: %+v", got)
	}
	vs, err := ps.Versions(ctx, "dragoer", "borgerbutikken")
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != 2 || vs[0].Version != 2 || vs[1].Version != 1 || vs[1].ChangedBy != "anne@dragoer.dk" {
		t.Fatalf("versions: %+v", vs)
	}
	want := []Change{
		{Part: "action", Kind: "changed", Key: "#1", Old: "Medbetjening i Borgerbutikken; Anne; 2013-03-31; planned; inbound_digital_share",
			New: "Medbetjening i Borgerbutikken; Anne; 2013-03-31; done; inbound_digital_share; 2013-02-01"},
		{Part: "action", Kind: "added", Key: "#2", New: "Kvitteringer; Bo; 2013-09-30; started; first_contact_resolution"},
	}
	d := Diff(vs[1], vs[0])
	for i := range d {
		if i == 0 && (d[i].Before != vs[1].Actions[0] || d[i].After != vs[0].Actions[0]) {
			t.Errorf("the changed action's items: %+v", d[i])
		}
		d[i].Before, d[i].After = nil, nil
	}
	if !slices.Equal(d, want) {
		t.Errorf("diff v1→v2:\n%+v\nwant\n%+v", d, want)
	}
	events, err := audit.List(ctx, db, audit.Filter{Municipality: "dragoer", Action: audit.PlanSaved})
	if err != nil {
		t.Fatal(err)
	}
	if len(events) != 2 || events[0].Target != "borgerbutikken" {
		t.Errorf("audit: %+v, want two plan_saved events for borgerbutikken", events)
	}
	// A refused plan saves nothing.
	bad := got
	bad.Actions = append(bad.Actions, Action{})
	var inv Invalid
	if _, err := ps.Save(ctx, s, bad, anne); !errors.As(err, &inv) {
		t.Errorf("an action without title: %v, want Invalid", err)
	}
	if vs, err := ps.Versions(ctx, "dragoer", "borgerbutikken"); err != nil || len(vs) != 2 {
		t.Errorf("after a refused save: %d versions, %v", len(vs), err)
	}
	// Another department's and municipality's plan are their own.
	other, err := ps.Current(ctx, s, "dragoer", "boern-skole")
	if err != nil || other.Version != 0 {
		t.Errorf("Børn og skole: version %d, %v; want the proposal", other.Version, err)
	}
	if _, err := ps.Current(ctx, s, "dragoer", "nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("an unknown department: %v, want ErrNotFound", err)
	}
}

// Tårnby: "Forvaltningerne udarbejder inden 30.6.2016 en handleplan" —
// a plan past its deadline and not approved is late; submitted and then
// approved, it no longer is.
func TestSubmitAndApprove_OnlyTheVersionReadAndLateUntilApproved(t *testing.T) {
	db, reg := kanaltest.Presets(t)
	ctx := context.Background()
	s := kanaltest.Current(t, reg, "taarnby").Strategy
	ps := New(db, func() time.Time { return monday })
	dept := s.Departments[0].ID
	if err := ps.Submit(ctx, "taarnby", dept, anne); !errors.Is(err, ErrNotFound) {
		t.Errorf("submitting a plan never saved: %v, want ErrNotFound", err)
	}
	p := Propose(s, "taarnby", dept)
	p.Deadline = kanaltest.Day("2016-06-30")
	saved, err := ps.Save(ctx, s, p, anne)
	if err != nil {
		t.Fatal(err)
	}
	if !saved.IsLate(kanaltest.Day("2016-07-01")) || saved.IsLate(kanaltest.Day("2016-06-30")) {
		t.Errorf("a draft due 30.6.2016: late on 1 July %v, on 30 June %v; want true, false",
			saved.IsLate(kanaltest.Day("2016-07-01")), saved.IsLate(kanaltest.Day("2016-06-30")))
	}
	if err := ps.Submit(ctx, "taarnby", dept, anne); err != nil {
		t.Fatal(err)
	}
	if err := ps.Submit(ctx, "taarnby", dept, anne); !errors.Is(err, ErrStatus) {
		t.Errorf("submitting twice: %v, want ErrStatus", err)
	}
	group := audit.Actor{Name: "strategi@taarnby.dk"}
	if err := ps.Approve(ctx, "taarnby", dept, 7, group); !errors.Is(err, ErrStale) {
		t.Errorf("approving a version that is not the newest: %v, want ErrStale", err)
	}
	if err := ps.Approve(ctx, "taarnby", dept, 1, group); err != nil {
		t.Fatal(err)
	}
	got, err := ps.Current(ctx, s, "taarnby", dept)
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != Approved || got.ApprovedVersion != 1 || got.IsLate(kanaltest.Day("2016-07-01")) {
		t.Errorf("approved: status %s approved version %d late %v", got.Status, got.ApprovedVersion, got.IsLate(kanaltest.Day("2016-07-01")))
	}
	// A change after approval is a draft again, and the approved version stays.
	got.Barriers = []Barrier{{BarrierCompetences, "", "Medarbejderne kender ikke løsningerne"}}
	if _, err := ps.Save(ctx, s, got, anne); err != nil {
		t.Fatal(err)
	}
	all, err := ps.All(ctx, s, "taarnby")
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != len(s.Departments) || all[0].Status != Draft || all[0].ApprovedVersion != 1 || all[0].Version != 2 {
		t.Errorf("after a change: %d plans, first %s v%d approved v%d; want draft v2 approved v1", len(all), all[0].Status, all[0].Version, all[0].ApprovedVersion)
	}
	for _, a := range []string{audit.PlanSubmitted, audit.PlanApproved} {
		ev, err := audit.List(ctx, db, audit.Filter{Municipality: "taarnby", Action: a})
		if err != nil {
			t.Fatal(err)
		}
		if len(ev) != 1 || ev[0].Detail != "v1" {
			t.Errorf("%s: %+v, want one event for v1", a, ev)
		}
	}
}

func TestExport_ReadsBack(t *testing.T) {
	d := kanaltest.Day
	in := []Plan{{Municipality: "dragoer", Department: "borgerbutikken", Version: 3, Status: Submitted, ApprovedVersion: 2,
		Deadline: d("2012-12-31"), Demo: true,
		Channels: []AreaChannels{{"flytning", "transaction", "self_service", "in_person", ""}, {"pas", "information", "phone", "website", "Mange ringer"}},
		Targets:  []Target{{MeasureFirstContact, 2014, 72.5, strategy.AtLeast}},
		Barriers: []Barrier{{BarrierReadiness, "flytning", "Ældre borgere: \"svært\""}},
		Actions: []Action{{ID: 4, Title: "Kampagne: ny løsning", Owner: "Anne", Area: "flytning", Deadline: d("2013-01-31"), Status: Done,
			Completed: d("2013-01-15"), Indicator: strategy.MeasureInboundDigital}}}}
	data, err := MarshalExport("dragoer", in)
	if err != nil {
		t.Fatal(err)
	}
	m, out, err := ReadExport(data)
	if err != nil {
		t.Fatal(err)
	}
	if m != "dragoer" || len(out) != 1 {
		t.Fatalf("read back %s with %d plans", m, len(out))
	}
	if d := Diff(in[0], out[0]); len(d) > 0 || out[0].Version != 3 || out[0].Status != Submitted || out[0].ApprovedVersion != 2 || !out[0].Demo {
		t.Errorf("read back differs: %+v\n%+v", d, out[0])
	}
}

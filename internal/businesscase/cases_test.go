package businesscase

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/kanaltest"
)

var monday = time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)

func scenario(name string, shift float64) Scenario {
	return Scenario{Name: name, Input: Input{Volume: 4000, Shift: shift, PriceOld: 75, PriceNew: 20, Investment: 300000,
		RunningPerYear: 20000, Years: 5, DiscountRate: 0.04}, AssistedVolume: 500, AssistedMinutes: 6, StaffHourDKK: 400}
}

// Every save is a new version with its author and time, audited; an
// approval holds for the version approved, and a later save needs a new
// one; another municipality neither sees nor saves the case.
func TestCases_VersionsApprovalAndAudit(t *testing.T) {
	db, _ := kanaltest.Presets(t)
	ctx := context.Background()
	now := monday
	cs := New(db, func() time.Time { return now })
	anne := audit.Actor{Name: "anne@dragoer.dk"}

	chosen := scenario("Høj", 0.6)
	chosen.Chosen = true
	c, err := cs.Save(ctx, Case{Municipality: "dragoer", Area: "flytning", Title: "Flytning", Solution: "Flytteløsning",
		Scenarios: []Scenario{scenario("Lav", 0.15), chosen}}, anne)
	if err != nil {
		t.Fatal(err)
	}
	if c.ID == 0 || c.Version != 1 {
		t.Fatalf("first save: id %d version %d", c.ID, c.Version)
	}
	now = monday.Add(time.Hour)
	c.Title = "Flytning, ny løsning"
	c2, err := cs.Save(ctx, c, audit.Actor{Name: "bo@dragoer.dk"})
	if err != nil {
		t.Fatal(err)
	}
	if c2.Version != 2 || c2.ID != c.ID {
		t.Fatalf("second save: %+v", c2)
	}
	got, err := cs.Get(ctx, "dragoer", c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != "Flytning, ny løsning" || got.ChangedBy != "bo@dragoer.dk" || !got.Changed.Equal(monday.Add(time.Hour)) ||
		len(got.Scenarios) != 2 || got.Scenarios[1].Input.Shift != 0.6 || got.Scenarios[0].AssistedMinutes != 6 || !got.Approved.IsZero() {
		t.Errorf("newest version: %+v", got)
	}
	if s, ok := got.Chosen(); !ok || s.Name != "Høj" {
		t.Errorf("chosen scenario %q, want Høj", s.Name)
	}
	vs, err := cs.Versions(ctx, "dragoer", c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != 2 || vs[0].Version != 2 || vs[1].Version != 1 || vs[1].ChangedBy != "anne@dragoer.dk" || vs[1].Title != "Flytning" {
		t.Errorf("versions: %+v", vs)
	}

	// An approval of an old version is refused; of the newest it holds.
	if err := cs.Approve(ctx, "dragoer", c.ID, 1, anne); !errors.Is(err, ErrNotFound) {
		t.Errorf("approving version 1 of 2: %v, want ErrNotFound", err)
	}
	now = monday.Add(2 * time.Hour)
	if err := cs.Approve(ctx, "dragoer", c.ID, 2, anne); err != nil {
		t.Fatal(err)
	}
	all, err := cs.All(ctx, "dragoer")
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 1 || !all[0].Approved.Equal(monday.Add(2*time.Hour)) || all[0].ApprovedBy != "anne@dragoer.dk" || all[0].Version != 2 {
		t.Errorf("All after approval: %+v", all)
	}
	// A third version is not approved until approved again.
	if _, err := cs.Save(ctx, got, anne); err != nil {
		t.Fatal(err)
	}
	if got, err := cs.Get(ctx, "dragoer", c.ID); err != nil || !got.Approved.IsZero() || got.Version != 3 {
		t.Errorf("after a new save: %+v, %v; want version 3 not approved", got, err)
	}

	// Tårnby neither sees nor saves Dragør's case.
	if _, err := cs.Get(ctx, "taarnby", c.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("Tårnby reads Dragør's case: %v", err)
	}
	other := got
	other.Municipality = "taarnby"
	if _, err := cs.Save(ctx, other, anne); !errors.Is(err, ErrNotFound) {
		t.Errorf("Tårnby saves a version of Dragør's case: %v", err)
	}
	if all, err := cs.All(ctx, "taarnby"); err != nil || len(all) != 0 {
		t.Errorf("Tårnby's cases: %v, %v", all, err)
	}

	// Three saves and one approval are in the audit log.
	var saved, approved int
	if err := db.QueryRowContext(ctx, `SELECT COUNT(*) FROM audit_events WHERE municipality_id = 'dragoer' AND action = $1`,
		audit.BusinessCaseSaved).Scan(&saved); err != nil {
		t.Fatal(err)
	}
	if err := db.QueryRowContext(ctx, `SELECT COUNT(*) FROM audit_events WHERE municipality_id = 'dragoer' AND action = $1`,
		audit.BusinessCaseApproved).Scan(&approved); err != nil {
		t.Fatal(err)
	}
	if saved != 3 || approved != 1 {
		t.Errorf("audit: %d saves and %d approvals, want 3 and 1", saved, approved)
	}
}

// A case with problems is refused with each located, and nothing is
// stored.
func TestCases_RefusesWithEachProblemLocated(t *testing.T) {
	db, _ := kanaltest.Presets(t)
	ctx := context.Background()
	cs := New(db, func() time.Time { return monday })
	bad := scenario("A", 1.5)
	_, err := cs.Save(ctx, Case{Municipality: "dragoer", Area: "flytning", Title: " ",
		Scenarios: []Scenario{bad, scenario("A", 0.5)}}, audit.Actor{Name: "x"})
	var inv Invalid
	if !errors.As(err, &inv) {
		t.Fatalf("err %v, want Invalid", err)
	}
	want := map[[2]any]bool{{-1, "title"}: true, {0, "shift"}: true, {1, "name"}: true}
	for _, p := range inv {
		delete(want, [2]any{p.Scenario, p.Field})
	}
	if len(want) > 0 {
		t.Errorf("problems %+v lack %v", inv, want)
	}
	all, err := cs.All(ctx, "dragoer")
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 0 {
		t.Errorf("a refused case was stored: %+v", all)
	}
}

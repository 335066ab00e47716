package register_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/kanaltest"
	"github.com/kanal-dk/kanal/internal/register"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/strategy"
)

var now = time.Date(2027, 3, 1, 12, 0, 0, 0, time.UTC)

func find(t *testing.T, sols []register.Solution, area string) register.Solution {
	t.Helper()
	for _, s := range sols {
		if s.Area == area {
			return s
		}
	}
	t.Fatalf("no solution for %s", area)
	return register.Solution{}
}

func intp(p *int) int {
	if p == nil {
		return -1
	}
	return *p
}

func TestRegister_PrefillsFromTheStrategyUntilSaved(t *testing.T) {
	db, reg := kanaltest.Presets(t)
	ctx := context.Background()
	s := kanaltest.Current(t, reg, "dragoer").Strategy
	r := register.New(db, func() time.Time { return now })
	all, err := r.All(ctx, s, "dragoer")
	if err != nil {
		t.Fatal(err)
	}
	// Dragør's preset: 8 areas with a self_service section (flytning …
	// byggetilladelse, affald); pas, kørekort, pension, boligydelse and
	// the other area have none.
	if len(all) != 8 {
		t.Errorf("%d solutions, want the 8 areas with self_service in the file", len(all))
	}
	f := find(t, all, "flytning")
	if f.Saved || f.URL != "https://www.borger.dk/" || intp(f.SBLevel) != 3 || f.Login != strategy.LoginNational ||
		!f.BorgerDK || f.Integration != register.IntegrationBackend || !f.IntegrationFromLevel || f.CountsFrom != "" {
		t.Errorf("prefilled flytning %+v", f)
	}
	if d := register.Differences(s, f); len(d) != 0 {
		t.Errorf("a prefilled solution differs from its file: %v", d)
	}
}

func TestRegister_SaveVersionsAuditsAndRefusesAStaleSave(t *testing.T) {
	db, reg := kanaltest.Presets(t)
	ctx := context.Background()
	s := kanaltest.Current(t, reg, "dragoer").Strategy
	r := register.New(db, func() time.Time { return now })
	actor := audit.Actor{Name: "strategi@dragoer.demo"}
	cost := 24000.0
	sol := register.Solution{Municipality: "dragoer", Area: "flytning", Supplier: "Leverandør A (demo)",
		URL: "https://selvbetjening.example/flyt", SBLevel: level(2), Login: strategy.LoginNational, BorgerDK: true,
		Integration: register.IntegrationESDH, CostPerYear: &cost, Started: level(120), Completed: level(100), CountsYear: 2026}
	v, err := r.Save(ctx, sol, 0, actor)
	if err != nil || v != 1 {
		t.Fatalf("first save: version %d, %v", v, err)
	}
	if _, err := r.Save(ctx, sol, 0, actor); !errors.Is(err, register.ErrStale) {
		t.Errorf("a save from version 0 after version 1: %v, want ErrStale", err)
	}
	sol.SBLevel = level(3)
	if v, err = r.Save(ctx, sol, 1, actor); err != nil || v != 2 {
		t.Fatalf("second save: version %d, %v", v, err)
	}
	history, err := r.History(ctx, "dragoer", "flytning")
	if err != nil {
		t.Fatal(err)
	}
	if len(history) != 2 || history[0].Version != 2 || intp(history[0].SBLevel) != 3 || history[1].Version != 1 || intp(history[1].SBLevel) != 2 {
		t.Fatalf("history %+v", history)
	}
	if history[1].ChangedBy != actor.Name || !history[1].Changed.Equal(now) {
		t.Errorf("version 1 changed by %q at %v", history[1].ChangedBy, history[1].Changed)
	}
	var events int
	if err := db.QueryRowContext(ctx, `SELECT COUNT(*) FROM audit_events WHERE municipality_id = 'dragoer'
		AND action = 'register_changed' AND target = 'flytning' AND actor = $1`, actor.Name).Scan(&events); err != nil {
		t.Fatal(err)
	}
	if events != 2 {
		t.Errorf("%d audit events, want 2", events)
	}
	all, err := r.All(ctx, s, "dragoer")
	if err != nil {
		t.Fatal(err)
	}
	f := find(t, all, "flytning")
	if !f.Saved || f.Version != 2 || f.Supplier != "Leverandør A (demo)" || f.CostPerYear == nil || *f.CostPerYear != 24000 ||
		f.CountsFrom != register.CountsHand || intp(f.Started) != 120 || intp(f.Completed) != 100 || f.CountsYear != 2026 {
		t.Errorf("saved flytning %+v", f)
	}
	// The file says https://www.borger.dk/ and SB level 3; the entry
	// another address and (now) level 3.
	d := register.Differences(s, f)
	if len(d) != 1 || d[0] != (register.Difference{Field: "url", Strategy: "https://www.borger.dk/"}) {
		t.Errorf("differences %+v", d)
	}
	// Another municipality's register is its own.
	other, err := r.All(ctx, kanaltest.Current(t, reg, "taarnby").Strategy, "taarnby")
	if err != nil {
		t.Fatal(err)
	}
	if find(t, other, "flytning").Saved {
		t.Error("Dragør's entry shows in Tårnby's register")
	}
}

func TestRegister_SaveRefusesWhatProblemsNames(t *testing.T) {
	db, _ := kanaltest.Presets(t)
	r := register.New(db, nil)
	neg := -1.0
	for field, sol := range map[string]register.Solution{
		"url":         {URL: "http://example.dk/", Login: "none", Integration: "none"},
		"sb_level":    {SBLevel: level(5), Login: "none", Integration: "none"},
		"cost":        {CostPerYear: &neg, Login: "none", Integration: "none"},
		"started":     {Started: level(-1), Login: "none", Integration: "none"},
		"completed":   {Started: level(5), Completed: level(6), Login: "none", Integration: "none"},
		"integration": {Login: "none", Integration: "fax"},
		"login":       {Login: "nemid", Integration: "none"},
	} {
		sol.Municipality, sol.Area = "dragoer", "flytning"
		if _, ok := sol.Problems()[field]; !ok {
			t.Errorf("%s: problems %v", field, sol.Problems())
		}
		if _, err := r.Save(context.Background(), sol, 0, audit.System); err == nil {
			t.Errorf("%s: saved", field)
		}
	}
	ok := register.Solution{URL: "https://x.dk/a", SBLevel: level(0), Login: "national", Integration: "two_way",
		Started: level(3), Completed: level(3)}
	if p := ok.Problems(); len(p) != 0 {
		t.Errorf("a good entry has problems %v", p)
	}
}

// insertRun writes one run of the funnel as Kanal's forms do.
func insertRun(t *testing.T, db *store.DB, id, area string, started time.Time, completed bool) {
	t.Helper()
	var done any
	if completed {
		done = started.Add(time.Minute)
	}
	if _, err := db.Exec(`INSERT INTO form_runs (id, municipality_id, area, form, started_at, last_step, touched_at, completed_at)
		VALUES ($1, 'dragoer', $2, $2, $3, 1, $3, $4)`, id, area, started, done); err != nil {
		t.Fatal(err)
	}
}

// Started and completed: the funnel's count for the last full year the
// area's forms ran in (not the current year), else the hand count.
func TestRegister_CountsFromTheFunnelsLastFullYearElseByHand(t *testing.T) {
	db, reg := kanaltest.Presets(t)
	ctx := context.Background()
	s := kanaltest.Current(t, reg, "dragoer").Strategy
	r := register.New(db, func() time.Time { return now }) // 1 March 2027
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 10, 0, 0, 0, time.UTC) }
	// flytning: 2 runs in 2025, 3 in 2026 (2 completed), 1 in 2027.
	insertRun(t, db, "a1", "flytning", day(2025, 5, 1), true)
	insertRun(t, db, "a2", "flytning", day(2025, 6, 1), false)
	insertRun(t, db, "b1", "flytning", day(2026, 1, 1), true)
	insertRun(t, db, "b2", "flytning", day(2026, 7, 1), false)
	insertRun(t, db, "b3", "flytning", day(2026, 12, 30), true)
	insertRun(t, db, "c1", "flytning", day(2027, 2, 1), true)
	// 31 December 2025 23:30 UTC is 1 January 2026 in Copenhagen: a 2026 run.
	insertRun(t, db, "b4", "sundhedskort", time.Date(2025, 12, 31, 23, 30, 0, 0, time.UTC), true)
	// sfo: a run in 2024 only, and a hand count for 2026, which is later.
	insertRun(t, db, "d1", "sfo", day(2024, 3, 1), true)
	hand := register.Solution{Municipality: "dragoer", Area: "sfo", Login: "national", Integration: "esdh",
		Started: level(50), Completed: level(40), CountsYear: 2026}
	if _, err := r.Save(ctx, hand, 0, audit.System); err != nil {
		t.Fatal(err)
	}
	// dagtilbud: a hand count without a year and no runs.
	hand.Area, hand.CountsYear = "dagtilbud", 0
	if _, err := r.Save(ctx, hand, 0, audit.System); err != nil {
		t.Fatal(err)
	}
	all, err := r.All(ctx, s, "dragoer")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		area               string
		from               string
		year               int
		started, completed int
	}{
		{"flytning", register.CountsFunnel, 2026, 3, 2},
		{"sundhedskort", register.CountsFunnel, 2026, 1, 1},
		{"sfo", register.CountsHand, 2026, 50, 40},
		{"dagtilbud", register.CountsHand, 0, 50, 40},
		{"skoleindskrivning", "", 0, -1, -1},
	} {
		got := find(t, all, tc.area)
		if got.CountsFrom != tc.from || got.CountsYear != tc.year || intp(got.Started) != tc.started || intp(got.Completed) != tc.completed {
			t.Errorf("%s: %s %d %d/%d, want %s %d %d/%d", tc.area, got.CountsFrom, got.CountsYear, intp(got.Started), intp(got.Completed),
				tc.from, tc.year, tc.started, tc.completed)
		}
	}
}

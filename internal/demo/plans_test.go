package demo_test

import (
	"context"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/demo"
	"github.com/kanal-dk/kanal/internal/kanaltest"
	"github.com/kanal-dk/kanal/internal/plan"
)

// The demo has a plan per department with actions, targets and barriers,
// marked as demo: one approved, one submitted, actions done inside the
// strategy's period and actions late today; a second run writes none.
func TestPlans_APlanPerDepartmentWithDoneAndLateActions(t *testing.T) {
	db, reg := kanaltest.Presets(t)
	ctx := context.Background()
	now := time.Date(2026, time.November, 30, 10, 0, 0, 0, civil.Location)
	for _, m := range []string{"dragoer", "taarnby"} {
		cur := kanaltest.Current(t, reg, m)
		s := cur.Strategy
		n, err := demo.Plans(ctx, db, cur, now)
		if err != nil || n != len(s.Departments) {
			t.Fatalf("%s: wrote %d plans, %v; want %d", m, n, err, len(s.Departments))
		}
		all, err := plan.New(db, nil).All(ctx, s, m)
		if err != nil {
			t.Fatal(err)
		}
		statuses := map[plan.Status]int{}
		for _, p := range all {
			statuses[p.Status]++
			if !p.Demo || p.Version != 2 || len(p.Targets) == 0 || len(p.Barriers) == 0 || len(p.Actions) < 4 {
				t.Errorf("%s/%s: demo %v version %d, %d targets, %d barriers, %d actions", m, p.Department, p.Demo, p.Version,
					len(p.Targets), len(p.Barriers), len(p.Actions))
			}
			done := 0
			for y := s.Period.From; y <= s.Period.To; y++ {
				done += len(p.CompletedIn(y))
			}
			if done < 2 {
				t.Errorf("%s/%s: %d actions done inside %d–%d, want 2", m, p.Department, done, s.Period.From, s.Period.To)
			}
			if len(p.LateActions(civil.DateOf(now))) == 0 {
				t.Errorf("%s/%s: no late action", m, p.Department)
			}
			if bad := plan.Validate(s, p); len(bad) > 0 {
				t.Errorf("%s/%s: %v", m, p.Department, bad)
			}
		}
		if statuses[plan.Approved] != 1 || statuses[plan.Submitted] != 1 {
			t.Errorf("%s: statuses %v, want one approved and one submitted", m, statuses)
		}
		if n, err := demo.Plans(ctx, db, cur, now); err != nil || n != 0 {
			t.Errorf("%s: a second run wrote %d, %v", m, n, err)
		}
	}
}

package casework

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
)

func TestFunnel_CountsStartedCompletedAndAbandonedByStepAndMonth(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	start := func(at time.Time, area, form string) string {
		t.Helper()
		f.clock.Set(at)
		id, err := f.cases.StartRun(ctx, "dragoer", area, form)
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	step := func(at time.Time, run string, n int) {
		t.Helper()
		f.clock.Set(at)
		if err := f.cases.StepRun(ctx, "dragoer", run, n); err != nil {
			t.Fatal(err)
		}
	}
	// 31 October 2026, 23:30 UTC is 1 November 00:30 in Copenhagen
	// (winter time, UTC+1): a November run.
	nov := time.Date(2026, 10, 31, 23, 30, 0, 0, time.UTC)
	oct := time.Date(2026, 10, 31, 22, 30, 0, 0, time.UTC) // 23:30 on 31 October

	start(oct, "flytning", "flytning")      // October: left at step 0
	b := start(nov, "flytning", "flytning") // completed
	step(nov.Add(time.Minute), b, 1)
	f.clock.Set(nov.Add(2 * time.Minute))
	s := portal()
	s.Run = b
	s.SubmittedAt = nov.Add(2 * time.Minute)
	f.rec.Now = func() time.Time { return monday }
	f.submit(t, s)
	c := start(nov, "flytning", "flytning") // left at step 2 (after going to 3 and back)
	step(nov.Add(time.Minute), c, 3)
	step(nov.Add(2*time.Minute), c, 2)
	d := start(nov, "flytning", "flytning") // left at step 2
	step(nov.Add(time.Minute), d, 2)
	e := start(nov.Add(time.Hour), "sundhedskort", "sundhedskort") // touched less than 24 hours before the count: in progress
	now := time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC)
	step(now.Add(-23*time.Hour), e, 1)
	start(nov, "flytning", "flytning") // untouched for 24½ hours at the count: left at step 0

	f.clock.Set(now)
	// Neither a completed run, nor a run in another municipality's name,
	// nor an unknown id changes anything.
	for _, tc := range []struct{ municipality, run string }{{"dragoer", b}, {"taarnby", c}, {"dragoer", "x"}} {
		if err := f.cases.StepRun(ctx, tc.municipality, tc.run, 4); err != nil {
			t.Errorf("StepRun(%s, %s): %v", tc.municipality, tc.run, err)
		}
	}
	got, err := f.cases.Funnel(ctx, "dragoer", civil.Month{Year: 2026, Month: 10}, civil.Month{Year: 2026, Month: 11})
	if err != nil {
		t.Fatal(err)
	}
	want := []FunnelRow{
		{Month: civil.Month{Year: 2026, Month: 10}, Area: "flytning", Form: "flytning", Started: 1, AbandonedAt: []int{1}},
		// b completed; c and d left at step 2; the last run left at
		// step 0.
		{Month: civil.Month{Year: 2026, Month: 11}, Area: "flytning", Form: "flytning", Started: 4, Completed: 1, AbandonedAt: []int{1, 0, 2}},
		{Month: civil.Month{Year: 2026, Month: 11}, Area: "sundhedskort", Form: "sundhedskort", Started: 1},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("funnel\n%+v\nwant\n%+v", got, want)
	}
	if got[1].Abandoned() != 3 {
		t.Errorf("Abandoned() = %d, want 3", got[1].Abandoned())
	}
	only, err := f.cases.Funnel(ctx, "dragoer", civil.Month{Year: 2026, Month: 11}, civil.Month{Year: 2026, Month: 11})
	if err != nil || len(only) != 2 {
		t.Errorf("November alone: %+v, %v", only, err)
	}
	if other, err := f.cases.Funnel(ctx, "taarnby", civil.Month{Year: 2026, Month: 1}, civil.Month{Year: 2026, Month: 12}); err != nil || len(other) != 0 {
		t.Errorf("Tårnby: %+v, %v", other, err)
	}
}

func TestFunnel_ARunAbandonsAfterExactly24HoursUntouched(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	id, err := f.cases.StartRun(ctx, "dragoer", "flytning", "flytning")
	if err != nil {
		t.Fatal(err)
	}
	if err := f.cases.StepRun(ctx, "dragoer", id, 1); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		after     time.Duration
		abandoned []int
	}{
		{24*time.Hour - time.Second, nil},
		{24 * time.Hour, []int{0, 1}},
	} {
		f.clock.Set(monday.Add(tc.after))
		got, err := f.cases.Funnel(ctx, "dragoer", civil.Month{Year: 2026, Month: 11}, civil.Month{Year: 2026, Month: 11})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 || got[0].Started != 1 || !reflect.DeepEqual(got[0].AbandonedAt, tc.abandoned) {
			t.Errorf("after %s: %+v, want abandoned %v", tc.after, got, tc.abandoned)
		}
	}
}

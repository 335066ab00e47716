package demo_test

import (
	"context"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/answers"
	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/demo"
	"github.com/kanal-dk/kanal/internal/kanaltest"
)

// The demo answer pages of both presets: four example pages, two last
// reviewed more than 12 months ago, dagtilbud without one, web activity;
// a second run writes none.
func TestAnswers_ExamplePagesSomeDueAndActivityInBothPresets(t *testing.T) {
	db, reg := kanaltest.Presets(t)
	ctx := context.Background()
	now := time.Date(2026, time.November, 30, 10, 0, 0, 0, civil.Location)
	a := answers.New(db)
	for _, m := range []string{"dragoer", "taarnby"} {
		cur := kanaltest.Current(t, reg, m)
		n, err := demo.Answers(ctx, db, cur, now)
		if err != nil || n != 4 {
			t.Fatalf("%s: wrote %d pages, %v; want 4", m, n, err)
		}
		pages, err := a.List(ctx, m)
		if err != nil {
			t.Fatal(err)
		}
		due := 0
		for area, p := range pages {
			if !p.Example {
				t.Errorf("%s/%s is not marked as an example", m, area)
			}
			if len(answers.Check(p.Body)) != 0 {
				t.Errorf("%s/%s has problems: %v", m, area, answers.Check(p.Body))
			}
			if answers.Due(p.ReviewedAt, now) {
				due++
			}
		}
		if due != 2 {
			t.Errorf("%s: %d pages due for review, want 2 (pas, affald)", m, due)
		}
		if _, ok := pages["dagtilbud"]; ok {
			t.Errorf("%s: dagtilbud has a page; the demo leaves it without", m)
		}
		if vs, err := a.Versions(ctx, m, "flytning"); err != nil || len(vs) != 2 {
			t.Errorf("%s: flytning has %d versions, %v; want 2", m, len(vs), err)
		}
		act, err := a.ActivityBetween(ctx, m, civil.DateOf(now).AddDays(-60), civil.DateOf(now).AddDays(-1))
		if err != nil || len(act) != 4 {
			t.Fatalf("%s: activity %+v, %v", m, act, err)
		}
		for _, x := range act {
			if x.Views < 60*5 || x.Found+x.NotFound > x.Views {
				t.Errorf("%s: implausible activity %+v", m, x)
			}
		}
		if n, err := demo.Answers(ctx, db, cur, now); err != nil || n != 0 {
			t.Errorf("%s: a second run wrote %d, %v", m, n, err)
		}
	}
}

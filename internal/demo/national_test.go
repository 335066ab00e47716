package demo_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/kanal-dk/kanal/internal/demo"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/kanaltest"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/strategy"
)

func TestSizes_AreDenmarks98Municipalities(t *testing.T) {
	if len(demo.Sizes) != 98 {
		t.Errorf("%d municipalities, Denmark has 98", len(demo.Sizes))
	}
	seen, total := map[string]bool{}, 0
	for _, s := range demo.Sizes {
		if seen[s.Name] || s.Inhabitants <= 0 {
			t.Errorf("%s twice or without inhabitants", s.Name)
		}
		seen[s.Name] = true
		total += s.Inhabitants
	}
	// Denmark had about 5.96 million inhabitants on 1 January 2024.
	if total < 5_850_000 || total > 6_050_000 {
		t.Errorf("the municipalities add up to %d inhabitants, Denmark has about 5.96 million", total)
	}
	for _, name := range []string{"København", "Aarhus", "Læsø", "Dragør", "Tårnby"} {
		if !seen[name] {
			t.Errorf("%s is missing", name)
		}
	}
}

func TestPlan_SharesTheInquiriesBySizeAndIsTheSameEveryTime(t *testing.T) {
	copies, err := demo.Plan(5, 100_001)
	if err != nil {
		t.Fatal(err)
	}
	sum, people := 0, 0
	ids, likes := map[string]bool{}, map[string]bool{}
	for _, c := range copies {
		sum += c.Target
		people += c.Like.Inhabitants
		ids[c.ID], likes[c.Like.Name] = true, true
	}
	if sum != 100_001 {
		t.Errorf("the targets add up to %d, want 100,001", sum)
	}
	if len(ids) != 5 || len(likes) != 5 {
		t.Errorf("ids %v and sizes %v should be five different ones", ids, likes)
	}
	for _, c := range copies {
		// Worked by hand: a share of 100,001 by inhabitants, rounded down,
		// plus at most one of the remainder.
		want := 100_001 * c.Like.Inhabitants / people
		if c.Target < want || c.Target > want+1 {
			t.Errorf("%s (as %s, %d inhabitants) gets %d, want %d", c.ID, c.Like.Name, c.Like.Inhabitants, c.Target, want)
		}
	}
	if copies[0].Preset == copies[1].Preset {
		t.Errorf("the first two copies are both of %s; the presets should take turns", copies[0].Preset)
	}
	again, _ := demo.Plan(5, 100_001)
	for i := range copies {
		if again[i] != copies[i] {
			t.Errorf("a second plan differs at %d: %+v, %+v", i, again[i], copies[i])
		}
	}
	if _, err := demo.Plan(0, 10); err == nil {
		t.Error("a plan for no municipalities was made")
	}
}

func TestCopy_DocumentIsThePresetUnderItsOwnIDNameAndSize(t *testing.T) {
	copies, err := demo.Plan(2, 1000)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range copies {
		doc, err := c.Document()
		if err != nil {
			t.Fatal(err)
		}
		s, err := strategy.Parse(c.Preset, doc)
		if err != nil {
			t.Fatalf("%s: %v", c.ID, err)
		}
		if s.Municipality.ID != c.ID || s.Municipality.Name != c.Name || s.Municipality.Inhabitants != c.Like.Inhabitants {
			t.Errorf("%s: the document says %+v", c.ID, s.Municipality)
		}
		preset, err := strategy.Parse(c.Preset, kanaltest.PresetDocument(t, strings.TrimSuffix(c.Preset, ".yaml")))
		if err != nil {
			t.Fatal(err)
		}
		if len(s.Areas) != len(preset.Areas) || s.Period != preset.Period {
			t.Errorf("%s is not a copy of %s: %d areas, period %v", c.ID, c.Preset, len(s.Areas), s.Period)
		}
	}
}

func TestFill_AStoppedRunIsContinuedAndNothingIsWrittenTwice(t *testing.T) {
	ctx := context.Background()
	db, _ := kanaltest.Presets(t)
	reg := municipality.NewRegistry(db)
	rec := inquiry.NewRecorder(db)
	copies, err := demo.Plan(2, 4000)
	if err != nil {
		t.Fatal(err)
	}

	// Stop the first run after three months have been written.
	stopCtx, stop := context.WithCancel(ctx)
	months := 0
	err = demo.Fill(stopCtx, db, reg, rec, copies, func(p demo.Progress) {
		if !p.Done {
			if months++; months == 3 {
				stop()
			}
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("the stopped run ended with %v", err)
	}
	first := monthly(t, db, copies[0].ID)
	if len(first) != 3 {
		t.Fatalf("the stopped run wrote %d months, want the 3 before the stop", len(first))
	}
	verify(t, db, copies[0].ID)

	var done []demo.Progress
	err = demo.Fill(ctx, db, reg, rec, copies, func(p demo.Progress) {
		if p.Done {
			done = append(done, p)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(done) != 2 {
		t.Fatalf("%d municipalities done, want 2", len(done))
	}
	for i, c := range copies {
		n, err := rec.Count(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		p := done[i]
		if int(n) != p.Had+p.Written || n > int64(c.Target) || float64(n) < 0.95*float64(c.Target) {
			t.Errorf("%s: %d stored, said %d had and %d written, target %d", c.ID, n, p.Had, p.Written, c.Target)
		}
		verify(t, db, c.ID)
	}
	after := monthly(t, db, copies[0].ID)
	for m, n := range first {
		if after[m] != n {
			t.Errorf("%s, %s: %d inquiries after the first run, %d after the second", copies[0].ID, m, n, after[m])
		}
	}
	if len(after) < 40 {
		t.Errorf("%s has inquiries in %d months of its 48; a copy of Dragør should fill most of 2012–2015", copies[0].ID, len(after))
	}

	// A third run has nothing left to write.
	err = demo.Fill(ctx, db, reg, rec, copies, func(p demo.Progress) {
		if p.Written > 0 {
			t.Errorf("a third run wrote %d for %s", p.Written, p.Copy.ID)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
}

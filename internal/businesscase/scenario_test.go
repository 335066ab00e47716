package businesscase

import (
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
)

// A hand-worked scenario: a base year of 10 000 inbound inquiries, 2 500
// digital, costing 600 000 kr.; moving 60 % of 4 000 applications at 75 →
// 20 kr. from 2013 and 50 % of 1 000 at 60 → 15 kr. from 2015 gives
// (2 500 + 2 400) / 10 000 = 49 % and 600 000 − 132 000 = 468 000 kr. in
// 2014, and (2 500 + 2 900) / 10 000 = 54 % and 468 000 − 22 500 =
// 445 500 kr. in 2015, against Dragør's targets: "30 % af alle
// henvendelser fra borgerne til Dragør Kommune skal være digitale i 2012.
// 50 % af alle henvendelser fra borgerne til kommunen skal være digitale
// i 2015."
func TestProject_HandWorkedScenario(t *testing.T) {
	base := Base{Year: 2011, Part: 2500, Whole: 10000, Cost: 600000}
	plans := []Plan{{Area: "a", Volume: 4000, Shift: 0.6, PriceOld: 75, PriceNew: 20, From: 2013},
		{Area: "b", Volume: 1000, Shift: 0.5, PriceOld: 60, PriceNew: 15, From: 2015}}
	got := Project(base, plans, map[int]float64{2015: 0.5, 2012: 0.3, 2014: 0.5}, false)
	want := []struct {
		year        int
		share, cost float64
		met         bool
	}{{2012, 0.25, 600000, false}, {2014, 0.49, 468000, false}, {2015, 0.54, 445500, true}}
	if len(got) != len(want) {
		t.Fatalf("got %d years, want %d", len(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.Year != w.year || g.Share == nil || !near(*g.Share, w.share) || !near(g.Cost, w.cost) || g.Met != w.met {
			t.Errorf("year %d: %+v (share %v), want share %v cost %v met %v", w.year, g, g.Share, w.share, w.cost, w.met)
		}
	}
}

func TestBaseYear_LastFullYearOfCounts(t *testing.T) {
	today := civil.Date{Year: 2026, Month: time.March, Day: 1}
	for _, c := range []struct {
		last civil.Month
		want int
	}{{civil.Month{}, 2025}, {civil.Month{Year: 2015, Month: time.December}, 2015},
		{civil.Month{Year: 2015, Month: time.June}, 2014}, {civil.Month{Year: 2026, Month: time.February}, 2025}} {
		if got := BaseYear(c.last, today); got != c.want {
			t.Errorf("BaseYear(%v) = %d, want %d", c.last, got, c.want)
		}
	}
}

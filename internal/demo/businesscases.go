package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/businesscase"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// demoCaseFigures are the example figures of the demo's two business
// cases: volumes, investment and running cost are examples, not any
// municipality's (the cases are marked demo, and the page says that
// their figures are examples).
var demoCaseFigures = []struct {
	volume, investment, running, assisted float64
}{
	{1500, 250000, 30000, 200},
	{800, 150000, 25000, 100},
}

// BusinessCases writes two demo business cases, unless the municipality
// has cases already: for the first two areas whose applications the
// strategy guides to self-service, each with an expected (chosen) and a
// cautious scenario at the strategy's prices — personal attendance now,
// self-service at the area's SB level — and the strategy's price of a
// staff hour. The first is approved by the strategy group. It returns
// how many cases it wrote.
func BusinessCases(ctx context.Context, db *store.DB, cur *municipality.Current, now time.Time) (int, error) {
	s, m := cur.Strategy, cur.Municipality
	cs := businesscase.New(db, func() time.Time { return now })
	have, err := cs.All(ctx, m)
	if err != nil {
		return 0, fmt.Errorf("demo business cases of %s: %w", m, err)
	}
	if len(have) > 0 {
		return 0, nil
	}
	author := audit.Actor{Name: "leder@" + m + ".demo"}
	group := audit.Actor{Name: "strategi@" + m + ".demo"}
	written := 0
	for _, a := range demoCaseAreas(s) {
		if written == len(demoCaseFigures) {
			break
		}
		fig := demoCaseFigures[written]
		level := businesscase.DefaultSBLevel(a)
		priceNew, _ := businesscase.PriceNew(s, level)
		priceOld := 0.0
		if p, ok := s.PriceOf(strategy.InPerson, strategy.Transaction, nil); ok {
			priceOld = *p.DKK
		}
		staffHour := 0.0
		if s.Prices.StaffHourDKK != nil {
			staffHour = *s.Prices.StaffHourDKK
		}
		in := businesscase.Input{Volume: fig.volume, PriceOld: priceOld, PriceNew: priceNew, Investment: fig.investment,
			RunningPerYear: fig.running, Years: 5, DiscountRate: 0.04}
		expected := businesscase.Scenario{Name: "Forventet", Input: in, SBLevel: &level, AssistedVolume: fig.assisted,
			AssistedMinutes: 10, StaffHourDKK: staffHour, Chosen: true}
		cautious := expected
		cautious.Name, cautious.Chosen = "Forsigtigt", false
		expected.Input.Shift, cautious.Input.Shift = 0.6, 0.3
		c, err := cs.SaveAt(ctx, businesscase.Case{Municipality: m, Area: a.ID, Demo: true,
			Title: "Ny selvbetjening: " + a.Title + " (demo)", Solution: "Eksempel på en selvbetjeningsløsning",
			Scenarios: []businesscase.Scenario{expected, cautious}}, author, now.AddDate(0, -1, 0))
		if err != nil {
			return written, fmt.Errorf("demo business case %s/%s: %w", m, a.ID, err)
		}
		written++
		if written == 1 {
			if err := cs.Approve(ctx, m, c.ID, c.Version, group); err != nil {
				return written, fmt.Errorf("approve demo business case %s/%s: %w", m, a.ID, err)
			}
		}
	}
	return written, nil
}

// demoCaseAreas are the areas whose applications the strategy guides to
// self-service, in the strategy's order.
func demoCaseAreas(s *strategy.Strategy) []*strategy.Area {
	var out []*strategy.Area
	for i := range s.Areas {
		a := &s.Areas[i]
		if a.Other || !a.Handles(strategy.Transaction) {
			continue
		}
		p := s.Priority(a, strategy.Transaction, strategy.Inbound)
		for _, id := range p.Primary {
			if id == strategy.SelfService {
				out = append(out, a)
				break
			}
		}
	}
	return out
}

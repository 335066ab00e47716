package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/plan"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// Plans writes an example action plan for every department of the
// strategy that has none, marked as demo (Plan.Demo): the strategy's
// proposed channels, its targets and a first-contact resolution target
// per year, barriers, and actions — some done with completion dates
// inside the strategy's period, some late, one dropped. The deadline is
// 30 June of the period's first year (Tårnby: "inden 30.6.2016"; Dragør
// leaves it open, "inden xx.xx. 2012", so there it is an example). The
// first department's plan is approved, the second's submitted, the rest
// drafts. It returns how many plans it wrote; a second run writes none.
func Plans(ctx context.Context, db *store.DB, cur *municipality.Current, now time.Time) (int, error) {
	s, m := cur.Strategy, cur.Municipality
	ps := plan.New(db, func() time.Time { return now })
	all, err := ps.All(ctx, s, m)
	if err != nil {
		return 0, fmt.Errorf("demo plans of %s: %w", m, err)
	}
	for _, p := range all {
		if p.Version > 0 {
			return 0, nil
		}
	}
	author := audit.Actor{Name: "leder@" + m + ".demo"}
	group := audit.Actor{Name: "strategi@" + m + ".demo"}
	written := 0
	for i, d := range s.Departments {
		p := demoPlan(s, m, d.ID)
		first, err := ps.SaveAt(ctx, s, p, author, now.AddDate(0, -2, 0))
		if err != nil {
			return written, fmt.Errorf("demo plan %s/%s: %w", m, d.ID, err)
		}
		// A second version a week later, that marks the first action done.
		if len(first.Actions) > 0 {
			first.Actions[0].Status, first.Actions[0].Completed = plan.Done, civil.NewDate(s.Period.From, time.March, 15)
		}
		if _, err := ps.SaveAt(ctx, s, first, author, now.AddDate(0, -2, 7)); err != nil {
			return written, fmt.Errorf("demo plan %s/%s: %w", m, d.ID, err)
		}
		written++
		if i > 1 {
			continue
		}
		if err := ps.Submit(ctx, m, d.ID, author); err != nil {
			return written, fmt.Errorf("demo plan %s/%s: %w", m, d.ID, err)
		}
		if i == 0 {
			if err := ps.Approve(ctx, m, d.ID, 2, group); err != nil {
				return written, fmt.Errorf("demo plan %s/%s: %w", m, d.ID, err)
			}
		}
	}
	return written, nil
}

// demoPlan is a department's example plan before its second version.
func demoPlan(s *strategy.Strategy, m, department string) plan.Plan {
	from, to := s.Period.From, s.Period.To
	p := plan.Propose(s, m, department)
	p.Demo = true
	p.Deadline = civil.NewDate(from, time.June, 30)
	for y := from; y <= to; y++ {
		p.Targets = append(p.Targets, plan.Target{Measure: plan.MeasureFirstContact, Year: y,
			Share: float64(60 + 5*(y-from)), Direction: strategy.AtLeast})
	}
	areas := plan.Areas(s, department)
	area := ""
	if len(areas) > 0 {
		area = areas[0].ID
	}
	p.Barriers = []plan.Barrier{
		{Category: plan.BarrierSolutionQuality, Area: area, Text: "Selvbetjeningsløsningen sender data som en e-mail, der skal tastes ind i fagsystemet (eksempel)."},
		{Category: plan.BarrierReadiness, Text: "En del ældre borgere har svært ved at betjene sig selv digitalt (eksempel)."},
		{Category: plan.BarrierCompetences, Text: "Ikke alle medarbejdere kender kommunens og borger.dk's selvbetjeningsløsninger (eksempel)."},
	}
	day := func(year int, month time.Month, d int) civil.Date { return civil.NewDate(year, month, d) }
	p.Actions = []plan.Action{
		{Title: "Tilbyd medbetjening ved skranken (eksempel)", Owner: "Afdelingslederen", Area: area,
			Deadline: day(from, time.April, 30), Status: plan.Started, Indicator: strategy.MeasureInboundDigital},
		{Title: "Kvitteringer med forventet svartid (eksempel)", Owner: "Teamleder, sagsbehandling", Area: area,
			Deadline: day(from+1, time.September, 30), Status: plan.Done, Completed: day(from+1, time.September, 1), Indicator: plan.MeasureFirstContact},
		{Title: "Flyt udgående breve til Digital Post (eksempel)", Owner: "Administrationen",
			Deadline: day(from+1, time.December, 31), Status: plan.Started, Indicator: strategy.MeasureOutboundDigitalPost},
		{Title: "Kursus for medarbejderne i de digitale løsninger (eksempel)", Owner: "HR",
			Deadline: day(to, time.June, 30), Status: plan.Planned, Indicator: strategy.MeasureInboundDigital},
		{Title: "Luk den usikre e-mailadresse for henvendelser (eksempel)", Owner: "Afdelingslederen",
			Deadline: day(from, time.December, 31), Status: plan.Dropped, Indicator: strategy.MeasureExpensiveInformation},
	}
	return p
}

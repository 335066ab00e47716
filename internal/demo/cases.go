package demo

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/casework"
	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/selfservice"
	"github.com/kanal-dk/kanal/internal/sf1520"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// Demo cases: the self-service cases of the months before the demo was
// first started, for the staff's case list and the funnel. Each is
// submitted through casework, as the portal and the counter submit, so
// that its inquiry is recorded and counted; the citizens are the test
// citizens shipped with Kanal (sf1520.Embedded), never real people. The
// cases are spread over every status — received, in progress, awaiting
// the citizen, decided, closed — with the answer dates the strategy's
// response times give, and some left open past their answer date. Citizens
// who started a form and left it are runs of the funnel that stop at a
// step; every case from the portal completes a run.
//
// The cases end where the demo's inquiries end: on the day after the
// strategy's period, or today when the period is not over. Later cases
// would make the last counted month, and so the year the figures open on,
// a year of the cases alone. The plan is fixed by the municipality and
// that day (the anchor), which each case's external id carries
// ("demo:2016-01-01:17"): a later start finds the anchor, makes the same
// plan and writes only the cases it lacks. A case is written in its own
// transaction; a start stopped between a run's start and its case's
// submission leaves that run behind, counted as abandoned.

// caseMonths is how far back the demo cases go.
const caseMonths = 4

// casePrefix begins the external id of every demo case.
const casePrefix = "demo:"

// demoClerk names the staff member who changes the demo cases' status.
func demoClerk(m string) string { return "medarbejder@" + m + ".demo" }

type caseChange struct {
	status string
	at     time.Time
	note   string
	notify bool
}

// plannedCase is one demo case and the runs that were left before it.
type plannedCase struct {
	externalID string
	at         time.Time
	area       *strategy.Area
	form       *selfservice.Form
	assisted   bool
	citizen    sf1520.Person
	answers    map[string]string
	// lastStep is the step its run ended on (the form's last).
	lastStep int
	// left are the runs started before it and left at these steps.
	left []int
	// roll decides its course once its answer date is known.
	roll, roll2 float64
}

// caseDay is the day the demo cases of a strategy lead up to: the day
// after its period, or today if that is earlier.
func caseDay(s *strategy.Strategy, now time.Time) civil.Date {
	today, after := civil.DateOf(now), civil.NewDate(s.Period.To+1, time.January, 1)
	if today.Before(after) {
		return today
	}
	return after
}

// caseAnchor is the day of the municipality's demo cases: the one their
// external ids carry, or day when there are none yet (caseDay).
func caseAnchor(ctx context.Context, db *store.DB, m string, today civil.Date) (civil.Date, error) {
	var id string
	err := db.QueryRowContext(ctx, `SELECT external_id FROM cases WHERE municipality_id = $1 AND external_id LIKE 'demo:%'
		ORDER BY id LIMIT 1`, m).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return today, nil
	}
	if err != nil {
		return civil.Date{}, fmt.Errorf("demo cases of %s: %w", m, err)
	}
	day, _, _ := strings.Cut(strings.TrimPrefix(id, casePrefix), ":")
	d, err := civil.ParseDate(day)
	if err != nil {
		return civil.Date{}, fmt.Errorf("demo cases of %s: external id %q: %w", m, id, err)
	}
	return d, nil
}

// planCases makes the demo cases of a municipality: for each of its areas
// with a Kanal form, a few a week over the caseMonths before the anchor,
// in time order.
func planCases(cur *municipality.Current, forms *selfservice.Catalogue, citizens []sf1520.Person, anchor civil.Date) []plannedCase {
	h := fnv.New64a()
	h.Write([]byte(cur.Municipality + "/cases/" + anchor.String()))
	rng := rand.New(rand.NewPCG(h.Sum64(), 14))
	from := civil.NewDate(anchor.Year, anchor.Month-caseMonths, anchor.Day)
	var plan []plannedCase
	st := cur.Strategy
	for d := from; d.Before(anchor); d = d.AddDays(1) {
		weekend := d.Start().Weekday() == time.Saturday || d.Start().Weekday() == time.Sunday
		for i := range st.Areas {
			a := &st.Areas[i]
			f := forms.For(st, a.ID)
			if f == nil || len(citizens) == 0 {
				continue
			}
			rate := 0.6 // cases a day
			if weekend {
				rate = 0.2
			}
			if rng.Float64() >= rate {
				continue
			}
			k := plannedCase{area: a, form: f, lastStep: len(f.Steps) - 1,
				citizen: citizens[rng.IntN(len(citizens))], roll: rng.Float64(), roll2: rng.Float64()}
			// At the counter on weekdays in opening hours, else on the portal
			// at any hour of the day.
			k.assisted = !weekend && rng.Float64() < 0.15
			minute := 7*60 + rng.IntN(15*60)
			if k.assisted {
				minute = 9*60 + rng.IntN(6*60)
			}
			k.at = d.Start().Add(time.Duration(minute) * time.Minute)
			if !k.assisted {
				// About one in four who start a form leave it, most at the
				// first step.
				for rng.Float64() < 0.3 {
					step := 0
					if r := rng.Float64(); r > 0.6 && len(f.Steps) > 1 {
						step = 1 + rng.IntN(len(f.Steps)-1)
					}
					k.left = append(k.left, step)
				}
			}
			k.answers = demoAnswers(f, k.citizen, citizens, d, rng)
			plan = append(plan, k)
		}
	}
	for i := range plan {
		plan[i].externalID = fmt.Sprintf("%s%s:%d", casePrefix, anchor, i+1)
	}
	return plan
}

// demoAnswers fills a form in as a citizen would: the registry's values,
// a choice, a date a few months on, a short text.
func demoAnswers(f *selfservice.Form, p sf1520.Person, citizens []sf1520.Person, day civil.Date, rng *rand.Rand) map[string]string {
	answers := map[string]string{}
	for _, step := range f.Steps {
		for _, fd := range step.Fields {
			switch {
			case fd.Prefill == selfservice.PrefillName:
				answers[fd.ID] = p.Name()
			case fd.Prefill == selfservice.PrefillAddress:
				answers[fd.ID] = strings.TrimSpace(p.Address.Street + ", " + p.Address.PostalCode + " " + p.Address.City)
			case fd.Prefill == selfservice.PrefillCPR:
				answers[fd.ID] = p.CPR[:6] + "-" + p.CPR[6:]
			case fd.Kind == selfservice.KindRadio || fd.Kind == selfservice.KindSelect:
				if len(fd.Options) > 0 {
					answers[fd.ID] = fd.Options[rng.IntN(len(fd.Options))].Value
				}
			case fd.Kind == selfservice.KindCheckbox:
				answers[fd.ID] = "on"
			case fd.Kind == selfservice.KindDate:
				answers[fd.ID] = day.AddDays(60 + rng.IntN(120)).String()
			case fd.Kind == selfservice.KindCPR:
				other := citizens[rng.IntN(len(citizens))]
				answers[fd.ID] = other.CPR[:6] + "-" + other.CPR[6:]
			case fd.Kind == selfservice.KindEmail:
				answers[fd.ID] = "borger@example.dk"
			case fd.Kind == selfservice.KindPhone:
				answers[fd.ID] = "70 10 20 30"
			case fd.Kind == selfservice.KindNumber:
				answers[fd.ID] = fmt.Sprint(1 + rng.IntN(5))
			case fd.Kind == selfservice.KindText && fd.Required:
				answers[fd.ID] = "Eksempel (demo)"
			case fd.Kind == selfservice.KindTextarea && fd.Required:
				answers[fd.ID] = "Et eksempel på et svar, skrevet af Kanals demo."
			}
		}
	}
	return answers
}

// course is the status changes a demo case went through by the anchor: an
// open case is sometimes left past its answer date, most are decided by
// then, and decided cases of some age are closed.
func course(k plannedCase, answerBy, anchor civil.Date) []caseChange {
	start := k.at
	end := anchor.Start()
	at := func(days float64) time.Time {
		t := start.Add(time.Duration(days * 24 * float64(time.Hour)))
		if !t.Before(end) {
			t = end.Add(-time.Minute)
		}
		return t
	}
	due := !answerBy.IsZero() && answerBy.Before(anchor)
	days := anchor.Start().Sub(start).Hours() / 24
	switch {
	case due && k.roll < 0.15: // left open past its answer date
		return []caseChange{{status: casework.InProgress, at: at(1)}}
	case due && k.roll < 0.22:
		return []caseChange{{status: casework.InProgress, at: at(1)},
			{status: casework.AwaitingCitizen, at: at(3), note: "Vi mangler et bilag fra borgeren.", notify: true}}
	case due:
		// Decided on the answer date or a day or two before, in the
		// working day.
		decided := answerBy.AddDays(-int(k.roll2 * 3)).Start().Add(9*time.Hour + time.Duration(k.roll*7*60)*time.Minute)
		if !decided.After(start) {
			decided = at(0.5)
		}
		changes := []caseChange{{status: casework.InProgress, at: at(0.8)},
			{status: casework.Decided, at: decided, notify: true}}
		if closed := decided.Add(8 * 24 * time.Hour); k.roll2 < 0.6 && closed.Before(end) {
			changes = append(changes, caseChange{status: casework.Closed, at: closed})
		}
		return inOrder(changes, start, end)
	case k.roll < 0.4 || days < 1:
		return nil // received, not yet looked at
	case k.roll < 0.8:
		return []caseChange{{status: casework.InProgress, at: at(days / 2)}}
	case k.roll < 0.95:
		return []caseChange{{status: casework.InProgress, at: at(days / 3)},
			{status: casework.AwaitingCitizen, at: at(days / 2), note: "Vi har bedt borgeren om flere oplysninger.", notify: true}}
	default:
		return []caseChange{{status: casework.InProgress, at: at(days / 3)}, {status: casework.Decided, at: at(days / 2), notify: true}}
	}
}

// inOrder keeps the changes after start and before end, each after the
// one before.
func inOrder(changes []caseChange, start, end time.Time) []caseChange {
	prev := start
	for i := range changes {
		if !changes[i].at.After(prev) {
			changes[i].at = prev.Add(time.Minute)
		}
		if !changes[i].at.Before(end) {
			return changes[:i]
		}
		prev = changes[i].at
	}
	return changes
}

// Cases writes the demo cases of a municipality and its funnel runs, those
// it lacks, and returns how many cases it wrote. now is the day the plan
// is anchored to when the municipality has no demo cases yet.
func Cases(ctx context.Context, db *store.DB, rec *inquiry.Recorder, cur *municipality.Current, now time.Time) (int, error) {
	plan, anchor, err := casePlan(ctx, db, cur, now)
	if err != nil || len(plan) == 0 {
		return 0, err
	}
	written, err := countDemoCases(ctx, db, cur.Municipality)
	if err != nil || written >= len(plan) {
		return 0, err
	}
	cases := casework.New(db, rec)
	clock := time.Time{}
	cases.Now = func() time.Time { return clock }
	channel := selfServiceChannel(cur.Strategy)
	n := 0
	for _, k := range plan {
		if err := ctx.Err(); err != nil {
			return n, err
		}
		source := casework.SourcePortal
		if k.assisted {
			source = inquiry.SourceConsole
		}
		var exists bool
		if err := db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM cases WHERE municipality_id = $1 AND source = $2 AND external_id = $3)`,
			cur.Municipality, source, k.externalID).Scan(&exists); err != nil {
			return n, fmt.Errorf("demo case %s: %w", k.externalID, err)
		}
		if exists {
			continue
		}
		for i, step := range k.left {
			clock = k.at.Add(-time.Duration(20*(len(k.left)-i)) * time.Minute)
			id, err := cases.StartRun(ctx, cur.Municipality, k.area.ID, k.form.ID)
			if err == nil && step > 0 {
				err = cases.StepRun(ctx, cur.Municipality, id, step)
			}
			if err != nil {
				return n, fmt.Errorf("demo funnel of %s: %w", cur.Municipality, err)
			}
		}
		run := ""
		if !k.assisted {
			clock = k.at.Add(-8 * time.Minute)
			if run, err = cases.StartRun(ctx, cur.Municipality, k.area.ID, k.form.ID); err == nil {
				err = cases.StepRun(ctx, cur.Municipality, run, k.lastStep)
			}
			if err != nil {
				return n, fmt.Errorf("demo funnel of %s: %w", cur.Municipality, err)
			}
		}
		clock = k.at
		opened, created, err := cases.Submit(ctx, cur, casework.Submission{Area: k.area.ID, Type: k.form.Type, Form: k.form.ID,
			Channel: channel, Assisted: k.assisted, Source: source, ExternalID: k.externalID, CPR: k.citizen.CPR,
			Name: k.citizen.Name(), Answers: k.answers, Run: run, SubmittedAt: k.at})
		if err != nil {
			return n, fmt.Errorf("demo case %s: %w", k.externalID, err)
		}
		if !created {
			continue
		}
		n++
		for _, ch := range inOrder(course(k, opened.AnswerBy, anchor), k.at, anchor.Start()) {
			clock = ch.at
			if err := cases.SetStatus(ctx, cur.Municipality, opened.Reference, ch.status, audit.Actor{Name: demoClerk(cur.Municipality)}, ch.note, ch.notify); err != nil {
				return n, fmt.Errorf("demo case %s: %w", k.externalID, err)
			}
		}
	}
	return n, nil
}

// CasesMissing reports whether a municipality lacks some of its demo
// cases: a start that wrote them was stopped.
func CasesMissing(ctx context.Context, db *store.DB, cur *municipality.Current, now time.Time) (bool, error) {
	plan, _, err := casePlan(ctx, db, cur, now)
	if err != nil || len(plan) == 0 {
		return false, err
	}
	written, err := countDemoCases(ctx, db, cur.Municipality)
	return written < len(plan), err
}

func casePlan(ctx context.Context, db *store.DB, cur *municipality.Current, now time.Time) ([]plannedCase, civil.Date, error) {
	file, err := sf1520.Embedded()
	if err != nil {
		return nil, civil.Date{}, fmt.Errorf("demo cases: %w", err)
	}
	anchor, err := caseAnchor(ctx, db, cur.Municipality, caseDay(cur.Strategy, now))
	if err != nil {
		return nil, civil.Date{}, err
	}
	forms := selfservice.NewCatalogue(selfservice.Examples())
	return planCases(cur, forms, file.All(), anchor), anchor, nil
}

func countDemoCases(ctx context.Context, db *store.DB, m string) (int, error) {
	var n int
	err := db.QueryRowContext(ctx, `SELECT COUNT(*) FROM cases WHERE municipality_id = $1 AND external_id LIKE 'demo:%'`, m).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("demo cases of %s: %w", m, err)
	}
	return n, nil
}

// selfServiceChannel is the strategy's self-service channel.
func selfServiceChannel(st *strategy.Strategy) string {
	for _, c := range st.Channels {
		if c.Kind == strategy.KindSelfService {
			return c.ID
		}
	}
	return "self_service"
}

// CasesUnfinished reports whether a municipality has demo data and lacks
// some of its demo cases, so that any restart completes them, as it
// completes the demo years (Unfinished).
func CasesUnfinished(ctx context.Context, db *store.DB, cur *municipality.Current, now time.Time) (bool, error) {
	var begun bool
	err := db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM inquiries WHERE municipality_id = $1 AND source = 'demo')`,
		cur.Municipality).Scan(&begun)
	if err != nil || !begun {
		return false, err
	}
	return CasesMissing(ctx, db, cur, now)
}

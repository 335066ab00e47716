package demo_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/demo"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/kanaltest"
	"github.com/kanal-dk/kanal/internal/strategy"
	"github.com/kanal-dk/kanal/strategies"
)

func presets(t *testing.T) []*strategy.Strategy {
	t.Helper()
	var out []*strategy.Strategy
	for _, p := range strategies.Presets() {
		s, err := strategy.Parse(p.Name, p.Data)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	return out
}

func generate(t *testing.T, s *strategy.Strategy, opt demo.Options) []inquiry.Inquiry {
	t.Helper()
	var all []inquiry.Inquiry
	if err := demo.Generate(s, opt, func(day []inquiry.Inquiry) error {
		all = append(all, day...)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return all
}

func TestGenerate_SameSeedSameData(t *testing.T) {
	s := presets(t)[0]
	opt := demo.Options{From: time.Date(2013, 5, 1, 0, 0, 0, 0, strategy.Location), To: time.Date(2013, 5, 14, 0, 0, 0, 0, strategy.Location)}
	a, b := generate(t, s, opt), generate(t, s, opt)
	if len(a) == 0 || !reflect.DeepEqual(a, b) {
		t.Fatalf("two runs with the same seed differ (%d and %d inquiries)", len(a), len(b))
	}
	opt.Seed = 7
	if c := generate(t, s, opt); reflect.DeepEqual(a, c) {
		t.Error("another seed gave the same data")
	}
}

// With MonthlySeed, a month generated on its own is the same month as in
// a run over a longer span: what lets a stopped start write the missing months in any
// order and end with the data an uninterrupted one writes.
func TestGenerate_AMonthAloneIsTheMonthOfALongerRun(t *testing.T) {
	s := presets(t)[0]
	whole := generate(t, s, demo.Options{From: time.Date(2013, 1, 1, 0, 0, 0, 0, strategy.Location),
		To: time.Date(2013, 4, 30, 0, 0, 0, 0, strategy.Location), MonthlySeed: true})
	var march, other []inquiry.Inquiry
	for _, in := range whole {
		if in.OccurredAt.In(strategy.Location).Month() == time.March {
			march = append(march, in)
		} else {
			other = append(other, in)
		}
	}
	alone := generate(t, s, demo.Options{From: time.Date(2013, 3, 1, 0, 0, 0, 0, strategy.Location),
		To: time.Date(2013, 3, 31, 0, 0, 0, 0, strategy.Location), MonthlySeed: true})
	if len(march) == 0 || !reflect.DeepEqual(march, alone) {
		t.Fatalf("March alone: %d inquiries, within January–April: %d, or they differ", len(alone), len(march))
	}
	if len(other) == 0 {
		t.Fatal("January, February and April hold nothing")
	}
}

func TestYears_StringWritesRangesOldestFirst(t *testing.T) {
	for _, c := range []struct {
		years demo.Years
		want  string
	}{
		{nil, ""},
		{demo.Years{2015}, "2015"},
		{demo.Years{2014, 2013, 2012}, "2012–2014"},
		{demo.Years{2017, 2014, 2013}, "2013–2014, 2017"},
		{demo.Years{2012, 2014}, "2012, 2014"},
	} {
		if got := c.years.String(); got != c.want {
			t.Errorf("%v: %q, want %q", []int(c.years), got, c.want)
		}
	}
}

func TestPending_SetOfAndCleared(t *testing.T) {
	var none *demo.Pending
	if got := none.Of("dragoer"); got != nil {
		t.Errorf("a nil Pending has %v", got)
	}
	p := &demo.Pending{}
	years := demo.Years{2014, 2013}
	p.Set("dragoer", years)
	years[0] = 1999 // Set keeps its own copy
	if got := p.Of("dragoer"); !reflect.DeepEqual(got, demo.Years{2014, 2013}) {
		t.Errorf("dragoer: %v", got)
	}
	if got := p.Of("taarnby"); got != nil {
		t.Errorf("taarnby: %v", got)
	}
	p.Set("dragoer", nil)
	if got := p.Of("dragoer"); got != nil {
		t.Errorf("after clearing: %v", got)
	}
}

// yearStats summarises one year of demo data.
type yearStats struct {
	inbound, inboundDigital, outbound, digitalPost int
}

func TestGenerate_RealisticOverTheWholePeriod(t *testing.T) {
	for _, s := range presets(t) {
		t.Run(s.Municipality.ID, func(t *testing.T) {
			all := generate(t, s, demo.Options{})
			years := map[int]*yearStats{}
			weekdays := map[time.Weekday]int{}
			months := map[string]map[time.Month]int{}
			for i := range all {
				in := all[i]
				if errs := inquiry.Check(s, inquiry.WindowFor(s, 0, time.Now()), &in); len(errs) > 0 {
					t.Fatalf("generated an invalid inquiry %+v: %+v", in, errs)
				}
				local := in.OccurredAt.In(strategy.Location)
				if !s.Period.Contains(local.Year()) {
					t.Fatalf("inquiry outside the period: %v", local)
				}
				ch, _ := s.Channel(in.Channel)
				if in.Direction == strategy.Inbound {
					staffed := s.HasHours(in.Channel) || in.Assisted
					hoursOf := in.Channel
					if in.Assisted {
						hoursOf = strategy.InPerson
					}
					if staffed && !s.IsOpen(hoursOf, in.OccurredAt) {
						t.Fatalf("%s inquiry at %v, when %s is closed", in.Channel, local, hoursOf)
					}
					if in.Channel == strategy.Letter {
						closed, _ := s.IsClosedDay(in.OccurredAt)
						if closed || local.Weekday() == time.Saturday || local.Weekday() == time.Sunday {
							t.Fatalf("letter opened on a closed day: %v", local)
						}
					}
					a, _ := s.Area(in.Area)
					if in.Type == strategy.Transaction && !ch.Digital && a.IsMandatoryOn(civil.DateOf(local)) {
						// Where the strategy has an interaction type, a
						// transaction is an application; without one (Tårnby),
						// a question about a concrete case is a transaction
						// too and may come by phone without an exemption.
						_, hasInteraction := s.InquiryType(strategy.Interaction)
						if in.Exempt && in.Channel != a.Mandatory.ExemptionChannel || !in.Exempt && hasInteraction {
							t.Fatalf("non-digital application in mandatory area %s without exemption: %+v", a.ID, in)
						}
					}
					weekdays[local.Weekday()]++
					if months[a.KLE] == nil {
						months[a.KLE] = map[time.Month]int{}
					}
					months[a.KLE][local.Month()]++
				}
				y := years[local.Year()]
				if y == nil {
					y = &yearStats{}
					years[local.Year()] = y
				}
				if in.Direction == strategy.Inbound {
					y.inbound++
					if ch.Digital {
						y.inboundDigital++
					}
				} else {
					y.outbound++
					if in.Channel == strategy.DigitalPost {
						y.digitalPost++
					}
				}
			}
			first, last := years[s.Period.From], years[s.Period.To]
			share := func(n, d int) float64 { return float64(n) / float64(d) }
			if share(last.inboundDigital, last.inbound) <= share(first.inboundDigital, first.inbound)+0.03 {
				t.Errorf("inbound digital share does not move toward the target: %.2f → %.2f",
					share(first.inboundDigital, first.inbound), share(last.inboundDigital, last.inbound))
			}
			if share(last.digitalPost, last.outbound) <= share(first.digitalPost, first.outbound) {
				t.Errorf("Digital Post share does not grow: %.2f → %.2f",
					share(first.digitalPost, first.outbound), share(last.digitalPost, last.outbound))
			}
			perYear := float64(len(all)) / float64(s.Period.To-s.Period.From+1)
			if perInhabitant := perYear / float64(s.Municipality.Inhabitants); perInhabitant < 1 || perInhabitant > 6 {
				t.Errorf("%.1f inquiries per inhabitant a year is not plausible", perInhabitant)
			}
			if weekdays[time.Saturday]*2 > weekdays[time.Tuesday] {
				t.Errorf("Saturdays (%d) should be far quieter than Tuesdays (%d)", weekdays[time.Saturday], weekdays[time.Tuesday])
			}
			school := months["17.20.01"]
			if school[time.December] <= 2*school[time.July] {
				t.Errorf("school enrolment should peak in winter: December %d, July %d", school[time.December], school[time.July])
			}
		})
	}
}

func TestSeed_RecordsThroughTheRecorder(t *testing.T) {
	ctx := context.Background()
	db, reg := kanaltest.Presets(t)
	cur := kanaltest.Current(t, reg, "dragoer")
	rec := inquiry.NewRecorder(db)
	opt := demo.Options{From: time.Date(2014, 1, 1, 0, 0, 0, 0, strategy.Location), To: time.Date(2014, 3, 31, 0, 0, 0, 0, strategy.Location)}
	n, err := demo.Seed(ctx, rec, cur, opt)
	if err != nil {
		t.Fatal(err)
	}
	want := len(generate(t, cur.Strategy, opt))
	stored, err := rec.Count(ctx, "dragoer")
	if err != nil || n != want || stored != int64(want) {
		t.Errorf("seeded %d, stored %d (err %v), want %d", n, stored, err, want)
	}
}

package measure_test

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/kanaltest"
	"github.com/kanal-dk/kanal/internal/measure"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/rollup"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/strategy"
	"github.com/kanal-dk/kanal/strategies"
)

// loaded is a database with both presets.
func loaded(t *testing.T) (*store.DB, map[string]*municipality.Current) {
	t.Helper()
	db, reg := kanaltest.Presets(t)
	out := map[string]*municipality.Current{}
	for _, id := range kanaltest.Municipalities {
		out[id] = kanaltest.Current(t, reg, id)
	}
	return db, out
}

// randomInquiries makes valid inquiries of every kind the strategy allows,
// many of them close to midnight and on the days the clocks change, where a
// wrong Danish day would show.
func randomInquiries(r *rand.Rand, s *strategy.Strategy, n int, from, to time.Time) []inquiry.Inquiry {
	tricky := []time.Time{
		time.Date(2014, 3, 30, 0, 30, 0, 0, time.UTC), // the night to summer time
		time.Date(2014, 10, 25, 21, 59, 0, 0, time.UTC),
		time.Date(2014, 10, 25, 22, 0, 0, 0, time.UTC), // 00:00 Danish summer time
		time.Date(2014, 10, 26, 0, 30, 0, 0, time.UTC), // the night to winter time
		time.Date(2014, 12, 31, 22, 59, 59, 0, time.UTC),
		time.Date(2014, 12, 31, 23, 0, 0, 0, time.UTC), // 1 January in Denmark
		time.Date(2014, 5, 31, 21, 59, 59, 0, time.UTC),
		time.Date(2014, 5, 31, 22, 0, 0, 0, time.UTC), // 1 June in Denmark
	}
	out := make([]inquiry.Inquiry, 0, n)
	for len(out) < n {
		a := &s.Areas[r.IntN(len(s.Areas))]
		in := inquiry.Inquiry{Area: a.ID, Type: a.Types[r.IntN(len(a.Types))], Direction: strategy.Directions[r.IntN(2)],
			ResolvedFirstContact: r.IntN(2) == 0, Guided: r.IntN(4) == 0, Exempt: r.IntN(5) == 0, Source: "test"}
		if r.IntN(3) == 0 {
			in.OccurredAt = tricky[r.IntN(len(tricky))]
		} else {
			in.OccurredAt = from.Add(time.Duration(r.Int64N(int64(to.Sub(from)))))
		}
		c := s.Channels[r.IntN(len(s.Channels))]
		if in.Direction == strategy.Inbound && !c.Inbound || in.Direction == strategy.Outbound && !c.Outbound {
			continue
		}
		in.Channel = c.ID
		in.Assisted = c.Kind == strategy.KindSelfService && r.IntN(3) == 0
		if r.IntN(2) == 0 {
			d := r.IntN(900)
			in.DurationSeconds = &d
		}
		in.Test = r.IntN(20) == 0
		out = append(out, in)
	}
	return out
}

// record stores the inquiries and undoes a few console registrations, so
// that the counts have been taken back as well as added.
func record(t *testing.T, db *store.DB, cur *municipality.Current, ins []inquiry.Inquiry, r *rand.Rand) []inquiry.Inquiry {
	t.Helper()
	ctx := context.Background()
	rec := inquiry.NewRecorder(db)
	var kept []inquiry.Inquiry
	for start := 0; start < len(ins); start += 250 {
		batch := ins[start:min(start+250, len(ins))]
		undo := r.IntN(2) == 0
		if undo {
			for i := range batch {
				batch[i].Source = inquiry.SourceConsole
			}
		}
		res, err := rec.Record(ctx, cur, batch)
		if err != nil {
			t.Fatal(err)
		}
		if !undo {
			kept = append(kept, batch...)
			continue
		}
		// Record does not say which id is which inquiry: undo all but keep
		// the count honest by recording the batch again as an import.
		for _, id := range res.IDs[:len(res.IDs)/2] {
			if err := rec.Undo(ctx, cur, id, time.Now().Add(-time.Hour)); err != nil {
				t.Fatal(err)
			}
		}
		for _, id := range res.IDs[len(res.IDs)/2:] {
			in, err := rec.Find(ctx, cur.Municipality, id)
			if err != nil {
				t.Fatal(err)
			}
			kept = append(kept, in)
		}
	}
	return kept
}

// TestMeasures_EveryFigureEqualsARecountFromRawRows is the property the
// dashboards stand on: for random inquiries and random filters, the rows
// read from the rollups are the rows the raw inquiries group into, and
// every figure equals one computed directly from the inquiries.
func TestMeasures_EveryFigureEqualsARecountFromRawRows(t *testing.T) {
	db, curs := loaded(t)
	fromRollups, fromRaw := measure.NewSource(db, municipality.NewRegistry(db)), measure.NewSource(db, municipality.NewRegistry(db))
	fromRaw.Read = rollup.ReadRaw
	ctx := context.Background()
	all := map[string][]inquiry.Inquiry{} // what each municipality holds
	for seed := uint64(1); seed <= 3; seed++ {
		r := rand.New(rand.NewPCG(seed, 42))
		cur := curs[[]string{"dragoer", "taarnby"}[seed%2]]
		s := cur.Strategy
		from := time.Date(s.Period.From, 1, 1, 0, 0, 0, 0, strategy.Location)
		to := time.Date(s.Period.To+1, 1, 1, 0, 0, 0, 0, strategy.Location)
		all[cur.Municipality] = append(all[cur.Municipality], record(t, db, cur, randomInquiries(r, s, 1500, from, to), r)...)

		for i := range 25 {
			f := randomFilter(r, s, from, to)
			name := fmt.Sprintf("seed %d filter %d %+v", seed, i, f)
			for _, byDay := range []bool{false, true} {
				q := rollup.Query{Municipality: cur.Municipality, From: f.From, To: f.To, Department: f.Department, Area: f.Area, ByDay: byDay}
				fast, err := rollup.Read(ctx, db, q)
				if err != nil {
					t.Fatal(err)
				}
				raw, err := rollup.ReadRaw(ctx, db, q)
				if err != nil {
					t.Fatal(err)
				}
				rollup.Sort(fast)
				if !reflect.DeepEqual(fast, raw) && (len(fast) > 0 || len(raw) > 0) {
					t.Fatalf("%s, by day %v: the rollups give %d rows, the raw inquiries %d:\n%v\n%v", name, byDay, len(fast), len(raw), fast, raw)
				}
			}
			d, err := fromRollups.Load(ctx, cur.Municipality, s, f)
			if err != nil {
				t.Fatal(err)
			}
			naive, err := fromRaw.Load(ctx, cur.Municipality, s, f)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(d, naive) {
				t.Fatalf("%s: the dashboard from the rollups differs from the one from raw rows", name)
			}
			checkFigures(t, name, s, f, all[cur.Municipality], d)
		}
	}
}

func randomFilter(r *rand.Rand, s *strategy.Strategy, from, to time.Time) measure.Filter {
	day := func() time.Time { return from.Add(time.Duration(r.Int64N(int64(to.Sub(from))))) }
	a, b := day(), day()
	if b.Before(a) {
		a, b = b, a
	}
	switch r.IntN(4) {
	case 0: // a short span, read by day
		b = a.AddDate(0, 0, r.IntN(40))
	case 1: // from the first or second of a month to the last or second-last
		a = time.Date(a.Year(), a.Month(), 1+r.IntN(2), 0, 0, 0, 0, strategy.Location)
		b = time.Date(b.Year(), b.Month()+1, -r.IntN(2), 0, 0, 0, 0, strategy.Location)
		if b.Before(a) {
			b = a
		}
	}
	f := measure.Filter{From: civil.DateOf(a), To: civil.DateOf(b)}
	if r.IntN(3) == 0 {
		f.Department = s.Departments[r.IntN(len(s.Departments))].ID
	}
	if r.IntN(3) == 0 {
		f.Area = s.Areas[r.IntN(len(s.Areas))].ID
	}
	if r.IntN(3) == 0 {
		f.Type = strategy.TypeIDs[r.IntN(3)]
	}
	if r.IntN(3) == 0 {
		f.Direction = strategy.Directions[r.IntN(2)]
	}
	return f
}

// oracleShare is a share's definition written out from docs/figures.md,
// apart from the strategy package's: the target's own Counts, Of and
// Types, else self-service and Digital Post (the Digital Post share:
// Digital Post; the expensive information: personal attendance, e-mail
// and paper) out of every inbound channel but the website (the Digital
// Post share: Digital Post and letters).
type oracleShare struct {
	counts, of, types map[string]bool
	direction         string
}

func set(ids ...string) map[string]bool {
	m := map[string]bool{}
	for _, id := range ids {
		m[id] = true
	}
	return m
}

func oracleDefinition(s *strategy.Strategy, id string) oracleShare {
	d := oracleShare{direction: strategy.Inbound}
	var target *strategy.Target
	for i := range s.Targets {
		if s.Targets[i].Measure == id && s.Targets[i].Area == "" {
			target = &s.Targets[i]
			break
		}
	}
	switch id {
	case strategy.MeasureOutboundDigitalPost:
		d.direction, d.counts, d.of = strategy.Outbound, set("digital_post"), set("digital_post", "letter")
	case strategy.MeasureExpensiveInformation:
		d.counts, d.types = set("in_person", "email", "letter"), set("information")
	case strategy.MeasureTransactionDigital:
		d.counts, d.types = set("self_service", "digital_post"), set("transaction")
	default:
		d.counts = set("self_service", "digital_post")
	}
	if d.of == nil {
		d.of = map[string]bool{}
		for _, c := range s.Channels {
			if c.Inbound && c.ID != "website" {
				d.of[c.ID] = true
			}
		}
	}
	if target != nil && len(target.Counts) > 0 {
		d.counts = set(target.Counts...)
	}
	if target != nil && len(target.Of) > 0 {
		d.of = set(target.Of...)
	}
	if target != nil && len(target.Types) > 0 {
		d.types = set(target.Types...)
	}
	return d
}

// checkFigures recomputes the headline figures, the channel and area
// tables and the cost straight from the inquiries, without the rollups or
// the report's own counting, by the rules docs/figures.md states.
func checkFigures(t *testing.T, name string, s *strategy.Strategy, f measure.Filter, ins []inquiry.Inquiry, d *measure.Dashboard) {
	t.Helper()
	var want measure.Totals
	perChannel := map[string]int64{}
	perArea := map[string]int64{}
	perAreaDigital := map[string]int64{}
	costPerChannelType := map[[2]string]float64{}
	defs := map[string]oracleShare{}
	fractions := map[string]*measure.Fraction{strategy.MeasureInboundDigital: &want.Digital,
		strategy.MeasureTransactionDigital: &want.Transactions, strategy.MeasureOutboundDigitalPost: &want.DigitalPost,
		strategy.MeasureExpensiveInformation: &want.Expensive}
	for m := range fractions {
		defs[m] = oracleDefinition(s, m)
	}
	pageViewsCount := defs[strategy.MeasureInboundDigital].of["website"]
	hour := 400.0 // the example staff-hour price
	if s.Prices.StaffHourDKK != nil {
		hour = *s.Prices.StaffHourDKK
	}
	for _, in := range ins {
		day := in.OccurredAt.In(strategy.Location).Format(time.DateOnly)
		if in.Test || day < f.From.String() || day > f.To.String() || f.Department != "" && in.Department != f.Department ||
			f.Area != "" && in.Area != f.Area || f.Type != "" && in.Type != f.Type || f.Direction != "" && in.Direction != f.Direction {
			continue
		}
		c, _ := s.Channel(in.Channel)
		a, _ := s.Area(in.Area)
		solution := c.Kind == strategy.KindSelfService && c.ID != "website"
		reporting := solution && in.Direction == strategy.Inbound && a.SelfService != nil &&
			a.SelfService.SBLevel != nil && *a.SelfService.SBLevel == 0
		for m, def := range defs {
			if in.Direction != def.direction || def.types != nil && !def.types[in.Type] || !def.of[in.Channel] {
				continue
			}
			fractions[m].Whole++
			if def.counts[in.Channel] && !reporting {
				fractions[m].Part++
				if m == strategy.MeasureInboundDigital {
					perAreaDigital[in.Area]++
				}
			}
		}
		if in.Direction == strategy.Inbound && in.Channel == "website" && !pageViewsCount {
			want.PageViews++
			continue
		}
		want.Inquiries++
		perChannel[in.Channel]++
		perArea[in.Area]++
		if in.ResolvedFirstContact {
			want.Resolved++
		}
		priceChannel := in.Channel
		var level *int
		if solution && a.SelfService != nil {
			level = a.SelfService.SBLevel
		}
		if reporting {
			if _, ok := s.PriceOf("letter", in.Type, nil); ok {
				priceChannel, level = "letter", nil
			}
		}
		if p, ok := s.PriceOf(priceChannel, in.Type, level); ok {
			cost := *p.DKK
			if solution && in.DurationSeconds != nil {
				cost += float64(*in.DurationSeconds) * hour / 3600
			}
			want.Cost += cost
			costPerChannelType[[2]string{in.Channel, in.Type}] += cost
		}
		if in.Direction == strategy.Outbound {
			want.Outbound++
			continue
		}
		want.Inbound++
		if in.Assisted {
			want.InboundAssisted++
		}
		if reporting {
			want.Reporting++
		}
	}
	got := d.Totals
	for _, c := range []struct {
		what      string
		got, want int64
	}{
		{"inquiries", got.Inquiries, want.Inquiries}, {"inbound", got.Inbound, want.Inbound},
		{"page views", got.PageViews, want.PageViews}, {"SB level 0", got.Reporting, want.Reporting},
		{"digital", got.Digital.Part, want.Digital.Part}, {"digital's whole", got.Digital.Whole, want.Digital.Whole},
		{"assisted", got.InboundAssisted, want.InboundAssisted},
		{"outbound", got.Outbound, want.Outbound}, {"documents", got.DigitalPost.Whole, want.DigitalPost.Whole},
		{"Digital Post", got.DigitalPost.Part, want.DigitalPost.Part},
		{"transactions", got.Transactions.Whole, want.Transactions.Whole}, {"digital transactions", got.Transactions.Part, want.Transactions.Part},
		{"information", got.Expensive.Whole, want.Expensive.Whole}, {"expensive information", got.Expensive.Part, want.Expensive.Part},
		{"resolved", got.Resolved, want.Resolved},
	} {
		if c.got != c.want {
			t.Errorf("%s: %s %d, recounted %d", name, c.what, c.got, c.want)
		}
	}
	if math.Abs(got.Cost-want.Cost) > 1e-6*math.Max(1, want.Cost) {
		t.Errorf("%s: cost %.2f, recounted %.2f", name, got.Cost, want.Cost)
	}
	for _, c := range d.Channels {
		if c.Total() != perChannel[c.Channel.ID] {
			t.Errorf("%s: channel %s %d, recounted %d", name, c.Channel.ID, c.Total(), perChannel[c.Channel.ID])
		}
		for _, typ := range strategy.TypeIDs {
			if got, want := c.CostByType[typ], costPerChannelType[[2]string{c.Channel.ID, typ}]; math.Abs(got-want) > 1e-6*math.Max(1, want) {
				t.Errorf("%s: %s %s costs %.2f, recounted %.2f", name, c.Channel.ID, typ, got, want)
			}
		}
	}
	var areaSum int64
	for _, a := range d.Areas {
		areaSum += a.Inquiries
		if a.Inquiries != perArea[a.Area.ID] || a.Digital.Part != perAreaDigital[a.Area.ID] {
			t.Errorf("%s: area %s %d (%d digital), recounted %d (%d)", name, a.Area.ID, a.Inquiries, a.Digital.Part,
				perArea[a.Area.ID], perAreaDigital[a.Area.ID])
		}
	}
	if areaSum != want.Inquiries {
		t.Errorf("%s: the area table sums to %d, recounted %d", name, areaSum, want.Inquiries)
	}
	var mixSum int64
	for _, p := range d.Mix {
		mixSum += p.Total
	}
	if wantMix := want.Inbound; d.MixDirection == strategy.Outbound && mixSum != want.Outbound || d.MixDirection == strategy.Inbound && mixSum != wantMix {
		t.Errorf("%s: the channel mix sums to %d", name, mixSum)
	}
}

// Build narrows the trend's rows to the filter's department itself: the
// targets of a department are the same whether the rows were narrowed
// when read or not.
func TestBuild_TargetsFollowTheFiltersDepartment(t *testing.T) {
	s, err := strategies.Parsed()
	if err != nil {
		t.Fatal(err)
	}
	d := s["dragoer"]
	var rows, mine []rollup.Row
	for m := 1; m <= 12; m++ {
		for _, dep := range []struct {
			id             string
			digital, paper int64
		}{{"borgerbutikken", int64(10 * m), 50}, {"teknik-miljoe", 5, int64(10 * m)}} {
			period := civil.Month{Year: 2014, Month: time.Month(m)}
			for _, r := range []rollup.Row{
				{Month: period, Area: "flytning", Department: dep.id, Channel: "self_service", Type: "transaction", Direction: "inbound", Tally: rollup.Tally{Inquiries: dep.digital}},
				{Month: period, Area: "flytning", Department: dep.id, Channel: "letter", Type: "transaction", Direction: "inbound", Tally: rollup.Tally{Inquiries: dep.paper}},
			} {
				rows = append(rows, r)
				if dep.id == "borgerbutikken" {
					mine = append(mine, r)
				}
			}
		}
	}
	f := measure.Year(2014)
	f.Department = "borgerbutikken"
	narrowed, whole := measure.Build(d, f, measure.OneVersion(d, f, mine, mine)), measure.Build(d, f, measure.OneVersion(d, f, rows, rows))
	if !reflect.DeepEqual(narrowed.Targets, whole.Targets) {
		t.Errorf("the department's targets depend on rows of other departments:\n%+v\n%+v", narrowed.Targets[0].Years, whole.Targets[0].Years)
	}
	if narrowed.Targets[0].Trend == nil || *narrowed.Targets[0].Trend <= 0 {
		t.Errorf("Borgerbutikken's digital share rises month by month; trend %v", narrowed.Targets[0].Trend)
	}
}

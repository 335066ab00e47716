// Package demo generates realistic demo inquiries over a strategy's period:
// seasons and weekdays, staffed channels only when they are open, public
// holidays closed, and a channel mix that moves toward the digital targets
// as the years pass — mandatory self-service areas jump when their law takes
// effect, Digital Post jumps when it became mandatory in November 2014.
// Only the strategy's own inquiry types are generated, and only its own
// channels in their own opening hours; citizens referred to places outside
// the municipality (Udbetaling Danmark, borger.dk's contact centre) are
// counted as referrals beside the channel they came by.
// The same seed gives the same inquiries; with MonthlySeed, each month's
// are the same whichever months are generated with it.
package demo

import (
	"hash/fnv"
	"math"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// Source marks demo inquiries.
const Source = "demo"

// digitalPostLaw is the day Digital Post became mandatory for citizens
// (lov om Offentlig Digital Post); from then, paper goes to the exempted.
var digitalPostLaw = civil.Date{Year: 2014, Month: time.November, Day: 1}

// Options shape the generated data.
type Options struct {
	// From and To are the first and last day; zero values mean the
	// strategy's period.
	From, To time.Time
	// Scale multiplies the volume; zero means 1.
	Scale float64
	// Seed varies the data; the municipality's id is mixed in.
	Seed uint64
	// MonthlySeed draws each month from a seed of its own (the seed and
	// the month), so that a month generated alone is the same as in a run
	// over a longer span: Load writes the missing months in any order and
	// ends with what an uninterrupted run writes. Without it one random
	// stream runs through the span, which the kept outputs of tests made
	// from demo data were made with.
	MonthlySeed bool
}

// Generate produces the inquiries day by day, in time order, and hands each
// day's inquiries to emit. It stops at emit's first error.
func Generate(s *strategy.Strategy, opt Options, emit func(day []inquiry.Inquiry) error) error {
	g := newGenerator(s, opt)
	from, to := span(s, opt)
	for d := dayStart(from); !d.After(to); d = d.AddDate(0, 0, 1) {
		if m := civil.DateOf(d).YearMonth(); opt.MonthlySeed && m != g.month {
			g.startMonth(m)
		}
		day := g.day(d)
		if len(day) == 0 {
			continue
		}
		if err := emit(day); err != nil {
			return err
		}
	}
	return nil
}

func dayStart(t time.Time) time.Time { return civil.DateOf(t).Start() }

type generator struct {
	s       *strategy.Strategy
	rng     *rand.Rand
	per1000 float64 // inhabitants in thousands, scaled

	// seed is the random source's seed before a month is mixed in;
	// month is the month it was last started for (startMonth).
	seed  [2]uint64
	month civil.Month

	// closed remembers whether the day being generated is a closed day:
	// every inquiry asks, and the answer is the same all day.
	closed struct {
		day    time.Time
		closed bool
	}
}

// closedDay reports whether day d (its start) is a public holiday or a
// closing day of the strategy's.
func (g *generator) closedDay(d time.Time) bool {
	if !g.closed.day.Equal(d) {
		g.closed.day = d
		g.closed.closed, _ = g.s.IsClosedDay(d.Add(12 * time.Hour))
	}
	return g.closed.closed
}

func newGenerator(s *strategy.Strategy, opt Options) *generator {
	h := fnv.New64a()
	h.Write([]byte(s.Municipality.ID))
	scale := opt.Scale
	if scale == 0 {
		scale = 1
	}
	inhabitants := s.Municipality.Inhabitants
	if inhabitants <= 0 {
		inhabitants = 20000
	}
	return &generator{
		s:       s,
		rng:     rand.New(rand.NewPCG(h.Sum64(), opt.Seed)),
		seed:    [2]uint64{h.Sum64(), opt.Seed},
		per1000: float64(inhabitants) / 1000 * scale,
	}
}

// startMonth starts the random source afresh for month m, from the seed
// and the month alone, so that a month's inquiries do not depend on which
// months were generated before it.
func (g *generator) startMonth(m civil.Month) {
	g.month = m
	// The golden-ratio multiplier spreads neighbouring months over the
	// whole seed space.
	g.rng = rand.New(rand.NewPCG(g.seed[0], g.seed[1]^uint64(m.Index())*0x9e3779b97f4a7c15))
}

// years is the time since 1 January 2012 in years: the clock of digital
// maturity, so that a later strategy period starts from a higher level.
func years(d time.Time) float64 {
	return float64(d.Sub(time.Date(2012, 1, 1, 0, 0, 0, 0, strategy.Location)).Hours()) / (24 * 365.25)
}

func (g *generator) day(d time.Time) []inquiry.Inquiry {
	date := civil.DateOf(d)
	closed := g.closedDay(d)
	wd := d.Weekday()
	workday := !closed && wd != time.Saturday && wd != time.Sunday
	y := years(d)
	var out []inquiry.Inquiry
	for i := range g.s.Areas {
		a := &g.s.Areas[i]
		p := profileOf(a)
		season := p.season[d.Month()-1]
		volume := p.inbound / 365 * g.per1000 * season * weekday[wd] / 0.893
		if closed {
			volume *= 0.6
		}
		shares := g.typeShares(a, p.mix)
		total := 0.0
		for _, sh := range shares {
			total += sh.weight
		}
		for _, sh := range shares {
			n := g.poisson(volume * sh.weight / total)
			for range n {
				if in, ok := g.inbound(a, sh, d, date, y); ok {
					out = append(out, in)
				}
			}
		}
		if outShares := g.typeShares(a, outboundMix); workday && len(outShares) > 0 {
			n := g.poisson(p.outbound / 250 * g.per1000 * season)
			for range n {
				out = append(out, g.outbound(a, outShares, d, date, y))
			}
		}
	}
	return inTimeOrder(out)
}

// inTimeOrder sorts a day's inquiries by time, keeping the order of those
// at the same moment. It sorts their positions and moves each inquiry once:
// sorting the large structs themselves was a tenth of the demo start.
func inTimeOrder(day []inquiry.Inquiry) []inquiry.Inquiry {
	order := make([]int32, len(day))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortStableFunc(order, func(a, b int32) int { return day[a].OccurredAt.Compare(day[b].OccurredAt) })
	out := make([]inquiry.Inquiry, len(day))
	for i, j := range order {
		out[i] = day[j]
	}
	return out
}

// typeShare is one of the strategy's inquiry types in an area, with the
// kind of contact it stands for and its weight in the area's volume.
type typeShare struct {
	typ string
	// kind is the known type whose behaviour the contacts follow: which
	// channels citizens choose, whether the law makes them digital.
	kind   string
	weight float64
}

// ownTypeWeight is the weight of a type of the strategy's own in an area's
// mix (the known types' weights add up to about 1): Kanal knows nothing of
// its contacts but that they are two-way, so they behave as interaction.
const ownTypeWeight = 0.3

// typeShares maps the kinds of contact citizens make onto the types the
// strategy defines. Where it has no interaction type, as Tårnby ("Skema 2.
// Transaktionshenvendelser er de henvendelser der vedrører en konkret sag
// eller danner baggrund for en kommende sagsbehandling"), questions about a
// concrete case are transactions; they keep their channels (phone, Digital
// Post), for they are no applications. Kinds the area's types cannot hold
// are not generated.
func (g *generator) typeShares(a *strategy.Area, mix map[string]float64) []typeShare {
	var out []typeShare
	for _, kind := range strategy.TypeIDs {
		if mix[kind] == 0 {
			continue
		}
		if t := g.typeFor(a, kind); t != "" {
			out = append(out, typeShare{t, kind, mix[kind]})
		}
	}
	for _, t := range a.Types {
		if _, ok := g.s.InquiryType(t); ok && !slices.Contains(strategy.TypeIDs, t) {
			out = append(out, typeShare{t, strategy.Interaction, ownTypeWeight})
		}
	}
	return out
}

// typeFor is the strategy's type that contacts of a known kind are
// registered as in an area, or "" when the area has none for them.
func (g *generator) typeFor(a *strategy.Area, kind string) string {
	handles := func(t string) bool {
		_, ok := g.s.InquiryType(t)
		return ok && a.Handles(t)
	}
	switch {
	case handles(kind):
		return kind
	case kind == strategy.Interaction && handles(strategy.Transaction):
		return strategy.Transaction
	}
	return ""
}

// digitalShare is the chance that an inbound inquiry of a kind uses a
// digital channel.
func (g *generator) digitalShare(a *strategy.Area, kind string, date civil.Date, y float64) float64 {
	switch kind {
	case strategy.Information:
		return math.Min(0.38+0.045*y, 0.8)
	case strategy.Interaction:
		return math.Min(0.08+0.05*y, 0.6)
	}
	if a.SelfService == nil {
		return 0
	}
	if a.IsMandatoryOn(date) {
		since, err := civil.ParseDate(a.Mandatory.Since)
		if err != nil {
			return 0.93
		}
		return math.Min(0.90+0.015*(y-years(since.Start())), 0.97)
	}
	return math.Min(0.30+0.08*y, 0.85)
}

var (
	digitalChoice = map[string][]choice{
		strategy.Information: {{strategy.Website, 0.85}, {strategy.ContactForm, 0.15}},
		strategy.Interaction: {{strategy.DigitalPost, 0.7}, {strategy.ContactForm, 0.3}},
		strategy.Transaction: {{strategy.SelfService, 1}},
	}
	otherChoice = map[string][]choice{
		strategy.Information: {{strategy.Phone, 0.55}, {strategy.InPerson, 0.25}, {strategy.Email, 0.15}, {strategy.Letter, 0.05}},
		strategy.Interaction: {{strategy.Phone, 0.6}, {strategy.InPerson, 0.2}, {strategy.Email, 0.15}, {strategy.Letter, 0.05}},
		strategy.Transaction: {{strategy.InPerson, 0.5}, {strategy.Letter, 0.2}, {strategy.Phone, 0.1}, {strategy.Email, 0.2}},
	}
)

type choice struct {
	channel string
	weight  float64
}

func (g *generator) inbound(a *strategy.Area, sh typeShare, d time.Time, date civil.Date, y float64) (inquiry.Inquiry, bool) {
	kind := sh.kind
	in := inquiry.Inquiry{Type: sh.typ, Direction: strategy.Inbound, Area: a.ID, Department: a.Department, Source: Source}
	if g.rng.Float64() < g.digitalShare(a, kind, date, y) {
		in.Channel = g.pick(digitalChoice[kind], d)
	}
	if in.Channel != "" {
		in.OccurredAt = g.anyTime(d)
		if in.Channel == strategy.SelfService && g.rng.Float64() < math.Max(0.03, 0.12-0.015*y) {
			// Assisted self-service happens at the counter, when it is open.
			if at, ok := g.openTime(strategy.InPerson, d); ok {
				in.Assisted, in.OccurredAt = true, at
				in.DurationSeconds = g.minutes(8, 20)
			}
		}
	} else {
		in.Channel = g.otherChannel(a, sh, d, date)
		if in.Channel == "" {
			return in, false // nothing open today: the citizen comes back another day
		}
		in.Exempt = kind == strategy.Transaction && a.IsMandatoryOn(date)
		at, ok := g.channelTime(in.Channel, d)
		if !ok {
			return in, false
		}
		in.OccurredAt = at
		switch in.Channel {
		case strategy.Phone:
			in.DurationSeconds = g.minutes(2, 9)
		case strategy.InPerson, strategy.Video:
			in.DurationSeconds = g.minutes(4, 15)
		}
		staffed := in.Channel == strategy.Phone || in.Channel == strategy.InPerson
		if staffed && !in.Exempt && (a.SelfService != nil || kind == strategy.Information) {
			in.Guided = g.rng.Float64() < 0.3
		}
	}
	in.ReferredTo = g.referral(a, kind, in.Channel)
	in.ResolvedFirstContact = g.rng.Float64() < firstContact(in.Channel, kind)
	return in, true
}

// Shares of inbound inquiries staff refer to a place outside the
// municipality. Invented to look plausible, like the rest of the demo data:
// in an area whose cases another authority handles (Udbetaling Danmark:
// "en del borgere, der ønsker personlig betjening på disse områder, vil
// vedblive med at henvende sig i kommunen", Dragør) many contacts end in a
// referral; of the information questions at the phone and the counter a
// few are sent to borger.dk, its contact centre or Virk.dk.
const (
	areaReferralShare    = 0.3
	generalReferralShare = 0.04
)

// referral picks the referral (if any) of an inbound inquiry that reached
// the municipality on a channel: none on self-service and the website,
// where no one is there to refer.
func (g *generator) referral(a *strategy.Area, kind, channel string) string {
	if channel == strategy.SelfService || channel == strategy.Website {
		return ""
	}
	if r, ok := g.s.ReferralFor(a); ok {
		if g.rng.Float64() < areaReferralShare {
			return r.ID
		}
		return ""
	}
	staffed := channel == strategy.Phone || channel == strategy.InPerson
	general := g.generalReferrals()
	if kind != strategy.Information || !staffed || len(general) == 0 || g.rng.Float64() >= generalReferralShare {
		return ""
	}
	return general[g.rng.IntN(len(general))]
}

// generalReferrals are the referrals that handle no particular area.
func (g *generator) generalReferrals() []string {
	var out []string
	for _, r := range g.s.Referrals {
		if len(r.Areas) > 0 || slices.ContainsFunc(g.s.Areas, func(a strategy.Area) bool { return a.Referral == r.ID }) {
			continue
		}
		out = append(out, r.ID)
	}
	return out
}

// otherChannel picks the non-digital channel of an inbound inquiry: the
// exemption channel for an exempted citizen in a mandatory area, the
// area's own non-digital primary channel (a passport needs the counter),
// else the usual spread over phone, counter and writing.
func (g *generator) otherChannel(a *strategy.Area, sh typeShare, d time.Time, date civil.Date) string {
	if sh.kind == strategy.Transaction && a.IsMandatoryOn(date) {
		return g.pick([]choice{{a.Mandatory.ExemptionChannel, 1}}, d)
	}
	var own []choice
	for _, id := range g.s.Priority(a, sh.typ, strategy.Inbound).Primary {
		if c, ok := g.s.Channel(id); ok && !c.Digital {
			own = append(own, choice{id, 1})
		}
	}
	if len(own) > 0 {
		return g.pick(own, d)
	}
	return g.pick(otherChoice[sh.kind], d)
}

// pick chooses among the channels that exist, are used inbound and are
// open on day d.
func (g *generator) pick(choices []choice, d time.Time) string {
	var open []choice
	total := 0.0
	for _, c := range choices {
		ch, ok := g.s.Channel(c.channel)
		if !ok || !ch.Inbound || !g.openOn(c.channel, d) {
			continue
		}
		open = append(open, c)
		total += c.weight
	}
	r := g.rng.Float64() * total
	for _, c := range open {
		if r < c.weight {
			return c.channel
		}
		r -= c.weight
	}
	return ""
}

// openOn reports whether a channel takes inquiries at all on day d.
func (g *generator) openOn(channel string, d time.Time) bool {
	wd := d.Weekday()
	if channel == strategy.Letter {
		return !g.closedDay(d) && wd != time.Saturday && wd != time.Sunday
	}
	if !g.s.HasHours(channel) {
		return true
	}
	return !g.closedDay(d) && len(g.s.OpenIntervals(channel, d)) > 0
}

// channelTime picks when an inquiry on a channel happened on day d.
func (g *generator) channelTime(channel string, d time.Time) (time.Time, bool) {
	switch {
	case channel == strategy.Letter: // opened with the morning post
		return d.Add(time.Duration(9*3600+g.rng.IntN(3*3600)) * time.Second), true
	case g.s.HasHours(channel):
		return g.openTime(channel, d)
	}
	return g.anyTime(d), true
}

// anyTime picks a moment of day d following citizens' daily rhythm.
func (g *generator) anyTime(d time.Time) time.Time {
	return g.at(d, g.minuteOfDay())
}

// openTime picks a moment of day d when the channel is open, following
// the daily rhythm as far as the opening hours allow.
func (g *generator) openTime(channel string, d time.Time) (time.Time, bool) {
	if g.closedDay(d) {
		return time.Time{}, false
	}
	intervals := g.s.OpenIntervals(channel, d)
	if len(intervals) == 0 {
		return time.Time{}, false
	}
	for range 40 {
		m := g.minuteOfDay()
		for _, iv := range intervals {
			if m >= iv[0] && m < iv[1] {
				return g.at(d, m), true
			}
		}
	}
	iv := intervals[g.rng.IntN(len(intervals))]
	return g.at(d, iv[0]+g.rng.IntN(iv[1]-iv[0])), true
}

func (g *generator) minuteOfDay() int {
	total := 0.0
	for _, w := range hourWeight {
		total += w
	}
	r := g.rng.Float64() * total
	for h, w := range hourWeight {
		if r < w {
			return h*60 + g.rng.IntN(60)
		}
		r -= w
	}
	return 23*60 + g.rng.IntN(60)
}

func (g *generator) at(d time.Time, minute int) time.Time {
	y, m, day := d.Date()
	return time.Date(y, m, day, minute/60, minute%60, g.rng.IntN(60), 0, strategy.Location)
}

func (g *generator) minutes(lo, hi int) *int {
	s := lo*60 + g.rng.IntN((hi-lo)*60+1)
	return &s
}

// outboundMix is how the municipality's own letters and calls divide by
// kind: decisions and receipts, requests for information, general news.
var outboundMix = map[string]float64{strategy.Transaction: 0.5, strategy.Interaction: 0.3, strategy.Information: 0.2}

func (g *generator) outbound(a *strategy.Area, shares []typeShare, d time.Time, date civil.Date, y float64) inquiry.Inquiry {
	sh := g.pickShare(shares)
	out := inquiry.Inquiry{Type: sh.typ, Direction: strategy.Outbound, Area: a.ID, Department: a.Department, Source: Source}
	out.OccurredAt = d.Add(time.Duration(8*3600+g.rng.IntN(8*3600)) * time.Second)
	if sh.kind == strategy.Interaction && g.sends(strategy.Phone) && g.rng.Float64() < 0.08 {
		if at, ok := g.openTime(strategy.Phone, d); ok {
			out.Channel, out.OccurredAt = strategy.Phone, at
			out.DurationSeconds = g.minutes(2, 8)
			return out
		}
	}
	share := math.Min(0.15+0.12*y, 0.9)
	if !date.Before(digitalPostLaw) {
		share = math.Min(0.86+0.02*(y-2.83), 0.93)
	}
	if !g.sends(strategy.Letter) || g.sends(strategy.DigitalPost) && g.rng.Float64() < share {
		out.Channel = strategy.DigitalPost
	} else {
		out.Channel = strategy.Letter
		out.Exempt = !date.Before(digitalPostLaw)
	}
	return out
}

// sends reports whether the strategy has the channel for outbound use.
func (g *generator) sends(channel string) bool {
	c, ok := g.s.Channel(channel)
	return ok && c.Outbound
}

// firstContact is the chance an inquiry is settled at the first contact.
func firstContact(channel, typ string) float64 {
	switch channel {
	case strategy.SelfService:
		return 0.95
	case strategy.Website:
		return 0.8
	case strategy.Phone:
		return map[string]float64{strategy.Information: 0.9, strategy.Interaction: 0.75, strategy.Transaction: 0.45}[typ]
	case strategy.InPerson, strategy.Video:
		return map[string]float64{strategy.Information: 0.92, strategy.Interaction: 0.8, strategy.Transaction: 0.7}[typ]
	case strategy.DigitalPost, strategy.ContactForm:
		return 0.55
	}
	return 0.4 // e-mail and letters usually need an answer later
}

// pickShare draws one of an area's types by weight.
func (g *generator) pickShare(shares []typeShare) typeShare {
	total := 0.0
	for _, sh := range shares {
		total += sh.weight
	}
	x := g.rng.Float64() * total
	for _, sh := range shares {
		if x < sh.weight {
			return sh
		}
		x -= sh.weight
	}
	return shares[len(shares)-1]
}

// poisson draws a count with mean lambda: Knuth's method for small means,
// the normal approximation for large ones.
func (g *generator) poisson(lambda float64) int {
	if lambda <= 0 {
		return 0
	}
	if lambda < 30 {
		limit, k, p := math.Exp(-lambda), 0, 1.0
		for {
			p *= g.rng.Float64()
			if p <= limit {
				return k
			}
			k++
		}
	}
	return max(0, int(math.Round(lambda+math.Sqrt(lambda)*g.rng.NormFloat64())))
}

package measure_test

import (
	"math"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/dashboard"
	"github.com/kanal-dk/kanal/internal/kanaltest"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/measure"
	"github.com/kanal-dk/kanal/internal/rollup"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// Worked examples for the definitions the strategy group sets (issue 10).
// Every expectation is computed by hand from testdata/definitions.yaml's
// prices, written out in the comments; none comes from the code under
// test.

// fixture is testdata/definitions.yaml, parsed anew for each test so that
// a test may change it.
func fixture(t *testing.T) *strategy.Strategy {
	t.Helper()
	data, err := os.ReadFile("testdata/definitions.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s, err := strategy.Parse("definitions.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func target(s *strategy.Strategy, id string) *strategy.Target {
	for i := range s.Targets {
		if s.Targets[i].Measure == id {
			return &s.Targets[i]
		}
	}
	return nil
}

// cells makes rollup rows of May 2014: area, channel, type, direction and
// count.
type cell struct {
	area, channel, typ, direction string
	n                             int64
}

func rows(cs ...cell) []rollup.Row {
	out := make([]rollup.Row, len(cs))
	for i, c := range cs {
		out[i] = rollup.Row{Month: civil.Month{Year: 2014, Month: time.May}, Area: c.area, Department: "borgerservice", Channel: c.channel, Type: c.typ,
			Direction: c.direction, Tally: rollup.Tally{Inquiries: c.n}}
	}
	return out
}

var may = measure.Filter{From: kanaltest.Day("2014-05-01"), To: kanaltest.Day("2014-05-31")}

func build(s *strategy.Strategy, f measure.Filter, rs []rollup.Row) *measure.Dashboard {
	return measure.Build(s, f, measure.OneVersion(s, f, rs, rs))
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// Dragør: "Målet er at 30 procent af alle henvendelser fra borgerne til
// kommunen sker gennem digital selvbetjening i 2012 stigende til 50
// procent i 2015." and "Henvendelser fra borgere i Digital Post regnes i
// denne forbindelse for en digital henvendelse." Page views on the
// website are no inquiries, and a contact form is no self-service.
func TestDefinitions_DigitalShareIsSelfServiceAndDigitalPostNotPageViews(t *testing.T) {
	inbound := rows(
		cell{"flytning", "self_service", "transaction", "inbound", 30},
		cell{"flytning", "digital_post", "information", "inbound", 10},
		cell{"flytning", "website", "information", "inbound", 100},
		cell{"flytning", "contact_form", "information", "inbound", 10},
		cell{"flytning", "phone", "information", "inbound", 30},
		cell{"flytning", "email", "information", "inbound", 10},
		cell{"flytning", "letter", "transaction", "inbound", 5},
		cell{"flytning", "in_person", "transaction", "inbound", 5},
	)
	s := fixture(t)
	d := build(s, may, inbound)
	// Self-service 30 + Digital Post 10 = 40, out of every inbound inquiry
	// but the 100 page views: 30+10+10+30+10+5+5 = 100. 40 %.
	if d.Digital != (measure.Fraction{Part: 40, Whole: 100}) || !near(*d.InboundDigitalShare(), 0.40) {
		t.Errorf("the default digital share: %+v, want 40 of 100", d.Digital)
	}
	if d.PageViews != 100 || d.Inquiries != 100 || d.Inbound != 100 {
		t.Errorf("page views %d, inquiries %d, inbound %d; want 100 page views apart from 100 inquiries", d.PageViews, d.Inquiries, d.Inbound)
	}
	// Page views are not priced either: 30×20 + 10×25 + 10×40 + 30×45 +
	// 10×85 + 5×90 + 5×75 = 600+250+400+1350+850+450+375 = 4275.
	if !near(d.Cost, 4275) {
		t.Errorf("cost %.2f, want 4275 without the page views", d.Cost)
	}
	l := locale.New(locale.Danish)
	text := dashboard.Definition(l, s, d.Definition(strategy.MeasureInboundDigital))
	for _, want := range []string{"henvendelser via Selvbetjening eller Digital Post",
		"ud af alle henvendelser til kommunen undtagen sidevisninger på hjemmesiden", "Standarddefinitionen"} {
		if !strings.Contains(text, want) {
			t.Errorf("the definition %q lacks %q", text, want)
		}
	}

	// A strategy that counts the website and the contact form as digital,
	// and page views as inquiries, says so: (30+10+100+10) of 200 = 75 %.
	s = fixture(t)
	tg := target(s, strategy.MeasureInboundDigital)
	tg.Counts = []string{"self_service", "digital_post", "website", "contact_form"}
	tg.Of = []string{"self_service", "digital_post", "website", "contact_form", "phone", "email", "letter", "in_person"}
	d = build(s, may, inbound)
	if d.Digital != (measure.Fraction{Part: 150, Whole: 200}) || !d.PageViewsCounted || d.PageViews != 0 || d.Inquiries != 200 {
		t.Errorf("the strategy's own definition: %+v, page views counted %v (%d), %d inquiries; want 150 of 200, all inquiries",
			d.Digital, d.PageViewsCounted, d.PageViews, d.Inquiries)
	}
	if text := dashboard.Definition(l, s, d.Definition(strategy.MeasureInboundDigital)); !strings.Contains(text, "Som strategien fastsætter det") ||
		!strings.Contains(text, "Hjemmeside") {
		t.Errorf("the strategy's definition reads %q", text)
	}
}

// Dragør: "I 2015 skal kommunen sende 50 % af alle dokumenter digitalt til
// borgerne via Digital Post." A document is a Digital Post or a paper
// letter; an SMS is none, and whether e-mail is one is the strategy's
// choice.
func TestDefinitions_DigitalPostShareIsOutOfDigitalPostAndPaperLetters(t *testing.T) {
	outbound := rows(
		cell{"flytning", "digital_post", "transaction", "outbound", 23},
		cell{"flytning", "letter", "transaction", "outbound", 4},
		cell{"flytning", "sms", "information", "outbound", 3},
		cell{"flytning", "email", "information", "outbound", 2},
	)
	s := fixture(t)
	d := build(s, may, outbound)
	// 23 of 23 + 4 = 27: 85.185… %, "85,2 %"; the three SMS change nothing.
	if d.DigitalPost != (measure.Fraction{Part: 23, Whole: 27}) {
		t.Fatalf("the Digital Post share: %+v, want 23 of 27", d.DigitalPost)
	}
	if got := dashboard.Share(locale.New(locale.Danish), d.OutboundDigitalPostShare()).Text; got != "85,2 %" {
		t.Errorf("shown as %q, want 85,2 %%", got)
	}
	// A strategy that counts e-mail as a document: 23 of 29 = 79.3 %.
	target(s, strategy.MeasureOutboundDigitalPost).Of = []string{"digital_post", "letter", "email"}
	d = build(s, may, outbound)
	if d.DigitalPost != (measure.Fraction{Part: 23, Whole: 29}) {
		t.Errorf("with e-mail as a document: %+v, want 23 of 29", d.DigitalPost)
	}
}

// Dragør on digital indberetning (SB level 0): "En sådan sagsgang kræver i
// princippet samme ressourceforbrug, som hvis borgeren havde indsendt en
// skriftlig blanket." Tårnby: "Digitalisering skal ske på SB niveau 1 for at
// være effektiv."
func TestDefinitions_SBLevel0IsNotDigitalAndCostsAPaperLetter(t *testing.T) {
	s := fixture(t)
	d := build(s, may, rows(
		cell{"blanket", "self_service", "transaction", "inbound", 20},
		cell{"blanket", "letter", "transaction", "inbound", 10},
		cell{"flytning", "self_service", "transaction", "inbound", 30},
	))
	// Digital: flytning's 30 only, of 60. The 20 on the SB 0 form cost a
	// letter each, 90 kr., not the form's own 15: 20×90 + 10×90 + 30×20 =
	// 1800 + 900 + 600 = 3300.
	if d.Digital != (measure.Fraction{Part: 30, Whole: 60}) || d.Transactions != (measure.Fraction{Part: 30, Whole: 60}) {
		t.Errorf("digital %+v, applications %+v; want 30 of 60 each", d.Digital, d.Transactions)
	}
	if d.Reporting != 20 || !near(d.Cost, 3300) {
		t.Errorf("%d on SB level 0 costing %.2f in all; want 20 and 3300", d.Reporting, d.Cost)
	}
	// The self-service table names the area below the minimum, and the
	// savings list it as without an effective solution.
	byArea := map[string]measure.SelfServiceArea{}
	for _, a := range d.SelfService {
		byArea[a.Area.ID] = a
	}
	if b := byArea["blanket"]; !b.BelowMinimum || !b.HasLevel || b.Level != 0 || b.Inquiries != 20 || b.Reporting != 20 {
		t.Errorf("blanket: %+v", b)
	}
	if f := byArea["flytning"]; f.BelowMinimum || f.Reporting != 0 || f.Inquiries != 30 {
		t.Errorf("flytning: %+v", f)
	}
	if below := d.BelowMinimum(); len(below) != 1 || below[0].Area.ID != "blanket" {
		t.Errorf("below the minimum: %+v", below)
	}
	if w := d.Savings.WithoutSolution; len(w) != 1 || w[0].Area.ID != "blanket" || !w[0].Reporting || w[0].Movable != 10 {
		t.Errorf("without an effective solution: %+v, want blanket's 10 letters, SB level 0", w)
	}
	l := locale.New(locale.Danish)
	notes := strings.Join(dashboard.New(l, d).Notes(), "\n")
	for _, want := range []string{"samme ressourceforbrug, som hvis borgeren havde indsendt en skriftlig blanket",
		"Strategiens mindste SB-niveau er 1", "02.34.02 Byggetilladelse"} {
		if !strings.Contains(notes, want) {
			t.Errorf("the notes lack %q:\n%s", want, notes)
		}
	}
}

// Tårnby: "at antallet af informationshenvendelser reduceres mest muligt på
// de dyre kanaler – personlig henvendelse, e-mail og papirpost". The number
// is shown as well as the share.
func TestDefinitions_ExpensiveInformationShowsTheNumber(t *testing.T) {
	s := fixture(t)
	d := build(s, may, rows(
		cell{"flytning", "in_person", "information", "inbound", 7},
		cell{"flytning", "email", "information", "inbound", 5},
		cell{"flytning", "letter", "information", "inbound", 3},
		cell{"flytning", "phone", "information", "inbound", 20},
		cell{"flytning", "contact_form", "information", "inbound", 15},
		cell{"flytning", "website", "information", "inbound", 200},
		cell{"flytning", "in_person", "transaction", "inbound", 9},
	))
	// 7+5+3 = 15 of 7+5+3+20+15 = 50 information inquiries: 30 %. The
	// transactions at the counter and the page views are not in it.
	if d.Expensive != (measure.Fraction{Part: 15, Whole: 50}) {
		t.Fatalf("expensive information %+v, want 15 of 50", d.Expensive)
	}
	l := locale.New(locale.Danish)
	key := dashboard.New(l, d).KeyFigures()
	found := false
	for _, row := range key.Rows {
		if row[0].Text == l.T("figures.key.expensive") {
			found = true
			if row[1].Text != "30,0 %" || row[2].Text != "15" || row[3].Text != "50" || !strings.Contains(row[4].Text, "Personlig henvendelse, E-mail eller Brev") {
				t.Errorf("the key figure reads %v", row)
			}
		}
	}
	if !found {
		t.Error("no key figure for the expensive channels")
	}
	// Its target, a falling share without a figure, has a chart with the
	// yearly number beside the share.
	var years *dashboard.Table
	for _, c := range dashboard.New(l, d).TargetCharts() {
		if c.Table.ID == "target-dyre-kanaler" {
			years = &c.Table
		}
	}
	if years == nil {
		t.Fatal("no yearly table for the expensive channels' target")
	}
	for _, row := range years.Rows {
		if row[0].Text == "2014" && (row[2].Text != "15" || row[3].Text != "50") {
			t.Errorf("2014 reads %v, want 15 of 50", row)
		}
	}
}

// The savings are a gross channel-shift potential at the shown prices, not
// a saving. Tårnby prices by "KL – Reviderede kanalpriser 2012": the year
// is shown beside it.
func TestDefinitions_SavingsAreAGrossPotentialWithThePriceYear(t *testing.T) {
	s := fixture(t)
	year := measure.Year(2014)
	d := build(s, year, rows(
		cell{"flytning", "letter", "transaction", "inbound", 10},
		cell{"flytning", "self_service", "transaction", "inbound", 40},
	))
	// 10 letters at 90 kr. against self-service at SB level 3, 20 kr.: 10 ×
	// 70 = 700 kr. in a whole year.
	if len(d.Savings.Areas) != 1 || !near(d.Savings.Total(), 700) {
		t.Fatalf("the potential: %+v, want 700 kr. on flytning", d.Savings)
	}
	l := locale.New(locale.Danish)
	ft := dashboard.New(l, d)
	if c := ft.Savings(); !strings.Contains(c.Table.Caption, "Bruttopotentiale ved kanalskift") ||
		!strings.Contains(c.Chart.Title(), "Bruttopotentiale") {
		t.Errorf("the savings are called %q / %q", c.Table.Caption, c.Chart.Title())
	}
	if got := dashboard.PriceYears(l, d.Spans); got != "prisniveau 2012" {
		t.Errorf("price year %q", got)
	}
	notes := strings.Join(ft.Notes(), "\n")
	if !strings.Contains(notes, "Det er ikke en besparelse") || !strings.Contains(notes, "prisniveau 2012") {
		t.Errorf("the notes do not say the potential is gross at the 2012 prices:\n%s", notes)
	}
}

// Tårnby names places outside the municipality a citizen is referred to
// ("Borgere og virksomheder kan søge information på kommunens hjemmeside,
// Borger.dk og Kontaktcentret på tlf. 1881 hos Borger.dk."). A referred
// inquiry is counted as referred, stays on the channel the citizen used,
// and is no potential for the municipality's own self-service.
func TestDefinitions_ReferredInquiriesAreCountedAndLeftOutOfThePotential(t *testing.T) {
	s := fixture(t)
	year := measure.Year(2014)
	rs := rows(
		cell{"flytning", "letter", "transaction", "inbound", 10},
		cell{"flytning", "phone", "information", "inbound", 5},
		cell{"flytning", "self_service", "transaction", "inbound", 40},
	)
	rs[0].Referred = 4 // four of the ten letters were sent on to another authority
	rs[1].Referred = 2
	d := build(s, year, rs)
	// 4 + 2 referred of 55 inbound.
	if d.Totals.Referred != 6 || d.Totals.Inbound != 55 {
		t.Errorf("referred %d of %d inbound, want 6 of 55", d.Totals.Referred, d.Totals.Inbound)
	}
	// The six letters left at 90 kr. against self-service at 20 kr.: 6 ×
	// 70 = 420 kr. (700 kr. before the four referred were taken off).
	if !near(d.Savings.Total(), 420) {
		t.Errorf("the potential is %v kr., want 420", d.Savings.Total())
	}
	ft := dashboard.New(locale.New(locale.Danish), d)
	found := false
	for _, row := range ft.KeyFigures().Rows {
		if strings.Contains(row[0].Text, "henvist uden for kommunen") {
			found = row[2].Text == "6" && row[3].Text == "55"
		}
	}
	if !found {
		t.Errorf("the key figures do not show 6 of 55 referred: %+v", ft.KeyFigures().Rows)
	}
}

// Dragør: "Den primære kanal for transaktionshenvendelser bør være digitale
// selvbetjeningsløsninger eller medbetjening." Assisted self-service costs
// the self-service price plus the staff time recorded.
func TestDefinitions_AssistedSelfServiceAddsTheStaffTime(t *testing.T) {
	r := rollup.Row{Month: civil.Month{Year: 2014, Month: time.May}, Area: "flytning", Department: "borgerservice", Channel: "self_service",
		Type: "transaction", Direction: "inbound",
		Tally: rollup.Tally{Inquiries: 4, Assisted: 2, Timed: 2, DurationSeconds: 600 + 900}}
	s := fixture(t)
	d := build(s, may, []rollup.Row{r})
	// 4 × 20 kr. + 1500 s × 360 kr./3600 s = 80 + 150 = 230 kr.
	if !near(d.Cost, 230) || !near(d.StaffCost, 150) || d.StaffSeconds != 1500 {
		t.Errorf("cost %.2f (staff %.2f, %d s), want 230 (150, 1500 s)", d.Cost, d.StaffCost, d.StaffSeconds)
	}
	// Without the strategy's own hourly price, the example 400 kr.: 80 +
	// 1500 × 400/3600 = 80 + 166.67 = 246.67 kr., and the note says it is
	// an example.
	s.Prices.StaffHourDKK = nil
	d = build(s, may, []rollup.Row{r})
	if !near(d.Cost, 80+1500*400.0/3600) {
		t.Errorf("cost %.4f with the example hourly price, want %.4f", d.Cost, 80+1500*400.0/3600)
	}
	notes := strings.Join(dashboard.New(locale.New(locale.Danish), d).Notes(), "\n")
	if !strings.Contains(notes, "400 kr. i timen – et eksempel") || !strings.Contains(notes, "0,4 timer, 167 kr.") {
		t.Errorf("the notes do not state the example hourly price and the staff time:\n%s", notes)
	}
}

// Tårnby's prices are "KL – Reviderede kanalpriser 2012 – senest opdateret
// 23. januar 2015": prices change. The version in force on a day is the
// newest loaded on or before it; the days before the first version use
// the first.
func TestHistory_TheVersionInForceOnADay(t *testing.T) {
	v1, v2, v3 := fixture(t), fixture(t), fixture(t)
	h, err := measure.NewHistory([]measure.Version{
		{Number: 3, From: kanaltest.Day("2014-06-15"), Strategy: v3},
		{Number: 1, From: kanaltest.Day("2014-01-10"), Strategy: v1},
		{Number: 2, From: kanaltest.Day("2014-06-15"), Strategy: v2}, // loaded the same day as 3: 3 wins
	})
	if err != nil {
		t.Fatal(err)
	}
	for day, want := range map[string]int{"2013-01-01": 1, "2014-01-09": 1, "2014-01-10": 1, "2014-06-14": 1,
		"2014-06-15": 3, "2099-01-01": 3} {
		if got := h.InForce(kanaltest.Day(day)).Number; got != want {
			t.Errorf("%s: version %d, want %d", day, got, want)
		}
	}
	spans := h.Spans(kanaltest.Day("2014-01-01"), kanaltest.Day("2014-12-31"))
	want := []struct {
		from, to string
		version  int
	}{{"2014-01-01", "2014-06-14", 1}, {"2014-06-15", "2014-12-31", 3}}
	if len(spans) != len(want) {
		t.Fatalf("spans %+v", spans)
	}
	for i, w := range want {
		if spans[i].From.String() != w.from || spans[i].To.String() != w.to || spans[i].Version.Number != w.version {
			t.Errorf("span %d: %s–%s version %d, want %s–%s version %d", i, spans[i].From, spans[i].To,
				spans[i].Version.Number, w.from, w.to, w.version)
		}
	}
	if s := h.Spans(kanaltest.Day("2014-06-15"), kanaltest.Day("2014-06-15")); len(s) != 1 || s[0].Version.Number != 3 {
		t.Errorf("one day: %+v", s)
	}
	if _, err := measure.NewHistory(nil); err == nil {
		t.Error("a history without versions")
	}
}

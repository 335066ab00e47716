package councilreport

import (
	"bytes"
	"context"
	stdhtml "html"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/dashboard"
	"github.com/kanal-dk/kanal/internal/demo"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/kanaltest"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/measure"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/render/pdf/pdftest"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// dragoer is a database with Dragør's preset and a fraction of its demo
// inquiries from 2012 to 2014.
func dragoer(t *testing.T) (*store.DB, *municipality.Current) {
	t.Helper()
	ctx := context.Background()
	db, reg := kanaltest.Presets(t)
	cur := kanaltest.Current(t, reg, "dragoer")
	opt := demo.Options{From: time.Date(2012, 1, 1, 0, 0, 0, 0, strategy.Location),
		To: time.Date(2014, 12, 31, 0, 0, 0, 0, strategy.Location), Scale: 0.05}
	if _, err := demo.Seed(ctx, inquiry.NewRecorder(db), cur, opt); err != nil {
		t.Fatal(err)
	}
	return db, cur
}

var made = time.Date(2015, 2, 3, 10, 0, 0, 0, strategy.Location)

// newMeasures and newReports are what the report is made with on db.
func newMeasures(db *store.DB) *measure.Source {
	return measure.NewSource(db, municipality.NewRegistry(db))
}

func newReports(db *store.DB) *Reports { return NewReports(db, newMeasures(db)) }

// history is a municipality's strategy versions as the report uses them.
func history(t *testing.T, db *store.DB, m string) measure.History {
	t.Helper()
	h, err := newMeasures(db).History(context.Background(), m)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func TestMake_TheYearAgainstTheTargetsPerDepartment(t *testing.T) {
	db, cur := dragoer(t)
	l := locale.New("da")
	doc, err := newReports(db).Make(context.Background(), l, "dragoer", history(t, db, "dragoer"), 2014, made, nil)
	if err != nil {
		t.Fatal(err)
	}
	d, err := newMeasures(db).Load(context.Background(), "dragoer", cur.Strategy, measure.Year(2014))
	if err != nil {
		t.Fatal(err)
	}
	var html bytes.Buffer
	if err := WriteHTML(&html, *doc); err != nil {
		t.Fatal(err)
	}
	out := html.String()
	inbound := dashboard.Share(l, d.InboundDigitalShare()).Text
	for _, want := range []string{
		`<html lang="da">`, "<h1>Kanalstrategien i 2014</h1>", "Årsrapport til kommunalbestyrelsen", "Dragør Kommune · udarbejdet 3. februar 2015",
		"I 2014 kom " + inbound + " af de " + l.Int(d.Digital.Whole) + " henvendelser fra borgere og virksomheder digitalt",
		"målet er 50,0 % i 2015; prognosen siger", "1. Målene", "2. Kanalerne", "3. Afdelingerne", "4. Selvbetjening og SB-niveau",
		"5. Bruttopotentiale ved kanalskift", "6. Afdelingernes egne mål", "7. Løsningsregistret og strategiens krav", "8. Godkendte business cases",
		"9. Kommunalbestyrelsen bedes beslutte", "10. Definitioner og priser", "11. Om tallene",
		"<h3>Borgerbutikken</h3>", "<h3>Børn og skole</h3>", "<h3>Teknik og miljø</h3>", "Mål 2015: 50 %",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	if n := strings.Count(out, "<svg"); n < 5 {
		t.Errorf("%d charts, want the two targets', the mix, the channel cost and the savings", n)
	}
	if n, m := strings.Count(out, "<svg"), strings.Count(out, "<table>"); m < n {
		t.Errorf("%d charts but only %d tables: every chart has its numbers", n, m)
	}
	if strings.Contains(out, "%!") {
		t.Error("a text is missing an argument")
	}
	// Every department's table sums to the department's inquiries.
	for _, dep := range cur.Strategy.Departments {
		df := measure.Year(2014)
		df.Department = dep.ID
		dd, err := newMeasures(db).Load(context.Background(), "dragoer", cur.Strategy, df)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out, l.Int(dd.Inbound)+" henvendelser til afdelingen") {
			t.Errorf("%s: the report does not give its %d inbound inquiries", dep.ID, dd.Inbound)
		}
	}

	// The PDF holds the same text, drawn by the program itself.
	pdf := renderPDF(t, *doc)
	text := strings.Join(pdftest.Flat(pdfPages(t, pdf)), " ")
	for _, want := range []string{"Kanalstrategien i 2014", "Sammenfatning", "1. Målene", "Børn og skole", "Teknik og miljø",
		"Mål 2015: 50 %", "Side 1 af " + strconv.Itoa(pageCount(pdf)), inbound} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
	for _, tb := range documentTables(*doc) {
		for _, row := range tb.Rows {
			if !strings.Contains(text, row[0].Text) {
				t.Errorf("the PDF lacks the row %q of %q", row[0].Text, tb.Caption)
			}
		}
	}

	en, err := newReports(db).Make(context.Background(), locale.New("en"), "dragoer", history(t, db, "dragoer"), 2014, made, nil)
	if err != nil {
		t.Fatal(err)
	}
	html.Reset()
	if err := WriteHTML(&html, *en); err != nil || !strings.Contains(html.String(), "The channel strategy in 2014") {
		t.Errorf("the English report: %v", err)
	}
}

func TestMake_AYearWithoutInquiriesSaysSo(t *testing.T) {
	db, _ := dragoer(t)
	doc, err := newReports(db).Make(context.Background(), locale.New("da"), "dragoer", history(t, db, "dragoer"), 2030, made, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Summary) != 1 || doc.Summary[0] != "Der er ikke talt nogen henvendelser i 2030." {
		t.Errorf("summary %q", doc.Summary)
	}
}

func TestStyleHash_MatchesTheInlineStyle(t *testing.T) {
	var html bytes.Buffer
	if err := WriteHTML(&html, Document{Lang: "da", Title: "x"}); err != nil {
		t.Fatal(err)
	}
	out := html.String()
	start := strings.Index(out, "<style>") + len("<style>")
	end := strings.Index(out, "</style>")
	if start < len("<style>") || end < start || string(style) != out[start:end] {
		t.Fatal("the style in the page is not the style the hash is of")
	}
	if !strings.HasPrefix(StyleHash(), "'sha256-") {
		t.Errorf("hash %s", StyleHash())
	}
}

// A year of one inquiry: every sentence with a count of the year agrees
// with it, in Danish and English ("1 henvendelse", never "1
// henvendelser"), and Dragør's prices, which are examples, are said to
// be so.
func TestMake_AYearOfOneInquiryAgreesWithItsCount(t *testing.T) {
	ctx := context.Background()
	db, reg := kanaltest.Presets(t)
	cur := kanaltest.Current(t, reg, "dragoer")
	one := inquiry.Inquiry{OccurredAt: time.Date(2013, 5, 6, 10, 0, 0, 0, strategy.Location), Channel: "in_person",
		Type: strategy.Information, Direction: strategy.Inbound, Area: "flytning", Source: "test"}
	if _, err := inquiry.NewRecorder(db).Record(ctx, cur, []inquiry.Inquiry{one}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		lang      string
		want, not []string
	}{
		{locale.Danish, []string{
			"I 2013 kom 0,0 % af 1 henvendelse fra borgere og virksomheder digitalt; medbetjening udgjorde 0,0 %.",
			"1 af 1 informationshenvendelse kom på de dyre kanaler",
			"I 2013 talte kommunen 1 henvendelse til kommunen og 0 fra kommunen.",
			"1 henvendelse til afdelingen; 0,0 % kom digitalt",
			"priser i de gældende versioner er eksempler og ikke kommunens egne tal",
		}, []string{"1 henvendelser", "1 informationshenvendelser"}},
		{"en", []string{
			"In 2013, 0.0 % of the 1 inquiry from citizens and businesses came digitally; assisted self-service made up 0.0 %.",
			"1 of 1 information inquiry came on the expensive channels",
			"In 2013 the municipality counted 1 inquiry to it and 0 from it.",
			"1 inquiry to the department; 0.0 % came digitally",
			"prices of the versions in force are examples, not the municipality's own figures",
		}, []string{"1 inquiries", "1 information inquiries"}},
	} {
		doc, err := newReports(db).Make(ctx, locale.New(c.lang), "dragoer", history(t, db, "dragoer"), 2013, made, nil)
		if err != nil {
			t.Fatal(err)
		}
		var html bytes.Buffer
		if err := WriteHTML(&html, *doc); err != nil {
			t.Fatal(err)
		}
		out := stdhtml.UnescapeString(html.String())
		for _, w := range c.want {
			if !strings.Contains(out, w) {
				t.Errorf("%s: the report does not say %q", c.lang, w)
			}
		}
		for _, n := range c.not {
			if strings.Contains(out, n) {
				t.Errorf("%s: the report says %q", c.lang, n)
			}
		}
	}
}

// The method's sentence on example prices agrees with the count of them,
// and says none are examples when none are.
func TestPricesText_AgreesWithTheCountOfExamples(t *testing.T) {
	spans := func(example ...bool) []measure.Span {
		s := &strategy.Strategy{}
		for _, e := range example {
			s.Prices.Entries = append(s.Prices.Entries, strategy.Price{Example: e})
		}
		return []measure.Span{{Version: measure.Version{Strategy: s}}}
	}
	da, en := locale.New(locale.Danish), locale.New("en")
	for _, c := range []struct{ got, want string }{
		{pricesText(da, spans(false, false)), "Omkostningerne bygger på strategiens kanalpriser; ingen af priserne i de gældende versioner er eksempler."},
		{pricesText(en, spans(false)), "The costs rest on the strategy's channel prices; none of the prices of the versions in force is an example."},
		{pricesText(da, spans(true)), "Omkostningerne bygger på strategiens kanalpriser. 1 af de gældende versioners priser (i alt 1) er et eksempel og ikke kommunens eget tal; det bør erstattes med kommunens eget."},
		{pricesText(en, spans(false, true, false)), "The costs rest on the strategy's channel prices. 1 of the prices of the versions in force (3 in all) is an example, not the municipality's own figure; it should be replaced with its own."},
		{pricesText(da, spans(true, true, false)), "Omkostningerne bygger på strategiens kanalpriser. 2 af de 3 priser i de gældende versioner er eksempler og ikke kommunens egne tal; de bør erstattes med kommunens egne."},
	} {
		if c.got != c.want {
			t.Errorf("got  %q\nwant %q", c.got, c.want)
		}
	}
}

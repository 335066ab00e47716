package councilreport

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/businesscase"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/kanaltest"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/plan"
	"github.com/kanal-dk/kanal/internal/register"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/strategy"
)

var group = audit.Actor{Name: "strategi@dragoer.demo"}

// processData writes, by hand, a year of strategy work in Dragør: four
// inquiries to Borgerbutikken in 2014 (three by self-service, two
// settled at the first contact), Borgerbutikken's plan with two targets
// for 2014 and one for 2015, the moving notice's solution in the register
// without national login, and three business cases — the worked example
// of docs/business-case.md approved on 1 June 2014, one approved in 2013
// and one never approved.
func processData(t *testing.T) *store.DB {
	t.Helper()
	ctx := context.Background()
	db, reg := kanaltest.Presets(t)
	cur := kanaltest.Current(t, reg, "dragoer")
	at := func(m time.Month, d int) time.Time { return time.Date(2014, m, d, 10, 0, 0, 0, strategy.Location) }
	in := func(when time.Time, channel, typ string, resolved bool) inquiry.Inquiry {
		return inquiry.Inquiry{OccurredAt: when, Area: "flytning", Type: typ, Direction: strategy.Inbound, Channel: channel,
			ResolvedFirstContact: resolved, Source: "test"}
	}
	if _, err := inquiry.NewRecorder(db).Record(ctx, cur, []inquiry.Inquiry{
		in(at(3, 1), strategy.SelfService, strategy.Transaction, true),
		in(at(4, 1), strategy.SelfService, strategy.Transaction, false),
		in(at(5, 1), strategy.SelfService, strategy.Transaction, false),
		in(at(6, 1), strategy.Phone, strategy.Information, true),
	}); err != nil {
		t.Fatal(err)
	}
	s := cur.Strategy
	pl := plan.Propose(s, "dragoer", "borgerbutikken")
	pl.Targets = []plan.Target{
		{Measure: strategy.MeasureInboundDigital, Year: 2014, Share: 60, Direction: strategy.AtLeast},
		{Measure: plan.MeasureFirstContact, Year: 2014, Share: 80, Direction: strategy.AtLeast},
		{Measure: strategy.MeasureInboundDigital, Year: 2015, Share: 70, Direction: strategy.AtLeast},
	}
	if _, err := plan.New(db, nil).Save(ctx, s, pl, group); err != nil {
		t.Fatal(err)
	}
	solutions, err := register.New(db, nil).All(ctx, s, "dragoer")
	if err != nil {
		t.Fatal(err)
	}
	for _, sol := range solutions {
		if sol.Area == "flytning" {
			sol.Login = strategy.LoginNone
			if _, err := register.New(db, nil).Save(ctx, sol, 0, group); err != nil {
				t.Fatal(err)
			}
		}
	}
	worked := businesscase.Scenario{Name: "Forventet", Chosen: true, AssistedVolume: 500, AssistedMinutes: 6, StaffHourDKK: 400,
		Input: businesscase.Input{Volume: 4000, Shift: 0.60, PriceOld: 75, PriceNew: 20, Investment: 300000, RunningPerYear: 20000,
			Years: 5, DiscountRate: 0.04}}
	for _, c := range []struct {
		title    string
		approved time.Time
	}{{"Digital flytning", at(6, 1)}, {"Sundhedskort 2013", time.Date(2013, 11, 1, 10, 0, 0, 0, strategy.Location)}, {"Ikke godkendt", time.Time{}}} {
		clock := func() time.Time { return c.approved }
		saved, err := businesscase.New(db, clock).Save(ctx, businesscase.Case{Municipality: "dragoer", Area: "flytning", Title: c.title,
			Scenarios: []businesscase.Scenario{worked}}, group)
		if err != nil {
			t.Fatal(err)
		}
		if !c.approved.IsZero() {
			if err := businesscase.New(db, clock).Approve(ctx, "dragoer", saved.ID, saved.Version, group); err != nil {
				t.Fatal(err)
			}
		}
	}
	return db
}

// The issue: the council report for a year "lists the targets (municipal
// and departmental), the register's compliance, the business cases
// approved and the decisions the council is asked for". Every number is
// worked out by hand from processData.
func TestMake_TheStrategyWorkOfTheYear(t *testing.T) {
	db := processData(t)
	ctx := context.Background()
	doc, err := newReports(db).Make(ctx, locale.New(locale.Danish), "dragoer", history(t, db, "dragoer"), 2014, made,
		&Issue{At: made, By: "Anna", Version: 1, Decisions: "At godkende planen for 2015.\n\nAt afsætte 300.000 kr. til digital flytning."})
	if err != nil {
		t.Fatal(err)
	}
	rows := func(id string) [][]string {
		for _, s := range doc.Sections {
			for _, b := range s.Blocks {
				if b.Table != nil && b.Table.ID == id {
					var out [][]string
					for _, r := range b.Table.Rows {
						var cells []string
						for _, c := range r {
							cells = append(cells, c.Text)
						}
						out = append(out, cells)
					}
					return out
				}
			}
		}
		t.Fatalf("no table %s", id)
		return nil
	}
	// 3 of 4 inquiries digital = 75,0 %; 2 of 4 settled at once = 50,0 %;
	// the report is made in February 2015, after the year.
	want := [][]string{
		{"Borgerbutikken", "Digitale henvendelser fra borgerne", "mindst 60,0 %", "75,0 %", "nået"},
		{"Borgerbutikken", "Straksafklaring", "mindst 80,0 %", "50,0 %", "ikke nået"},
	}
	if got := rows("department-targets"); !equalRows(got, want) {
		t.Errorf("department targets\n got %q\nwant %q", got, want)
	}
	// The worked example: net 92 000 kr., NPV 109 568 kr., payback 3,26
	// years; only the case approved in 2014.
	want = [][]string{{"Digital flytning", "23.05.10 Flytteanmeldelse", "1. juni 2014", "300.000 kr.", "92.000 kr.", "109.568 kr.", "3,26 år"}}
	got := rows("business-cases")
	if len(got) != 1 || got[0][0] != want[0][0] || got[0][2] != want[0][2] || got[0][3] != want[0][3] || got[0][4] != want[0][4] || got[0][5] != want[0][5] || got[0][6] != want[0][6] {
		t.Errorf("business cases\n got %q\nwant %q", got, want)
	}
	// The moving notice's solution without national login fails the
	// login check (Dragør: "Inden udgangen af 2012 skal NemID anvendes på
	// alle Dragør Kommunes digitale løsninger, der kræver validering").
	var loginFails bool
	for _, r := range rows("compliance") {
		if r[0] == "23.05.10 Flytteanmeldelse" && r[1] == "NemID/MitID, hvor validering kræves" {
			loginFails = r[2] == "ikke overholdt"
		}
	}
	if !loginFails {
		t.Errorf("the moving notice without national login passes: %q", rows("compliance"))
	}
	var html bytes.Buffer
	if err := WriteHTML(&html, *doc); err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"<p>At godkende planen for 2015.</p>", "<p>At afsætte 300.000 kr. til digital flytning.</p>",
		"9. Kommunalbestyrelsen bedes beslutte"} {
		if !strings.Contains(html.String(), w) {
			t.Errorf("the report lacks %q", w)
		}
	}
}

func equalRows(a, b [][]string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if strings.Join(a[i], "|") != strings.Join(b[i], "|") {
			return false
		}
	}
	return true
}

// "The council report for a year is issued once (Q1 of the next year),
// stored as issued … later loads of a strategy or plan never change an
// issued report": a second issue of the year is refused, and changing the
// plan, the register and a business case afterwards leaves the issued
// bytes as they were.
func TestIssue_OnceAndUnchangedByLaterProcessData(t *testing.T) {
	db := processData(t)
	ctx := context.Background()
	l := locale.New(locale.Danish)
	req := IssueRequest{Municipality: "dragoer", History: history(t, db, "dragoer"), Year: 2014, Lang: l,
		Now: time.Date(2015, 2, 3, 10, 0, 0, 0, time.UTC), By: "Anna", Actor: group, Decisions: "At tage rapporten til efterretning."}
	is, err := newReports(db).Issue(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	_, pdf, err := newReports(db).IssuedFile(ctx, "dragoer", is.ID, FormatPDF)
	if err != nil {
		t.Fatal(err)
	}
	_, html, err := newReports(db).IssuedFile(ctx, "dragoer", is.ID, FormatHTML)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(html), "At tage rapporten til efterretning.") {
		t.Error("the issued report lacks its decisions")
	}

	again := req
	again.Lang, again.Now = locale.New("en"), req.Now.Add(time.Hour)
	var already *AlreadyIssuedError
	if _, err := newReports(db).Issue(ctx, again); !errors.As(err, &already) || already.Earlier.ID != is.ID {
		t.Fatalf("a second issue of 2014: %v", err)
	}
	if list, err := newReports(db).Issued(ctx, "dragoer"); err != nil || len(list) != 1 {
		t.Fatalf("issued %d reports, %v", len(list), err)
	}

	// The plan, the register and a business case change after the issue.
	reg := kanaltest.Current(t, municipality.NewRegistry(db), "dragoer")
	pl, err := plan.New(db, nil).Current(ctx, reg.Strategy, "dragoer", "borgerbutikken")
	if err != nil {
		t.Fatal(err)
	}
	pl.Targets[0].Share = 90
	if _, err := plan.New(db, nil).Save(ctx, reg.Strategy, pl, group); err != nil {
		t.Fatal(err)
	}
	sol, ok, err := register.New(db, nil).Entry(ctx, "dragoer", "flytning")
	if err != nil || !ok {
		t.Fatalf("register entry: %v %v", ok, err)
	}
	sol.Login = strategy.LoginNational
	if _, err := register.New(db, nil).Save(ctx, sol, 1, group); err != nil {
		t.Fatal(err)
	}
	cases, err := businesscase.New(db, nil).All(ctx, "dragoer")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		if c.Title == "Digital flytning" {
			c.Title = "Digital flytning, ny version"
			if _, err := businesscase.New(db, nil).Save(ctx, c, group); err != nil {
				t.Fatal(err)
			}
		}
	}
	// A report made now differs; the issued one does not.
	now, err := newReports(db).Make(ctx, l, "dragoer", history(t, db, "dragoer"), 2014, req.Now, nil)
	if err != nil {
		t.Fatal(err)
	}
	var fresh bytes.Buffer
	if err := WriteHTML(&fresh, *now); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(fresh.String(), "mindst 90,0 %") {
		t.Error("the report made now does not show the changed plan")
	}
	for format, want := range map[string][]byte{FormatPDF: pdf, FormatHTML: html} {
		if _, got, err := newReports(db).IssuedFile(ctx, "dragoer", is.ID, format); err != nil || !bytes.Equal(got, want) {
			t.Errorf("the issued %s changed after the plan, register and business case changed: %v", format, err)
		}
	}
}

func TestInFirstQuarter(t *testing.T) {
	for _, c := range []struct {
		at   time.Time
		want bool
	}{
		{time.Date(2015, 1, 1, 0, 30, 0, 0, strategy.Location), true},
		{time.Date(2015, 3, 31, 23, 59, 0, 0, strategy.Location), true},
		{time.Date(2015, 4, 1, 0, 0, 0, 0, strategy.Location), false},
		{time.Date(2014, 12, 31, 23, 0, 0, 0, strategy.Location), false},
		{time.Date(2016, 2, 1, 0, 0, 0, 0, strategy.Location), false},
	} {
		if got := InFirstQuarter(2014, c.at); got != c.want {
			t.Errorf("%v: %v, want %v", c.at, got, c.want)
		}
	}
}

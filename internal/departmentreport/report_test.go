package departmentreport_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/departmentreport"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/measure"
	"github.com/kanal-dk/kanal/internal/plan"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// A target is met when the measured share (0–1) reaches the target (in
// percent) in its direction; before the year is over the verdict is
// provisional.
func TestVerdict(t *testing.T) {
	after := time.Date(2015, 2, 1, 12, 0, 0, 0, strategy.Location)
	during := time.Date(2014, 10, 1, 12, 0, 0, 0, strategy.Location)
	share := func(v float64) *float64 { return &v }
	atLeast := plan.Target{Measure: strategy.MeasureInboundDigital, Year: 2014, Share: 60, Direction: strategy.AtLeast}
	atMost := plan.Target{Measure: strategy.MeasureExpensiveInformation, Year: 2014, Share: 20, Direction: strategy.AtMost}
	for _, c := range []struct {
		t     plan.Target
		value *float64
		now   time.Time
		want  string
	}{
		{atLeast, share(0.60), after, departmentreport.Met},
		{atLeast, share(0.599), after, departmentreport.NotMet},
		{atLeast, share(0.75), during, departmentreport.SoFarMet},
		{atLeast, share(0.10), during, departmentreport.SoFarNot},
		{atMost, share(0.20), after, departmentreport.Met},
		{atMost, share(0.21), after, departmentreport.NotMet},
		{atLeast, nil, after, departmentreport.NoFigures},
	} {
		if got := departmentreport.Verdict(c.t, c.value, c.now); got != c.want {
			t.Errorf("%s %v at %v: %s, want %s", c.t.Direction, c.value, c.now, got, c.want)
		}
	}
}

// The report lists the actions done in the year only, the targets of
// the year only, and the department's texts; its PDF is a PDF.
func TestMake_ActionsTargetsAndTexts(t *testing.T) {
	s := &strategy.Strategy{Municipality: strategy.Municipality{Name: "Dragør Kommune"},
		Areas: []strategy.Area{{ID: "flytning", Title: "Flytteanmeldelse"}}}
	day := func(y int, m time.Month, d int) civil.Date { return civil.NewDate(y, m, d) }
	p := plan.Plan{Department: "borgerbutikken",
		Actions: []plan.Action{
			{ID: 1, Title: "Flytning på borger.dk", Area: "flytning", Owner: "Ole", Status: plan.Done, Completed: day(2014, 5, 2), Indicator: strategy.MeasureInboundDigital},
			{ID: 2, Title: "Gammelt tiltag", Status: plan.Done, Completed: day(2013, 5, 2)},
			{ID: 3, Title: "Ikke færdigt", Status: plan.Started},
		},
		Targets: []plan.Target{
			{Measure: strategy.MeasureInboundDigital, Year: 2014, Share: 50, Direction: strategy.AtLeast},
			{Measure: strategy.MeasureInboundDigital, Year: 2015, Share: 60, Direction: strategy.AtLeast},
		}}
	// 3 of 4 inbound inquiries digital: 75,0 %.
	d := &measure.Dashboard{}
	d.Digital = measure.Fraction{Part: 3, Whole: 4}
	now := time.Date(2015, 2, 3, 10, 0, 0, 0, strategy.Location)
	rep := departmentreport.Make(locale.New(locale.Danish), departmentreport.Input{Strategy: s,
		Department: strategy.Department{ID: "borgerbutikken", Name: "Borgerbutikken"}, Year: 2014, Plan: p, Figures: d,
		Texts: departmentreport.Texts{Status: departmentreport.Written, Done: "Vi flyttede flytning."}, Now: now})
	if len(rep.Actions.Rows) != 1 || rep.Actions.Rows[0][0].Text != "Flytning på borger.dk" || rep.Actions.Rows[0][1].Text != "Flytteanmeldelse" {
		t.Errorf("actions %+v", rep.Actions.Rows)
	}
	if len(rep.Targets.Rows) != 1 {
		t.Fatalf("targets %+v", rep.Targets.Rows)
	}
	var row []string
	for _, c := range rep.Targets.Rows[0] {
		row = append(row, c.Text)
	}
	if got := strings.Join(row, "|"); got != "Digitale henvendelser fra borgerne|mindst 50,0 %|75,0 %|nået" {
		t.Errorf("target row %s", got)
	}
	if rep.Title != "Borgerbutikken: årsrapport 2014" || rep.Texts[0].Body != "Vi flyttede flytning." || rep.Texts[2].Heading != "Planen for 2015" {
		t.Errorf("report %q %+v", rep.Title, rep.Texts)
	}
	if !strings.Contains(strings.Join(rep.Notices, " "), "Ikke afleveret") {
		t.Errorf("a written report does not say it is not submitted: %q", rep.Notices)
	}
	var pdf bytes.Buffer
	if err := departmentreport.WritePDF(&pdf, rep); err != nil || !bytes.HasPrefix(pdf.Bytes(), []byte("%PDF")) {
		t.Errorf("pdf: %v", err)
	}
}

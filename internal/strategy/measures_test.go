package strategy_test

import (
	"os"
	"slices"
	"testing"

	"github.com/kanal-dk/kanal/internal/strategy"
)

// The definitions of the shares, read from the seeds' words: Dragør's
// digital share is "digital selvbetjening" with "Henvendelser fra borgere i
// Digital Post regnes i denne forbindelse for en digital henvendelse", out
// of every inquiry from the citizens but the website's page views; a
// target's own counts, of and types replace the defaults one by one.
func TestShareOf_DefaultsAndTheTargetsOwn(t *testing.T) {
	data, err := os.ReadFile("testdata/minimal.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s, err := strategy.Parse("minimal.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	def := s.DefaultShare(strategy.MeasureInboundDigital)
	if !slices.Equal(def.Counts, []string{strategy.SelfService, strategy.DigitalPost}) || def.InWhole(strategy.Website) ||
		!def.InWhole(strategy.Email) || def.Types != nil || !def.IsDefault() || def.Direction != strategy.Inbound {
		t.Errorf("the digital share's default: %+v", def)
	}
	if s.CountsPageViews() {
		t.Error("page views count as inquiries by default")
	}
	post := s.DefaultShare(strategy.MeasureOutboundDigitalPost)
	if post.Direction != strategy.Outbound || !post.InPart(strategy.DigitalPost) || post.InWhole(strategy.SMS) || post.InWhole(strategy.Email) {
		t.Errorf("the Digital Post share's default: %+v", post)
	}
	tg := strategy.Target{Measure: strategy.MeasureInboundDigital, Of: []string{strategy.SelfService, strategy.Website}}
	own := s.ShareOf(&tg)
	if own.DefaultOf || !own.DefaultCounts || !own.InWhole(strategy.Website) || own.InPart(strategy.DigitalPost) {
		t.Errorf("a target's own whole: %+v (Digital Post counts only when it is in the whole)", own)
	}
	s.Targets = append([]strategy.Target{tg}, s.Targets...)
	if !s.CountsPageViews() {
		t.Error("a strategy whose digital share is out of the website does not count page views")
	}
	if tx := s.DefaultShare(strategy.MeasureTransactionDigital); !tx.HasType(strategy.Transaction) || tx.HasType(strategy.Information) {
		t.Errorf("digital applications count %v", tx.Types)
	}
}

// Dragør on SB level 0: "En sådan sagsgang kræver i princippet samme
// ressourceforbrug, som hvis borgeren havde indsendt en skriftlig blanket."
// Tårnby: "Digitalisering skal ske på SB niveau 1 for at være effektiv."
func TestSBLevels_ReportingAndTheMinimum(t *testing.T) {
	level := func(n int) *strategy.Area {
		return &strategy.Area{SelfService: &strategy.Solution{SBLevel: &n}}
	}
	s := &strategy.Strategy{MinimumSBLevel: &strategy.SBRule{Level: 1}}
	if !level(0).IsReporting() || level(1).IsReporting() || (&strategy.Area{}).IsReporting() {
		t.Error("SB level 0 is digital indberetning, and only it")
	}
	if !s.BelowMinimum(level(0)) || s.BelowMinimum(level(1)) || s.BelowMinimum(&strategy.Area{}) {
		t.Error("below Tårnby's minimum: level 0, not 1, not an area without a solution")
	}
	if (&strategy.Strategy{}).BelowMinimum(level(0)) {
		t.Error("a strategy without a minimum warns")
	}
	hour := 380.0
	if dkk, example := (strategy.Prices{StaffHourDKK: &hour}).StaffHour(); dkk != 380 || example {
		t.Errorf("the strategy's own staff hour: %v %v", dkk, example)
	}
	if dkk, example := (strategy.Prices{}).StaffHour(); dkk != strategy.ExampleStaffHourDKK || !example {
		t.Errorf("no staff hour: %v %v, want the example", dkk, example)
	}
}

package describe

import (
	"testing"

	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// Every field a file may mark as an example has a name in both languages,
// so that no page shows a catalogue key instead.
func TestExampleFields_AllHaveNames(t *testing.T) {
	for _, f := range strategy.AreaExampleFields {
		if !locale.Has("example.area." + f) {
			t.Errorf("no name for the area field %s", f)
		}
	}
	for _, f := range strategy.TargetExampleFields {
		if !locale.Has("example.target." + f) {
			t.Errorf("no name for the target field %s", f)
		}
	}
}

// The national login is named by the strategy's period: NemID for Dragør's
// 2012–2015 ("Inden udgangen af 2012 skal NemID anvendes …") and Tårnby's
// 2016–2018, MitID after the change, both for a period that spans it.
func TestLogin_NamedByThePeriod(t *testing.T) {
	da := locale.New(locale.Danish)
	for period, want := range map[strategy.Period]string{
		{From: 2012, To: 2015}: "NemID",
		{From: 2016, To: 2018}: "NemID",
		{From: 2023, To: 2026}: "MitID",
		{From: 2019, To: 2022}: "NemID eller MitID",
	} {
		s := &strategy.Strategy{Period: period}
		if got := Login(s, da, strategy.LoginNational); got != want {
			t.Errorf("%v: %q, want %q", period, got, want)
		}
	}
	if got := Login(&strategy.Strategy{}, da, strategy.LoginNone); got != "Intet login" {
		t.Errorf("no login: %q", got)
	}
}

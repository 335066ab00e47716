package strategy_test

import (
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/strategy"
	"github.com/kanal-dk/kanal/strategies"
)

func preset(t *testing.T, id string) *strategy.Strategy {
	t.Helper()
	for _, p := range strategies.Presets() {
		s, err := strategy.Parse(p.Name, p.Data)
		if err != nil {
			t.Fatalf("%s: %v", p.Name, describe(err))
		}
		if s.Municipality.ID == id {
			return s
		}
	}
	t.Fatalf("no preset %s", id)
	return nil
}

func TestPresets_LoadAndHoldTheSeedsRules(t *testing.T) {
	if n := len(strategies.Presets()); n != 2 {
		t.Fatalf("want the Dragør and Tårnby presets, found %d", n)
	}
	kles := []string{"23.05.10", "29.03.04", "29.03.06", "28.09.40", "17.20.01", "17.13.10",
		"02.34.02", "23.09.02", "23.09.04", "32.03.04", "32.06.04", "07.18.06"}
	mandatory := map[string]bool{"23.05.10": true, "29.03.04": true, "29.03.06": true, "28.09.40": true,
		"17.20.01": true, "17.13.10": true, "02.34.02": true}
	for _, id := range []string{"dragoer", "taarnby"} {
		s := preset(t, id)
		if len(s.Areas) < 12 {
			t.Errorf("%s: %d areas, want at least a dozen", id, len(s.Areas))
		}
		for _, kle := range kles {
			a, ok := s.Area(kle)
			if !ok {
				t.Errorf("%s: no area %s", id, kle)
				continue
			}
			if got := a.Mandatory != nil; got != mandatory[kle] {
				t.Errorf("%s %s %s: mandatory digital = %v, want %v", id, kle, a.Title, got, mandatory[kle])
			}
		}
		email, _ := s.Channel(strategy.Email)
		if email.Digital || email.Kind != strategy.KindWritten {
			t.Errorf("%s: e-mail must be written, not digital", id)
		}
		for _, p := range s.Prices.Entries {
			if !p.Example && !(p.Channel == strategy.InPerson || p.Channel == strategy.SelfService) {
				t.Errorf("%s: price for %s is not marked as an example but has no public source", id, p.Channel)
			}
		}
	}
}

// Dragør's Table 1: citizen → municipality.
func TestPresets_DragoerTableOne(t *testing.T) {
	s := preset(t, "dragoer")
	want := map[string][3][]string{
		strategy.Information: {{"website"}, {"phone"}, {"email", "letter", "in_person"}},
		strategy.Interaction: {{"phone"}, {"digital_post"}, {"email", "letter", "in_person"}},
		strategy.Transaction: {{"self_service"}, {"phone", "email", "letter", "in_person"}, {}},
	}
	for typ, w := range want {
		it, _ := s.InquiryType(typ)
		got := [3][]string{it.Inbound.Primary, it.Inbound.Secondary, it.Inbound.Inappropriate}
		for i := range w {
			if !equal(got[i], w[i]) {
				t.Errorf("%s list %d = %v, want %v", typ, i, got[i], w[i])
			}
		}
	}
	inbound := target(t, s, strategy.MeasureInboundDigital)
	if inbound.Shares[2012] != 30 || inbound.Shares[2015] != 50 {
		t.Errorf("inbound digital targets %v, want 30 %% in 2012 and 50 %% in 2015", inbound.Shares)
	}
	post := target(t, s, strategy.MeasureOutboundDigitalPost)
	if post.Shares[2012] != 20 || post.Shares[2015] != 50 {
		t.Errorf("Digital Post targets %v, want 20 %% in 2012 and 50 %% in 2015", post.Shares)
	}
}

func TestPresets_Taarnby(t *testing.T) {
	s := preset(t, "taarnby")
	if tx := target(t, s, strategy.MeasureTransactionDigital); tx.Shares[2018] != 80 {
		t.Errorf("transaction target %v, want about 80 %%", tx.Shares)
	}
	if info := target(t, s, strategy.MeasureExpensiveInformation); info.Direction != strategy.Reduce {
		t.Errorf("expensive information target should ask for a reduction, is %q", info.Direction)
	}
	at := func(s string) time.Time {
		tm, err := time.ParseInLocation("2006-01-02 15:04", s, strategy.Location)
		if err != nil {
			t.Fatal(err)
		}
		return tm
	}
	// The contact centre: Mon–Thu 8–22, Fri 8–18.
	for when, open := range map[string]bool{
		"2017-03-02 21:30": true,  // Thursday evening
		"2017-03-02 22:00": false, // closes at 22
		"2017-03-03 17:59": true,  // Friday
		"2017-03-03 18:30": false,
		"2017-03-04 10:00": false, // Saturday
		"2017-12-25 10:00": false, // Christmas Day, a Monday
		"2017-04-13 10:00": false, // Maundy Thursday
	} {
		if got := s.IsOpen(strategy.Phone, at(when)); got != open {
			t.Errorf("phone open at %s = %v, want %v", when, got, open)
		}
	}
	if social, ok := s.Channel("social_media"); !ok || social.Inbound || social.Outbound {
		t.Error("Tårnby does not communicate on social media: the channel must exist and be closed both ways")
	}
}

func target(t *testing.T, s *strategy.Strategy, measure string) strategy.Target {
	t.Helper()
	for _, tg := range s.Targets {
		if tg.Measure == measure {
			return tg
		}
	}
	t.Fatalf("%s has no %s target", s.Municipality.ID, measure)
	return strategy.Target{}
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

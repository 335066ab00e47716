package strategy_test

import (
	"testing"

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
	mandatory := map[string]map[string]bool{
		"dragoer": {"23.05.10": true, "29.03.04": true, "29.03.06": true, "28.09.40": true,
			"17.20.01": true, "17.13.10": true, "02.34.02": true},
		// Udbetaling Danmark took over the EU health card on 1 May 2015, so
		// in Tårnby's period it is a referral, not the municipality's case.
		"taarnby": {"23.05.10": true, "29.03.04": true, "28.09.40": true,
			"17.20.01": true, "17.13.10": true, "02.34.02": true},
	}
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
			if got := a.Mandatory != nil; got != mandatory[id][kle] {
				t.Errorf("%s %s %s: mandatory digital = %v, want %v", id, kle, a.Title, got, mandatory[id][kle])
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

// Dragør's Table 1: citizen → municipality. The OCR flattened the table's
// two-line cells; the sentences under it settle the reading of each column:
// "Den primære kanal for informationshenvendelser fra borgere og
// virksomheder bør være kommunens hjemmeside. Den sekundære kanal bør være
// telefon." – "Den primære kanal for interaktionshenvendelser, hvor det er
// borgeren, der tager kontakt, bør være telefon. De sekundære bør være
// Digital Post." – "Den primære kanal for transaktionshenvendelser bør være
// digitale selvbetjeningsløsninger eller medbetjening. De sekundære bør være
// telefon eller personlig henvendelse." The inappropriate row is "Skriftlig
// (mail/brev) og personlig henvendelse", "Skriftlig (mail/brev) og Personlig
// henvendelse" and "Skriftlig henvendelse".
func TestPresets_DragoerTableOne(t *testing.T) {
	s := preset(t, "dragoer")
	want := map[string][3][]string{
		strategy.Information: {{"website"}, {"phone"}, {"email", "letter", "in_person"}},
		strategy.Interaction: {{"phone"}, {"digital_post"}, {"email", "letter", "in_person"}},
		strategy.Transaction: {{"self_service"}, {"phone", "in_person"}, {"email", "letter"}},
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

// No area of Dragør's copies the transaction row's old error: a written
// channel (e-mail, letter) as a secondary channel for transactions, where
// Table 1 calls written inquiries inappropriate. Passports and driving
// licences need personal attendance and say so.
func TestPresets_DragoerAreasDoNotMakeWrittenTransactionsSecondary(t *testing.T) {
	s := preset(t, "dragoer")
	for i := range s.Areas {
		a := &s.Areas[i]
		if !a.Handles(strategy.Transaction) {
			continue
		}
		p := s.Priority(a, strategy.Transaction, strategy.Inbound)
		for _, c := range []string{strategy.Email, strategy.Letter} {
			if contains(p.Primary, c) || contains(p.Secondary, c) {
				t.Errorf("%s: %s is primary or secondary for transactions: %+v", a.ID, c, p)
			}
		}
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

func contains(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}

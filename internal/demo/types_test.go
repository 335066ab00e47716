package demo_test

import (
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/demo"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/strategy"
)

func preset(t *testing.T, id string) *strategy.Strategy {
	t.Helper()
	for _, s := range presets(t) {
		if s.Municipality.ID == id {
			return s
		}
	}
	t.Fatalf("no preset %s", id)
	return nil
}

func year(y int) demo.Options {
	return demo.Options{From: time.Date(y, 1, 1, 0, 0, 0, 0, strategy.Location), To: time.Date(y, 12, 31, 0, 0, 0, 0, strategy.Location)}
}

// Tårnby has two inquiry types: "Skema 1. Informationshenvendelser er de
// henvendelser, som ikke vedrører en konkret sag." and "Skema 2.
// Transaktionshenvendelser er de henvendelser der vedrører en konkret sag
// eller danner baggrund for en kommende sagsbehandling." The demo data has
// those two only, both in a sensible proportion (each between a fifth and
// four fifths of the inbound inquiries), and a type of a strategy's own is
// generated too.
func TestGenerate_OnlyTheStrategysTypes(t *testing.T) {
	s := preset(t, "taarnby")
	byType := map[string]int{}
	inbound := 0
	for _, in := range generate(t, s, year(2017)) {
		if _, ok := s.InquiryType(in.Type); !ok {
			t.Fatalf("generated type %q, not one of %v", in.Type, s.Types())
		}
		if in.Direction == strategy.Inbound {
			byType[in.Type]++
			inbound++
		}
	}
	for _, typ := range s.Types() {
		if share := float64(byType[typ]) / float64(inbound); share < 0.2 || share > 0.8 {
			t.Errorf("%s is %.2f of the inbound inquiries: %v", typ, share, byType)
		}
	}
	if len(byType) != 2 {
		t.Errorf("types %v, want Tårnby's two", byType)
	}

	own := preset(t, "taarnby")
	own.InquiryTypes = append(own.InquiryTypes, strategy.InquiryType{ID: "klage", Name: "Klage", Description: "Klager over en afgørelse.",
		Inbound:  strategy.Priority{Primary: []string{"digital_post"}, Secondary: []string{"letter"}},
		Outbound: strategy.Priority{Primary: []string{"digital_post"}, Secondary: []string{"letter"}}})
	a, _ := own.Area("affald")
	a.Types = append(a.Types, "klage")
	n := 0
	for _, in := range generate(t, own, year(2017)) {
		if errs := inquiry.Check(own, inquiry.WindowFor(own, 0, time.Now()), &in); len(errs) > 0 {
			t.Fatalf("an invalid inquiry %+v: %+v", in, errs)
		}
		if in.Type == "klage" {
			n++
		}
	}
	if n == 0 {
		t.Error("no inquiry of the strategy's own type klage")
	}
}

// The municipality's own phone keeps "de vedtagne telefontider" — in
// Tårnby's preset example hours that end at 17:00 at the latest (Thursday)
// and begin at 10:00. "Kontaktcentret har åbent mandag — torsdag fra 8-22
// og fredag fra 8-18" is borger.dk's contact centre at 1881, not the
// municipality's: no municipal call is generated in its evening hours.
func TestGenerate_NoMunicipalCallsInBorgerDKsEveningHours(t *testing.T) {
	s := preset(t, "taarnby")
	calls := 0
	for _, in := range generate(t, s, demo.Options{}) {
		if in.Channel != strategy.Phone {
			continue
		}
		calls++
		local := in.OccurredAt.In(strategy.Location)
		if h := local.Hour(); h < 10 || h >= 17 {
			t.Fatalf("a municipal %s call at %s", in.Direction, local.Format("Mon 2006-01-02 15:04"))
		}
	}
	if calls == 0 {
		t.Fatal("no phone calls at all")
	}
}

// A realistic share of referrals, counted beside the channel the citizen
// came by: about three in ten of the staffed and written contacts in an
// area whose cases Udbetaling Danmark handles (Dragør: "en del borgere, der
// ønsker personlig betjening på disse områder, vil vedblive med at henvende
// sig i kommunen"), a few per cent of the information questions at the
// phone and the counter elsewhere; never on self-service or the website,
// never outbound, and always to one of the strategy's referrals.
func TestGenerate_ReferralsInRealisticShares(t *testing.T) {
	for _, id := range []string{"dragoer", "taarnby"} {
		s := preset(t, id)
		var areaContacts, areaReferred, infoContacts, infoReferred int
		for _, in := range generate(t, s, year(s.Period.From+1)) {
			if in.ReferredTo != "" {
				if in.Direction != strategy.Inbound || in.Channel == strategy.SelfService || in.Channel == strategy.Website {
					t.Fatalf("%s: a referral on %s %s", id, in.Direction, in.Channel)
				}
				if _, ok := s.Referral(in.ReferredTo); !ok {
					t.Fatalf("%s: referred to %q", id, in.ReferredTo)
				}
			}
			if in.Direction != strategy.Inbound || in.Channel == strategy.SelfService || in.Channel == strategy.Website {
				continue
			}
			a, _ := s.Area(in.Area)
			if _, ok := s.ReferralFor(a); ok {
				areaContacts++
				if in.ReferredTo != "" {
					areaReferred++
				}
				continue
			}
			if in.Type == strategy.Information && (in.Channel == strategy.Phone || in.Channel == strategy.InPerson) {
				infoContacts++
				if in.ReferredTo != "" {
					infoReferred++
				}
			}
		}
		if share := float64(areaReferred) / float64(areaContacts); areaContacts == 0 || share < 0.2 || share > 0.4 {
			t.Errorf("%s: %d of %d contacts in areas with a referral were referred", id, areaReferred, areaContacts)
		}
		if share := float64(infoReferred) / float64(infoContacts); len(s.Referrals) > 1 && (share < 0.01 || share > 0.08) {
			t.Errorf("%s: %d of %d information questions at the phone and counter were referred", id, infoReferred, infoContacts)
		}
	}
}

package guidance_test

import (
	"strings"
	"testing"

	"github.com/kanal-dk/kanal/internal/guidance"
	"github.com/kanal-dk/kanal/internal/locale"
)

// Tårnby: "Borgere og virksomheder kan søge information på kommunens
// hjemmeside, Borger.dk og Kontaktcentret på tlf. 1881 hos Borger.dk."
// and "Kontaktcentret har åbent mandag — torsdag fra 8-22 og fredag fra
// 8-18." The contact centre is borger.dk's, not the municipality's phone:
// when the municipality's phone is closed and 1881 is open, an information
// inquiry is referred there, and Kanal never says "Ring til os".
func TestDecide_RefersInformationTo1881WhileTheMunicipalitysPhoneIsClosed(t *testing.T) {
	s := twoTypes()
	cases := []struct {
		name, typ, at string
		referral      string // "" for none
	}{
		{"Thursday 21:00: the phone closed at 17, 1881 is open", "information", "2017-03-02 21:00", "borgerdk-1881"},
		{"Friday 17:00: the phone closed at 13, 1881 is open until 18", "information", "2017-03-03 17:00", "borgerdk-1881"},
		{"Thursday 11:00: the municipality's own phone answers", "information", "2017-03-02 11:00", ""},
		{"Thursday 22:30: 1881 has closed too", "information", "2017-03-02 22:30", ""},
		{"Friday 19:00: 1881 closed at 18", "information", "2017-03-03 19:00", ""},
		{"Saturday: 1881 is closed", "information", "2017-03-04 12:00", ""},
		{"an application is not the contact centre's", "transaction", "2017-03-02 21:00", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, err := guidance.Decide(s, guidance.Request{Area: "flytning", Type: c.typ, Channel: "phone", At: at(t, c.at)})
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			if a.Referral != nil {
				got = a.Referral.ID
			}
			script := strings.Join(guidance.Texts(a.Script, locale.New("da")), " ")
			if got != c.referral || a.Recommended == "phone" && got != "" {
				t.Errorf("referral %q, recommended %s; want %q\n%s", got, a.Recommended, c.referral, script)
			}
			if c.referral == "" {
				return
			}
			line, ok := a.ReferTo()
			if !ok || line.Text(locale.New("da")) != "Henvis til borger.dk's kontaktcenter på tlf. 1881" || !a.ReferralOpen {
				t.Errorf("the referral line: %q %v, open %v", line.Text(locale.New("da")), ok, a.ReferralOpen)
			}
			if a.Recommended != "website" || strings.Contains(script, "Ring til os") || !strings.Contains(script, "tlf. 1881") {
				t.Errorf("recommended %s; script %q", a.Recommended, script)
			}
			if !hasReason(a, "guidance.reason.referral_phone_closed") {
				t.Errorf("reasons %v", a.Reasons)
			}
		})
	}
}

// Dragør: "Med overdragelsen af visse kommunale opgaver til statslige
// centre, Udbetaling Danmark, kan det forventes, at en del borgere, der
// ønsker personlig betjening på disse områder, vil vedblive med at henvende
// sig i kommunen." An area whose cases Udbetaling Danmark handles refers
// the citizen there — with its hours taken into account — while the
// municipality's own channel is still named.
func TestDecide_RefersAnAreaToItsReferral(t *testing.T) {
	s := twoTypes()
	for _, typ := range []string{"information", "transaction"} {
		a, err := guidance.Decide(s, guidance.Request{Area: "32.03.04", Type: typ, Channel: "in_person", At: at(t, "2017-03-07 11:00")})
		if err != nil {
			t.Fatal(err)
		}
		line, ok := a.ReferTo()
		if a.Referral == nil || a.Referral.ID != "udbetaling-danmark" || !a.ReferralOpen || !ok ||
			line.Text(locale.New("da")) != "Henvis til Udbetaling Danmark (https://www.borger.dk/pension-og-efterloen)" {
			t.Errorf("%s: referral %+v open %v line %q", typ, a.Referral, a.ReferralOpen, line.Text(locale.New("da")))
		}
		if _, ok := s.Channel(a.Recommended); !ok || !hasReason(a, "guidance.reason.referral_area") {
			t.Errorf("%s: recommended %q, reasons %v", typ, a.Recommended, a.Reasons)
		}
	}
	// The fixture's Udbetaling Danmark answers weekdays 9–15: at 16:00 on a
	// Tuesday it is closed and opens Wednesday at 9.
	a, err := guidance.Decide(s, guidance.Request{Area: "folkepension", Type: "transaction", At: at(t, "2017-03-07 16:00")})
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(guidance.Texts(a.Reasons, locale.New("da")), "\n")
	if a.Referral == nil || a.ReferralOpen || !strings.Contains(text, "Udbetaling Danmark har lukket nu og åbner igen onsdag kl. 09:00") {
		t.Errorf("closed referral: %+v open %v\n%s", a.Referral, a.ReferralOpen, text)
	}
	// The municipality's letters refer no one.
	out, err := guidance.Decide(s, guidance.Request{Area: "folkepension", Type: "transaction", Direction: "outbound", At: at(t, "2017-03-07 11:00")})
	if err != nil {
		t.Fatal(err)
	}
	if out.Referral != nil {
		t.Errorf("an outbound letter was referred to %s", out.Referral.ID)
	}
	// A referral in the strategy that neither handles the area nor has
	// hours (Virk.dk) is never recommended by itself.
	for _, h := range []string{"2017-03-02 21:00", "2017-03-04 12:00"} {
		a, err := guidance.Decide(s, guidance.Request{Area: "gravsted", Type: "information", At: at(t, h)})
		if err != nil {
			t.Fatal(err)
		}
		if a.Referral != nil && a.Referral.ID == "virk" {
			t.Errorf("%s: referred to Virk.dk", h)
		}
	}
}

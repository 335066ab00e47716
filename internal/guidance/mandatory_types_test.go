package guidance_test

import (
	"strings"
	"testing"

	"github.com/kanal-dk/kanal/internal/guidance"
	"github.com/kanal-dk/kanal/internal/locale"
)

// Tårnby has two inquiry types, and its transaction covers every inquiry
// about a case: "Transaktionshenvendelser er de henvendelser der vedrører
// en konkret sag eller danner baggrund for en kommende sagsbehandling."
// Mandatory digital self-service covers applications and notifications
// only, so a call or a letter about moving may be a question about a case:
// the guidance says that an application or notification must be made
// digitally unless staff record an exemption, and that a question can be
// answered on the channel used — and does not call the contact refused.
// Expected texts written by hand from the catalogue's wording.
func TestDecide_TwoTypesMandatoryAreaIsNoRefusal(t *testing.T) {
	s := presets(t)["taarnby"]
	for _, c := range []struct {
		channel, name string
	}{{"phone", "Telefon"}, {"letter", "Papirpost"}, {"in_person", "Personlig henvendelse"}} {
		t.Run(c.channel, func(t *testing.T) {
			a, err := guidance.Decide(s, guidance.Request{Area: "23.05.10", Type: "transaction", Channel: c.channel, At: at(t, "2017-03-02 11:00")})
			if err != nil {
				t.Fatal(err)
			}
			da := strings.Join(append(guidance.Texts(a.Reasons, locale.New("da")), guidance.Texts(a.Script, locale.New("da"))...), "\n")
			en := strings.Join(append(guidance.Texts(a.Reasons, locale.New("en")), guidance.Texts(a.Script, locale.New("en"))...), "\n")
			if a.Refused || !a.ApplicationDigital || a.Recommended != "self_service" || hasReason(a, "guidance.reason.refused") ||
				!hasReason(a, "guidance.reason.mandatory") {
				t.Errorf("refused %v application digital %v recommended %s\n%s", a.Refused, a.ApplicationDigital, a.Recommended, da)
			}
			for _, want := range []string{
				"En ansøgning eller anmeldelse via " + c.name + " skal indgives digitalt, medmindre personalet registrerer en fritagelse.",
				"så henvendelsen kan også være et spørgsmål om en sag; det kan besvares via " + c.name + ".",
				"En ansøgning eller anmeldelse på området Flytteanmeldelse skal indgives digitalt. Har du et spørgsmål om en sag, kan vi svare dig her.",
			} {
				if !strings.Contains(da, want) {
					t.Errorf("Danish texts lack %q:\n%s", want, da)
				}
			}
			if !strings.Contains(en, "An application or notification by "+c.name+" must be made digitally, unless staff record an exemption.") ||
				!strings.Contains(en, "If you have a question about a case, we can answer it here.") {
				t.Errorf("English texts:\n%s", en)
			}
			if strings.Contains(da, "afvis") || strings.Contains(da, "kan ikke behandles") || strings.Contains(en, "refused") {
				t.Errorf("the contact is called refused:\n%s\n%s", da, en)
			}
		})
	}

	// Staff recorded an exemption: the exemption channel, nothing to say
	// about digital applications. Self-service used: nothing either.
	exempt, err := guidance.Decide(s, guidance.Request{Area: "23.05.10", Type: "transaction", Channel: "phone", At: at(t, "2017-03-02 11:00"),
		Circumstances: guidance.Circumstances{ExemptSelfService: true}})
	if err != nil || exempt.ApplicationDigital || exempt.Refused || exempt.Recommended != "letter" {
		t.Errorf("exempt: %+v %v", exempt, err)
	}
	digital, err := guidance.Decide(s, guidance.Request{Area: "23.05.10", Type: "transaction", Channel: "self_service", At: at(t, "2017-03-02 11:00")})
	if err != nil || digital.ApplicationDigital || digital.Refused {
		t.Errorf("self-service used: %+v %v", digital, err)
	}
}

// Dragør has three types; its transaction is the application, and the
// dialogue about a case is interaction. A call to apply for moving in a
// mandatory area is still refused there, in the same words as before.
func TestDecide_ThreeTypesMandatoryAreaStillRefuses(t *testing.T) {
	s := presets(t)["dragoer"]
	a, err := guidance.Decide(s, guidance.Request{Area: "23.05.10", Type: "transaction", Channel: "phone", At: at(t, "2013-03-05 10:00")})
	if err != nil {
		t.Fatal(err)
	}
	da := strings.Join(append(guidance.Texts(a.Reasons, locale.New("da")), guidance.Texts(a.Script, locale.New("da"))...), "\n")
	if !a.Refused || a.ApplicationDigital || !strings.Contains(da, "En ansøgning via Telefon afvises: den skal indgives digitalt, medmindre borgeren er fritaget.") ||
		!strings.Contains(da, "Flytteanmeldelse skal søges digitalt; en papiransøgning kan ikke behandles.") {
		t.Errorf("refused %v application digital %v\n%s", a.Refused, a.ApplicationDigital, da)
	}
}

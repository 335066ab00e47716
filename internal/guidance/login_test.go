package guidance_test

import (
	"strings"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/guidance"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// MitID replaced NemID from 2021; both strategies (2012–2018) speak of
// NemID: "Inden udgangen af 2012 skal NemID anvendes på alle Dragør
// Kommunes digitale løsninger, der kræver validering".
func TestNationalLogin_NamedByTheDate(t *testing.T) {
	for _, c := range []struct {
		at   time.Time
		want string
	}{
		{time.Date(2012, 6, 1, 12, 0, 0, 0, strategy.Location), "NemID"},
		{time.Date(2018, 12, 31, 12, 0, 0, 0, strategy.Location), "NemID"},
		// The last minute of 2020 in Denmark is 22:59 UTC.
		{time.Date(2020, 12, 31, 22, 59, 0, 0, time.UTC), "NemID"},
		{time.Date(2020, 12, 31, 23, 0, 0, 0, time.UTC), "MitID"},
		{time.Date(2026, 11, 29, 12, 0, 0, 0, strategy.Location), "MitID"},
	} {
		if got := strategy.NationalLogin(c.at); got != c.want {
			t.Errorf("%v: %s, want %s", c.at, got, c.want)
		}
	}
}

// Dragør, under its principles: "Vi tager hensyn til borgere med særlige
// behov, for eksempel handicappede, demente, socialt udsatte eller folk,
// der ikke kan få digital signatur." and "De henvendelser, der er omfattet
// af lovgivning om obligatorisk selvbetjening, skal indgives digitalt,
// bortset fra enkelte undtagelser, hvor der kan dispenseres for borgere
// med særlige behov." The law lets the municipality exempt on "særlige
// forhold". So lacking NemID is a circumstance to take into account, not
// an exemption: the application still goes digital until staff decide an
// exemption and record it; the guidance names the login of the day.
func TestDecide_LackingTheLoginIsNoExemption(t *testing.T) {
	s := twoTypes()
	req := guidance.Request{Area: "flytning", Type: "transaction", Channel: "letter", At: at(t, "2017-03-07 11:00"),
		Circumstances: guidance.Circumstances{NoNationalLogin: true}}
	a, err := guidance.Decide(s, req)
	if err != nil {
		t.Fatal(err)
	}
	da := strings.Join(append(guidance.Texts(a.Reasons, locale.New("da")), guidance.Texts(a.Script, locale.New("da"))...), "\n")
	// The fixture has Tårnby's two types, so a letter in the mandatory area
	// is not refused: an application in it must still be made digitally
	// (see TestDecide_TwoTypesMandatoryAreaIsNoRefusal).
	if a.Recommended != "self_service" || a.Refused || !a.ApplicationDigital || !a.ExemptionToDecide || hasReason(a, "guidance.reason.exempt") {
		t.Errorf("recommended %s refused %v application digital %v to decide %v\n%s", a.Recommended, a.Refused, a.ApplicationDigital, a.ExemptionToDecide, da)
	}
	if a.NationalLogin != "NemID" || !strings.Contains(da, "Selvbetjening kræver NemID, som borgeren ikke har. Det fritager ikke i sig selv") ||
		!strings.Contains(da, "hvordan du får NemID") || strings.Contains(da, "MitID") {
		t.Errorf("login %s; texts:\n%s", a.NationalLogin, da)
	}

	// Staff decided the exemption: now the exemption channel.
	req.ExemptSelfService = true
	if a, err = guidance.Decide(s, req); err != nil {
		t.Fatal(err)
	}
	if a.Recommended != "in_person" || a.Refused || a.ExemptionToDecide || !hasReason(a, "guidance.reason.exempt") {
		t.Errorf("exempt: recommended %s refused %v to decide %v", a.Recommended, a.Refused, a.ExemptionToDecide)
	}

	// The same question on a day in 2022 names MitID.
	req.ExemptSelfService, req.At = false, at(t, "2022-03-08 11:00")
	if a, err = guidance.Decide(s, req); err != nil {
		t.Fatal(err)
	}
	if text := strings.Join(guidance.Texts(a.Reasons, locale.New("da")), "\n"); a.NationalLogin != "MitID" || !strings.Contains(text, "kræver MitID") || strings.Contains(text, "NemID") {
		t.Errorf("2022: %s\n%s", a.NationalLogin, text)
	}

	// Writing by Digital Post needs the login too, named by the date.
	a, err = guidance.Decide(s, guidance.Request{Area: "gravsted", Type: "transaction", At: at(t, "2017-03-07 16:00"),
		Circumstances: guidance.Circumstances{NoNationalLogin: true}})
	if err != nil {
		t.Fatal(err)
	}
	if text := strings.Join(guidance.Texts(a.Reasons, locale.New("da")), "\n"); a.Recommended == "digital_post" || !strings.Contains(text, "Digital Post kræver NemID") {
		t.Errorf("recommended %s\n%s", a.Recommended, text)
	}
}

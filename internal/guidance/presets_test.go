package guidance_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/kanal-dk/kanal/internal/guidance"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// The Tårnby preset as shipped: borger.dk's contact centre is a referral,
// not the municipality's phone ("Kontaktcentret på tlf. 1881 hos
// Borger.dk", open "mandag — torsdag fra 8-22 og fredag fra 8-18"), so at
// 21:00 on a Thursday Kanal no longer says "Ring til os": it refers an
// information inquiry to 1881. Udbetaling Danmark handles pension.
func TestDecide_TaarnbyPresetRefersInsteadOfCallingUs(t *testing.T) {
	s := presets(t)["taarnby"]
	cases := []struct {
		name, area, at, referral string
	}{
		{"Thursday 21:00: 1881", "07.18.06", "2017-03-02 21:00", "kontaktcenter-1881"},
		{"Thursday 11:00: the municipality's own phone", "07.18.06", "2017-03-02 11:00", ""},
		{"Thursday 22:30: nobody answers the phone", "07.18.06", "2017-03-02 22:30", ""},
		{"pension: Udbetaling Danmark", "32.03.04", "2017-03-02 11:00", "udbetaling-danmark"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, err := guidance.Decide(s, guidance.Request{Area: c.area, Type: "information", Channel: "phone", At: at(t, c.at)})
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			if a.Referral != nil {
				got = a.Referral.ID
			}
			script := strings.Join(guidance.Texts(a.Script, locale.New("da")), " ")
			if got != c.referral || (a.Recommended == "phone" && !s.IsOpen("phone", at(t, c.at))) || strings.Contains(script, "Ring til os") && c.referral != "" {
				t.Errorf("referral %q recommended %s; want %q\n%s", got, a.Recommended, c.referral, script)
			}
			if c.referral == "kontaktcenter-1881" {
				if line, _ := a.ReferTo(); line.Text(locale.New("da")) != "Henvis til Borger.dk's kontaktcenter på tlf. 1881" {
					t.Errorf("referral line %q", line.Text(locale.New("da")))
				}
			}
		})
	}
}

// Tårnby has no interaction type; and wherever an area does not set its
// own lists, the channels come out in the order "1. Selvbetjening —
// kommunens hjemmeside 2. Telefon 3. E-mail / Papirpost (digital post)
// 4. Personlig henvendelse".
func TestDecide_TaarnbyPresetTypesAndOrder(t *testing.T) {
	s := presets(t)["taarnby"]
	_, err := guidance.Decide(s, guidance.Request{Area: "28.09.40", Type: "interaction", At: at(t, "2017-03-02 11:00")})
	var in *guidance.InputError
	if !errors.As(err, &in) || in.Field != "type" {
		t.Errorf("interaction in Tårnby: %v", err)
	}
	rank := func(id string) int {
		if r, ok := s.ChannelOrder.Rank(id); ok {
			return r
		}
		return 99
	}
	for _, a := range s.Areas {
		for _, typ := range a.Types {
			if _, own := a.Channels[typ]; own {
				continue
			}
			ans, err := guidance.Decide(s, guidance.Request{Area: a.ID, Type: typ, At: at(t, "2017-03-02 11:00")})
			if err != nil {
				t.Fatal(err)
			}
			for _, list := range [][]string{ans.Primary, ans.Secondary} {
				for i := 1; i < len(list); i++ {
					if rank(list[i-1]) > rank(list[i]) {
						t.Errorf("%s %s: %v is not in the strategy's order", a.ID, typ, list)
					}
				}
			}
		}
	}
	if strategy.NationalLogin(at(t, "2017-03-02 11:00")) != "NemID" {
		t.Error("Tårnby's years are NemID's")
	}
}

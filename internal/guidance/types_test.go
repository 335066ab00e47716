package guidance_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/guidance"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// Tårnby has two inquiry types, information and transaction ("Skema 1.
// Informationshenvendelser er de henvendelser, som ikke vedrører en
// konkret sag." / "Skema 2. Transaktionshenvendelser er de henvendelser der
// vedrører en konkret sag …"): interaction is no type of its, and a
// question about it names the types it has.
func TestDecide_KnowsOnlyTheStrategysTypes(t *testing.T) {
	s := twoTypes()
	_, err := guidance.Decide(s, guidance.Request{Area: "flytning", Type: "interaction", At: at(t, "2017-03-07 11:00")})
	var in *guidance.InputError
	if !errors.As(err, &in) || in.Field != "type" {
		t.Fatalf("interaction in a two-type strategy: %v", err)
	}
	if msg := locale.New("da").T(in.Key, in.Args...); msg != `Ukendt henvendelsestype "interaction"; strategiens typer er information, transaction.` {
		t.Errorf("message %q", msg)
	}
}

// Every area, type of the strategy's own, direction and circumstance at
// every fifth hour of a week gets an answer with a channel of the strategy,
// in a strategy with two types and in one with a type of its own.
func TestDecide_AnswersEveryTypeOfTheStrategy(t *testing.T) {
	own := twoTypes()
	own.InquiryTypes = append(own.InquiryTypes, strategy.InquiryType{ID: "klage", Name: "Klage",
		Description: "Klager over en afgørelse.",
		Inbound:     strategy.Priority{Primary: []string{"digital_post"}, Secondary: []string{"letter"}},
		Outbound:    strategy.Priority{Primary: []string{"digital_post"}, Secondary: []string{"letter"}}})
	own.Areas[1].Types = append(own.Areas[1].Types, "klage")
	for _, s := range []*strategy.Strategy{twoTypes(), own} {
		start := at(t, "2017-03-06 00:00")
		answered := map[string]int{}
		for _, a := range s.Areas {
			for _, typ := range a.Types {
				for _, dir := range strategy.Directions {
					for mask := 0; mask < 16; mask++ {
						for h := 0; h < 7*24; h += 5 {
							req := guidance.Request{Area: a.ID, Type: typ, Direction: dir, At: start.Add(time.Duration(h) * time.Hour),
								Circumstances: guidance.Circumstances{ExemptSelfService: mask&1 != 0, ExemptDigitalPost: mask&2 != 0,
									NoNationalLogin: mask&4 != 0, SpecialNeeds: mask&8 != 0}}
							got, err := guidance.Decide(s, req)
							if err != nil {
								t.Fatal(err)
							}
							if _, ok := s.Channel(got.Recommended); !ok {
								t.Fatalf("%s %+v: recommended %q", a.ID, req, got.Recommended)
							}
							for _, lang := range locale.Languages {
								for _, text := range append(guidance.Texts(got.Reasons, locale.New(lang)), guidance.Texts(got.Script, locale.New(lang))...) {
									if strings.Contains(text, "%!") || strings.HasPrefix(text, "guidance.") {
										t.Fatalf("%s text renders badly: %q", lang, text)
									}
								}
							}
							answered[typ]++
						}
					}
				}
			}
		}
		if len(answered) != len(s.InquiryTypes) {
			t.Errorf("answered %v, want every one of %v", answered, s.Types())
		}
	}
}

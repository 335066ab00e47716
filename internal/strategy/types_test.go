package strategy_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/kanal-dk/kanal/internal/strategy"
)

// Tårnby's Bilag 1 knows two inquiry types: "Skema 1.
// Informationshenvendelser er de henvendelser, som ikke vedrører en konkret
// sag." and "Skema 2. Transaktionshenvendelser er de henvendelser der
// vedrører en konkret sag eller danner baggrund for en kommende
// sagsbehandling."; the target speaks of "ansøgninger og anmeldelser". There
// is no interaction type, in the preset or in any of its areas.
func TestPresets_TaarnbyHasTheTwoTypesOfItsText(t *testing.T) {
	s := preset(t, "taarnby")
	if got := strings.Join(s.Types(), ","); got != "information,transaction" {
		t.Fatalf("Tårnby's types are %s, want information,transaction", got)
	}
	info, _ := s.InquiryType(strategy.Information)
	if info.Description != "Informationshenvendelser er de henvendelser, som ikke vedrører en konkret sag." {
		t.Errorf("information is described as %q", info.Description)
	}
	tx, _ := s.InquiryType(strategy.Transaction)
	if tx.Description != "Transaktionshenvendelser er de henvendelser der vedrører en konkret sag eller danner baggrund for en kommende sagsbehandling." {
		t.Errorf("transaction is described as %q", tx.Description)
	}
	if !strings.Contains(tx.Name, "ansøgninger og anmeldelser") {
		t.Errorf("transaction is named %q; the text calls them ansøgninger og anmeldelser", tx.Name)
	}
	for _, a := range s.Areas {
		for _, typ := range a.Types {
			if typ == strategy.Interaction {
				t.Errorf("area %s handles interaction, which Tårnby's strategy does not know", a.ID)
			}
		}
	}
}

// A strategy defines the types it uses: any non-empty subset of the known
// ones, or its own with a name and a description; every reference to a type
// must name one it defines.
func TestValidate_StrategyDefinesItsTypes(t *testing.T) {
	twoTypes := strings.Replace(minimal(t), `  - id: interaction
    name: Interaktion
    inbound:
      primary: [phone]
      secondary: [digital_post]
      inappropriate: [email, letter]
    outbound:
      primary: [digital_post]
      secondary: [letter]
`, "", 1)
	if twoTypes == minimal(t) {
		t.Fatal("minimal.yaml's interaction type was not found")
	}
	if _, err := strategy.Parse("two.yaml", []byte(twoTypes)); err != nil {
		t.Errorf("a strategy with information and transaction only is valid, got:%s", describe(err))
	}

	own := strings.Replace(minimal(t), "  - id: interaction\n    name: Interaktion\n",
		"  - id: klage\n    name: Klage\n    description: Borgeren klager over en afgørelse.\n", 1)
	if _, err := strategy.Parse("own.yaml", []byte(own)); err != nil {
		t.Errorf("a strategy with a type of its own is valid, got:%s", describe(err))
	}

	cases := []struct {
		name, old, new, rule, at string
	}{
		{"own type without description", "  - id: interaction\n    name: Interaktion\n", "  - id: klage\n    name: Klage\n", strategy.RuleRequired, "  - id: klage"},
		{"area names a type the strategy does not define", "types: [information, transaction]", "types: [information, interaktion, transaction]", strategy.RuleUnknownType, "interaktion, transaction]"},
		{"price names an undefined type", "    - channel: phone\n      type: information", "    - channel: phone\n      type: interaktion", strategy.RuleUnknownType, "type: interaktion"},
		{"target names an undefined type", "    direction: reduce\n", "    direction: reduce\n    types: [klage]\n", strategy.RuleUnknownType, "types: [klage]"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := strings.Replace(minimal(t), c.old, c.new, 1)
			if doc == minimal(t) {
				t.Fatalf("minimal.yaml has no %q", c.old)
			}
			_, err := strategy.Parse("broken.yaml", []byte(doc))
			var inv *strategy.Invalid
			if !errors.As(err, &inv) {
				t.Fatalf("want %s, got %v", c.rule, err)
			}
			for _, p := range inv.Problems {
				if p.Rule != c.rule {
					continue
				}
				if c.at != "" {
					want := strings.Count(doc[:strings.Index(doc, c.at)], "\n") + 1
					if p.Pos.Line != want {
						t.Errorf("%s at line %d, want %d", c.rule, p.Pos.Line, want)
					}
				}
				return
			}
			t.Errorf("want %s, got:%s", c.rule, describe(err))
		})
	}
}

// A strategy without inquiry types cannot say where any inquiry belongs.
func TestValidate_AStrategyNeedsAtLeastOneType(t *testing.T) {
	doc := minimal(t)
	start := strings.Index(doc, "inquiry_types:\n")
	end := strings.Index(doc, "departments:\n")
	doc = doc[:start] + "inquiry_types: []\n" + doc[end:]
	_, err := strategy.Parse("empty.yaml", []byte(doc))
	var inv *strategy.Invalid
	if !errors.As(err, &inv) {
		t.Fatalf("want problems, got %v", err)
	}
	for _, p := range inv.Problems {
		if p.Rule == strategy.RuleRequired && len(p.Args) == 1 && p.Args[0] == "inquiry_types" {
			return
		}
	}
	t.Errorf("want inquiry_types reported as missing, got:%s", describe(err))
}

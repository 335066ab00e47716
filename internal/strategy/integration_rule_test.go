package strategy_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/kanal-dk/kanal/internal/strategy"
)

// Dragør, transaction measure 3: "Udfasning af blanketter, der ikke har
// integration til back-end systemer, og i stedet etablering af løsninger,
// der kræver mindre manuelt arbejde for medarbejderne." The preset holds
// the sentence; Tårnby states no such rule.
func TestPresets_DragoerPhasesOutFormsWithoutIntegration(t *testing.T) {
	const sentence = "Udfasning af blanketter, der ikke har integration til back-end systemer, og " +
		"i stedet etablering af løsninger, der kræver mindre manuelt arbejde for medarbejderne."
	if f := preset(t, "dragoer").FormsWithoutIntegration; f == nil || f.Text != sentence {
		t.Errorf("Dragør's rule: %+v", f)
	}
	if f := preset(t, "taarnby").FormsWithoutIntegration; f != nil {
		t.Errorf("Tårnby states no such rule: %+v", f)
	}
}

// The section is optional; given, its text is required and a missing one
// is reported at the section's line.
func TestParse_FormsWithoutIntegrationNeedsItsSentence(t *testing.T) {
	doc := minimal(t) + "forms_without_integration:\n  text: Blanketter uden integration udfases.\n"
	s, err := strategy.Parse("ok.yaml", []byte(doc))
	if err != nil {
		t.Fatalf("valid: %s", describe(err))
	}
	if s.FormsWithoutIntegration == nil || s.FormsWithoutIntegration.Text != "Blanketter uden integration udfases." {
		t.Errorf("read %+v", s.FormsWithoutIntegration)
	}
	doc = minimal(t) + "forms_without_integration:\n  text: \"\"\n"
	_, err = strategy.Parse("broken.yaml", []byte(doc))
	var inv *strategy.Invalid
	if !errors.As(err, &inv) {
		t.Fatalf("an empty text is accepted: %v", err)
	}
	line := strings.Count(doc[:strings.Index(doc, "  text: \"\"")], "\n") + 1
	found := false
	for _, p := range inv.Problems {
		if p.Rule == strategy.RuleRequired && p.Pos.Line == line && p.File == "broken.yaml" {
			found = true
		}
	}
	if !found {
		t.Errorf("want %s at broken.yaml:%d, got:%s", strategy.RuleRequired, line, describe(err))
	}
	doc = minimal(t) + "forms_without_integration:\n  txt: x\n"
	if _, err := strategy.Parse("typo.yaml", []byte(doc)); err == nil {
		t.Error("an unknown field of the section is accepted")
	}
}

// "Kun transaktioner og adgang til personfølsomme oplysninger kræver
// validering": an area that handles transactions or interactions (the
// citizen's own case) needs the national login; one that only informs
// does not.
func TestArea_NeedsValidation(t *testing.T) {
	for _, tc := range []struct {
		types []string
		want  bool
	}{
		{[]string{strategy.Information}, false},
		{[]string{strategy.Information, strategy.Transaction}, true},
		{[]string{strategy.Information, strategy.Interaction}, true},
	} {
		a := strategy.Area{Types: tc.types}
		if got := a.NeedsValidation(); got != tc.want {
			t.Errorf("%v: %v, want %v", tc.types, got, tc.want)
		}
	}
}

package strategy_test

import (
	"errors"
	"os"
	"testing"

	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// FuzzParse feeds the loader arbitrary documents: it must never panic, an
// accepted document must be valid, and every problem of a rejected one must
// have a position and a message. The corpus found by fuzzing is kept in
// testdata/fuzz/FuzzParse.
func FuzzParse(f *testing.F) {
	data, err := os.ReadFile("testdata/minimal.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data) // the presets are larger than the fuzzer handles well; minimal.yaml has every section
	f.Add([]byte("municipality: &a [*a, *a]\n"))
	f.Add([]byte("targets:\n  - shares: {2012: .nan, 99999999999999999999: 1}\n"))
	f.Fuzz(func(t *testing.T, doc []byte) {
		s, err := strategy.Parse("fuzz.yaml", doc)
		if err == nil {
			if probs := s.Validate(); len(probs) > 0 {
				t.Fatalf("accepted a document that does not validate: %v", probs)
			}
			return
		}
		var inv *strategy.Invalid
		if !errors.As(err, &inv) || len(inv.Problems) == 0 {
			t.Fatalf("error without problems: %v", err)
		}
		for _, p := range inv.Problems {
			if p.Pos.Line < 1 || p.Pos.Col < 1 {
				t.Fatalf("problem without position: %+v", p)
			}
			if !locale.Has(p.Rule) {
				t.Fatalf("problem without message: %s", p.Rule)
			}
		}
	})
}

package strategy_test

import (
	"os"
	"strings"
	"testing"

	"github.com/kanal-dk/kanal/internal/strategy"
)

// The full example in docs/strategy.md must stay a valid strategy.
func TestDocs_FullExampleIsValid(t *testing.T) {
	data, err := os.ReadFile("../../docs/strategy.md")
	if err != nil {
		t.Fatal(err)
	}
	_, after, ok := strings.Cut(string(data), "## A full example")
	if !ok {
		t.Fatal(`docs/strategy.md has no "## A full example" section`)
	}
	_, block, ok := strings.Cut(after, "```yaml\n")
	block, _, ok2 := strings.Cut(block, "```")
	if !ok || !ok2 {
		t.Fatal("the full example has no yaml block")
	}
	s, err := strategy.Parse("docs/strategy.md", []byte(block))
	if err != nil {
		t.Fatalf("the documented example does not validate:%s", describe(err))
	}
	if len(s.Areas) != 2 || len(s.OpeningHours) != 2 {
		t.Errorf("example decoded wrongly")
	}
}

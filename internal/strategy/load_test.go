package strategy_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// render lists an error's problems as the command line prints them.
func render(t *testing.T, err error, lang string) []string {
	t.Helper()
	var inv *strategy.Invalid
	if !errors.As(err, &inv) {
		t.Fatalf("want *Invalid, got %v", err)
	}
	tr := locale.New(lang)
	var lines []string
	for _, p := range inv.Problems {
		lines = append(lines, p.Location()+": "+tr.T(p.Rule, p.Args...))
	}
	return lines
}

func sameLines(t *testing.T, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

// An unknown field used to end the check: the file's other problems stayed
// hidden until the field was fixed.
func TestParse_UnknownFieldDoesNotHideTheOtherProblems(t *testing.T) {
	doc := strings.Replace(minimal(t), "  name: Testkommune\n", "  name: Testkommune\n  nmae: x\n", 1)
	doc = strings.Replace(doc, "kind: oral", "kind: spoken", 1)
	doc = strings.Replace(doc, `kle: "23.09.02"`, `kle: "23.9.2"`, 1)
	_, err := strategy.Parse("broken.yaml", []byte(doc))
	// minimal.yaml's lines 30 (kind: oral) and 100 (the second area's kle)
	// move one down behind the inserted line 6.
	sameLines(t, render(t, err, locale.English), []string{
		`broken.yaml:6:3: unknown field "nmae"; allowed here: cvr, id, inhabitants, logo, name`,
		`broken.yaml:31:11: unknown channel kind "spoken"; use self_service, written, oral or personal`,
		`broken.yaml:101:10: the KLE number "23.9.2" is malformed; write it as 23.05.10 (or 23.05)`,
	})
}

// A value of the wrong kind is reported once, where it stands, and the rest
// of the document is still checked.
func TestParse_UnreadableValuesDoNotHideTheOtherProblems(t *testing.T) {
	doc := strings.Replace(minimal(t), "sb_level: 3\n      login", "sb_level: tre\n      login", 1)
	doc = strings.Replace(doc, "borger_dk: true", "borger_dk: ja", 1)
	doc = strings.Replace(doc, `kle: "23.09.02"`, `kle: "23.9.2"`, 1)
	doc = strings.Replace(doc, "vision: De, der kan selv, skal selv.", "vision: [De, der kan selv]", 1)
	_, err := strategy.Parse("broken.yaml", []byte(doc))
	sameLines(t, render(t, err, locale.Danish), []string{
		`broken.yaml:9:9: her forventes en enkelt værdi`,
		`broken.yaml:93:17: "tre" er ikke et heltal`,
		`broken.yaml:95:18: "ja" er hverken true eller false`,
		`broken.yaml:100:10: KLE-nummeret "23.9.2" har forkert form; skriv det som 23.05.10 (eller 23.05)`,
	})
}

// A document that is not a mapping at all gives one problem, not one per
// missing section.
func TestParse_DocumentThatIsAListGivesOneProblem(t *testing.T) {
	_, err := strategy.Parse("list.yaml", []byte("# a list\n- municipality: x\n- vision: y\n"))
	sameLines(t, render(t, err, locale.English), []string{
		`list.yaml:2:1: expected fields (name: value) here`,
	})
}

// The error's own text (for logs and wrapping) counts in English, correctly.
func TestInvalid_ErrorCountsTheOthers(t *testing.T) {
	p := strategy.Problem{File: "a.yaml", Pos: strategy.Pos{Line: 3, Col: 5}, Rule: strategy.RuleBadKind}
	for n, want := range map[int]string{
		1: "a.yaml:3:5: invalid strategy (strategy.bad_kind)",
		2: "a.yaml:3:5: invalid strategy (strategy.bad_kind, and 1 more problem)",
		3: "a.yaml:3:5: invalid strategy (strategy.bad_kind, and 2 more problems)",
	} {
		err := &strategy.Invalid{Problems: slices.Repeat([]strategy.Problem{p}, n)}
		if got := err.Error(); got != want {
			t.Errorf("%d problems: %q, want %q", n, got, want)
		}
	}
}

package strategy_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// Syntax errors are placed on the line and column that break the document,
// counted the way the rest of the validator counts (from 1, a byte order
// mark and comments included in nothing but their own lines), and told in
// the printer's language. Every position below was counted by hand.
func TestParse_SyntaxErrorsWhereTheDocumentBreaks(t *testing.T) {
	cases := []struct {
		name   string
		doc    string
		da, en string
	}{{
		name: "key indented one space too little",
		doc: "# Testkommunes kanalstrategi\n" +
			"municipality:\n" +
			"  id: testkommune\n" +
			" name: Testkommune\n",
		da: "a.yaml:4:2: YAML-fejl: her forventes et nyt felt (navn: værdi); tjek indrykningen",
		en: "a.yaml:4:2: YAML error: expected a new field (name: value) here; check the indentation",
	}, {
		// The parser names the line where the list of areas begins.
		name: "field of a list item indented too little",
		doc: "areas:\n" +
			"  - id: flytning\n" +
			"    kle: \"23.05.10\"\n" +
			"    title: Flytning\n" +
			"   department: borgerservice\n",
		da: "a.yaml:5:4: YAML-fejl: her forventes et nyt punkt i listen (- …); tjek indrykningen",
		en: "a.yaml:5:4: YAML error: expected a new list item (- …) here; check the indentation",
	}, {
		name: "tab as indentation",
		doc: "municipality:\n" +
			"\tid: testkommune\n",
		da: "a.yaml:2:1: YAML-fejl: tabulator i indrykningen; YAML indrykkes med mellemrum",
		en: "a.yaml:2:1: YAML error: a tab in the indentation; YAML is indented with spaces",
	}, {
		name: "tab after spaces, behind a byte order mark and a comment",
		doc: "\ufeff# kommentar\n" +
			"period:\n" +
			"  from: 2012\n" +
			"\t to: 2015\n",
		da: "a.yaml:4:1: YAML-fejl: tabulator i indrykningen; YAML indrykkes med mellemrum",
		en: "a.yaml:4:1: YAML error: a tab in the indentation; YAML is indented with spaces",
	}, {
		name: "unclosed quote",
		doc: "municipality:\n" +
			"  id: testkommune\n" +
			"  name: \"Testkommune\n" +
			"period:\n" +
			"  from: 2012\n",
		da: "a.yaml:3:9: YAML-fejl: anførselstegnet her lukkes aldrig; tilføj det afsluttende anførselstegn",
		en: "a.yaml:3:9: YAML error: the quote that begins here is never closed; add the closing quote",
	}, {
		name: "duplicate key",
		doc: "municipality:\n" +
			"  id: testkommune\n" +
			"  name: Testkommune\n" +
			"  id: anden\n",
		da: `a.yaml:4:3: feltet "id" står her mere end én gang`,
		en: `a.yaml:4:3: the key "id" appears more than once here`,
	}, {
		name: "fields where a list is expected",
		doc: "municipality:\n" +
			"  id: testkommune\n" +
			"principles:\n" +
			"  første: Vi prioriterer selvbetjening\n",
		da: "a.yaml:4:3: her forventes en liste, fx [a, b] eller linjer, der begynder med -",
		en: "a.yaml:4:3: expected a list here, e.g. [a, b] or lines starting with -",
	}, {
		name: "list in brackets not closed",
		doc: "channels:\n" +
			"  - id: phone\n" +
			"    name: Telefon\n" +
			"inquiry_types:\n" +
			"  - id: information\n" +
			"    inbound: {primary: [website, phone}\n",
		da: "a.yaml:6:24: YAML-fejl: listen, der begynder med [, slutter ikke; der mangler et komma eller et ]",
		en: "a.yaml:6:24: YAML error: the list that begins with [ does not end; a comma or a ] is missing",
	}, {
		name: "colon in an unquoted text",
		doc:  "vision: De, der kan selv: skal selv.\n",
		da:   "a.yaml:1:25: YAML-fejl: kolon og mellemrum (: ) er ikke tilladt her; sæt teksten i anførselstegn, hvis den indeholder ': ', og tjek indrykningen",
		en:   "a.yaml:1:25: YAML error: a colon and a space (: ) are not allowed here; quote the text if it holds ': ', and check the indentation",
	}, {
		name: "file saved as Latin-1",
		doc: "vision: De, der kan selv.\n" +
			"municipality:\n" +
			"  name: Drag\xf8r Kommune\n",
		da: "a.yaml:3:13: filen er ikke gemt som UTF-8; gem den igen med tegnsættet UTF-8",
		en: "a.yaml:3:13: the file is not saved as UTF-8; save it again with the UTF-8 encoding",
	}, {
		name: "control character",
		doc:  "vision: Dé\a\n",
		da:   "a.yaml:1:11: filen indeholder kontroltegnet U+0007, som ikke er tilladt; slet det",
		en:   "a.yaml:1:11: the file holds the control character U+0007, which is not allowed; delete it",
	}, {
		name: "a message without its own words keeps the parser's",
		doc:  "%YAML 1.1\n%YAML 1.1\n---\nvision: x\n",
		da:   "a.yaml:2:1: YAML-fejl: found duplicate %YAML directive",
		en:   "a.yaml:2:1: YAML error: found duplicate %YAML directive",
	}}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := strategy.Parse("a.yaml", []byte(c.doc))
			for lang, want := range map[string]string{locale.Danish: c.da, locale.English: c.en} {
				if got := render(t, err, lang); !slices.Contains(got, want) {
					t.Errorf("%s: want\n  %s\ngot\n  %s", lang, want, strings.Join(got, "\n  "))
				}
			}
		})
	}
}

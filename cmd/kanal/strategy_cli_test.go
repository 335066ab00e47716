package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kanal-dk/kanal/internal/store/storetest"
)

func minimalStrategy(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "internal", "strategy", "testdata", "minimal.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// An unknown field no longer hides the file's other problems: validate, load
// and serve --strategy print all of them, in file order, and count them.
func TestStrategyValidate_UnknownFieldAndTheOtherProblems(t *testing.T) {
	t.Setenv("KANAL_LANG", "")
	doc := strings.Replace(minimalStrategy(t), "  name: Testkommune\n", "  name: Testkommune\n  nmae: x\n", 1)
	doc = strings.Replace(doc, "kind: oral", "kind: spoken", 1)
	doc = strings.Replace(doc, `kle: "23.09.02"`, `kle: "23.9.2"`, 1)
	path := writeFile(t, "broken.yaml", doc)
	// minimal.yaml's lines 30 and 100 move one down behind the inserted line 6.
	want := path + `:6:3: ukendt felt "nmae"; tilladte felter her: cvr, id, inhabitants, logo, name
` + path + `:31:11: ukendt kanaltype "spoken"; brug self_service, written, oral eller personal
` + path + `:101:10: KLE-nummeret "23.9.2" har forkert form; skriv det som 23.05.10 (eller 23.05)
` + path + `: 3 fejl; intet er indlæst
`
	code, out, errOut := kanal(t, "strategy", "validate", path)
	if code != exitFailure || out != "" || errOut != want {
		t.Errorf("validate: exit %d, stdout %q, stderr:\n%s\nwant:\n%s", code, out, errOut, want)
	}
	code, out, errOut = kanal(t, "strategy", "load", "--db", storetest.DSN(t), path)
	if code != exitFailure || out != "" || errOut != want {
		t.Errorf("load: exit %d, stdout %q, stderr:\n%s\nwant:\n%s", code, out, errOut, want)
	}
	code, _, errOut = kanal(t, "serve", "--db", storetest.DSN(t), "--demo=false", "--strategy", path, "--addr", "127.0.0.1:0")
	if code != exitFailure || !strings.Contains(errOut, want) {
		t.Errorf("serve --strategy: exit %d, stderr:\n%s\nwant it to hold:\n%s", code, errOut, want)
	}
}

// A YAML syntax error is placed on the line that breaks the file, and is
// told in the language asked for.
func TestStrategyValidate_SyntaxErrorInBothLanguages(t *testing.T) {
	// Line 5 is indented one space too little; the parser itself names
	// line 3, where the list of channels begins, counted from 0.
	path := writeFile(t, "syntax.yaml", "# Testkommune\n"+
		"channels:\n"+
		"  - id: phone\n"+
		"    name: Telefon\n"+
		"   kind: oral\n")
	for lang, want := range map[string]string{
		"da": path + ":5:4: YAML-fejl: her forventes et nyt punkt i listen (- …); tjek indrykningen\n" + path + ": 1 fejl; intet er indlæst\n",
		"en": path + ":5:4: YAML error: expected a new list item (- …) here; check the indentation\n" + path + ": 1 problem; nothing was loaded\n",
	} {
		t.Setenv("KANAL_LANG", lang)
		if code, _, errOut := kanal(t, "strategy", "validate", path); code != exitFailure || errOut != want {
			t.Errorf("KANAL_LANG=%s: exit %d, stderr:\n%s\nwant:\n%s", lang, code, errOut, want)
		}
	}
}

// "1 problems" read wrongly; every count the command line prints agrees
// with its number.
func TestStrategyValidate_CountsAgreeWithTheirNumber(t *testing.T) {
	one := writeFile(t, "one.yaml", strings.Replace(minimalStrategy(t), "kind: oral", "kind: spoken", 1))
	two := writeFile(t, "two.yaml", strings.Replace(strings.Replace(minimalStrategy(t), "kind: oral", "kind: spoken", 1), "dkk: 75", "dkk: -75", 1))
	cases := []struct{ lang, file, want string }{
		{"en", one, one + ": 1 problem; nothing was loaded\n"},
		{"en", two, two + ": 2 problems; nothing was loaded\n"},
		{"da", one, one + ": 1 fejl; intet er indlæst\n"},
		{"da", two, two + ": 2 fejl; intet er indlæst\n"},
	}
	for _, c := range cases {
		t.Setenv("KANAL_LANG", c.lang)
		_, _, errOut := kanal(t, "strategy", "validate", c.file)
		if !strings.HasSuffix(errOut, c.want) {
			t.Errorf("KANAL_LANG=%s: stderr ends\n%s\nwant\n%s", c.lang, errOut, c.want)
		}
	}

	// Only one area, one target: the valid file's summary.
	doc := minimalStrategy(t)
	doc = doc[:strings.Index(doc, "  - id: pas\n")] + doc[strings.Index(doc, "prices:\n"):]
	doc = doc[:strings.Index(doc, "targets:\n")] + "targets:\n  - id: nemid\n    measure: login_where_validation_needed\n    deadline: 2012\n" + doc[strings.Index(doc, "opening_hours:\n"):]
	single := writeFile(t, "single.yaml", doc)
	for lang, want := range map[string]string{
		"da": single + ": gyldig – Testkommune 2012–2015, 1 område, 7 kanaler, 1 mål\n",
		"en": single + ": valid – Testkommune 2012–2015, 1 service area, 7 channels, 1 target\n",
	} {
		t.Setenv("KANAL_LANG", lang)
		if code, out, errOut := kanal(t, "strategy", "validate", single); code != exitOK || out != want {
			t.Errorf("KANAL_LANG=%s: exit %d, stdout %q, want %q; stderr:\n%s", lang, code, out, want, errOut)
		}
	}
}

package strategy_test

import (
	"os"
	"reflect"
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

// The seeds contradict themselves, and docs/strategy.md keeps both readings
// visible instead of choosing silently. Dragør: "Afdelingerne forpligtes
// til inden udgangen af 2011 at formulere en strategi for lederes og
// medarbejderes digitale kompetencer" and, later, "Afdelingerne forpligtes
// samtidig til inden udgangen af 2012 at formulere en strategi …"; the
// implementation plan is due "inden xx.xx. 2012".
func TestDocs_KeepBothReadingsWhereTheSeedsDisagree(t *testing.T) {
	data, err := os.ReadFile("../../docs/strategy.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(data), "## What the presets read, and where the seeds are unclear")
	if !ok {
		t.Fatal("docs/strategy.md has no section on what the presets read")
	}
	section = strings.Join(strings.Fields(section), " ")
	for _, want := range []string{
		"inden udgangen af 2011 at formulere en strategi for lederes og medarbejderes digitale kompetencer",
		"inden udgangen af 2012 at formulere en strategi for lederes og medarbejderes digitale kompetencer",
		"xx.xx. 2012",
		"De sekundære bør være telefon eller personlig henvendelse",
	} {
		if !strings.Contains(section, want) {
			t.Errorf("the section does not quote %q", want)
		}
	}
}

// Every field a strategy file can hold is documented in docs/strategy.md,
// written as `name`.
func TestDocs_EveryFieldIsDocumented(t *testing.T) {
	data, err := os.ReadFile("../../docs/strategy.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)
	seen := map[reflect.Type]bool{}
	var walk func(reflect.Type)
	walk = func(t2 reflect.Type) {
		for t2.Kind() == reflect.Pointer || t2.Kind() == reflect.Slice || t2.Kind() == reflect.Map {
			t2 = t2.Elem()
		}
		if t2.Kind() != reflect.Struct || seen[t2] {
			return
		}
		seen[t2] = true
		for i := 0; i < t2.NumField(); i++ {
			f := t2.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
			if name == "" || name == "-" {
				continue
			}
			if !strings.Contains(doc, "`"+name+"`") && !strings.Contains(doc, "`"+name+":") && !strings.Contains(doc, "`"+name+".") && !strings.Contains(doc, "."+name+"`") {
				t.Errorf("%s.%s (%s) is not documented", t2.Name(), f.Name, name)
			}
			walk(f.Type)
		}
	}
	walk(reflect.TypeOf(strategy.Strategy{}))
}

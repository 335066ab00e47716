package localetest

import (
	"slices"
	"strings"
	"testing"

	"github.com/kanal-dk/kanal/internal/locale"
)

// fakeT records what FailOnMissing reports, instead of failing the test
// that checks it.
type fakeT struct {
	testing.TB
	cleanups []func()
	errors   []string
}

func (f *fakeT) Helper()                        {}
func (f *fakeT) Cleanup(fn func())              { f.cleanups = append(f.cleanups, fn) }
func (f *fakeT) Errorf(format string, a ...any) { f.errors = append(f.errors, format) }

func (f *fakeT) end() {
	for i := len(f.cleanups) - 1; i >= 0; i-- {
		f.cleanups[i]()
	}
}

// A key the catalogue lacks fails the test when it ends — asked for
// directly, as a plural form or as a count — and a known key does not.
func TestFailOnMissing_FailsOnAnUnknownKeyOnly(t *testing.T) {
	da := locale.New(locale.Danish)
	for name, render := range map[string]func(){
		"T":      func() { da.T("figures.no_such_text") },
		"Plural": func() { da.Plural("cli.count.no_such", 2) },
		"Count":  func() { da.Count("cli.count.no_such", 1) },
	} {
		f := &fakeT{}
		FailOnMissing(f)
		render()
		f.end()
		if len(f.errors) != 1 {
			t.Errorf("%s: an unknown key gave %d failures, want 1", name, len(f.errors))
		}
	}
	f := &fakeT{}
	FailOnMissing(f)
	if got := da.T("nav.areas") + da.Count("cli.count.areas", 2); got != "Områder2 områder" {
		t.Errorf("known texts: %q", got)
	}
	f.end()
	if len(f.errors) != 0 {
		t.Errorf("known keys failed the test: %v", f.errors)
	}
	// After the test, the hook is gone: an unknown key is shown as it is.
	if got := da.T("figures.no_such_text"); got != "figures.no_such_text" {
		t.Errorf("an unknown key renders as %q", got)
	}
}

func TestKeyShaped(t *testing.T) {
	text := `<p>figures.no_such_text</p> <a href="/docs/strategy.md">docs/strategy.md</a> strategi@dragoer.demo
		borger.dk Virk.dk kanal.db "strategy.vision" kl. 10.15 area.kle, cli.flag.log-format.
		https://example.dk/area.html?x=strategy.y Fejl.Se www.area.dk figures.card.digital_post`
	got := KeyShaped(text)
	want := []string{"figures.no_such_text", "strategy.vision", "area.kle", "cli.flag.log-format", "figures.card.digital_post"}
	if !slices.Equal(got, want) {
		t.Errorf("KeyShaped:\n got %q\nwant %q", got, want)
	}
	if got := KeyShaped(strings.Repeat("Områder og kanaler. ", 3)); len(got) != 0 {
		t.Errorf("ordinary text: %q", got)
	}
}

// No text of the catalogue, in either language, holds a word that looks
// like a key: the pages can then be read in one language for keys shown
// by mistake, and a key found there is one.
func TestCatalogue_NoTextLooksLikeAKey(t *testing.T) {
	for _, lang := range locale.Languages {
		p := locale.New(lang)
		for _, key := range locale.Keys() {
			if words := KeyShaped(p.T(key)); len(words) > 0 {
				t.Errorf("%s (%s): %q", key, lang, words)
			}
		}
	}
}

// Package localetest makes a test fail on a text that would show as its
// catalogue key instead of in words: a key the catalogue lacks, heard as it
// is asked for (FailOnMissing), and words that look like keys in what was
// rendered (KeyShaped).
package localetest

import (
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/kanal-dk/kanal/internal/locale"
)

// FailOnMissing hears of every key the catalogue lacks that is asked for
// from now until the test ends — by this test or any other running at the
// same time — and then fails the test, naming them.
func FailOnMissing(t testing.TB) {
	t.Helper()
	var (
		mu   sync.Mutex
		seen = map[string]bool{}
	)
	restore := locale.OnMissing(func(key string) {
		mu.Lock()
		defer mu.Unlock()
		seen[key] = true
	})
	t.Cleanup(func() {
		restore()
		mu.Lock()
		defer mu.Unlock()
		var keys []string
		for k := range seen {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		if len(keys) > 0 {
			t.Errorf("%d texts are not in the catalogue and show as their key: %s", len(keys), strings.Join(keys, ", "))
		}
	})
}

// keyWord is a word with dots in it, as a catalogue key is written.
var keyWord = regexp.MustCompile(`[a-z][a-z0-9_]*(\.[a-z0-9_][a-z0-9_-]*)+`)

// fileEndings end the words that are file names, not keys.
var fileEndings = []string{"md", "yaml", "yml", "csv", "xlsx", "pdf", "html", "htm", "json", "ndjson", "db", "xml", "txt", "js", "css", "svg", "png", "go", "sql"}

// KeyShaped returns the words of s that look like catalogue keys: the
// first part of a key in the catalogue (figures, cli, auth, …), a dot and
// more parts, as in "figures.no_such_text" — what is shown where a text is
// missing, or where a key was printed instead of its text. A file name
// (strategy.md), an address (strategi@dragoer.demo) and a part of a path
// or host name are not such words.
func KeyShaped(s string) []string {
	prefixes := map[string]bool{}
	for _, k := range locale.Keys() {
		first, _, _ := strings.Cut(k, ".")
		prefixes[first] = true
	}
	var out []string
	for _, at := range keyWord.FindAllStringIndex(s, -1) {
		word := s[at[0]:at[1]]
		first, _, _ := strings.Cut(word, ".")
		last := word[strings.LastIndexByte(word, '.')+1:]
		if !prefixes[first] || slices.Contains(fileEndings, last) {
			continue
		}
		if at[0] > 0 && strings.ContainsRune("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/@.-_:#=?&", rune(s[at[0]-1])) {
			continue
		}
		if at[1] < len(s) && strings.ContainsRune("ABCDEFGHIJKLMNOPQRSTUVWXYZ/@_-", rune(s[at[1]])) {
			continue
		}
		out = append(out, word)
	}
	return out
}

package answers

import (
	"strings"
	"unicode"
)

// The portal's "Find svar" searches a municipality's answer pages and
// areas in Go rather than with SQLite FTS5 or PostgreSQL's full-text
// search: a municipality has at most a few hundred of them, all read
// from the strategy and one query of the pages, so a search over them in
// memory takes well under a millisecond, behaves the same on both
// engines and needs no index kept in step with every version.
//
// Matching: every word of the query must begin a word of the document
// (prefix matching, in any order), case-insensitive and with æ, ø, å
// folded as a keyboard without them spells them (ae, oe, aa), so
// "boern" finds "Børn" and "aabning" finds "Åbningstider".

// Doc is one thing to search: its title weighs more than its text.
type Doc struct {
	Title, Text string
}

// Find returns the indexes of the docs matching the query: those whose
// title alone matches first, then those matching with their text, each
// group in the docs' order. An empty query finds nothing.
func Find(query string, docs []Doc) []int {
	words := Words(query)
	if len(words) == 0 {
		return nil
	}
	var byTitle, byText []int
	for i, d := range docs {
		title := Words(d.Title)
		switch {
		case matchAll(words, title):
			byTitle = append(byTitle, i)
		case matchAll(words, append(title, Words(d.Text)...)):
			byText = append(byText, i)
		}
	}
	return append(byTitle, byText...)
}

// matchAll reports whether every query word begins some word of the doc.
func matchAll(query, doc []string) bool {
	for _, q := range query {
		found := false
		for _, w := range doc {
			if strings.HasPrefix(w, q) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

var folder = strings.NewReplacer("æ", "ae", "ø", "oe", "å", "aa", "é", "e", "ü", "u", "ö", "oe", "ä", "ae")

// Words are the folded words of a text: lower case, æ/ø/å spelled ae,
// oe, aa, split at everything but letters and digits.
func Words(s string) []string {
	return strings.FieldsFunc(folder.Replace(strings.ToLower(s)), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

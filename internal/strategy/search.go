package strategy

import "strings"

// FindAreas finds areas by the start of their KLE number, by words of their
// title or id, or by their search words: "flyt" and "23.05" find
// Flytteanmeldelse, and so does "adresse" where it is one of the area's
// search words. Every word of the query must be found; case does not
// matter, and æ, ø, å match ae, oe, aa, as typed on a keyboard without
// them. Areas found by number, title or id come before those found only by
// a search word, each in the strategy's order, so that the first is the
// likeliest. An empty query finds every area.
func (s *Strategy) FindAreas(q string) []*Area {
	q = fold(q)
	words := strings.Fields(q)
	var byTitle, byWord []*Area
	for i := range s.Areas {
		a := &s.Areas[i]
		title := fold(a.Title) + " " + fold(a.ID)
		switch {
		case q == "" || strings.HasPrefix(a.KLE, q) || containsAll(title, words):
			byTitle = append(byTitle, a)
		case containsAll(title+" "+fold(strings.Join(a.SearchWords, " ")), words):
			byWord = append(byWord, a)
		}
	}
	return append(byTitle, byWord...)
}

// containsAll reports whether every word is in text.
func containsAll(text string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(text, w) {
			return false
		}
	}
	return len(words) > 0
}

var folder = strings.NewReplacer("æ", "ae", "ø", "oe", "å", "aa")

// fold lower-cases and spells æ, ø, å the way a keyboard without them does.
func fold(s string) string { return folder.Replace(strings.ToLower(strings.TrimSpace(s))) }

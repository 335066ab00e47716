package answers

import (
	"slices"
	"testing"
)

func TestFind_PrefixesInAnyOrderFoldingDanishLetters(t *testing.T) {
	docs := []Doc{
		{Title: "Pas og kørekort", Text: "Bestil tid til nyt pas. Husk billede."},
		{Title: "Børnetilskud", Text: "Hvem kan få tilskud til børn?"},
		{Title: "Åbningstider", Text: "Borgerservice har åbent mandag."},
		{Title: "Affald", Text: "Storskrald og pas på miljøet"},
	}
	tests := []struct {
		query string
		want  []int
	}{
		{"pas", []int{0, 3}},       // title before text
		{"kørekort pas", []int{0}}, // any order
		{"KOEREK", []int{0}},       // case and oe = ø, prefix
		{"boern", []int{1}},        // oe = ø
		{"aabning", []int{2}},      // aa = å
		{"åbent", []int{2}},        // in the text
		{"tilskud børn", []int{1}}, // title and text together
		{"kort", nil},              // a word's middle is no prefix
		{"pas billede", []int{0}},  // every word must match
		{"", nil},                  // nothing asked, nothing found
		{"  ,. ", nil},             // no words
		{"storskrald", []int{3}},
	}
	for _, tt := range tests {
		if got := Find(tt.query, docs); !slices.Equal(got, tt.want) {
			t.Errorf("Find(%q) = %v, want %v", tt.query, got, tt.want)
		}
	}
}

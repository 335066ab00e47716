package strategy

import (
	"strings"
	"unicode/utf8"
)

// RuleBadCaseWord is an area's case word that is empty, too long or not
// one line; RuleDuplicateCaseWord one given twice.
const (
	RuleBadCaseWord       = "strategy.bad_case_word"       // value, longest length
	RuleDuplicateCaseWord = "strategy.duplicate_case_word" // value
)

// maxCaseWord is the longest case word, in characters: a word or a short
// phrase ("min byggetilladelse"), not a sentence.
const maxCaseWord = 40

// caseWords checks an area's case words: each a short phrase on one line,
// each once (upper and lower case, æ and ae counting as the same).
func (v *validator) caseWords(p Path, words []string) {
	seen := map[string]bool{}
	for i, w := range words {
		switch f := fold(w); {
		case f == "" || utf8.RuneCountInString(w) > maxCaseWord || strings.ContainsAny(w, "|\n\t"):
			v.add(p.with(i), RuleBadCaseWord, w, maxCaseWord)
		case seen[f]:
			v.add(p.with(i), RuleDuplicateCaseWord, w)
		default:
			seen[f] = true
		}
	}
}

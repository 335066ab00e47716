package contact

import (
	"strings"
	"unicode"
)

// The personal-data check. Tårnby's strategy sends general questions
// through the contact form and everything with personal data through
// Digital Post; the check refuses a question whose words show that the
// citizen writes about a concrete case of their own, before anything is
// stored. It errs towards refusing: a refused citizen is told where to
// write instead, while personal data accepted would sit in an
// unprotected queue and go back by e-mail.

// Reason kinds.
const (
	// ReasonCPR is a number shaped like a CPR number.
	ReasonCPR = "cpr"
	// ReasonCaseWord is a word or phrase that signals a concrete case.
	ReasonCaseWord = "case_word"
)

// Reason is why a question is refused. Word is the case word found (as
// the list writes it); it is empty for a CPR number, whose digits are
// never repeated.
type Reason struct {
	Kind string
	Word string
}

// DefaultCaseWords are the phrases that signal a citizen's own case in
// every municipality, besides an area's own case_words: a case or its
// number, one's own application or decision, one's family members, one's
// health, one's own identity numbers and address. They are first-person
// phrases on purpose: "Hvordan klager man over en afgørelse?" is a general
// question, "min afgørelse" is a case.
var DefaultCaseWords = []string{
	"min sag", "mine sager", "min sags", "mit sagsnummer", "sagsnummer", "sagsnr", "journalnummer", "journalnr",
	"min sagsbehandler", "min ansøgning", "min afgørelse", "min klage", "mit afslag", "min bevilling",
	"mit barn", "mine børn", "min søn", "min datter", "min mor", "min far", "min mand", "min kone", "min hustru",
	"min diagnose", "min sygdom", "min sygemelding", "min journal", "mit handicap", "min medicin",
	"mit cpr", "mit personnummer", "cpr nr", "mit navn er", "jeg hedder", "min adresse er", "jeg bor på",
	"min gæld", "min restance", "min løn", "min indkomst",
}

// Check reads a question for personal data and returns why it must be
// refused; none means it may be accepted. caseWords are the area's own
// words (the strategy's case_words), checked besides DefaultCaseWords.
// Words match whole, whatever the case, punctuation and æ/ae spelling.
func Check(text string, caseWords []string) []Reason {
	var reasons []Reason
	if HasCPR(text) {
		reasons = append(reasons, Reason{Kind: ReasonCPR})
	}
	words := " " + normalise(text) + " "
	seen := map[string]bool{}
	for _, list := range [][]string{caseWords, DefaultCaseWords} {
		for _, w := range list {
			n := normalise(w)
			if n == "" || seen[n] {
				continue
			}
			seen[n] = true
			if strings.Contains(words, " "+n+" ") {
				reasons = append(reasons, Reason{Kind: ReasonCaseWord, Word: w})
			}
		}
	}
	return reasons
}

// normalise lower-cases s, spells æ, ø and å as ae, oe and aa, and turns
// every run of anything but letters and digits into one space, so that
// "Min sag!" and "min  sag" read alike.
func normalise(s string) string {
	var b strings.Builder
	space := true
	for _, r := range strings.ToLower(s) {
		switch {
		case r == 'æ':
			b.WriteString("ae")
		case r == 'ø':
			b.WriteString("oe")
		case r == 'å':
			b.WriteString("aa")
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		default:
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
	}
	return strings.TrimSpace(b.String())
}

// HasCPR reports whether s holds a number shaped like a CPR number: ten
// digits, alone or as six and four with a dash (or en dash) or spaces
// between, not part of a longer number, whose first six digits read as a
// day and month (DDMMYY).
//
// The citizen's intent decides, not the number's validity: the modulus 11
// check is not made (numbers given since 2007 need not pass it), and the
// date is checked only for its shape — day 01–31, or 61–91 as in a
// substitute number (erstatningspersonnummer), month 01–12 — not whether
// the day exists in that month: "310299-1234" is someone's number typed
// wrong, and still theirs. Ten digits that cannot start with a date
// ("4512345678", a phone number with its country code) are let through,
// and an eight-digit phone number never looks like one.
func HasCPR(s string) bool {
	r := []rune(s)
	for i := 0; i < len(r); i++ {
		if !isDigit(r[i]) || i > 0 && isDigit(r[i-1]) {
			continue
		}
		run := digitsFrom(r, i)
		switch {
		case len(run) == 10:
			if dateShaped(run) {
				return true
			}
		case len(run) == 6:
			j := i + 6
			j = skipSeparator(r, j)
			if j > i+6 && j < len(r) && !isDigit(r[j-1]) {
				if rest := digitsFrom(r, j); len(rest) == 4 && dateShaped(run+rest) {
					return true
				}
			}
		}
	}
	return false
}

// digitsFrom is the run of digits that starts at r[i].
func digitsFrom(r []rune, i int) string {
	j := i
	for j < len(r) && isDigit(r[j]) {
		j++
	}
	return string(r[i:j])
}

// skipSeparator skips what may stand between the six and the four digits
// of a CPR number: spaces around at most one dash.
func skipSeparator(r []rune, j int) int {
	for j < len(r) && r[j] == ' ' {
		j++
	}
	if j < len(r) && (r[j] == '-' || r[j] == '–' || r[j] == '‐') {
		j++
	}
	for j < len(r) && r[j] == ' ' {
		j++
	}
	return j
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// dateShaped reports whether ten digits start with a day and a month.
func dateShaped(d string) bool {
	day := int(d[0]-'0')*10 + int(d[1]-'0')
	month := int(d[2]-'0')*10 + int(d[3]-'0')
	if day > 60 {
		day -= 60
	}
	return day >= 1 && day <= 31 && month >= 1 && month <= 12
}

package contact

import (
	"reflect"
	"testing"
)

// TestCheck_DanishSentences guards Tårnby's rule for the contact form. The
// strategy (Tårnby Kommune, Kanalstrategi 2016-2018, on e-mail) says:
//
//	"Borgere og virksomheder i Tårnby kommune skal i konkrete henvendelser
//	– med personfølsomme oplysninger – benytte deres digitale postkasser.
//	Henvendelser af oplysende / informationsmæssig karakter – uden
//	personfølsomme oplysninger – skal ske via kontaktformular på kommunens
//	hjemmeside."
//
// Each sentence's verdict is written by hand: what a caseworker would say
// about it, not what the code answers.
func TestCheck_DanishSentences(t *testing.T) {
	cpr := []Reason{{Kind: ReasonCPR}}
	word := func(w ...string) []Reason {
		var rs []Reason
		for _, x := range w {
			rs = append(rs, Reason{Kind: ReasonCaseWord, Word: x})
		}
		return rs
	}
	area := []string{"min bygningsansøgning", "mit byggeri"}
	tests := []struct {
		name, text string
		want       []Reason
	}{
		// Innocent questions, some close to the refused ones.
		{"price of a health card", "Hvad koster et sygesikringskort?", nil},
		{"opening hours", "Hvornår har Borgerservice åbent om torsdagen?", nil},
		{"how to complain in general", "Hvordan klager man over en afgørelse fra kommunen?", nil},
		{"general question about the CPR number", "Hvordan får man et nyt CPR-nummer, når man flytter til Danmark?", nil},
		{"eight-digit phone number", "Kan I ringe mig op på 32 47 11 00 i morgen?", nil},
		{"eight-digit phone number in one piece", "Mit nummer er 32471100, ring gerne.", nil},
		{"phone number with country code", "Ring på +45 32471100 eller 4532471100.", nil},
		{"a year and a count", "Hvor mange fik boligstøtte i 2024? Jeg har hørt 1200.", nil},
		{"ten digits that are no date", "Ordrenummeret på skiltet er 9912345678.", nil},
		{"eleven digits", "EAN-nummeret er 57980001234 på fakturaen.", nil},
		{"case word inside a longer word", "Hvad betyder sagsnummeret på et brev fra kommunen i almindelighed?", nil},
		{"family in general", "Kan en far tage barselsorlov i kommunen?", nil},
		{"mine inside another word", "Hvor ligger minigolfbanen i Kastrup?", nil},
		// CPR numbers in every shape.
		{"cpr with dash", "Mit nummer er 010203-1234, hvornår får jeg svar?", cpr},
		{"cpr without dash", "Se på 0102031234 tak.", cpr},
		{"cpr with a space", "cpr 010203 1234", cpr},
		{"cpr with spaces around the dash", "Det er 010203 - 1234.", cpr},
		{"cpr with en dash", "010203–1234", cpr},
		{"cpr failing modulus 11 still counts", "Jeg har 111111-1111 som nummer.", cpr},
		{"impossible date still counts", "Nummer 310299-1234 gælder mig.", cpr},
		{"substitute number", "Erstatningsnummer 610203-1234.", cpr},
		// Case words.
		{"my case", "Hvad sker der med min sag om boligstøtte?", word("min sag")},
		{"case number, any case", "Mit SAGSNUMMER er 2024-123.", word("mit sagsnummer", "sagsnummer")},
		{"abbreviation with punctuation", "Sagsnr.: 44-12", word("sagsnr")},
		{"my son", "Min søn skal starte i skole, hvad med ham?", word("min søn")},
		{"my daughter spelled with ae", "Hvornaar starter min datter i vuggestue?", word("min datter")},
		{"my diagnosis", "Jeg har fået min diagnose og vil søge hjælp.", word("min diagnose")},
		{"my address", "Min adresse er Hovedgaden 1.", word("min adresse er")},
		{"my decision across a line break", "Jeg er uenig i min\nafgørelse.", word("min afgørelse")},
		{"the area's own word", "Hvornår er min bygningsansøgning færdig?", word("min bygningsansøgning")},
		{"cpr and case word together", "Min sag: 0102031234", append(cpr, word("min sag")...)},
	}
	if len(tests) < 25 {
		t.Fatalf("%d sentences; the issue asks for a set", len(tests))
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Check(tt.text, area)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Check(%q) = %+v, want %+v", tt.text, got, tt.want)
			}
		})
	}
}

func TestCheck_AreaWordsMatchOnlyTheirArea(t *testing.T) {
	if got := Check("Hvornår er min bygningsansøgning færdig?", nil); got != nil {
		t.Errorf("without the area's words: %+v, want nothing", got)
	}
}

// FuzzHasCPR states: a text with a date-shaped CPR number written with a
// dash inside is refused, whatever stands around it but digits.
func FuzzHasCPR(f *testing.F) {
	f.Add("før ", " efter")
	f.Fuzz(func(t *testing.T, before, after string) {
		if before != "" && isDigit([]rune(before)[len([]rune(before))-1]) || after != "" && isDigit([]rune(after)[0]) {
			t.Skip()
		}
		if !HasCPR(before + "150687-4321" + after) {
			t.Errorf("%q + 150687-4321 + %q: not found", before, after)
		}
	})
}

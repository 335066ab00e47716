package store

import (
	"errors"
	"testing"
	"unicode/utf8"
)

func TestCheckText_RefusesWhatOneEngineWouldStoreAndTheOtherRefuse(t *testing.T) {
	for _, c := range []struct {
		in          string
		text, lines bool // accepted by CheckText, by CheckLines
		offset      int  // of the problem, when refused
		r           rune
	}{
		{in: "ring-2014-03-31/17", text: true, lines: true},
		{in: "Ærø Ålborg økonomi", text: true, lines: true},
		{in: "\ufffd er et gyldigt tegn", text: true, lines: true}, // the replacement character itself is valid UTF-8
		{in: "a\x00b", offset: 1, r: 0},
		{in: "æ\xffø", offset: 2, r: utf8.RuneError},
		{in: "\xe6\xf8\xe5", offset: 0, r: utf8.RuneError}, // æøå in Latin-1
		{in: "\xc3(", offset: 0, r: utf8.RuneError},
		{in: "\xed\xa0\x80", offset: 0, r: utf8.RuneError}, // a UTF-16 surrogate, not UTF-8
		{in: "a\tb", lines: true, offset: 1, r: '\t'},
		{in: "første linje\r\nanden", lines: true, offset: 13, r: '\r'},
		{in: "x\u0085y", offset: 1, r: '\u0085'}, // C1 control (NEL)
		{in: "x\x7fy", offset: 1, r: 0x7f},
	} {
		for _, check := range []struct {
			name string
			fn   func(string) error
			ok   bool
		}{{"CheckText", CheckText, c.text}, {"CheckLines", CheckLines, c.lines}} {
			err := check.fn(c.in)
			if check.ok {
				if err != nil {
					t.Errorf("%s(%q) = %v, want accepted", check.name, c.in, err)
				}
				continue
			}
			var te *TextError
			if !errors.As(err, &te) {
				t.Errorf("%s(%q) = %v, want a *TextError", check.name, c.in, err)
				continue
			}
			if te.Offset != c.offset || te.Rune != c.r {
				t.Errorf("%s(%q) = offset %d rune %U, want offset %d rune %U", check.name, c.in, te.Offset, te.Rune, c.offset, c.r)
			}
		}
	}
}

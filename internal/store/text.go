package store

import (
	"fmt"
	"unicode"
	"unicode/utf8"
)

// TextError says why a text cannot be stored: it is not valid UTF-8, or it
// holds a control character. Offset is the byte where the problem starts.
type TextError struct {
	Offset int
	// Rune is the control character; utf8.RuneError for invalid UTF-8.
	Rune rune
}

func (e *TextError) Error() string {
	if e.Rune == utf8.RuneError {
		return fmt.Sprintf("not valid UTF-8 at byte %d", e.Offset+1)
	}
	return fmt.Sprintf("control character U+%04X at byte %d", e.Rune, e.Offset+1)
}

// CheckText accepts the text that both engines store alike, so that a value
// is never refused by PostgreSQL (invalid UTF-8, a NUL byte) while SQLite
// keeps it: valid UTF-8 without control characters (C0 and C1, which
// includes NUL, tab and line breaks). Every text a user or a system sends
// passes here, or CheckLines, before it is stored.
func CheckText(s string) error { return checkText(s, false) }

// CheckLines is CheckText for text of several lines: tab, line feed and
// carriage return are allowed.
func CheckLines(s string) error { return checkText(s, true) }

func checkText(s string, lines bool) error {
	for i, r := range s {
		switch {
		case r == utf8.RuneError:
			if _, size := utf8.DecodeRuneInString(s[i:]); size <= 1 {
				return &TextError{Offset: i, Rune: utf8.RuneError}
			}
		case lines && (r == '\t' || r == '\n' || r == '\r'):
		case unicode.IsControl(r):
			return &TextError{Offset: i, Rune: r}
		}
	}
	return nil
}

package selfservice

import (
	"fmt"
	"strconv"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/locale"
)

// Problem is one thing wrong with a form file. Rule is the key of its
// message in the translation catalogue; Args fill that message.
type Problem struct {
	File      string
	Line, Col int
	Rule      string
	Args      []any
}

// Location renders file:line:col.
func (p Problem) Location() string {
	file := p.File
	if file == "" {
		file = "-"
	}
	if p.Line == 0 {
		return file
	}
	return file + ":" + strconv.Itoa(p.Line) + ":" + strconv.Itoa(p.Col)
}

// Message is the problem's text in the printer's language, after its
// location.
func (p Problem) Message(pr locale.Printer) string {
	return p.Location() + ": " + pr.T(p.Rule, p.Args...)
}

// Invalid is the error for a form file with problems; nothing of an
// invalid form is used.
type Invalid struct {
	Problems []Problem
}

// Error is the first problem in English, and how many more there are.
func (e *Invalid) Error() string {
	if len(e.Problems) == 0 {
		return "invalid form"
	}
	msg := "invalid form: " + e.Problems[0].Message(locale.New(locale.English))
	switch n := len(e.Problems) - 1; {
	case n == 1:
		msg += " (and 1 more problem)"
	case n > 1:
		msg += fmt.Sprintf(" (and %d more problems)", n)
	}
	return msg
}

// Message is the error's text in the printer's language: a label in
// the language, a day written as the language writes it.
func (e FieldError) Message(p locale.Printer) string {
	args := make([]any, len(e.Args))
	for i, a := range e.Args {
		switch a := a.(type) {
		case Text:
			args[i] = a.In(p.Lang())
		case civil.Date:
			args[i] = p.Date(a)
		default:
			args[i] = a
		}
	}
	return p.T(e.Key, args...)
}

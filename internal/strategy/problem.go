package strategy

import (
	"fmt"
	"strconv"
	"strings"
)

// Pos is a 1-based line and column in a strategy file.
type Pos struct {
	Line, Col int
}

// Path points into the document: field names, list indexes and, wrapped in
// Key, a mapping key itself rather than its value.
type Path []any

// Key marks a path element that points at a mapping key, not its value.
type Key string

// String renders the path as areas[3].channels.transaction.primary[1].
func (p Path) String() string {
	var b strings.Builder
	for _, e := range p {
		switch e := e.(type) {
		case int:
			fmt.Fprintf(&b, "[%d]", e)
		default:
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			fmt.Fprint(&b, e)
		}
	}
	return b.String()
}

func (p Path) with(elems ...any) Path {
	return append(append(Path(nil), p...), elems...)
}

// Problem is one thing wrong with a strategy document. Rule is a stable
// identifier that is also the key of the problem's message in the translation
// catalogue; Args fill that message.
type Problem struct {
	File string
	Pos  Pos
	Path Path
	Rule string
	Args []any
	// Warning marks a problem that does not make the document unusable,
	// such as an area title that differs from KL's title for its KLE number.
	Warning bool
}

// Location renders file:line:col, leaving out what is unknown.
func (p Problem) Location() string {
	file := p.File
	if file == "" {
		file = "-"
	}
	if p.Pos.Line == 0 {
		return file
	}
	return file + ":" + strconv.Itoa(p.Pos.Line) + ":" + strconv.Itoa(p.Pos.Col)
}

// Invalid is the error for a strategy document with problems. Nothing of an
// invalid document is ever used.
type Invalid struct {
	Problems []Problem
}

func (e *Invalid) Error() string {
	if len(e.Problems) == 0 {
		return "invalid strategy"
	}
	p := e.Problems[0]
	msg := fmt.Sprintf("%s: invalid strategy (%s", p.Location(), p.Rule)
	switch n := len(e.Problems) - 1; {
	case n == 1:
		msg += ", and 1 more problem"
	case n > 1:
		msg += fmt.Sprintf(", and %d more problems", n)
	}
	return msg + ")"
}

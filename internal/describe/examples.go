package describe

import (
	"strings"

	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// AreaExamples says in words what of an area is an example: the whole area
// (the strategy does not name it), or the fields the file marks; empty when
// nothing is.
func AreaExamples(l locale.Printer, a *strategy.Area) string {
	if a.Example {
		return l.T("example.whole_area")
	}
	return exampleList(l, "example.area.", a.Examples)
}

// TargetExamples says in words which of a target's values are examples.
func TargetExamples(l locale.Printer, t strategy.Target) string {
	return exampleList(l, "example.target.", t.Examples)
}

func exampleList(l locale.Printer, prefix string, fields []string) string {
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = l.T(prefix + f)
	}
	return strings.Join(names, ", ")
}

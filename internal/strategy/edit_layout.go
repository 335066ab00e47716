package strategy

import (
	"reflect"
	"regexp"
	"strings"

	"github.com/pmezard/go-difflib/difflib"
	"go.yaml.in/yaml/v3"
)

// The YAML encoder keeps a document's comments and order but not its
// blank lines, nor the line breaks inside folded texts (>-). A form's save
// would then show, beside the value changed, every blank line removed and
// every folded text joined. keepLayout puts the original's layout back:
// it matches the encoder's lines with the original's, blank lines left
// out of both and a folded text taken as one, and
//   - gives each line that matches the blank lines it had before it;
//   - writes a run of lines as the original wrote it where the two say
//     the same once their line breaks are taken as spaces (a folded text);
//   - writes every other line as the encoder did, a new list entry with
//     the blank lines its neighbour at the same indentation has, and a
//     new top-level field after a blank line.
// The result must read as the same YAML as the encoder's, or the encoder's
// is used.

// layoutLine is a line that is not blank and how many blank lines came
// before it.
type layoutLine struct {
	text   string
	blanks int
}

// splitLayout is text's lines but the blank ones, and the blank lines
// after the last.
func splitLayout(text string) (lines []layoutLine, trailing int) {
	blanks := 0
	for _, l := range strings.SplitAfter(text, "\n") {
		if l == "" {
			continue
		}
		if strings.TrimSpace(l) == "" {
			blanks++
			continue
		}
		lines = append(lines, layoutLine{text: l, blanks: blanks})
		blanks = 0
	}
	return lines, blanks
}

// layoutUnit is a line, or a folded text's lines with the line that
// opens it: the encoder writes a folded text on one line, the original on
// several, and both say the same.
type layoutUnit struct {
	lines []layoutLine
	key   string // what the unit says, to match
}

var foldedStart = regexp.MustCompile(`(^|[:-])\s+>[0-9+-]*\s*$`)

// units groups lines into units, each folded text with its opening line.
func units(lines []layoutLine) []layoutUnit {
	var out []layoutUnit
	for i := 0; i < len(lines); i++ {
		u := layoutUnit{lines: lines[i : i+1], key: lines[i].text}
		if foldedStart.MatchString(strings.TrimRight(lines[i].text, "\n")) {
			indent := indentOf(lines[i].text)
			j := i + 1
			for j < len(lines) && indentOf(lines[j].text) > indent {
				j++
			}
			u.lines = lines[i:j]
			var words []string
			for _, l := range u.lines[1:] {
				if l.blanks > 0 {
					words = append(words, strings.Repeat("\n", l.blanks))
				}
				words = append(words, strings.Fields(l.text)...)
			}
			u.key = lines[i].text + strings.Join(words, " ")
			i = j - 1
		}
		out = append(out, u)
	}
	return out
}

func indentOf(s string) int { return len(s) - len(strings.TrimLeft(s, " ")) }

func keys(us []layoutUnit) []string {
	out := make([]string, len(us))
	for i, u := range us {
		out[i] = u.key
	}
	return out
}

func linesOf(us []layoutUnit) []layoutLine {
	var out []layoutLine
	for _, u := range us {
		out = append(out, u.lines...)
	}
	return out
}

// keepLayout returns encoded laid out as original where they say the
// same; ok is false when original is no help (there is none, or the
// result would not read as encoded does).
func keepLayout(original, encoded string) (string, bool) {
	if original == "" {
		return "", false
	}
	origLines, trailing := splitLayout(original)
	encLines, _ := splitLayout(encoded)
	orig, enc := units(origLines), units(encLines)
	var out strings.Builder
	// entryBlanks is the blank lines before the last list entry written
	// at an indentation, for a new entry to follow.
	entryBlanks := map[int]int{}
	prev := ""
	write := func(l layoutLine, blanks int) {
		if i := strings.Index(l.text, "- "); i >= 0 && strings.TrimSpace(l.text[:i]) == "" {
			entryBlanks[i] = blanks
		}
		out.WriteString(strings.Repeat("\n", blanks))
		out.WriteString(l.text)
		prev = l.text
	}
	lastMatched := false
	m := difflib.NewMatcherWithJunk(keys(orig), keys(enc), false, nil)
	for _, op := range m.GetOpCodes() {
		o, e := linesOf(orig[op.I1:op.I2]), linesOf(enc[op.J1:op.J2])
		switch {
		case op.Tag == 'e' || op.Tag == 'r' && folded(o) == folded(e):
			for _, l := range o {
				write(l, l.blanks)
			}
		case op.Tag == 'd':
		default: // replaced or inserted: the encoder's lines
			for k, l := range e {
				blanks := l.blanks
				if k == 0 && len(o) > 0 {
					blanks = max(blanks, o[0].blanks)
				}
				if topLevelAfterBlock(l.text, prev) {
					blanks = max(blanks, 1)
				}
				if i := strings.Index(l.text, "- "); i >= 0 && strings.TrimSpace(l.text[:i]) == "" {
					if b, ok := entryBlanks[i]; ok {
						blanks = max(blanks, b)
					}
				}
				write(l, blanks)
			}
		}
		lastMatched = op.Tag == 'e' && op.I2 == len(orig)
	}
	if lastMatched {
		out.WriteString(strings.Repeat("\n", trailing))
	}
	if !sameYAML(out.String(), encoded) {
		return "", false
	}
	return out.String(), true
}

// topLevelAfterBlock reports whether line is a top-level field that
// follows an indented block, which a new document sets off by a blank line.
func topLevelAfterBlock(line, prev string) bool {
	return prev != "" && line != "" && line[0] != ' ' && line[0] != '-' && line[0] != '#' && strings.HasPrefix(prev, " ")
}

// folded is lines as one text, each line's breaks and indentation taken
// as a space: a folded text's lines say what the encoder's one line does.
func folded(lines []layoutLine) string {
	var words []string
	for _, l := range lines {
		words = append(words, strings.Fields(l.text)...)
	}
	return strings.Join(words, " ")
}

// sameYAML reports whether a and b read as the same values.
func sameYAML(a, b string) bool {
	var x, y any
	if yaml.Unmarshal([]byte(a), &x) != nil || yaml.Unmarshal([]byte(b), &y) != nil {
		return false
	}
	return reflect.DeepEqual(x, y)
}

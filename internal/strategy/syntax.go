package strategy

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// The YAML parser reports a syntax error as text only ("yaml: line N: …"),
// and N is not always the line to fix: messages of its parser stage count
// lines from 0 while those of its scanner count from 1, and where the error
// is inside a list or mapping the parser names the line where that list or
// mapping begins. syntaxProblem puts the error back where the document
// breaks and gives the common messages words of their own.

// yamlMessage is what Kanal knows of one of the parser's messages.
type yamlMessage struct {
	rule string
	// parser marks messages of the parser stage, whose line is counted
	// from 0 and may be the start of the enclosing list or mapping.
	parser bool
	// tab marks messages about a tab in the indentation, which the parser
	// may report on a line before the tab.
	tab bool
	// col finds the column on the line; nil means the line's first
	// character that is not a space.
	col func(line string) int
}

var yamlMessages = map[string]yamlMessage{
	"did not find expected key":           {rule: RuleYAMLExpectedKey, parser: true},
	"did not find expected '-' indicator": {rule: RuleYAMLExpectedItem, parser: true},
	"did not find expected node content":  {rule: RuleYAMLExpectedValue, parser: true},
	"did not find expected ',' or ']'":    {rule: RuleYAMLUnclosedList, parser: true, col: firstOf("[")},
	"did not find expected ',' or '}'":    {rule: RuleYAMLUnclosedFields, parser: true, col: firstOf("{")},
	"found undefined tag handle":          {rule: RuleYAMLTag, parser: true, col: firstOf("!")},
	// The parser stage's other messages keep their text.
	"did not find expected <stream-start>":   {rule: RuleSyntax, parser: true},
	"did not find expected <document start>": {rule: RuleSyntax, parser: true},
	"found duplicate %YAML directive":        {rule: RuleSyntax, parser: true},
	"found incompatible YAML document":       {rule: RuleSyntax, parser: true},
	"found duplicate %TAG directive":         {rule: RuleSyntax, parser: true},

	"found unexpected end of stream":                               {rule: RuleYAMLUnclosedQuote, col: unclosedQuote},
	"found unexpected document indicator":                          {rule: RuleYAMLUnclosedQuote, col: unclosedQuote},
	"mapping values are not allowed in this context":               {rule: RuleYAMLColon, col: misplacedColon},
	"could not find expected ':'":                                  {rule: RuleYAMLMissingColon},
	"block sequence entries are not allowed in this context":       {rule: RuleYAMLDash, col: firstOf("-")},
	"found a tab character that violates indentation":              {rule: RuleYAMLTab, tab: true, col: firstOf("\t")},
	"found a tab character where an indentation space is expected": {rule: RuleYAMLTab, tab: true, col: firstOf("\t")},
	"found character that cannot start any token":                  {rule: RuleYAMLBadChar, col: tokenStart},
	"found unknown escape character":                               {rule: RuleYAMLEscape, col: firstOf(`\`)},
	"did not find expected comment or line break":                  {rule: RuleYAMLBlockHeader, col: firstOfAny("|>")},
	// An anchor or alias without a name: Kanal refuses them anyway.
	"did not find expected alphabetic or numeric character": {rule: RuleAlias, col: firstOfAny("&*")},
}

// The reader stage's messages, which carry no position at all.
var (
	yamlNotUTF8 = map[string]bool{
		"invalid leading UTF-8 octet":        true,
		"incomplete UTF-8 octet sequence":    true,
		"invalid trailing UTF-8 octet":       true,
		"invalid length of a UTF-8 sequence": true,
		"invalid Unicode character":          true,
	}
	yamlControlChar = "control characters are not allowed"
	yamlAnchor      = regexp.MustCompile(`^unknown anchor '(.*)' referenced$`)
	yamlLine        = regexp.MustCompile(`^line (\d+): `)
)

// syntaxProblem turns an error of the YAML parser on data into a problem at
// the line and column to fix.
func syntaxProblem(data []byte, err error) Problem {
	line, text := splitYAMLError(err)
	src := splitLines(data)
	if p, ok := src.unpositioned(data, text); ok {
		return p
	}
	msg, known := yamlMessages[text]
	if !known {
		msg = yamlMessage{rule: RuleSyntax}
	}
	if msg.parser {
		line++ // counted from 0
	}
	line = max(line, 1)
	if bytes.HasPrefix(data, []byte{0xfe, 0xff}) || bytes.HasPrefix(data, []byte{0xff, 0xfe}) {
		// UTF-16: the lines of the bytes are not the document's.
		return Problem{Pos: Pos{line, 1}, Rule: msg.rule, Args: syntaxArgs(msg.rule, text, "")}
	}
	switch {
	case msg.parser:
		line = src.breakingLine(data, line, text)
	case msg.tab:
		line = src.tabLine(line)
	}
	return src.problemOn(min(line, len(src.text)), msg, text)
}

// unpositioned places the messages that come without a line: those of the
// parser's reader stage and an alias without its anchor.
func (src sourceLines) unpositioned(data []byte, text string) (Problem, bool) {
	switch {
	case yamlNotUTF8[text]:
		return Problem{Pos: src.pos(firstInvalidUTF8(data)), Rule: RuleYAMLNotUTF8}, true
	case text == yamlControlChar:
		off, r := firstControlChar(data)
		return Problem{Pos: src.pos(off), Rule: RuleYAMLControlChar, Args: []any{fmt.Sprintf("U+%04X", r)}}, true
	}
	if m := yamlAnchor.FindStringSubmatch(text); m != nil {
		// Kanal refuses aliases anyway; say so where the alias stands.
		return Problem{Pos: src.find(aliasPattern(m[1])), Rule: RuleAlias}, true
	}
	return Problem{}, false
}

// problemOn is the problem msg on the given line, at the column msg finds.
func (src sourceLines) problemOn(line int, msg yamlMessage, text string) Problem {
	lineText := src.text[line-1]
	i := -1
	if msg.col != nil {
		i = msg.col(lineText)
	}
	if i < 0 {
		i = firstNonSpace(lineText)
	}
	rule, char := msg.rule, ""
	if i < len(lineText) {
		r, _ := utf8.DecodeRuneInString(lineText[i:])
		char = string(r)
	}
	if rule == RuleYAMLBadChar && char == "\t" {
		rule = RuleYAMLTab
	}
	return Problem{Pos: Pos{line, utf8.RuneCountInString(lineText[:i]) + 1}, Rule: rule, Args: syntaxArgs(rule, text, char)}
}

func syntaxArgs(rule, text, char string) []any {
	switch rule {
	case RuleSyntax:
		return []any{text}
	case RuleYAMLBadChar:
		return []any{char}
	}
	return nil
}

// splitYAMLError takes "yaml: line N: text" apart; line is 0 when the
// message names none.
func splitYAMLError(err error) (line int, text string) {
	text = strings.TrimPrefix(err.Error(), "yaml: ")
	if m := yamlLine.FindStringSubmatch(text); m != nil {
		line, _ = strconv.Atoi(m[1])
		text = text[len(m[0]):]
	}
	return line, text
}

// firstError is the first error the parser meets in data, or nil.
func firstError(data []byte) error {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	for {
		var n yaml.Node
		if err := dec.Decode(&n); err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		}
	}
}

// sourceLines is a document cut into lines where YAML breaks them.
type sourceLines struct {
	text  []string // without the line break; the first without a byte order mark
	start []int    // offset of each line in the document
	end   []int    // offset just after each line's break
}

const bom = "\ufeff"

func splitLines(data []byte) sourceLines {
	var src sourceLines
	s := string(data)
	begin := 0
	add := func(textEnd, next int) {
		src.text = append(src.text, s[begin:textEnd])
		src.start = append(src.start, begin)
		src.end = append(src.end, next)
		begin = next
	}
	for i := 0; i < len(s); {
		switch {
		case strings.HasPrefix(s[i:], "\r\n"):
			add(i, i+2)
			i += 2
		case s[i] == '\r' || s[i] == '\n':
			add(i, i+1)
			i++
		case strings.HasPrefix(s[i:], "\u0085"), strings.HasPrefix(s[i:], "\u2028"), strings.HasPrefix(s[i:], "\u2029"):
			_, size := utf8.DecodeRuneInString(s[i:])
			add(i, i+size)
			i += size
		default:
			i++
		}
	}
	if begin < len(s) || len(src.text) == 0 {
		add(len(s), len(s))
	}
	if strings.HasPrefix(src.text[0], bom) {
		src.text[0] = src.text[0][len(bom):]
		src.start[0] += len(bom)
	}
	return src
}

// pos is the line and column of a byte offset.
func (src sourceLines) pos(off int) Pos {
	for i := range src.text {
		if off < src.end[i] || i == len(src.text)-1 {
			text := src.text[i]
			n := off - src.start[i]
			if n < 0 {
				n = 0
			}
			if n > len(text) {
				n = len(text)
			}
			return Pos{i + 1, utf8.RuneCountInString(text[:n]) + 1}
		}
	}
	return Pos{1, 1}
}

// find is the position of the first match of re's first group, or 1:1.
func (src sourceLines) find(re *regexp.Regexp) Pos {
	for i, text := range src.text {
		if loc := re.FindStringSubmatchIndex(text); loc != nil {
			return Pos{i + 1, utf8.RuneCountInString(text[:loc[2]]) + 1}
		}
	}
	return Pos{1, 1}
}

// breakingLine finds, from line from on, the first line up to which the
// document fails with the same message: the line that breaks it, where the
// parser named the start of the enclosing list or mapping. Up to the line
// that breaks it a document reads cleanly and from there on it fails, so a
// binary search needs a handful of parses even for a long file.
func (src sourceLines) breakingLine(data []byte, from int, text string) int {
	if from > len(src.text) {
		// The parser ran into the end of the document; what it missed
		// (a closing bracket, say) began somewhere above.
		from = 1
	}
	fails := func(k int) bool {
		err := firstError(data[:src.end[k-1]])
		if err == nil {
			return false
		}
		_, t := splitYAMLError(err)
		return t == text
	}
	lo, hi := from, len(src.text) // the whole document fails
	for lo < hi {
		mid := lo + (hi-lo)/2
		if fails(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

// tabLine finds the first line from about line on with a tab in its
// indentation.
func (src sourceLines) tabLine(line int) int {
	for k := max(line-1, 1); k <= len(src.text); k++ {
		text := src.text[k-1]
		if indent := text[:firstNonSpace(text)]; strings.Contains(indent, "\t") {
			return k
		}
	}
	return line
}

func firstNonSpace(line string) int {
	if i := strings.IndexFunc(line, func(r rune) bool { return r != ' ' && r != '\t' }); i >= 0 {
		return i
	}
	return 0
}

func firstOf(s string) func(string) int {
	return func(line string) int { return strings.Index(line, s) }
}

func firstOfAny(chars string) func(string) int {
	return func(line string) int { return strings.IndexAny(line, chars) }
}

// tokenStart finds a character that begins a value but may not: a tab,
// @ or `.
func tokenStart(line string) int {
	for i := 0; i < len(line); i++ {
		if strings.IndexByte("\t@`", line[i]) >= 0 && (i == 0 || strings.IndexByte(" \t[{,:", line[i-1]) >= 0) {
			return i
		}
	}
	return -1
}

// unclosedQuote finds the quote on the line that is not closed on it.
func unclosedQuote(line string) int {
	open := -1
	var quote byte
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case open < 0 && c == '#' && (i == 0 || line[i-1] == ' '):
			return -1 // a comment; the quote is not on this line
		case open < 0 && (c == '"' || c == '\''):
			open, quote = i, c
		case open >= 0 && c == '\\' && quote == '"':
			i++ // an escaped character, perhaps a quote
		case open >= 0 && c == quote:
			if quote == '\'' && i+1 < len(line) && line[i+1] == '\'' {
				i++ // '' is a quote inside single quotes
				continue
			}
			open = -1
		}
	}
	return open
}

// misplacedColon finds the ": " the parser refused: the second on the line
// when it holds two (a: b: c), else the only one (a continued line).
func misplacedColon(line string) int {
	var at []int
	for i := 0; i < len(line); i++ {
		if line[i] == ':' && (i+1 == len(line) || line[i+1] == ' ') {
			at = append(at, i)
		}
	}
	switch {
	case len(at) >= 2:
		return at[1]
	case len(at) == 1:
		return at[0]
	}
	return -1
}

// aliasPattern matches *name where YAML reads it as an alias.
func aliasPattern(name string) *regexp.Regexp {
	return regexp.MustCompile(`(?:^|[\s\[{,:])(\*` + regexp.QuoteMeta(name) + `)(?:$|[\s\]},])`)
}

func firstInvalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return 0
}

// firstControlChar finds the first character YAML does not allow in a
// document (YAML 1.1, 5.1: printable characters, tab and line breaks).
func firstControlChar(data []byte) (int, rune) {
	for i, r := range string(data) {
		switch {
		case r == '\t', r == '\n', r == '\r', r >= 0x20 && r <= 0x7e, r == 0x85,
			r >= 0xa0 && r <= 0xd7ff, r >= 0xe000 && r <= 0xfffd, r >= 0x10000 && r <= 0x10ffff:
		default:
			return i, r
		}
	}
	return 0, 0
}

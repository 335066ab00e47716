package pdf

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// cp1252 turns UTF-8 into the core fonts' Windows-1252. A character that
// the code page lacks becomes the nearest it has, never fpdf's ".".
type cp1252 struct {
	translate func(string) string
	has       map[rune]bool
}

func newCP1252(translate func(string) string) *cp1252 {
	return &cp1252{translate: translate, has: map[rune]bool{}}
}

// nearest are the stand-ins for characters outside Windows-1252 that a
// document plausibly contains and that decomposition does not reach, and
// the invisible characters, which the code page's soft hyphen would make
// visible.
var nearest = map[rune]string{
	'−': "-", '‐': "-", '‑': "-", '‒': "-", '―': "—", '⁄': "/",
	'→': "->", '←': "<-", '↔': "<->", '⇒': "=>", '⇐': "<=",
	'≤': "<=", '≥': ">=", '≠': "!=", '≈': "~", '′': "'", '″': "\"",
	'ł': "l", 'Ł': "L", 'đ': "d", 'Đ': "D", 'ı': "i", 'ħ': "h", 'ŧ': "t",
	'\u2007': "\u00a0", '\u2009': "\u00a0", '\u202f': "\u00a0", '\u2060': "",
	'\u00ad': "", '\u200b': "", '\u200c': "", '\u200d': "", '\ufeff': "",
}

// clean replaces what the code page lacks and turns control characters
// other than line breaks into spaces. It returns UTF-8, so text can be
// measured and wrapped before it is encoded.
func (c *cp1252) clean(s string) string {
	if c.isClean(s) {
		return s
	}
	var b strings.Builder
	for _, ch := range strings.ReplaceAll(s, "\r\n", "\n") {
		switch {
		case ch == '\n':
			b.WriteRune(ch)
		case unicode.IsControl(ch) || ch == unicode.ReplacementChar:
			b.WriteByte(' ')
		default:
			b.WriteString(c.stand(ch))
		}
	}
	return b.String()
}

func (c *cp1252) isClean(s string) bool {
	for _, ch := range s {
		if ch < ' ' && ch != '\n' || ch >= unicode.MaxASCII && (c.stand(ch) != string(ch) || unicode.IsControl(ch)) {
			return false
		}
	}
	return true
}

// encode is s cleaned and in Windows-1252, for fpdf.
func (c *cp1252) encode(s string) string {
	return c.translate(strings.ReplaceAll(c.clean(s), "\n", " "))
}

// stand is ch itself when the code page has it, else its stand-in: from
// nearest, or its compatibility decomposition without the accents ("č"
// is "c", "ﬁ" is "fi"), or "?".
func (c *cp1252) stand(ch rune) string {
	if s, ok := nearest[ch]; ok {
		return s
	}
	if c.covers(ch) {
		return string(ch)
	}
	var b strings.Builder
	for _, d := range norm.NFKD.String(string(ch)) {
		switch {
		case unicode.Is(unicode.Mn, d):
		case d != ch && c.covers(d):
			b.WriteRune(d)
		case nearest[d] != "":
			b.WriteString(nearest[d])
		}
	}
	if b.Len() == 0 {
		return "?"
	}
	return b.String()
}

func (c *cp1252) covers(ch rune) bool {
	if ch < unicode.MaxASCII {
		return true
	}
	has, ok := c.has[ch]
	if !ok {
		has = c.translate(string(ch)) != "."
		c.has[ch] = has
	}
	return has
}

package answers

import (
	"fmt"
	"html"
	"html/template"
	"net/url"
	"strings"
)

// The restricted Markdown an answer page is written in: paragraphs
// (separated by an empty line; bold ends with its line), "### " headings, lists ("- " or "* ",
// "1. "), **bold** and links [text](https://…) or [text](mailto:…).
// Everything else is text: raw HTML is shown escaped, never passed on,
// and a link to any other scheme (javascript:, data:, http:, a relative
// address) is refused with its line, so the page never carries one.
//
// A heading becomes <h2>: the portal's page has the title as <h1>, and
// the department's "###" is the first level below it.

// SyntaxError is a problem in an answer's text, at a line (from 1).
type SyntaxError struct {
	Line int
	// Key is the catalogue key of the message; Arg its argument.
	Key string
	Arg string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("body:%d: %s %q", e.Line, e.Key, e.Arg)
}

// Check returns the problems of a body, first line first; none when it
// renders as written.
func Check(src string) []SyntaxError {
	_, problems := render(src)
	return problems
}

// Render turns a body into HTML that is safe to put in a page. A link the
// subset refuses is shown as its text alone.
func Render(src string) template.HTML {
	out, _ := render(src)
	return template.HTML(out) // #nosec: every piece of text is escaped by inline
}

type block struct {
	kind  string // "p", "h", "ul", "ol"
	lines []string
	first []int // the source line of each entry
}

func render(src string) (string, []SyntaxError) {
	var b strings.Builder
	var problems []SyntaxError
	for _, bl := range blocks(src) {
		switch bl.kind {
		case "h":
			b.WriteString("<h2>")
			b.WriteString(inline(bl.lines[0], bl.first[0], &problems))
			b.WriteString("</h2>\n")
		case "ul", "ol":
			b.WriteString("<" + bl.kind + ">\n")
			for i, item := range bl.lines {
				b.WriteString("<li>" + inline(item, bl.first[i], &problems) + "</li>\n")
			}
			b.WriteString("</" + bl.kind + ">\n")
		default:
			// Each line is rendered alone, so that a problem names its
			// own line; bold does not run across a line break.
			parts := make([]string, len(bl.lines))
			for i, l := range bl.lines {
				parts[i] = inline(l, bl.first[i], &problems)
			}
			b.WriteString("<p>" + strings.Join(parts, " ") + "</p>\n")
		}
	}
	return b.String(), problems
}

// blocks splits the source into headings, lists and paragraphs.
func blocks(src string) []block {
	var out []block
	var cur *block
	flush := func() {
		if cur != nil {
			out = append(out, *cur)
			cur = nil
		}
	}
	for i, raw := range strings.Split(strings.ReplaceAll(src, "\r\n", "\n"), "\n") {
		n := i + 1
		line := strings.TrimSpace(raw)
		if line == "" {
			flush()
			continue
		}
		if h, ok := strings.CutPrefix(line, "### "); ok {
			flush()
			out = append(out, block{kind: "h", lines: []string{strings.TrimSpace(h)}, first: []int{n}})
			continue
		}
		kind, item := listItem(line)
		switch {
		case kind != "" && cur != nil && cur.kind == kind:
			cur.lines, cur.first = append(cur.lines, item), append(cur.first, n)
		case kind != "":
			flush()
			cur = &block{kind: kind, lines: []string{item}, first: []int{n}}
		case cur != nil && cur.kind != "p":
			// A line under a list item continues it.
			cur.lines[len(cur.lines)-1] += " " + line
		case cur != nil:
			cur.lines, cur.first = append(cur.lines, line), append(cur.first, n)
		default:
			cur = &block{kind: "p", lines: []string{line}, first: []int{n}}
		}
	}
	flush()
	return out
}

// listItem reports the kind of list a line is an item of and its text.
func listItem(line string) (kind, item string) {
	for _, m := range []string{"- ", "* "} {
		if rest, ok := strings.CutPrefix(line, m); ok {
			return "ul", strings.TrimSpace(rest)
		}
	}
	digits := 0
	for digits < len(line) && line[digits] >= '0' && line[digits] <= '9' {
		digits++
	}
	if digits > 0 && digits <= 3 && strings.HasPrefix(line[digits:], ". ") {
		return "ol", strings.TrimSpace(line[digits+2:])
	}
	return "", ""
}

// inline renders bold and links of one block's text, escaping the rest.
func inline(s string, line int, problems *[]SyntaxError) string {
	var b strings.Builder
	bold := false
	for len(s) > 0 {
		switch {
		case strings.HasPrefix(s, "**"):
			if bold {
				b.WriteString("</strong>")
			} else if strings.Contains(s[2:], "**") {
				b.WriteString("<strong>")
			} else {
				b.WriteString("**")
				s = s[2:]
				continue
			}
			bold = !bold
			s = s[2:]
		case s[0] == '[':
			text, target, rest, ok := link(s)
			if !ok {
				b.WriteString(html.EscapeString("["))
				s = s[1:]
				continue
			}
			if safeLink(target) {
				b.WriteString(`<a href="` + html.EscapeString(target) + `">` + html.EscapeString(text) + "</a>")
			} else {
				*problems = append(*problems, SyntaxError{Line: line, Key: "answers.error.link", Arg: target})
				b.WriteString(html.EscapeString(text))
			}
			s = rest
		default:
			next := strings.IndexAny(s[1:], "*[")
			if next < 0 {
				b.WriteString(html.EscapeString(s))
				s = ""
			} else {
				b.WriteString(html.EscapeString(s[:next+1]))
				s = s[next+1:]
			}
		}
	}
	if bold {
		b.WriteString("</strong>")
	}
	return b.String()
}

// link reads "[text](target)" at the start of s.
func link(s string) (text, target, rest string, ok bool) {
	end := strings.Index(s, "](")
	if end < 0 || strings.ContainsAny(s[1:end], "[]") {
		return "", "", "", false
	}
	close := strings.IndexByte(s[end+2:], ')')
	if close < 0 {
		return "", "", "", false
	}
	target = strings.TrimSpace(s[end+2 : end+2+close])
	if strings.ContainsAny(target, " \t") {
		return "", "", "", false
	}
	return s[1:end], target, s[end+2+close+1:], true
}

// safeLink reports whether a link's target is an https address with a
// host or a mailto address.
func safeLink(target string) bool {
	u, err := url.Parse(target)
	if err != nil {
		return false
	}
	switch u.Scheme {
	case "https":
		return u.Host != "" && u.User == nil
	case "mailto":
		return u.Opaque != "" && strings.Contains(u.Opaque, "@")
	}
	return false
}

// PlainText is a body's words without the markup, for the search.
func PlainText(src string) string {
	var b strings.Builder
	for _, bl := range blocks(src) {
		for _, l := range bl.lines {
			for len(l) > 0 {
				if l[0] == '[' {
					if text, _, rest, ok := link(l); ok {
						b.WriteString(text)
						l = rest
						continue
					}
				}
				b.WriteByte(l[0])
				l = l[1:]
			}
			b.WriteByte(' ')
		}
	}
	return strings.ReplaceAll(b.String(), "**", "")
}

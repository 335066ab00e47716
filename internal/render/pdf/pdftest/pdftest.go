// Package pdftest reads back, for tests, what a PDF written by package
// pdf shows: the text of each page in the order it is drawn, where each
// text stands, the number of pages and the drawing operators; and it
// makes fpdf write the same bytes for the same document.
package pdftest

import (
	"bytes"
	"compress/zlib"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/text/encoding/charmap"
)

// Reproducible makes fpdf date the files it writes with at instead of
// the time they are written, and write its fonts' objects in a fixed
// order instead of a map's, until the test ends: the same document is
// then the same bytes.
func Reproducible(tb testing.TB, at time.Time) {
	fpdf.SetDefaultCreationDate(at)
	fpdf.SetDefaultModificationDate(at)
	fpdf.SetDefaultCatalogSort(true)
	tb.Cleanup(func() {
		fpdf.SetDefaultCreationDate(time.Time{})
		fpdf.SetDefaultModificationDate(time.Time{})
		fpdf.SetDefaultCatalogSort(false)
	})
}

// PageCount counts the page objects (not the /Pages tree).
func PageCount(pdf []byte) int {
	return len(regexp.MustCompile(`/Type\s*/Page\b`).FindAll(pdf, -1))
}

// Pages extracts the text of each content stream of a PDF — with the
// core fonts, one per page — as the strings of its text operators, in
// the order they are drawn, decoded from Windows-1252.
func Pages(t testing.TB, pdf []byte) [][]string {
	t.Helper()
	var pages [][]string
	for _, page := range PlacedPages(t, pdf) {
		var texts []string
		for _, p := range page {
			texts = append(texts, p.Text)
		}
		pages = append(pages, texts)
	}
	return pages
}

// PlacedPages is Pages with the texts' positions.
func PlacedPages(t testing.TB, pdf []byte) [][]Text {
	t.Helper()
	var pages [][]Text
	for _, s := range Streams(t, pdf) {
		pages = append(pages, textOperators(t, s))
	}
	return pages
}

// Streams are the contents of a PDF's streams, inflated.
func Streams(t testing.TB, pdf []byte) [][]byte {
	t.Helper()
	var out [][]byte
	streamStart := regexp.MustCompile(`(?s)(<<.*?>>)\s*stream\r?\n`)
	rest := pdf
	for {
		m := streamStart.FindSubmatchIndex(rest)
		if m == nil {
			return out
		}
		dict := rest[m[2]:m[3]]
		body := rest[m[1]:]
		length := regexp.MustCompile(`/Length (\d+)`).FindSubmatch(dict)
		if length == nil {
			t.Fatalf("stream without a length: %s", dict)
		}
		n, _ := strconv.Atoi(string(length[1]))
		if n > len(body) || !bytes.HasPrefix(bytes.TrimLeft(body[n:], "\r\n"), []byte("endstream")) {
			t.Fatalf("stream of length %d does not end with endstream", n)
		}
		data := body[:n]
		rest = body[n:]
		if bytes.Contains(dict, []byte("/FlateDecode")) {
			zr, err := zlib.NewReader(bytes.NewReader(data))
			if err != nil {
				t.Fatalf("inflate stream: %v", err)
			}
			if data, err = io.ReadAll(zr); err != nil {
				t.Fatalf("inflate stream: %v", err)
			}
		}
		out = append(out, data)
	}
}

// Text is a string shown on a page and where its line starts, in
// points from the page's bottom left corner.
type Text struct {
	Text string
	X, Y float64
}

// textOperators collects the strings shown by Tj, TJ, ' and ", with the
// position the last Td moved to.
func textOperators(t testing.TB, content []byte) []Text {
	var out []Text
	var pending []string
	var numbers []float64
	var x, y float64
	dec := charmap.Windows1252.NewDecoder()
	isLetter := func(c byte) bool { return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' }
	for i := 0; i < len(content); {
		c := content[i]
		switch {
		case c == '(':
			s, n := literal(content[i:])
			u, err := dec.String(s)
			if err != nil {
				t.Fatalf("decode %q: %v", s, err)
			}
			pending = append(pending, u)
			i += n
		case c == '%':
			for i < len(content) && content[i] != '\n' {
				i++
			}
		case c >= '0' && c <= '9' || c == '-' || c == '.':
			j := i + 1
			for j < len(content) && (content[j] >= '0' && content[j] <= '9' || content[j] == '.') {
				j++
			}
			if v, err := strconv.ParseFloat(string(content[i:j]), 64); err == nil {
				numbers = append(numbers, v)
			}
			i = j
		case isLetter(c) || c == '\'' || c == '"':
			j := i + 1
			for j < len(content) && (isLetter(content[j]) || content[j] == '*') {
				j++
			}
			switch string(content[i:j]) {
			case "Td":
				if n := len(numbers); n >= 2 {
					x, y = numbers[n-2], numbers[n-1]
				}
			case "Tj", "TJ", "'", `"`:
				out = append(out, Text{strings.Join(pending, ""), x, y})
			}
			pending, numbers, i = nil, nil, j
		default:
			i++
		}
	}
	return out
}

// literal reads the literal string at the start of b, "(" included,
// and returns its bytes and the length it took.
func literal(b []byte) (string, int) {
	var s []byte
	depth := 0
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case c == '(':
			if depth > 0 {
				s = append(s, c)
			}
			depth++
		case c == ')':
			depth--
			if depth == 0 {
				return string(s), i + 1
			}
			s = append(s, c)
		case c == '\\' && i+1 < len(b):
			i++
			switch e := b[i]; e {
			case 'n':
				s = append(s, '\n')
			case 'r':
				s = append(s, '\r')
			case 't':
				s = append(s, '\t')
			case 'b':
				s = append(s, '\b')
			case 'f':
				s = append(s, '\f')
			case '\n':
			case '\r':
				if i+1 < len(b) && b[i+1] == '\n' {
					i++
				}
			case '0', '1', '2', '3', '4', '5', '6', '7':
				j := i
				for j < len(b) && j < i+3 && b[j] >= '0' && b[j] <= '7' {
					j++
				}
				v, _ := strconv.ParseUint(string(b[i:j]), 8, 8)
				s = append(s, byte(v))
				i = j - 1
			default:
				s = append(s, e)
			}
		default:
			s = append(s, c)
		}
	}
	return string(s), len(b)
}

// Flat is the pages' strings one after the other.
func Flat(pages [][]string) []string {
	var out []string
	for _, p := range pages {
		out = append(out, p...)
	}
	return out
}

// InOrder reports whether want are among ss, in order (each one whole, or
// wrapped over consecutive strings).
func InOrder(ss, want []string) bool {
	text := strings.Join(ss, " ")
	pos := 0
	for _, w := range want {
		i := strings.Index(text[pos:], w)
		if i < 0 {
			return false
		}
		pos += i + len(w)
	}
	return true
}

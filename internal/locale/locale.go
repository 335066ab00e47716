// Package locale holds every text Kanal shows to people, in Danish (the
// default) and English, and formats numbers the way each language writes them.
package locale

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Languages Kanal speaks. Danish comes first.
const (
	Danish  = "da"
	English = "en"
)

// Languages lists the supported languages in the order they are offered.
var Languages = []string{Danish, English}

// message is one text: Danish and English fmt formats.
type message struct{ da, en string }

// catalogue is filled by the files of this package, one per subject.
var catalogue = map[string]message{}

func add(messages map[string]message) {
	for k, m := range messages {
		if _, dup := catalogue[k]; dup {
			panic("locale: duplicate key " + k)
		}
		catalogue[k] = m
	}
}

// Printer renders texts in one language.
type Printer struct {
	lang string
}

// New returns a printer for lang; anything unsupported gets Danish.
func New(lang string) Printer {
	if lang == English {
		return Printer{English}
	}
	return Printer{Danish}
}

// Lang is the printer's language code.
func (p Printer) Lang() string { return p.lang }

// T returns the text for key, formatted with args. An unknown key is
// returned as is, so a missing text is visible rather than blank.
func (p Printer) T(key string, args ...any) string {
	m, ok := catalogue[key]
	if !ok {
		return key
	}
	format := m.da
	if p.lang == English {
		format = m.en
	}
	if len(args) == 0 {
		return format
	}
	return fmt.Sprintf(format, args...)
}

// Has reports whether the catalogue holds key.
func Has(key string) bool {
	_, ok := catalogue[key]
	return ok
}

// Keys lists every key in the catalogue.
func Keys() []string {
	keys := make([]string, 0, len(catalogue))
	for k := range catalogue {
		keys = append(keys, k)
	}
	return keys
}

// Int writes n with the language's thousands separator: 140.000 or 140,000.
func (p Printer) Int(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	sep := "."
	if p.lang == English {
		sep = ","
	}
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// Decimal writes x with the given number of decimals and the language's
// separators: 1.234,50 or 1,234.50.
func (p Printer) Decimal(x float64, decimals int) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "–"
	}
	neg := x < 0
	s := strconv.FormatFloat(math.Abs(x), 'f', decimals, 64)
	whole, frac, _ := strings.Cut(s, ".")
	n, _ := strconv.ParseInt(whole, 10, 64)
	out := p.Int(n)
	if frac != "" {
		if p.lang == English {
			out += "." + frac
		} else {
			out += "," + frac
		}
	}
	if neg {
		out = "-" + out
	}
	return out
}

// Match picks a supported language from an Accept-Language header.
func Match(acceptLanguage string) string {
	for _, part := range strings.Split(acceptLanguage, ",") {
		tag, _, _ := strings.Cut(strings.TrimSpace(part), ";")
		tag = strings.ToLower(tag)
		switch {
		case tag == "da" || strings.HasPrefix(tag, "da-") || tag == "nb" || tag == "nn" || tag == "no":
			return Danish
		case tag == "en" || strings.HasPrefix(tag, "en-"):
			return English
		}
	}
	return Danish
}

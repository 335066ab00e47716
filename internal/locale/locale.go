// Package locale holds every text Kanal shows to people, in Danish (the
// default) and English, and formats numbers the way each language writes them.
package locale

import (
	"fmt"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/kanal-dk/kanal/internal/number"
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
// returned as is, so a missing text is visible rather than blank, and is
// told to the function set with OnMissing.
func (p Printer) T(key string, args ...any) string {
	m, ok := catalogue[key]
	if !ok {
		if f := onMissing.Load(); f != nil {
			(*f)(key)
		}
		return key
	}
	format := m.da
	if p.lang == English {
		format = m.en
	}
	if len(args) == 0 {
		return format
	}
	if p.lang != English {
		args = danishDecimals(args)
	}
	return fmt.Sprintf(format, args...)
}

// danishDecimals returns args with every float64 written with a decimal
// comma, whatever the verb (a strategy's "prisen -25,5 kr."), copying
// args rather than changing the caller's.
func danishDecimals(args []any) []any {
	var out []any
	for i, a := range args {
		if f, ok := a.(float64); ok {
			if out == nil {
				out = slices.Clone(args)
			}
			out[i] = commaFloat(f)
		}
	}
	if out == nil {
		return args
	}
	return out
}

// commaFloat is a number fmt writes as float64 does, with a comma for the
// decimal point.
type commaFloat float64

func (f commaFloat) Format(s fmt.State, verb rune) {
	fmt.Fprint(s, strings.Replace(fmt.Sprintf(fmt.FormatString(s, verb), float64(f)), ".", ",", 1))
}

// onMissing hears of every key T is asked for and the catalogue lacks.
var onMissing atomic.Pointer[func(key string)]

// OnMissing makes f hear of every key that T (and so Plural and Count) is
// asked for and the catalogue lacks, until restore is called; f may be
// called from several goroutines at once. Tests use it to fail on a text
// that would show as its key (see localetest); Kanal itself never sets it.
func OnMissing(f func(key string)) (restore func()) {
	old := onMissing.Swap(&f)
	return func() { onMissing.Store(old) }
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
func (p Printer) Int(n int64) string { return p.numbers().Int(n) }

// Decimal writes x with the given number of decimals and the language's
// separators, 1.234,50 or 1,234.50, rounded half away from zero and
// without a sign on a zero (see number.Style.Format: the one formatter
// of pages, charts, exports and the council's report).
func (p Printer) Decimal(x float64, decimals int) string { return p.numbers().Format(x, decimals) }

func (p Printer) numbers() number.Style {
	if p.lang == English {
		return number.English
	}
	return number.Danish
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

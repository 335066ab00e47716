// Package number writes numbers for people, the Danish or the English way:
// thousands grouped, the language's decimal mark, rounded half away from
// zero. It is the one formatter of Kanal — pages, charts, exports and the
// council's report all write their numbers with it, so that a figure reads
// the same wherever it is shown — and it imports nothing of Kanal, so that
// every package can use it.
package number

import (
	"math"
	"strconv"
	"strings"
)

// Style is how a language writes numbers.
type Style struct {
	// Thousands goes between groups of three digits; "" groups nothing.
	Thousands string
	// Point goes before the decimals.
	Point string
}

// The languages' styles: 1.234.567,8 and 1,234,567.8.
var (
	Danish  = Style{Thousands: ".", Point: ","}
	English = Style{Thousands: ",", Point: "."}
)

// Format writes v with exactly decimals decimals (none if negative),
// rounded half away from zero — the rounding taught in Danish schools and
// used by spreadsheets — so 2.5 is "3" and -2.5 is "-3". It rounds the
// shortest decimal that reads back as v, not the binary value, so 1.005
// with two decimals is "1,01" as a reader of the table expects, not
// "1,00". A value that rounds to zero has no sign: -0.4 is "0". NaN is
// "–" (a missing figure); the infinities are "∞" and "-∞".
func (s Style) Format(v float64, decimals int) string {
	switch {
	case math.IsNaN(v):
		return "–"
	case math.IsInf(v, 1):
		return "∞"
	case math.IsInf(v, -1):
		return "-∞"
	}
	decimals = max(decimals, 0)
	digits := strconv.FormatFloat(math.Abs(v), 'f', -1, 64)
	intPart, frac, _ := strings.Cut(digits, ".")
	intPart, frac = roundHalfUp(intPart, frac, decimals)
	sign := ""
	if v < 0 && strings.Trim(intPart+frac, "0") != "" {
		sign = "-"
	}
	out := sign + s.group(intPart)
	if decimals > 0 {
		out += s.Point + frac
	}
	return out
}

// Int writes n exactly, grouped: a count is never rounded.
func (s Style) Int(n int64) string {
	digits := strconv.FormatInt(n, 10)
	if rest, neg := strings.CutPrefix(digits, "-"); neg {
		return "-" + s.group(rest)
	}
	return s.group(digits)
}

// group puts the thousands separator into a run of digits.
func (s Style) group(digits string) string {
	if s.Thousands == "" || len(digits) <= 3 {
		return digits
	}
	var b strings.Builder
	for i, d := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteString(s.Thousands)
		}
		b.WriteRune(d)
	}
	return b.String()
}

// roundHalfUp rounds the decimal number intPart.frac (digits only) to
// decimals places, returning exactly decimals fractional digits.
func roundHalfUp(intPart, frac string, decimals int) (string, string) {
	for len(frac) <= decimals {
		frac += "0"
	}
	roundUp := frac[decimals] >= '5'
	digits := []byte(intPart + frac[:decimals])
	if roundUp {
		i := len(digits) - 1
		for ; i >= 0 && digits[i] == '9'; i-- {
			digits[i] = '0'
		}
		if i >= 0 {
			digits[i]++
		} else {
			digits = append([]byte{'1'}, digits...)
		}
	}
	split := len(digits) - decimals
	return string(digits[:split]), string(digits[split:])
}

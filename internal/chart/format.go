package chart

import (
	"math"
	"strconv"
	"strings"
)

// Danish formats v the Danish way: "." between thousands, "," before the
// decimals, rounded half away from zero to the given number of decimals
// (the rounding taught in Danish schools and used by spreadsheets), so
// Danish(2.5, 0) is "3" and Danish(-2.5, 0) is "-3". A value that rounds to
// zero is "0" without a sign. NaN is "–" (a missing figure); infinities are
// "∞" and "-∞".
func Danish(v float64, decimals int) string {
	switch {
	case math.IsNaN(v):
		return "–"
	case math.IsInf(v, 1):
		return "∞"
	case math.IsInf(v, -1):
		return "-∞"
	}
	if decimals < 0 {
		decimals = 0
	}
	// Rounding the shortest decimal that reads back as v, rather than the
	// binary value, makes 1.005 round to 1,01 as a reader of the table
	// expects, and not to 1,00.
	digits := strconv.FormatFloat(math.Abs(v), 'f', -1, 64)
	intPart, frac, _ := strings.Cut(digits, ".")
	intPart, frac = roundHalfUp(intPart, frac, decimals)

	var b strings.Builder
	if v < 0 && strings.Trim(intPart+frac, "0") != "" {
		b.WriteByte('-')
	}
	for i, d := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(d)
	}
	if decimals > 0 {
		b.WriteByte(',')
		b.WriteString(frac)
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

// decimalsFor is the fewest decimals (up to max) that show every finite
// value exactly, so a chart of whole numbers shows no ",0" and a chart of
// shares like 43,5 % keeps its half.
func decimalsFor(values []float64, max int) int {
	for d := 0; d < max; d++ {
		p := math.Pow(10, float64(d))
		exact := true
		for _, v := range values {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				continue
			}
			x := v * p
			if math.Abs(x-math.Round(x)) > 1e-6*math.Max(1, math.Abs(x)) {
				exact = false
				break
			}
		}
		if exact {
			return d
		}
	}
	return max
}

// Formatter returns the caller's Format (with "–" for a value that is not
// finite), or Danish with as many decimals as the values need, at most two.
func Formatter(f func(float64) string, values []float64) func(float64) string {
	if f != nil {
		return func(v float64) string {
			if !finite(v) {
				return Danish(v, 0)
			}
			return f(v)
		}
	}
	d := decimalsFor(values, 2)
	return func(v float64) string { return Danish(v, d) }
}

// WithUnit joins a number and its unit the Danish way, with a space also
// before "%".
func WithUnit(number, unit string) string {
	unit = strings.TrimSpace(unit)
	if unit == "" {
		return number
	}
	return number + " " + unit
}

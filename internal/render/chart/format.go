package chart

import (
	"math"
	"strings"

	"github.com/kanal-dk/kanal/internal/number"
)

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
// finite), or the Danish style of package number with as many decimals as
// the values need, at most two.
func Formatter(f func(float64) string, values []float64) func(float64) string {
	if f != nil {
		return func(v float64) string {
			if !finite(v) {
				return number.Danish.Format(v, 0)
			}
			return f(v)
		}
	}
	d := decimalsFor(values, 2)
	return func(v float64) string { return number.Danish.Format(v, d) }
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

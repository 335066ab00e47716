package chart

import "math"

// Series is one named row of values, aligned with a chart's Categories.
type Series struct {
	Name string
	// Values[i] belongs to Categories[i]. A NaN (or a missing entry) is a
	// gap: no segment in StackedBars, a break in the line in Lines.
	Values []float64
	// Dashed draws the line dashed, for a forecast. Lines only.
	Dashed bool
}

// value reads values[i], treating a missing entry as a gap: also one
// before the first, which a position left of the plot asks for.
func value(values []float64, i int) float64 {
	if i >= 0 && i < len(values) {
		return values[i]
	}
	return math.NaN()
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

package chart

import "math"

// Ticks chooses 4–6 gridline values, a multiple of 1, 2, 2.5 or 5 × 10ⁿ
// apart, that a reader can interpolate between. With inside false the
// ticks cover [lo, hi] (the axis grows to the outer ticks); with inside
// true they stay within [lo, hi] (a range the caller fixed). The PDF
// report draws its axes with the same ticks.
func Ticks(lo, hi float64, inside bool) []float64 {
	if !(hi > lo) {
		hi = lo + 1
	}
	span := hi - lo
	if !finite(span) || !finite(lo) {
		return []float64{0, 1}
	}
	exp := math.Floor(math.Log10(span))
	var best []float64
	bestScore, bestWaste := math.Inf(1), math.Inf(1)
	for e := exp - 2; e <= exp+1; e++ {
		for _, m := range []float64{1, 2, 2.5, 5} {
			step := m * math.Pow(10, e)
			var first, last float64
			if inside {
				first, last = math.Ceil(lo/step-1e-9), math.Floor(hi/step+1e-9)
			} else {
				first, last = math.Floor(lo/step+1e-9), math.Ceil(hi/step-1e-9)
			}
			n := int(math.Round(last-first)) + 1
			if n < 2 || n > 6 {
				continue
			}
			score := math.Abs(float64(n) - 5)
			if n < 4 {
				score += 10 // only when no step gives 4–6
			}
			waste := math.Abs((last-first)*step - span)
			if score < bestScore || (score == bestScore && waste < bestWaste) {
				best = best[:0]
				for i := 0; i < n; i++ {
					best = append(best, tidy((first+float64(i))*step, step))
				}
				bestScore, bestWaste = score, waste
			}
		}
	}
	if len(best) < 2 {
		return []float64{lo, hi}
	}
	return best
}

// tidy removes the float noise of k·step (0.30000000000000004).
func tidy(v, step float64) float64 {
	d := decimalsFor([]float64{step}, 9)
	p := math.Pow(10, float64(d))
	return math.Round(v*p) / p
}

// labelEvery says how many categories apart the visible x labels must be
// so that none overlaps the next. Steps that divide a year (1, 2, 3, 4, 6,
// 12, then whole years) keep monthly labels on the same months.
func labelEvery(labels []string, band float64) int {
	widest := 0.0
	for _, l := range labels {
		widest = math.Max(widest, textWidth(l))
	}
	need := widest + labelGap
	for _, k := range []int{1, 2, 3, 4, 6} {
		if float64(k)*band >= need {
			return k
		}
	}
	k := 12
	for float64(k)*band < need && k < len(labels) {
		k += 12
	}
	return k
}

// labelGap is the least space between two neighbouring x labels.
const labelGap = 8.0

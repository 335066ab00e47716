package table

import (
	"math"
	"testing"
)

// Each expectation is worked out by hand: shares as percentages with two
// decimals, rounded half away from zero; whole numbers bare; amounts with
// two decimals; no sign on a zero; no thousands separator.
func TestCSVValue_NumbersForASpreadsheet(t *testing.T) {
	share := func(v float64) Cell { return Cell{Text: "page text", Value: &v, Percent: true} }
	amount := func(v float64) Cell { return Cell{Text: "page text", Value: &v} }
	cases := []struct {
		cell   Cell
		da, en string
	}{
		{share(0.4532), "45,32 %", "45.32 %"},
		{share(0.5), "50,00 %", "50.00 %"},
		{share(1.0 / 3), "33,33 %", "33.33 %"},
		{share(2.0 / 3), "66,67 %", "66.67 %"},
		{share(0.000125), "0,01 %", "0.01 %"},
		{share(0), "0,00 %", "0.00 %"},
		{amount(1234), "1234", "1234"},
		{amount(1234567.5), "1234567,50", "1234567.50"},
		{amount(2.675), "2,68", "2.68"}, // the binary 2.67499… must not win
		{amount(-0.004), "0,00", "0.00"},
		{amount(1e19), "10000000000000000000", "10000000000000000000"},
		{amount(math.NaN()), "–", "–"},
		{Cell{Text: "Borgerbutikken"}, "Borgerbutikken", "Borgerbutikken"},
	}
	for _, c := range cases {
		if got := csvValue(c.cell, true); got != c.da {
			t.Errorf("%v with a decimal comma: %q, want %q", *orZero(c.cell.Value), got, c.da)
		}
		if got := csvValue(c.cell, false); got != c.en {
			t.Errorf("%v with a decimal point: %q, want %q", *orZero(c.cell.Value), got, c.en)
		}
	}
}

func orZero(v *float64) *float64 {
	if v == nil {
		return new(float64)
	}
	return v
}

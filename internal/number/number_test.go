package number

import (
	"math"
	"testing"
)

// Every expectation is worked out by hand from the rules: round half away
// from zero on the decimal the reader sees, no sign on a zero, group by
// three.
func TestFormat(t *testing.T) {
	nan := math.NaN()
	cases := []struct {
		v        float64
		decimals int
		da, en   string
	}{
		{-0.4, 0, "0", "0"}, // rounds to zero: no "-0"
		{-0.04, 1, "0,0", "0.0"},
		{math.Copysign(0, -1), 0, "0", "0"},
		{2.5, 0, "3", "3"}, // half away from zero, not to even ("2")
		{3.5, 0, "4", "4"},
		{-2.5, 0, "-3", "-3"},
		{-0.5, 0, "-1", "-1"},
		{0.05, 1, "0,1", "0.1"},
		{0.15, 1, "0,2", "0.2"}, // the binary 0.1499… must not win
		{0.25, 1, "0,3", "0.3"}, // exact in binary: half to even would give 0,2
		{1.005, 2, "1,01", "1.01"},
		{1234.5, 1, "1.234,5", "1,234.5"},
		{-1234.5, 1, "-1.234,5", "-1,234.5"},
		{1234567.891, 0, "1.234.568", "1,234,568"},
		{1234567.891, 1, "1.234.567,9", "1,234,567.9"},
		{1e21, 0, "1.000.000.000.000.000.000.000", "1,000,000,000,000,000,000,000"},
		{999.5, 0, "1.000", "1,000"},
		{999999.995, 2, "1.000.000,00", "1,000,000.00"},
		{12, 2, "12,00", "12.00"},
		{100, 0, "100", "100"},
		{45.25, 1, "45,3", "45.3"},
		{1e19, 0, "10.000.000.000.000.000.000", "10,000,000,000,000,000,000"}, // past int64
		{5, -1, "5", "5"},
		{nan, 1, "–", "–"},
		{math.Inf(1), 0, "∞", "∞"},
		{math.Inf(-1), 0, "-∞", "-∞"},
	}
	for _, c := range cases {
		if got := Danish.Format(c.v, c.decimals); got != c.da {
			t.Errorf("Danish.Format(%v, %d) = %q, want %q", c.v, c.decimals, got, c.da)
		}
		if got := English.Format(c.v, c.decimals); got != c.en {
			t.Errorf("English.Format(%v, %d) = %q, want %q", c.v, c.decimals, got, c.en)
		}
	}
	// Without grouping, as a CSV file writes numbers for a spreadsheet.
	if got := (Style{Point: ","}).Format(1234567.125, 2); got != "1234567,13" {
		t.Errorf("ungrouped: %q, want 1234567,13", got)
	}
}

func TestInt(t *testing.T) {
	cases := []struct {
		n      int64
		da, en string
	}{
		{0, "0", "0"},
		{999, "999", "999"},
		{1000, "1.000", "1,000"},
		{165686, "165.686", "165,686"},
		{-1234567, "-1.234.567", "-1,234,567"},
		{math.MinInt64, "-9.223.372.036.854.775.808", "-9,223,372,036,854,775,808"},
	}
	for _, c := range cases {
		if got := Danish.Int(c.n); got != c.da {
			t.Errorf("Danish.Int(%d) = %q, want %q", c.n, got, c.da)
		}
		if got := English.Int(c.n); got != c.en {
			t.Errorf("English.Int(%d) = %q, want %q", c.n, got, c.en)
		}
	}
}

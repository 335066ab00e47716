package businesscase

import (
	"bufio"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"
)

// workedExample reads the name = value lines of the text block of
// docs/business-case.md's worked example, whose values were computed by
// hand.
func workedExample(t *testing.T) map[string]float64 {
	t.Helper()
	f, err := os.Open("../../docs/business-case.md")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]float64{}
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "# worked example (read by the test; kroner, shares as fractions)":
			in = true
		case in && line == "```":
			in = false
		case in:
			name, value, ok := strings.Cut(line, " = ")
			if !ok {
				t.Fatalf("worked example: line %q is not name = value", line)
			}
			x, err := strconv.ParseFloat(value, 64)
			if err != nil {
				t.Fatalf("worked example: %s: %v", name, err)
			}
			out[name] = x
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(out) < 20 {
		t.Fatalf("worked example: read %d numbers, want the whole block", len(out))
	}
	return out
}

// The worked example of docs/business-case.md, computed by hand there, is
// what Kanal computes, to the krone.
func TestCompute_WorkedExampleOfTheDocs(t *testing.T) {
	ex := workedExample(t)
	sc := Scenario{Name: "60 %", Input: Input{Volume: ex["volume"], Shift: ex["shift"], PriceOld: ex["price_old"],
		PriceNew: ex["price_new"], Investment: ex["investment"], RunningPerYear: ex["running_solution"],
		Years: int(ex["years"]), DiscountRate: ex["discount_rate"]},
		AssistedVolume: ex["assisted_volume"], AssistedMinutes: ex["assisted_minutes"], StaffHourDKK: ex["staff_hour_dkk"]}
	if got := Kroner(sc.StaffCost()); got != ex["staff_cost"] {
		t.Errorf("staff cost %v, want %v", got, ex["staff_cost"])
	}
	raw, err := Compute(sc.Effective())
	if err != nil {
		t.Fatal(err)
	}
	r := raw.Rounded()
	for _, c := range []struct {
		name string
		got  float64
	}{
		{"moved_volume", r.MovedVolume}, {"gross_per_year", r.GrossPerYear}, {"net_per_year", r.NetPerYear}, {"npv", r.NPV},
		{"cumulative_year_1", r.Years[0].Cumulative}, {"cumulative_year_3", r.Years[2].Cumulative},
		{"cumulative_year_4", r.Years[3].Cumulative},
		{"cumulative_discounted_year_1", r.Years[0].CumulativeDiscounted},
		{"cumulative_discounted_year_4", r.Years[3].CumulativeDiscounted},
	} {
		if c.got != ex[c.name] {
			t.Errorf("%s = %v, want %v (docs/business-case.md)", c.name, c.got, ex[c.name])
		}
	}
	if r.PaybackYears == nil || *r.PaybackYears != ex["payback_years"] {
		t.Errorf("payback %v, want %v", r.PaybackYears, ex["payback_years"])
	}
	if len(r.Years) != int(ex["years"]) || r.Years[len(r.Years)-1].CumulativeDiscounted != ex["npv"] {
		t.Errorf("years %+v: want %v rows, the last one's cumulative discounted the NPV", r.Years, ex["years"])
	}

	low := sc
	low.Input.Shift = ex["low_shift"]
	raw, err = Compute(low.Effective())
	if err != nil {
		t.Fatal(err)
	}
	r = raw.Rounded()
	if r.NetPerYear != ex["low_net_per_year"] || r.NPV != ex["low_npv"] || r.PaybackYears != nil {
		t.Errorf("low scenario: net %v NPV %v payback %v, want %v, %v and none", r.NetPerYear, r.NPV, r.PaybackYears,
			ex["low_net_per_year"], ex["low_npv"])
	}
}

// Each input out of range is refused at its field.
func TestCompute_RefusesEachFieldOutOfRange(t *testing.T) {
	good := Input{Volume: 100, Shift: 0.5, PriceOld: 70, PriceNew: 10, Investment: 1000, RunningPerYear: 10, Years: 3, DiscountRate: 0.03}
	if _, err := Compute(good); err != nil {
		t.Fatalf("good input refused: %v", err)
	}
	for _, c := range []struct {
		field string
		mend  func(*Input)
	}{
		{"volume", func(in *Input) { in.Volume = -1 }},
		{"volume", func(in *Input) { in.Volume = math.Inf(1) }},
		{"shift", func(in *Input) { in.Shift = 1.01 }},
		{"shift", func(in *Input) { in.Shift = -0.1 }},
		{"shift", func(in *Input) { in.Shift = math.NaN() }},
		{"price_old", func(in *Input) { in.PriceOld = -5 }},
		{"price_new", func(in *Input) { in.PriceNew = -0.01 }},
		{"investment", func(in *Input) { in.Investment = -1 }},
		{"running_per_year", func(in *Input) { in.RunningPerYear = -1 }},
		{"years", func(in *Input) { in.Years = 0 }},
		{"years", func(in *Input) { in.Years = 51 }},
		{"discount_rate", func(in *Input) { in.DiscountRate = -0.01 }},
		{"discount_rate", func(in *Input) { in.DiscountRate = 4 }},
	} {
		in := good
		c.mend(&in)
		_, err := Compute(in)
		bad, ok := err.(*InputError)
		if !ok || bad.Field != c.field {
			t.Errorf("%+v: error %v, want one at %s", in, err, c.field)
		}
	}
	// The edges are in range.
	for _, in := range []Input{{Shift: 0, Years: 1}, {Shift: 1, Years: 50, DiscountRate: 1}} {
		if _, err := Compute(in); err != nil {
			t.Errorf("%+v refused: %v", in, err)
		}
	}
}

package businesscase

import (
	"math"
	"testing"
)

// FuzzCompute guards two properties of the formulas: with r = 0 the NPV
// is −I + N × net (no discounting), and, when there is a payback time,
// payback × net = I.
func FuzzCompute(f *testing.F) {
	f.Add(4000.0, 0.6, 75.0, 20.0, 300000.0, 40000.0, 5)
	f.Add(10.0, 1.0, 0.0, 20.0, 0.0, 0.0, 1)
	f.Add(123456.0, 0.01, 110.0, 10.0, 1e6, 100.0, 50)
	f.Fuzz(func(t *testing.T, v, s, old, new, inv, run float64, years int) {
		in := Input{Volume: math.Abs(v), Shift: math.Mod(math.Abs(s), 1), PriceOld: math.Abs(old), PriceNew: math.Abs(new),
			Investment: math.Abs(inv), RunningPerYear: math.Abs(run), Years: 1 + abs(years)%MaxYears}
		if in.Check() != nil || in.Volume > 1e9 || in.PriceOld > 1e6 || in.PriceNew > 1e6 || in.Investment > 1e12 || in.RunningPerYear > 1e12 {
			t.Skip()
		}
		r, err := Compute(in)
		if err != nil {
			t.Fatal(err)
		}
		want := -in.Investment + float64(in.Years)*r.NetPerYear
		if !near(r.NPV, want) {
			t.Errorf("%+v: NPV %v at r = 0, want −I + N·net = %v", in, r.NPV, want)
		}
		net := in.Volume*in.Shift*(in.PriceOld-in.PriceNew) - in.RunningPerYear
		switch {
		case net > 0 && r.PaybackYears == nil:
			t.Errorf("%+v: net %v > 0 and no payback", in, net)
		case net <= 0 && r.PaybackYears != nil:
			t.Errorf("%+v: net %v ≤ 0 and payback %v", in, net, *r.PaybackYears)
		case r.PaybackYears != nil && !near(*r.PaybackYears*r.NetPerYear, in.Investment):
			t.Errorf("%+v: payback %v × net %v ≠ I", in, *r.PaybackYears, r.NetPerYear)
		}
		// With a rate, each year is worth less than the one before.
		in.DiscountRate = 0.05
		d, err := Compute(in)
		if err != nil {
			t.Fatal(err)
		}
		if r.NetPerYear > 0 && !(d.NPV < r.NPV) {
			t.Errorf("%+v: NPV %v at 5 %% not below %v at 0 %%", in, d.NPV, r.NPV)
		}
	})
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// near compares with a relative tolerance for the float sums.
func near(a, b float64) bool {
	return math.Abs(a-b) <= 1e-9*math.Max(1, math.Max(math.Abs(a), math.Abs(b)))
}

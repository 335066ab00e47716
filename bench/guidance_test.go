package bench

import (
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/guidance"
	"github.com/kanal-dk/kanal/internal/strategy"
	"github.com/kanal-dk/kanal/strategies"
)

// guidanceCases are the questions a counter asks all day: each kind of
// decision the engine makes, open and closed hours.
func guidanceCases(tb testing.TB) []struct {
	s   *strategy.Strategy
	req guidance.Request
} {
	p, err := strategies.Parsed()
	if err != nil {
		tb.Fatal(err)
	}
	tue := time.Date(2013, 3, 5, 10, 0, 0, 0, strategy.Location)
	sat := time.Date(2013, 3, 9, 10, 0, 0, 0, strategy.Location)
	thuEvening := time.Date(2017, 3, 2, 21, 30, 0, 0, strategy.Location)
	return []struct {
		s   *strategy.Strategy
		req guidance.Request
	}{
		{p["dragoer"], guidance.Request{Area: "23.05.10", Type: "information", Channel: "phone", At: tue}},
		{p["dragoer"], guidance.Request{Area: "23.05.10", Type: "transaction", Channel: "letter", At: tue}},
		{p["dragoer"], guidance.Request{Area: "flytning", Type: "transaction", Channel: "in_person", At: tue,
			Circumstances: guidance.Circumstances{SpecialNeeds: true}}},
		{p["dragoer"], guidance.Request{Area: "28.09.40", Type: "interaction", At: sat}},
		{p["dragoer"], guidance.Request{Area: "23.05.10", Type: "transaction", Direction: "outbound", At: tue,
			Circumstances: guidance.Circumstances{ExemptDigitalPost: true}}},
		{p["taarnby"], guidance.Request{Area: "28.09.40", Type: "information", Channel: "email", At: thuEvening}},
		{p["taarnby"], guidance.Request{Area: "07.18.06", Type: "transaction", At: thuEvening,
			Circumstances: guidance.Circumstances{NoNationalLogin: true}}},
	}
}

// TestGuidanceCasesAnswer keeps the benchmark honest: every case it times
// is a valid question with an answer.
func TestGuidanceCasesAnswer(t *testing.T) {
	for _, c := range guidanceCases(t) {
		a, err := guidance.Decide(c.s, c.req)
		if err != nil || a.Recommended == "" {
			t.Errorf("%+v: %q %v", c.req, a.Recommended, err)
		}
	}
}

// BenchmarkGuidanceDecide is one guidance decision in process, averaged
// over the cases. Goal: under 5 µs.
func BenchmarkGuidanceDecide(b *testing.B) {
	cases := guidanceCases(b)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		c := cases[i%len(cases)]
		if _, err := guidance.Decide(c.s, c.req); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

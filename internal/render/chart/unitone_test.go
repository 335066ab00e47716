package chart

import (
	"strconv"
	"strings"
	"testing"
)

// A segment of exactly one takes the unit in the singular when the chart
// has one: "1 henvendelse", while 2 and 0.5 keep the plural.
func TestStackedBars_TheSingularUnitFollowsOne(t *testing.T) {
	s := StackedBars{ID: "c", Unit: "henvendelser", UnitOne: "henvendelse", Categories: []string{"januar", "februar", "marts"},
		Series: []Series{{Name: "Telefon", Values: []float64{1, 2, 0.5}}}, Format: func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }}
	svg := string(s.SVG())
	for _, want := range []string{"1 henvendelse</title>", "2 henvendelser</title>"} {
		if !strings.Contains(svg, want) {
			t.Errorf("no %q in the tooltips:\n%s", want, svg)
		}
	}
	if strings.Contains(svg, ">1 henvendelser<") || strings.Contains(svg, " 1 henvendelser</title>") {
		t.Errorf("one with the plural:\n%s", svg)
	}
	s.UnitOne = ""
	if svg := string(s.SVG()); strings.Contains(svg, "henvendelse</title>") {
		t.Error("without UnitOne the plural should stay")
	}
}

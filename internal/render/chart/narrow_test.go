package chart

import (
	"fmt"
	"strings"
	"testing"
)

// A phone shows the narrow chart at about its own width, so that the text
// keeps its 12 to 13 units as pixels (issue 13: 6 px on a phone); its ids
// differ from the wide chart's, which is on the same page.
func TestSpec_NarrowIsDrawnNarrowWithItsOwnIDs(t *testing.T) {
	cats := []string{"jan.", "feb.", "mar.", "apr."}
	for name, c := range map[string]Spec{
		"stacked": {Stacked: &StackedBars{ID: "mix", Title: "Kanaler", Categories: cats, Series: []Series{{Name: "Telefon", Values: []float64{1, 2, 3, 4}}}}},
		"lines":   {Lines: &Lines{ID: "target", Title: "Mål", Categories: cats, Series: []Series{{Name: "Andel", Values: []float64{10, 20, 30, 40}}}, Unit: "%"}},
		"bars":    {Bars: &Bars{ID: "savings", Title: "Besparelse", Labels: cats, Values: []float64{1, 2, 3, 4}, Unit: "kr."}},
	} {
		wide, narrow := string(c.SVG()), string(c.Narrow(NarrowWidth).SVG())
		if !strings.Contains(narrow, fmt.Sprintf(`viewBox="0 0 %d `, NarrowWidth)) {
			t.Errorf("%s: the narrow chart is not %d units wide: %.120s", name, NarrowWidth, narrow)
		}
		if strings.Contains(wide, fmt.Sprintf(`viewBox="0 0 %d `, NarrowWidth)) {
			t.Errorf("%s: the wide chart changed", name)
		}
		if !strings.Contains(narrow, `-narrow"`) || strings.Contains(wide, `-narrow"`) {
			t.Errorf("%s: the narrow chart's ids are not its own", name)
		}
		if c.Narrow(NarrowWidth).Title() != c.Title() {
			t.Errorf("%s: the title changed", name)
		}
	}
}

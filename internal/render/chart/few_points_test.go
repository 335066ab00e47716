package chart

import (
	"fmt"
	"math"
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// A chart of a year that has just begun, of a year without inquiries or
// of a period longer than the strategy's has no, one or two points, or
// many categories with few values. Every such chart must draw: well-formed,
// every coordinate a finite number inside the chart, no negative size.

var coordinateAttrs = map[string]bool{"x": true, "y": true, "x1": true, "x2": true, "y1": true, "y2": true,
	"cx": true, "cy": true, "r": true, "width": true, "height": true, "d": true, "transform": true, "viewBox": true}

var numeral = regexp.MustCompile(`[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?|NaN|Inf`)

// checkGeometry parses the chart and checks every number it holds, and
// that every shape (not text, which is checked elsewhere) lies within the
// viewBox.
func checkGeometry(t *testing.T, svg string) *node {
	t.Helper()
	root := parse(t, svg)
	var w, h float64
	if _, err := fmt.Sscanf(root.attr("viewBox"), "0 0 %g %g", &w, &h); err != nil || !(w > 0) || !(h > 0) {
		t.Fatalf("viewBox %q", root.attr("viewBox"))
	}
	const slack = 0.5
	inside := func(el *node, what string, v, limit float64) {
		if v < -slack || v > limit+slack {
			t.Errorf("<%s> %s=%v lies outside 0–%v", el.XMLName.Local, what, v, limit)
		}
	}
	for _, el := range root.all("*") {
		for _, a := range el.Attrs {
			if !coordinateAttrs[a.Name.Local] || a.Value == "100%" {
				continue
			}
			for _, s := range numeral.FindAllString(a.Value, -1) {
				v, err := strconv.ParseFloat(s, 64)
				if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
					t.Errorf("<%s %s=%q>: not a finite number", el.XMLName.Local, a.Name.Local, a.Value)
				}
				if (a.Name.Local == "width" || a.Name.Local == "height" || a.Name.Local == "r") && v < 0 {
					t.Errorf("<%s %s=%q>: negative", el.XMLName.Local, a.Name.Local, a.Value)
				}
			}
		}
		if el.parent != nil && el.parent.XMLName.Local == "pattern" {
			continue // a hatch tile: its own coordinates
		}
		switch el.XMLName.Local {
		case "rect":
			x, y := el.float(t, "x"), el.float(t, "y")
			inside(el, "x", x, w)
			inside(el, "x+width", x+el.float(t, "width"), w)
			inside(el, "y", y, h)
			inside(el, "y+height", y+el.float(t, "height"), h)
		case "line":
			inside(el, "x1", el.float(t, "x1"), w)
			inside(el, "x2", el.float(t, "x2"), w)
			inside(el, "y1", el.float(t, "y1"), h)
			inside(el, "y2", el.float(t, "y2"), h)
		case "circle":
			inside(el, "cx", el.float(t, "cx"), w)
			inside(el, "cy", el.float(t, "cy"), h)
		case "path":
			if el.parent != nil && el.parent.attr("class") == "marker" {
				continue // the diamond, relative to its marker
			}
			nums := numeral.FindAllString(el.attr("d"), -1)
			for i := 0; i+1 < len(nums); i += 2 {
				x, _ := strconv.ParseFloat(nums[i], 64)
				y, _ := strconv.ParseFloat(nums[i+1], 64)
				inside(el, "path x", x, w)
				inside(el, "path y", y, h)
			}
		case "g":
			if el.attr("class") == "marker" {
				var x, y float64
				if _, err := fmt.Sscanf(el.attr("transform"), "translate(%g %g)", &x, &y); err != nil {
					t.Errorf("marker transform %q: %v", el.attr("transform"), err)
				}
				inside(el, "marker x", x, w)
				inside(el, "marker y", y, h)
			}
		}
	}
	return root
}

func years(from, to int) []string {
	var out []string
	for y := from; y <= to; y++ {
		out = append(out, strconv.Itoa(y))
	}
	return out
}

// nanExcept is n gaps with the given values at the given places.
func nanExcept(n int, at map[int]float64) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = nan
		if v, ok := at[i]; ok {
			out[i] = v
		}
	}
	return out
}

func TestLines_NoneOneOrTwoPointsDraw(t *testing.T) {
	target := func(cats ...string) []Marker {
		var out []Marker
		for _, c := range cats {
			out = append(out, Marker{Category: c, Value: 50, Label: "Mål " + c + ": 50 %"})
		}
		return out
	}
	cases := []struct {
		name  string
		lines Lines
		dots  int // dots expected: one per finite value
	}{
		{"no categories", Lines{}, 0},
		{"one category, no value", Lines{Categories: []string{"2014"}, Series: []Series{{Values: []float64{nan}}}}, 0},
		{"one point", Lines{Categories: []string{"2014"}, Series: []Series{{Values: []float64{42}}}}, 1},
		{"one point with its target", Lines{Categories: []string{"2015"}, Series: []Series{{Values: []float64{42}}}, Markers: target("2015")}, 1},
		{"one point on a fixed axis", Lines{Categories: []string{"2015"}, YMin: ptr(0), YMax: ptr(100), Unit: "%",
			Series: []Series{{Values: []float64{42}}}, Markers: target("2015")}, 1},
		{"one point at zero", Lines{Categories: []string{"2015"}, Series: []Series{{Values: []float64{0}}}}, 1},
		{"one point, equal fixed ends", Lines{Categories: []string{"2015"}, YMin: ptr(50), YMax: ptr(50),
			Series: []Series{{Values: []float64{50}}}}, 1},
		{"two points", Lines{Categories: []string{"jan. 2026", "feb. 2026"}, Series: []Series{{Values: []float64{10, 20}}}}, 2},
		{"two points, one a gap", Lines{Categories: []string{"2014", "2015"}, Series: []Series{{Values: []float64{nan, 20}}, {Dashed: true, Values: []float64{20, nan}}},
			Markers: target("2014", "2015")}, 2},
		{"two equal points", Lines{Categories: []string{"a", "b"}, Series: []Series{{Values: []float64{7, 7}}}}, 2},
		{"two points, narrowest chart, long label", Lines{Width: 240, Categories: []string{"2014", "2015"},
			Series: []Series{{Values: []float64{10, 90}}}, Markers: []Marker{{Category: "2014", Value: 95, Label: strings.Repeat("Mål for den digitale andel ", 3)}}}, 2},
		// The target chart of a year long after the strategy period: its
		// first category carries a target whose label is placed left of
		// the chart, where no value is (index out of range [-1]).
		{"years past the period, few values, targets at the ends", Lines{Categories: years(2012, 2026), YMin: ptr(0), YMax: ptr(100), Unit: "%",
			Series:  []Series{{Name: "Faktisk", Values: nanExcept(15, map[int]float64{0: 24, 2: 41, 3: 47, 14: 100})}, {Name: "Prognose", Dashed: true, Values: nanExcept(15, map[int]float64{14: 100})}},
			Markers: target("2012", "2015", "2026")}, 5},
		{"many categories, one value at the start", Lines{Categories: years(2000, 2100), Series: []Series{{Values: nanExcept(101, map[int]float64{0: 3})}},
			Markers: target("2000", "2100")}, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l := c.lines
			l.Title = "t"
			root := checkGeometry(t, string(l.SVG()))
			dots := 0
			if s := root.class("series"); s != nil {
				for _, g := range root.all("g") {
					if g.attr("class") == "series" {
						dots += len(g.all("circle"))
					}
				}
			}
			if dots != c.dots {
				t.Errorf("%d dots, want %d", dots, c.dots)
			}
			if c.dots == 0 && !strings.Contains(root.text(), DefaultEmpty) {
				t.Errorf("nothing to draw, and the chart does not say %q", DefaultEmpty)
			}
		})
	}
}

// A lone point sits in the middle of its band, between the axis's ends.
func TestLines_OnePointSitsInTheMiddleOfThePlot(t *testing.T) {
	root := checkGeometry(t, string(Lines{Title: "t", Categories: []string{"2015"}, YMin: ptr(0), YMax: ptr(100),
		Series: []Series{{Values: []float64{50}}}}.SVG()))
	dot := root.class("series").all("circle")[0]
	bottom, top := scale(t, root)
	if cy := dot.float(t, "cy"); math.Abs(cy-(bottom+top)/2) > 0.01 {
		t.Errorf("50 of 0–100 drawn at y=%v, want %v", cy, (bottom+top)/2)
	}
	base := root.class("baseline")
	if cx, mid := dot.float(t, "cx"), (base.float(t, "x1")+base.float(t, "x2"))/2; math.Abs(cx-mid) > 0.01 {
		t.Errorf("the one category's point at x=%v, the plot's middle at %v", cx, mid)
	}
}

func TestStackedBars_NoneOneOrTwoColumnsDraw(t *testing.T) {
	cases := []struct {
		name    string
		stacked StackedBars
		rects   int
	}{
		{"no categories", StackedBars{}, 0},
		{"one column", StackedBars{Categories: []string{"januar 2026"}, Series: []Series{{Name: "Telefon", Values: []float64{1}}}}, 1},
		{"one column in shares", StackedBars{Percent: true, Categories: []string{"januar 2026"},
			Series: []Series{{Name: "a", Values: []float64{1}}, {Name: "b", Values: []float64{3}}}}, 2},
		{"two columns, one empty", StackedBars{Categories: []string{"a", "b"}, Series: []Series{{Values: []float64{0, 5}}}}, 1},
		{"two columns in shares, one empty", StackedBars{Percent: true, Categories: []string{"a", "b"}, Series: []Series{{Values: []float64{0, 5}}}}, 1},
		{"one column, narrowest chart, long label", StackedBars{Width: 240, Categories: []string{strings.Repeat("lang kategori ", 12)},
			Series: []Series{{Values: []float64{2}}}}, 1},
		{"a tiny value", StackedBars{Categories: []string{"a"}, Series: []Series{{Values: []float64{1e-300}}}}, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := c.stacked
			s.Title = "t"
			root := checkGeometry(t, string(s.SVG()))
			n := 0
			for _, rects := range columns(t, root) {
				n += len(rects)
			}
			if n != c.rects {
				t.Errorf("%d segments, want %d", n, c.rects)
			}
			if xl := root.class("xlabels"); xl != nil {
				width := 720.0
				if s.Width >= 240 {
					width = s.Width
				}
				for _, tx := range xl.all("text") {
					x, half := tx.float(t, "x"), textWidth(tx.text())/2
					if x-half < -0.5 || x+half > width+0.5 {
						t.Errorf("x label %q spans %v–%v, outside 0–%v", tx.text(), x-half, x+half, width)
					}
				}
			}
		})
	}
}

func TestBars_NoneOneOrTwoBarsDraw(t *testing.T) {
	cases := []struct {
		name string
		bars Bars
		n    int
	}{
		{"no bars", Bars{}, 0},
		{"one bar", Bars{Labels: []string{"Flytning"}, Values: []float64{1200}, Unit: "kr."}, 1},
		{"one negative bar", Bars{Labels: []string{"Flytning"}, Values: []float64{-1200}, Unit: "kr."}, 1},
		{"two bars, one missing", Bars{Labels: []string{"a", "b"}, Values: []float64{nan, 3}}, 1},
		{"one value, one label short", Bars{Labels: []string{"a", "b"}, Values: []float64{3}}, 1},
		// Long value texts on both sides of zero leave no room in the
		// narrowest chart: the bars must still point the right way.
		{"narrowest chart, long values both ways", Bars{Width: 240, Labels: []string{"Byggetilladelse", "Pas"},
			Values: []float64{-123456789, 987654321}, Unit: "kr. om året"}, 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := c.bars
			b.Title = "t"
			root := checkGeometry(t, string(b.SVG()))
			var rects []*node
			if g := root.class("bars"); g != nil {
				rects = g.all("rect")
			}
			if len(rects) != c.n {
				t.Fatalf("%d bars, want %d", len(rects), c.n)
			}
			if c.n == 0 {
				return
			}
			zero := root.class("zero").float(t, "x1")
			for i, r := range rects {
				x, w := r.float(t, "x"), r.float(t, "width")
				v := value(b.Values, i)
				if len(rects) < len(b.Labels) {
					v = 0
					for _, bv := range b.Values {
						if finite(bv) {
							v = bv
						}
					}
				}
				switch {
				case v > 0 && math.Abs(x-zero) > 0.01:
					t.Errorf("bar %d of %v starts at %v, not at zero (%v)", i, v, x, zero)
				case v < 0 && math.Abs(x+w-zero) > 0.01:
					t.Errorf("bar %d of %v ends at %v, not at zero (%v)", i, v, x+w, zero)
				}
			}
		})
	}
}

// value reads what is there and treats what is not, on either side, as a
// gap.
func TestValue_OutsideTheSeriesIsAGap(t *testing.T) {
	for _, i := range []int{-2, -1, 3, 100} {
		if v := value([]float64{1, 2, 3}, i); !math.IsNaN(v) {
			t.Errorf("value at %d = %v, want a gap", i, v)
		}
	}
}

// Random charts of few categories, gaps, markers on any category (or
// none), fixed ends or not and any width: every one must draw inside its
// frame. The seed is fixed so that a failure repeats.
func TestCharts_RandomFewPointChartsDraw(t *testing.T) {
	rng := rand.New(rand.NewPCG(2012, 2015))
	pick := func(vs ...float64) float64 { return vs[rng.IntN(len(vs))] }
	values := func(n int) []float64 {
		out := make([]float64, rng.IntN(n+2)) // shorter or longer than the categories
		for i := range out {
			out[i] = pick(nan, nan, 0, 1, 50, 100, 1e-9, -3, 1e9, rng.Float64()*100)
		}
		return out
	}
	for i := 0; i < 2000; i++ {
		n := rng.IntN(6)
		if rng.IntN(5) == 0 {
			n = rng.IntN(120)
		}
		cats := years(2012, 2012+n-1)
		width := pick(0, 240, 320, 720, 1200)
		var series []Series
		for s := rng.IntN(4); s > 0; s-- {
			series = append(series, Series{Name: "serie", Values: values(n), Dashed: rng.IntN(2) == 0})
		}
		var markers []Marker
		for m := rng.IntN(4); m > 0; m-- {
			markers = append(markers, Marker{Category: strconv.Itoa(2010 + rng.IntN(n+4)), Value: pick(0, 30, 50, 100, 150, nan),
				Label: strings.Repeat("Mål ", 1+rng.IntN(8))})
		}
		l := Lines{Title: "t", Categories: cats, Series: series, Markers: markers, Width: width, Unit: "%"}
		if rng.IntN(2) == 0 {
			l.YMin, l.YMax = ptr(pick(0, 50, nan)), ptr(pick(100, 50, 0))
		}
		bars := Bars{Title: "t", Labels: cats, Values: values(n), Unit: "kr.", Width: width}
		stacked := StackedBars{Title: "t", Categories: cats, Series: series, Percent: rng.IntN(2) == 0, Width: width}
		checkGeometry(t, string(l.SVG()))
		checkGeometry(t, string(bars.SVG()))
		checkGeometry(t, string(stacked.SVG()))
		if t.Failed() {
			t.Fatalf("chart %d: %+v\n%+v\n%+v", i, l, bars, stacked)
		}
	}
}

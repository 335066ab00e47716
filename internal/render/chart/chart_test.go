package chart

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// node is a parsed SVG element.
type node struct {
	XMLName  xml.Name
	Attrs    []xml.Attr `xml:",any,attr"`
	Children []*node    `xml:",any"`
	Text     string     `xml:",chardata"`
	parent   *node
}

func (n *node) attr(name string) string {
	for _, a := range n.Attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func (n *node) float(t *testing.T, name string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(n.attr(name), 64)
	if err != nil {
		t.Fatalf("<%s %s=%q>: %v", n.XMLName.Local, name, n.attr(name), err)
	}
	return v
}

// all returns the elements below n (n included) named name ("*" for
// any), in document order.
func (n *node) all(name string) []*node {
	var out []*node
	if n.XMLName.Local == name || name == "*" {
		out = append(out, n)
	}
	for _, c := range n.Children {
		out = append(out, c.all(name)...)
	}
	return out
}

// class returns the first element with the given class.
func (n *node) class(name string) *node {
	if slices.Contains(strings.Fields(n.attr("class")), name) {
		return n
	}
	for _, c := range n.Children {
		if m := c.class(name); m != nil {
			return m
		}
	}
	return nil
}

func (n *node) text() string {
	var b strings.Builder
	b.WriteString(n.Text)
	for _, c := range n.Children {
		if c.XMLName.Local != "title" {
			b.WriteString(c.text())
		}
	}
	return b.String()
}

// inherited is the attribute's value on n or its nearest ancestor.
func (n *node) inherited(name string) string {
	for m := n; m != nil; m = m.parent {
		if v := m.attr(name); v != "" {
			return v
		}
	}
	return ""
}

func link(n *node) {
	for _, c := range n.Children {
		c.parent = n
		link(c)
	}
}

// parse checks that svg is one well-formed XML element and nothing else,
// and returns it as a tree.
func parse(t *testing.T, svg string) *node {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(svg))
	depth, roots := 0, 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v\n%s", err, svg)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				roots++
			}
			depth++
		case xml.EndElement:
			depth--
		case xml.CharData:
			if depth == 0 && len(bytes.TrimSpace(tok)) > 0 {
				t.Fatalf("text outside the root element: %q", tok)
			}
		case xml.ProcInst, xml.Directive:
			t.Fatalf("unexpected %T in chart", tok)
		}
	}
	if roots != 1 {
		t.Fatalf("want one root element, got %d", roots)
	}
	var root node
	if err := xml.Unmarshal([]byte(svg), &root); err != nil {
		t.Fatal(err)
	}
	link(&root)
	return &root
}

const tricky = `<Børn & "unge">`

func months(n int) []string {
	names := []string{"jan.", "feb.", "mar.", "apr.", "maj", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec."}
	var out []string
	for i := 0; i < n; i++ {
		out = append(out, fmt.Sprintf("%s %d", names[i%12], 2014+i/12))
	}
	return out
}

func ramp(n int, from, step float64) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = from + float64(i)*step
	}
	return out
}

func ptr(v float64) *float64 { return &v }

var nan = math.NaN()

// namedChart is one chart of allCharts; labelled says whether it shows
// the tricky label.
type namedChart struct {
	name     string
	labelled bool
	svg      func() string
}

func allCharts() []namedChart {
	mix := []Series{
		{Name: "Selvbetjening", Values: ramp(48, 400, 8)},
		{Name: "Telefon", Values: ramp(48, 500, -4)},
		{Name: tricky, Values: ramp(48, 100, 1)},
	}
	var many []Series
	for i := 0; i < 30; i++ {
		many = append(many, Series{Name: fmt.Sprintf("Kanal %d", i), Values: []float64{1, 2, 3}})
	}
	return []namedChart{
		{"stacked", true, func() string {
			return string(StackedBars{ID: "mix", Title: "Kanalfordeling", Description: "Pr. måned", Categories: months(48), Series: mix, Unit: "henvendelser"}.SVG())
		}},
		{"stacked percent", true, func() string {
			return string(StackedBars{ID: "pct", Title: "Andele", Categories: months(12), Series: mix, Percent: true}.SVG())
		}},
		{"stacked past the palette", false, func() string {
			return string(StackedBars{ID: "many", Title: "Mange", Categories: []string{"a", "b", "c"}, Series: many}.SVG())
		}},
		{"stacked empty", false, func() string {
			return string(StackedBars{ID: "none", Title: "Tom", Categories: []string{"a"}, Series: []Series{{Name: "x", Values: []float64{0}}}}.SVG())
		}},
		{"lines", true, func() string {
			return string(Lines{ID: "share", Title: "Digital andel", Description: tricky, Categories: months(48),
				Series:  []Series{{Name: "Andel", Values: append(ramp(24, 20, 1), nan, nan, 47)}, {Name: "Prognose", Dashed: true, Values: ramp(48, 20, 1)}},
				Markers: []Marker{{Category: "dec. 2015", Value: 50, Label: "Mål 2015: 50 %"}, {Category: "dec. 2017", Value: 80, Label: tricky}},
				Unit:    "%"}.SVG())
		}},
		{"lines fixed range, few points", false, func() string {
			return string(Lines{ID: "fixed", Title: "Fast", Categories: []string{"2012", "2013", "2014", "2015"}, YMin: ptr(0), YMax: ptr(100),
				Series: []Series{{Name: "Digital", Values: []float64{30, 35.5, nan, 52}}}, Unit: "%"}.SVG())
		}},
		{"lines empty", false, func() string {
			return string(Lines{ID: "nolines", Title: "Tom", Categories: []string{"a"}, Series: []Series{{Values: []float64{nan}}}}.SVG())
		}},
		{"bars", true, func() string {
			return string(Bars{ID: "save", Title: "Besparelse", Labels: []string{"Flytning", tricky, "Pladsanvisning til dagtilbud, skolefritidsordning og klub", "Pas"},
				Values: []float64{1234567, -120000, 450000, nan}, Unit: "kr."}.SVG())
		}},
		{"bars empty", false, func() string { return string(Bars{ID: "nobars", Title: "Tom"}.SVG()) }},
	}
}

func TestSVG_IsWellFormedAndNamedByTitleAndDesc(t *testing.T) {
	for _, c := range allCharts() {
		t.Run(c.name, func(t *testing.T) {
			root := parse(t, c.svg())
			if root.XMLName.Local != "svg" || root.attr("role") != "img" {
				t.Fatalf("root is <%s role=%q>, want <svg role=\"img\">", root.XMLName.Local, root.attr("role"))
			}
			ids := strings.Fields(root.attr("aria-labelledby"))
			if len(ids) != 2 || len(root.Children) < 2 {
				t.Fatalf("aria-labelledby=%q with %d children", root.attr("aria-labelledby"), len(root.Children))
			}
			for i, want := range []string{"title", "desc"} {
				child := root.Children[i]
				if child.XMLName.Local != want || child.attr("id") != ids[i] {
					t.Errorf("child %d is <%s id=%q>, want <%s id=%q>", i, child.XMLName.Local, child.attr("id"), want, ids[i])
				}
			}
			if root.Children[0].Text == "" {
				t.Error("empty <title>")
			}
			if root.attr("width") != "100%" || len(strings.Fields(root.attr("viewBox"))) != 4 {
				t.Errorf("width=%q viewBox=%q, want a scaling chart", root.attr("width"), root.attr("viewBox"))
			}
		})
	}
}

func TestSVG_HasNoScriptStyleOrExternalResource(t *testing.T) {
	for _, c := range allCharts() {
		svg := c.svg()
		for _, bad := range []string{"<script", "<style", "style=", "href", "<image", "<foreignObject"} {
			if strings.Contains(svg, bad) {
				t.Errorf("%s: contains %q", c.name, bad)
			}
		}
		for _, el := range parse(t, svg).all("*") {
			for _, a := range el.Attrs {
				if strings.HasPrefix(a.Name.Local, "on") {
					t.Errorf("%s: event handler %s", c.name, a.Name.Local)
				}
			}
		}
		// The only URL is the SVG namespace; fills point at the chart's
		// own patterns.
		if strings.Count(svg, "http") != 1 {
			t.Errorf("%s: refers to something outside itself", c.name)
		}
	}
}

func TestSVG_IsDeterministic(t *testing.T) {
	for _, c := range allCharts() {
		if a, b := c.svg(), c.svg(); a != b {
			t.Errorf("%s: two renderings differ", c.name)
		}
	}
}

func TestSVG_EscapesEveryText(t *testing.T) {
	for _, c := range allCharts() {
		if !c.labelled {
			continue
		}
		svg := c.svg()
		if strings.Contains(svg, tricky) || !strings.Contains(svg, "&lt;Børn &amp; &#34;unge&#34;&gt;") {
			t.Errorf("%s: label not written escaped", c.name)
		}
		root := parse(t, svg)
		found := false
		for _, el := range append(root.all("text"), root.all("desc")...) {
			if strings.Contains(el.text(), tricky) {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: the label does not read back as %q", c.name, tricky)
		}
	}
}

func TestSVG_DropsCharactersXMLCannotHold(t *testing.T) {
	svg := string(Bars{ID: `a b"c`, Title: "bell\x07 \xff", Labels: []string{"x\x00y"}, Values: []float64{1}}.SVG())
	root := parse(t, svg)
	if got := root.attr("id"); got != "a-b-c" {
		t.Errorf("id = %q, want a-b-c", got)
	}
}

func TestSVG_EmptyInputSaysSo(t *testing.T) {
	cases := []struct {
		name string
		svg  string
		want string
	}{
		{"stacked without categories", string(StackedBars{Title: "t"}.SVG()), "Ingen data"},
		{"stacked all zero and NaN", string(StackedBars{Title: "t", Categories: []string{"a", "b"}, Series: []Series{{Values: []float64{0, nan}}}}.SVG()), "Ingen data"},
		{"lines all NaN", string(Lines{Title: "t", Categories: []string{"a"}, Series: []Series{{Values: []float64{nan}}}}.SVG()), "Ingen data"},
		{"bars all zero", string(Bars{Title: "t", Labels: []string{"a"}, Values: []float64{0}}.SVG()), "Ingen data"},
		{"english page", string(Bars{Title: "t", Empty: "No data"}.SVG()), "No data"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			root := parse(t, c.svg)
			texts := root.all("text")
			if len(texts) != 1 || texts[0].text() != c.want {
				t.Errorf("want one text %q, got %d texts in %s", c.want, len(texts), c.svg)
			}
		})
	}
}

func TestLines_ZeroesAreDataNotEmpty(t *testing.T) {
	svg := string(Lines{Title: "t", Categories: []string{"a", "b"}, Series: []Series{{Values: []float64{0, 0}}}}.SVG())
	if strings.Contains(svg, DefaultEmpty) || parse(t, svg).class("line") == nil {
		t.Error("a line at zero is shown as no data")
	}
}

// stackFixture's first column is the tallest, and 1000 is a tick, so it
// must reach the top of the scale.
var stackFixture = StackedBars{
	ID: "s", Title: "t", Categories: []string{"a", "b", "c", "d"},
	Series: []Series{
		{Name: "x", Values: []float64{300, 100, 250, 0}},
		{Name: "y", Values: []float64{700, 0, 250, nan}},
		{Name: "z", Values: []float64{0, -5, nan}}, // nothing drawable, one short
	},
}

// columns groups the rects of every series by column x, bottom segment
// first.
func columns(t *testing.T, root *node) map[float64][]*node {
	t.Helper()
	out := map[float64][]*node{}
	for _, g := range root.all("g") {
		if g.attr("class") != "series" {
			continue
		}
		for _, r := range g.all("rect") {
			x := r.float(t, "x")
			out[x] = append(out[x], r)
		}
	}
	return out
}

// scale returns the y of the bottom line and of the topmost gridline.
func scale(t *testing.T, root *node) (bottom, top float64) {
	t.Helper()
	bottom = root.class("baseline").float(t, "y1")
	top = bottom
	for _, l := range root.class("grid").all("line") {
		top = math.Min(top, l.float(t, "y1"))
	}
	return bottom, top
}

func TestStackedBars_TallestColumnReachesTopOfScale(t *testing.T) {
	root := parse(t, string(stackFixture.SVG()))
	cols := columns(t, root)
	_, top := scale(t, root)
	highest := math.Inf(1)
	for _, rects := range cols {
		for _, r := range rects {
			highest = math.Min(highest, r.float(t, "y"))
		}
	}
	if math.Abs(highest-top) > 0.01 {
		t.Errorf("tallest column's top at y=%v, top gridline at y=%v", highest, top)
	}
	labels := root.class("ylabels").all("text")
	if got := labels[len(labels)-1].text(); got != "1.000" {
		t.Errorf("top tick label %q, want 1.000", got)
	}
}

func TestStackedBars_SegmentsAreProportionalAndSitOnEachOther(t *testing.T) {
	root := parse(t, string(stackFixture.SVG()))
	cols := columns(t, root)
	xs := slices.Sorted(func(yield func(float64) bool) {
		for x := range cols {
			if !yield(x) {
				return
			}
		}
	})
	first := cols[xs[0]]
	if len(first) != 2 {
		t.Fatalf("first column has %d segments, want 2", len(first))
	}
	h300, h700 := first[0].float(t, "height"), first[1].float(t, "height")
	if ratio := h700 / h300; math.Abs(ratio-7.0/3.0) > 0.005 {
		t.Errorf("700/300 drawn as %v/%v = %v", h700, h300, ratio)
	}
	bottom, _ := scale(t, root)
	if got := first[0].float(t, "y") + h300; math.Abs(got-bottom) > 0.01 {
		t.Errorf("bottom segment ends at %v, baseline at %v", got, bottom)
	}
	if got := first[1].float(t, "y") + h700; math.Abs(got-first[0].float(t, "y")) > 0.01 {
		t.Errorf("second segment ends at %v, first starts at %v", got, first[0].float(t, "y"))
	}
}

func TestStackedBars_ZeroNegativeAndNaNDrawNoRect(t *testing.T) {
	root := parse(t, string(stackFixture.SVG()))
	n := 0
	for _, rects := range columns(t, root) {
		n += len(rects)
	}
	if n != 5 { // 300, 700, 100, 250, 250
		t.Errorf("%d segments, want one per positive value (5)", n)
	}
}

func TestStackedBars_PercentColumnsFillTheScale(t *testing.T) {
	s := stackFixture
	s.Percent = true
	root := parse(t, string(s.SVG()))
	bottom, top := scale(t, root)
	cols := columns(t, root)
	if len(cols) != 3 {
		t.Fatalf("%d columns, want 3 (the fourth is all zero)", len(cols))
	}
	for x, rects := range cols {
		sum := 0.0
		for _, r := range rects {
			sum += r.float(t, "height")
		}
		if math.Abs(sum-(bottom-top)) > 0.02 {
			t.Errorf("column at x=%v is %v high, scale is %v", x, sum, bottom-top)
		}
	}
	labels := root.class("ylabels").all("text")
	if got := labels[len(labels)-1].text(); got != "100 %" {
		t.Errorf("top tick %q, want 100 %%", got)
	}
}

func TestStackedBars_LegendNamesDoNotOverlap(t *testing.T) {
	var series []Series
	for i := 0; i < 14; i++ {
		series = append(series, Series{Name: strings.Repeat("Personlig henvendelse ", 1+i%3), Values: []float64{1}})
	}
	root := parse(t, string(StackedBars{Title: "t", Categories: []string{"a"}, Series: series}.SVG()))
	texts := root.class("legend").all("text")
	if len(texts) != len(series) {
		t.Fatalf("%d legend names, want %d", len(texts), len(series))
	}
	rows := map[string][]*node{}
	for _, tx := range texts {
		rows[tx.attr("y")] = append(rows[tx.attr("y")], tx)
	}
	if len(rows) < 2 {
		t.Fatal("long names did not wrap")
	}
	width := 720.0
	for y, row := range rows {
		for i, tx := range row {
			end := tx.float(t, "x") + textWidth(tx.text())
			if end > width {
				t.Errorf("row %s: %q runs out of the chart", y, tx.text())
			}
			if i+1 < len(row) {
				nextSwatch := row[i+1].float(t, "x") - swatchWidth - swatchGap
				if end > nextSwatch {
					t.Errorf("row %s: %q runs into the next entry", y, tx.text())
				}
			}
		}
	}
}

func TestXLabels_ThinnedSoTheyDoNotOverlap(t *testing.T) {
	cats := months(48)
	cases := []struct {
		name string
		svg  string
	}{
		{"stacked", string(StackedBars{Title: "t", Categories: cats, Series: []Series{{Values: ramp(48, 1, 1)}}}.SVG())},
		{"lines", string(Lines{Title: "t", Categories: cats, Series: []Series{{Values: ramp(48, 1, 1)}}}.SVG())},
		{"narrow", string(Lines{Title: "t", Width: 320, Categories: cats, Series: []Series{{Values: ramp(48, 1, 1)}}}.SVG())},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			labels := parse(t, c.svg).class("xlabels").all("text")
			if len(labels) < 2 || len(labels) >= len(cats) {
				t.Fatalf("%d of %d labels visible", len(labels), len(cats))
			}
			for i := 1; i < len(labels); i++ {
				a, b := labels[i-1], labels[i]
				gap := b.float(t, "x") - a.float(t, "x")
				need := (textWidth(a.text()) + textWidth(b.text())) / 2
				if gap < need {
					t.Errorf("%q and %q are %v apart, need %v", a.text(), b.text(), gap, need)
				}
			}
			// Monthly labels should fall on the same months every year.
			step := slices.Index(cats, labels[1].text())
			if labels[0].text() != cats[0] || step <= 0 || (12%step != 0 && step%12 != 0) {
				t.Errorf("labels %q, %q: want a step that divides a year", labels[0].text(), labels[1].text())
			}
			for i, l := range labels {
				if l.text() != cats[i*step] {
					t.Errorf("label %d is %q, want %q", i, l.text(), cats[i*step])
				}
			}
		})
	}
}

func TestLines_NaNBreaksTheLine(t *testing.T) {
	cases := []struct {
		name     string
		values   []float64
		segments int
		dots     int
	}{
		{"no gap", []float64{10, 20, 30, 40, 50}, 1, 0},
		{"one gap", []float64{10, 20, nan, 40, 50}, 2, 0},
		{"gap at the start", []float64{nan, 20, 30, nan, 50, 60}, 2, 0},
		{"lone value between gaps", []float64{10, 20, nan, 40, nan, 60, 70}, 2, 1},
		{"short series", []float64{10, 20}, 1, 0},
	}
	cats := months(20) // more than dotsUpTo: only lone values get dots
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			root := parse(t, string(Lines{Title: "t", Categories: cats, Series: []Series{{Name: "a", Values: c.values}}}.SVG()))
			path := root.class("line")
			if got := strings.Count(path.attr("d"), "M"); got != c.segments {
				t.Errorf("%d segments in %q, want %d", got, path.attr("d"), c.segments)
			}
			if got := len(root.class("series").all("circle")); got != c.dots {
				t.Errorf("%d dots, want %d", got, c.dots)
			}
		})
	}
}

func TestLines_MarkerSitsAtItsCategoryAndValue(t *testing.T) {
	l := Lines{ID: "l", Title: "t", Categories: []string{"2012", "2013", "2014", "2015"}, YMin: ptr(0), YMax: ptr(100), Unit: "%",
		Series:  []Series{{Name: "Digital", Values: []float64{20, 30, 40, 45}}},
		Markers: []Marker{{Category: "2015", Value: 50, Label: "Mål 2015: 50 %"}, {Category: "2019", Value: 80, Label: "ikke på aksen"}},
	}
	root := parse(t, string(l.SVG()))
	bottom, top := scale(t, root)
	markers := root.class("markers").Children
	if len(markers) != 1 {
		t.Fatalf("%d markers, want 1 (2019 is not a category)", len(markers))
	}
	var x, y float64
	if _, err := fmt.Sscanf(markers[0].attr("transform"), "translate(%g %g)", &x, &y); err != nil {
		t.Fatal(err)
	}
	if want := (bottom + top) / 2; math.Abs(y-want) > 0.01 {
		t.Errorf("marker for 50 of 0–100 at y=%v, want %v", y, want)
	}
	var labelX float64
	for _, tx := range root.class("xlabels").all("text") {
		if tx.text() == "2015" {
			labelX = tx.float(t, "x")
		}
	}
	if math.Abs(x-labelX) > 0.01 {
		t.Errorf("marker at x=%v, category 2015 at x=%v", x, labelX)
	}
	if got := markers[0].all("text")[0].text(); got != "Mål 2015: 50 %" {
		t.Errorf("marker label %q", got)
	}
}

func TestLines_ValueAxisRange(t *testing.T) {
	target := []Marker{{Category: "b", Value: 80, Label: "Mål"}}
	cases := []struct {
		name        string
		lines       Lines
		first, last string
	}{
		{"automatic includes markers and zero", Lines{Markers: target}, "0", "80"},
		{"fixed", Lines{YMin: ptr(20), YMax: ptr(60)}, "20", "60"},
		{"fixed top only", Lines{YMax: ptr(100)}, "0", "100"},
		{"fixed bottom only", Lines{YMin: ptr(30)}, "30", "45"},
		{"reversed range is ignored", Lines{YMin: ptr(50), YMax: ptr(10)}, "0", "50"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l := c.lines
			l.Title, l.Categories, l.Series = "t", []string{"a", "b"}, []Series{{Values: []float64{40, 45}}}
			root := parse(t, string(l.SVG()))
			ticks := root.class("ylabels").all("text")
			if first, last := ticks[0].text(), ticks[len(ticks)-1].text(); first != c.first || last != c.last {
				t.Errorf("axis %s–%s, want %s–%s", first, last, c.first, c.last)
			}
			_, top := scale(t, root)
			if got := ticks[len(ticks)-1].float(t, "y") - fontSize*0.35; math.Abs(got-top) > 0.01 {
				t.Errorf("top tick label at %v, top of the scale at %v", got, top)
			}
		})
	}
}

func TestBars_NegativeGoLeftOfZeroPositiveRight(t *testing.T) {
	b := Bars{Title: "t", Labels: []string{"plus", "minus", "intet", "mangler"}, Values: []float64{500, -200, 0, nan}, Unit: "kr."}
	root := parse(t, string(b.SVG()))
	zero := root.class("zero").float(t, "x1")
	rects := root.class("bars").all("rect")
	if len(rects) != 2 {
		t.Fatalf("%d bars, want 2 (zero and NaN draw none)", len(rects))
	}
	plus, minus := rects[0], rects[1]
	if x := plus.float(t, "x"); math.Abs(x-zero) > 0.01 {
		t.Errorf("positive bar starts at %v, zero line at %v", x, zero)
	}
	if end := minus.float(t, "x") + minus.float(t, "width"); math.Abs(end-zero) > 0.01 || minus.float(t, "x") >= zero {
		t.Errorf("negative bar spans %v–%v, zero line at %v", minus.float(t, "x"), end, zero)
	}
	if ratio := plus.float(t, "width") / minus.float(t, "width"); math.Abs(ratio-2.5) > 0.01 {
		t.Errorf("500 and -200 drawn in ratio %v", ratio)
	}
	values := root.class("values").all("text")
	want := []string{"500 kr.", "-200 kr.", "0 kr.", "–"}
	for i, v := range values {
		if v.text() != want[i] {
			t.Errorf("value %d printed %q, want %q", i, v.text(), want[i])
		}
	}
	if x := values[1].float(t, "x"); x >= minus.float(t, "x") {
		t.Errorf("negative value's text at %v is not left of its bar at %v", x, minus.float(t, "x"))
	}
}

func TestBars_ValuesStayInsideTheChart(t *testing.T) {
	b := Bars{Title: "t", Labels: []string{"a", "b"}, Values: []float64{-98765432, 123456789}, Unit: "kr."}
	root := parse(t, string(b.SVG()))
	for _, tx := range root.class("values").all("text") {
		x, w := tx.float(t, "x"), textWidth(tx.text())
		left, right := x, x+w
		if tx.attr("text-anchor") == "end" {
			left, right = x-w, x
		}
		if left < 0 || right > 720 {
			t.Errorf("%q spans %v–%v, outside 0–720", tx.text(), left, right)
		}
	}
}

// contrast is the WCAG 2 contrast ratio of a #rrggbb colour against white.
func contrast(t *testing.T, hex string) float64 {
	t.Helper()
	if len(hex) != 7 || hex[0] != '#' {
		t.Fatalf("colour %q is not #rrggbb", hex)
	}
	lum := 0.0
	for i, weight := range []float64{0.2126, 0.7152, 0.0722} {
		v, err := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		if err != nil {
			t.Fatal(err)
		}
		c := float64(v) / 255
		if c <= 0.04045 {
			c /= 12.92
		} else {
			c = math.Pow((c+0.055)/1.055, 2.4)
		}
		lum += weight * c
	}
	return 1.05 / (lum + 0.05)
}

func TestContrast_MatchesKnownRatios(t *testing.T) {
	for hex, want := range map[string]float64{"#000000": 21, "#ffffff": 1, "#767676": 4.54} {
		if got := contrast(t, hex); math.Abs(got-want) > 0.01 {
			t.Errorf("contrast(%s) = %.2f, want %.2f", hex, got, want)
		}
	}
}

func TestPalette_TenDistinctColoursVisibleAgainstWhite(t *testing.T) {
	p := Palette()
	if len(p) < 10 {
		t.Errorf("%d colours, want at least 10", len(p))
	}
	seen := map[string]bool{}
	for _, c := range p {
		if seen[c] {
			t.Errorf("%s twice", c)
		}
		seen[c] = true
		if r := contrast(t, c); r < 3 {
			t.Errorf("%s has contrast %.2f:1 against white, want ≥ 3:1", c, r)
		}
	}
	p[0] = "#ffffff"
	if Palette()[0] == "#ffffff" {
		t.Error("Palette returns the package's own slice")
	}
}

func TestSVG_TextIsReadable(t *testing.T) {
	for _, c := range allCharts() {
		t.Run(c.name, func(t *testing.T) {
			root := parse(t, c.svg())
			texts := root.all("text")
			if len(texts) == 0 {
				t.Fatal("no text")
			}
			for _, tx := range texts {
				fill := tx.inherited("fill")
				if r := contrast(t, fill); r < 4.5 {
					t.Errorf("%q in %s has contrast %.2f:1, want ≥ 4.5:1", tx.text(), fill, r)
				}
				size, err := strconv.ParseFloat(tx.inherited("font-size"), 64)
				if err != nil || size < 12 {
					t.Errorf("%q has font-size %q, want ≥ 12", tx.text(), tx.inherited("font-size"))
				}
			}
		})
	}
}

func TestStackedBars_SeriesPastThePaletteAreHatched(t *testing.T) {
	var series []Series
	for i := 0; i < len(palette)+2; i++ {
		series = append(series, Series{Name: fmt.Sprint(i), Values: []float64{1}})
	}
	root := parse(t, string(StackedBars{ID: "h", Title: "t", Categories: []string{"a"}, Series: series}.SVG()))
	var fills []string
	for _, g := range root.all("g") {
		if g.attr("class") == "series" {
			fills = append(fills, g.attr("fill"))
		}
	}
	if fills[0] == fills[len(palette)] {
		t.Errorf("series 0 and %d both fill %s", len(palette), fills[0])
	}
	patterns := map[string]bool{}
	for _, p := range root.all("pattern") {
		patterns["url(#"+p.attr("id")+")"] = true
	}
	for _, f := range fills[len(palette):] {
		if !patterns[f] {
			t.Errorf("fill %s has no pattern in the chart", f)
		}
	}
}

func TestNiceTicks_FourToSixRoundSteps(t *testing.T) {
	ranges := [][2]float64{{0, 1}, {0, 7}, {0, 10}, {0, 13}, {0, 99}, {0, 100}, {0, 1000}, {0, 1100}, {0, 2243},
		{-120000, 1234567}, {0, 0.03}, {0, 47}, {12, 13}, {0, 5e6}, {-5, -1}}
	for _, r := range ranges {
		for _, inside := range []bool{false, true} {
			ticks := Ticks(r[0], r[1], inside)
			if len(ticks) < 4 || len(ticks) > 6 {
				t.Errorf("%v inside=%v: %d ticks %v", r, inside, len(ticks), ticks)
				continue
			}
			step := ticks[1] - ticks[0]
			m := step / math.Pow(10, math.Floor(math.Log10(step)))
			if !slices.ContainsFunc([]float64{1, 2, 2.5, 5}, func(x float64) bool { return math.Abs(x-m) < 1e-9 }) {
				t.Errorf("%v: step %v is not 1, 2, 2.5 or 5 × 10ⁿ", r, step)
			}
			first, last := ticks[0], ticks[len(ticks)-1]
			if !inside && (first > r[0] || last < r[1]) {
				t.Errorf("%v: ticks %v do not cover it", r, ticks)
			}
			if inside && (first < r[0]-1e-9 || last > r[1]+1e-9) {
				t.Errorf("%v: ticks %v leave it", r, ticks)
			}
		}
	}
}

func TestLines_MarkerLabelAvoidsTheLineAndStaysInside(t *testing.T) {
	l := Lines{Title: "t", Categories: []string{"2012", "2013", "2014", "2015"}, YMin: ptr(0), YMax: ptr(100), Unit: "%",
		Series:  []Series{{Name: "Digital", Values: []float64{20, 30, 45, 61}}},
		Markers: []Marker{{Category: "2015", Value: 50, Label: "Mål 2015: 50 %"}},
	}
	root := parse(t, string(l.SVG()))
	marker := root.class("marker")
	var x, y float64
	if _, err := fmt.Sscanf(marker.attr("transform"), "translate(%g %g)", &x, &y); err != nil {
		t.Fatal(err)
	}
	label := marker.all("text")[0]
	if dy := label.float(t, "y") - fontSize*0.35; dy < 0 {
		t.Errorf("label above the marker (dy=%v), on the line that rises to 61 %%", dy)
	}
	w := textWidth(label.text()) * 1.1
	left := x + label.float(t, "x")
	switch label.attr("text-anchor") {
	case "middle":
		left -= w / 2
	case "end":
		left -= w
	}
	if left < 0 || left+w > 720 {
		t.Errorf("label spans %v–%v, outside the chart", left, left+w)
	}
}

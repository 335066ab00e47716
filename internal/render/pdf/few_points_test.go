package pdf

import (
	"bytes"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/kanal-dk/kanal/internal/render/chart"
	"github.com/kanal-dk/kanal/internal/render/pdf/pdftest"
)

// The report of a year that has just begun, of a year without inquiries
// or of a year long after the strategy period draws charts of no, one or
// two points, or of many categories with few values. Each must draw on
// the page, with every coordinate a number.

// checkDrawing reads the path operators (m, l, c, re) of every content
// stream and fails the test for a coordinate that is not a finite number
// on the page.
func checkDrawing(t *testing.T, pdf []byte) {
	t.Helper()
	const width, height = pageWidth * 72 / 25.4, pageHeight * 72 / 25.4
	on := func(op string, x, y float64) {
		if !(x >= -0.5 && x <= width+0.5 && y >= -0.5 && y <= height+0.5) {
			t.Errorf("%s at (%v, %v) pt is off the %v × %v page", op, x, y, width, height)
		}
	}
	for _, s := range pdftest.Streams(t, pdf) {
		if bytes.Contains(s, []byte("NaN")) || bytes.Contains(s, []byte("Inf")) {
			t.Fatal("a coordinate is not a number")
		}
		var nums []float64
		for _, f := range strings.Fields(string(s)) {
			if v, err := strconv.ParseFloat(f, 64); err == nil {
				nums = append(nums, v)
				continue
			}
			n := len(nums)
			switch f {
			case "m", "l":
				if n >= 2 {
					on(f, nums[n-2], nums[n-1])
				}
			case "c":
				if n >= 6 {
					on(f, nums[n-6], nums[n-5])
					on(f, nums[n-2], nums[n-1])
				}
			case "re":
				if n >= 4 {
					x, y, w, h := nums[n-4], nums[n-3], nums[n-2], nums[n-1]
					on(f, x, y)
					on(f, x+w, y+h)
				}
			}
			nums = nums[:0]
		}
	}
}

func yearsFrom(from, to int) []string {
	var out []string
	for y := from; y <= to; y++ {
		out = append(out, strconv.Itoa(y))
	}
	return out
}

func TestWritePDF_ChartsOfNoneOneOrTwoPointsDraw(t *testing.T) {
	nan := math.NaN()
	zero, hundred := 0.0, 100.0
	gaps := func(n int, at map[int]float64) []float64 {
		out := make([]float64, n)
		for i := range out {
			out[i] = nan
			if v, ok := at[i]; ok {
				out[i] = v
			}
		}
		return out
	}
	target := func(c string) chart.Marker {
		return chart.Marker{Category: c, Value: 50, Label: "Mål " + c + ": 50 %"}
	}
	charts := map[string]Chart{
		"lines, one point": {Lines: &chart.Lines{Title: "Et punkt", Categories: []string{"2026"}, Unit: "%",
			Series: []chart.Series{{Name: "Faktisk", Values: []float64{40}}}, Markers: []chart.Marker{target("2026")}}},
		"lines, one point, fixed axis": {Lines: &chart.Lines{Title: "Fast akse", Categories: []string{"2015"}, YMin: &zero, YMax: &hundred,
			Series: []chart.Series{{Values: []float64{100}}}, Markers: []chart.Marker{target("2015")}}},
		"lines, two points": {Lines: &chart.Lines{Title: "To punkter", Categories: []string{"2014", "2015"},
			Series:  []chart.Series{{Name: "a", Values: []float64{nan, 20}}, {Name: "b", Dashed: true, Values: []float64{20, nan}}},
			Markers: []chart.Marker{target("2014"), target("2015")}}},
		"lines, years past the period": {Lines: &chart.Lines{Title: "Mange år", Categories: yearsFrom(2012, 2026), YMin: &zero, YMax: &hundred, Unit: "%",
			Series:  []chart.Series{{Name: "Faktisk", Values: gaps(15, map[int]float64{0: 24, 2: 41, 14: 100})}, {Name: "Prognose", Dashed: true, Values: gaps(15, map[int]float64{14: 100})}},
			Markers: []chart.Marker{target("2012"), target("2015"), target("2026")}}},
		"lines, a long category": {Lines: &chart.Lines{Title: "Lang kategori", Categories: []string{strings.Repeat("meget lang kategori ", 20)},
			Series: []chart.Series{{Values: []float64{3}}}}},
		"stacked, one column": {Stacked: &chart.StackedBars{Title: "En søjle", Categories: []string{"januar 2026"},
			Series: []chart.Series{{Name: "Telefon", Values: []float64{1}}}}},
		"stacked, two columns in shares, one empty": {Stacked: &chart.StackedBars{Title: "Andele", Percent: true, Categories: []string{"a", "b"},
			Series: []chart.Series{{Name: "x", Values: []float64{0, 5}}, {Name: "y", Values: []float64{0, 1}}}}},
		"stacked, a long category": {Stacked: &chart.StackedBars{Title: "Lang", Categories: []string{strings.Repeat("meget lang kategori ", 20)},
			Series: []chart.Series{{Values: []float64{2}}}}},
		"bars, one": {Bars: &chart.Bars{Title: "En bjælke", Labels: []string{"Flytning"}, Values: []float64{1200}, Unit: "kr."}},
		"bars, long values both ways": {Bars: &chart.Bars{Title: "Lange tal", Labels: []string{"Byggetilladelse", "Pas"},
			Values: []float64{-123456789012345, 987654321098765}, Unit: "kr. om året i gennemsnit over perioden"}},
		"no categories": {Lines: &chart.Lines{Title: "Ingenting"}},
	}
	for name, c := range charts {
		t.Run(name, func(t *testing.T) {
			out := renderPDF(t, Document{Lang: "da", PageFormat: "Side %d af %s", Sections: []Section{{Heading: "Diagram", Blocks: []Block{{Chart: &c}}}}})
			if !bytes.HasPrefix(out, []byte("%PDF-")) || pdftest.PageCount(out) < 1 {
				t.Fatal("not a PDF")
			}
			checkDrawing(t, out)
			checkMargins(t, pdftest.PlacedPages(t, out))
			if text := strings.Join(pdftest.Flat(pdftest.Pages(t, out)), " "); !strings.Contains(text, c.Title()) {
				t.Errorf("the chart's title %q is not printed", c.Title())
			}
		})
	}
}

// Random charts of few categories, gaps and markers, drawn in the PDF:
// every coordinate a number on the page. The seed is fixed so that a
// failure repeats.
func TestWritePDF_RandomFewPointChartsDraw(t *testing.T) {
	rng := rand.New(rand.NewPCG(2016, 2018))
	nan := math.NaN()
	pick := func(vs ...float64) float64 { return vs[rng.IntN(len(vs))] }
	values := func(n int) []float64 {
		out := make([]float64, rng.IntN(n+2))
		for i := range out {
			out[i] = pick(nan, nan, 0, 1, 50, 100, 1e-9, -3, 1e9, rng.Float64()*100)
		}
		return out
	}
	var blocks []Block
	for i := 0; i < 60; i++ {
		n := rng.IntN(5)
		if rng.IntN(6) == 0 {
			n = rng.IntN(100)
		}
		cats := yearsFrom(2012, 2012+n-1)
		var series []chart.Series
		for s := rng.IntN(4); s > 0; s-- {
			series = append(series, chart.Series{Name: "serie", Values: values(n), Dashed: rng.IntN(2) == 0})
		}
		var markers []chart.Marker
		for m := rng.IntN(4); m > 0; m-- {
			markers = append(markers, chart.Marker{Category: strconv.Itoa(2010 + rng.IntN(n+4)), Value: pick(0, 30, 50, 100, 150, nan),
				Label: strings.Repeat("Mål ", 1+rng.IntN(8))})
		}
		l := chart.Lines{Title: "Linjer", Categories: cats, Series: series, Markers: markers, Unit: "%"}
		if rng.IntN(2) == 0 {
			lo, hi := pick(0, 50, nan), pick(100, 50, 0)
			l.YMin, l.YMax = &lo, &hi
		}
		blocks = append(blocks,
			Block{Chart: &Chart{Lines: &l}},
			Block{Chart: &Chart{Bars: &chart.Bars{Title: "Bjælker", Labels: cats, Values: values(n), Unit: "kr."}}},
			Block{Chart: &Chart{Stacked: &chart.StackedBars{Title: "Søjler", Categories: cats, Series: series, Percent: rng.IntN(2) == 0}}})
	}
	out := renderPDF(t, Document{Sections: []Section{{Heading: "Tilfældige diagrammer", Blocks: blocks}}})
	checkDrawing(t, out)
	checkMargins(t, pdftest.PlacedPages(t, out))
}

package chart_test

import (
	"fmt"
	"html/template"
	"math"
	"strings"

	"github.com/kanal-dk/kanal/internal/render/chart"
)

// A page embeds the chart through html/template, which leaves the
// template.HTML that SVG returns unescaped, and shows the numbers in a
// table beside it.
func ExampleStackedBars() {
	mix := chart.StackedBars{
		ID:          "kanalmix",
		Title:       "Henvendelser pr. kanal",
		Description: "Henvendelser pr. måned, fordelt på kanal, januar–marts 2014.",
		Categories:  []string{"jan. 2014", "feb. 2014", "mar. 2014"},
		Series: []chart.Series{
			{Name: "Selvbetjening", Values: []float64{410, 455, 520}},
			{Name: "Telefon", Values: []float64{630, 610, 0}},
		},
		Unit: "henvendelser",
	}
	page := template.Must(template.New("page").Parse(
		`<figure>{{.Chart.SVG}}<figcaption>{{.Chart.Title}}</figcaption></figure>`))

	var out strings.Builder
	if err := page.Execute(&out, map[string]any{"Chart": mix}); err != nil {
		fmt.Println(err)
		return
	}
	html := out.String()
	fmt.Println(html[:strings.Index(html, " viewBox")])
	fmt.Println(strings.Count(html, "<rect"), "rects: 5 segments (a zero draws none) and 2 legend swatches")
	// Output:
	// <figure><svg xmlns="http://www.w3.org/2000/svg" id="kanalmix" class="chart" role="img" aria-labelledby="kanalmix-title kanalmix-desc"
	// 7 rects: 5 segments (a zero draws none) and 2 legend swatches
}

func ExampleLines() {
	nan := math.NaN()
	share := chart.Lines{
		ID:          "digital-andel",
		Title:       "Digital andel af indgående henvendelser",
		Description: "Andel pr. år 2012–2015 mod målene 30 % i 2012 og 50 % i 2015. 2013 blev ikke talt.",
		Categories:  []string{"2012", "2013", "2014", "2015"},
		Series:      []chart.Series{{Name: "Digital andel", Values: []float64{28.5, nan, 41, 52.5}}},
		Markers: []chart.Marker{
			{Category: "2012", Value: 30, Label: "Mål 2012: 30 %"},
			{Category: "2015", Value: 50, Label: "Mål 2015: 50 %"},
		},
		Unit: "%",
	}
	svg := string(share.SVG())
	fmt.Println(svg[strings.Index(svg, "<title"):strings.Index(svg, "<desc")])
	fmt.Println(strings.Count(svg, `class="marker"`), "markers")
	// Output:
	// <title id="digital-andel-title">Digital andel af indgående henvendelser</title>
	// 2 markers
}

func ExampleBars() {
	savings := chart.Bars{
		ID:          "besparelse",
		Title:       "Besparelsespotentiale pr. område",
		Description: "Kroner pr. år, hvis den primære kanal blev brugt fuldt ud. Byggetilladelser koster mere.",
		Labels:      []string{"Flytning", "Sundhedskort", "Byggetilladelse"},
		Values:      []float64{1234567, 450000, -120000},
		Unit:        "kr.",
	}
	svg := string(savings.SVG())
	for _, v := range []string{"1.234.567 kr.", "-120.000 kr."} {
		fmt.Println(v, strings.Contains(svg, ">"+v+"<"))
	}
	// Output:
	// 1.234.567 kr. true
	// -120.000 kr. true
}

// An English page passes its own words for the empty chart.
func ExampleBars_empty() {
	svg := string(chart.Bars{ID: "cost", Title: "Cost per channel", Empty: "No data"}.SVG())
	fmt.Println(strings.Contains(svg, ">No data</text>"))
	// Output: true
}

// Without a Format of its own, a chart writes its numbers the Danish way
// with as many decimals as they need, at most two.
func ExampleFormatter() {
	format := chart.Formatter(nil, []float64{1234567.5, 2.25})
	fmt.Println(format(1234567.5), format(-0.001), format(2.255))
	// Output:
	// 1.234.567,50 0,00 2,26
}

package chart

// palette is ordered so that neighbouring series differ most in hue and
// lightness; every colour has at least 3:1 contrast against white, as
// WCAG 1.4.11 asks of graphical objects (checked by the tests).
var palette = [...]string{
	"#1f5a96", // blue
	"#d0620a", // orange
	"#2a8c5a", // green
	"#8a3f99", // purple
	"#b3322e", // red
	"#4f86c6", // light blue
	"#7a5a2e", // brown
	"#c2407a", // pink
	"#5b6770", // slate
	"#7a7a12", // olive
	"#2e8b99", // teal
	"#a6761d", // ochre
}

// Text and rules. Both text colours have at least 4.5:1 contrast against
// white (WCAG 1.4.3); the gridlines are deliberately faint because the
// numbers are in the labels and in the page's table, not in the grid.
const (
	inkColor   = "#1b1f24"
	mutedColor = "#4a5360"
	axisColor  = "#4a5360"
	gridColor  = "#dde1e6"
	paper      = "#ffffff"
)

// Palette returns the series colours in the order the charts use them, for
// a page that wants to match a legend of its own. Series beyond its length
// reuse the colours with a hatch (columns) or a dash (lines).
func Palette() []string {
	return append([]string(nil), palette[:]...)
}

// seriesColor and seriesRound say which colour series i gets and how many
// times the palette has wrapped around before it.
func seriesColor(i int) string { return palette[i%len(palette)] }
func seriesRound(i int) int    { return i / len(palette) }

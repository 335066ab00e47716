package chart

import "fmt"

// Past the palette, colours repeat; a hatch in a different direction on
// each round keeps the repeated colour distinguishable for up to three
// times the palette's length. Beyond that, series look alike: split the
// chart or group the small series as "other".
var hatchAngles = [...]int{45, -45, 0}

func writeHatches(c *canvas, series int) {
	if series <= len(palette) {
		return
	}
	c.printf(`<defs>`)
	for i := len(palette); i < series; i++ {
		angle := hatchAngles[(seriesRound(i)-1)%len(hatchAngles)]
		c.printf(`<pattern id="%s" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(%d)"><rect width="6" height="6" fill="%s"/><rect width="2.5" height="6" fill="%s" fill-opacity="0.55"/></pattern>`,
			hatchID(c.id, i), angle, seriesColor(i), paper)
	}
	c.printf(`</defs>`)
}

func hatchID(chartID string, series int) string { return fmt.Sprintf("%s-hatch-%d", chartID, series) }

// fillFor is series i's fill: its colour, hatched past the palette.
func fillFor(c *canvas, i int) string {
	if seriesRound(i) == 0 {
		return seriesColor(i)
	}
	return "url(#" + hatchID(c.id, i) + ")"
}

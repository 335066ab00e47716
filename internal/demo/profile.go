package demo

import "github.com/kanal-dk/kanal/internal/strategy"

// profile is how much and when citizens contact the municipality about one
// service area. The figures are invented to look plausible; they are demo
// data, not statistics.
type profile struct {
	// inbound and outbound inquiries a year per 1,000 inhabitants.
	inbound, outbound float64
	// mix of inquiry types in inbound inquiries.
	mix map[string]float64
	// season multiplies the volume per month, January first.
	season [12]float64
}

var flat = [12]float64{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}

// profiles by KLE number; areas not listed get defaultProfile.
var profiles = map[string]profile{
	"23.05.10": {inbound: 540, outbound: 180, mix: mix(0.25, 0.15, 0.60), // moving
		season: [12]float64{0.9, 0.8, 0.9, 1.0, 1.0, 1.1, 1.3, 1.4, 1.1, 1.0, 0.9, 0.6}},
	"29.03.04": {inbound: 240, outbound: 150, mix: mix(0.20, 0.20, 0.60), season: flat}, // health card
	"29.03.06": {inbound: 210, outbound: 120, mix: mix(0.30, 0, 0.70), // EU health card: before the holidays
		season: [12]float64{0.6, 0.7, 0.9, 1.0, 1.3, 1.6, 1.5, 1.0, 0.9, 0.8, 0.8, 0.9}},
	"28.09.40": {inbound: 120, outbound: 120, mix: mix(0.20, 0.40, 0.40), // day care
		season: [12]float64{1.3, 1.3, 1.2, 1.0, 0.9, 0.8, 0.6, 1.2, 1.1, 0.9, 0.9, 0.8}},
	"17.20.01": {inbound: 45, outbound: 45, mix: mix(0.30, 0.20, 0.50), // school enrolment: Nov–Jan
		season: [12]float64{2.0, 0.8, 0.6, 0.5, 0.5, 0.6, 0.3, 0.7, 0.7, 0.9, 2.1, 2.3}},
	"17.13.10": {inbound: 36, outbound: 30, mix: mix(0.30, 0, 0.70), // SFO
		season: [12]float64{1.4, 1.5, 1.3, 1.0, 0.9, 1.2, 0.4, 1.0, 0.9, 0.8, 0.8, 0.8}},
	"02.34.02": {inbound: 75, outbound: 90, mix: mix(0.35, 0.40, 0.25), // building permit: spring
		season: [12]float64{0.7, 0.8, 1.1, 1.3, 1.4, 1.3, 0.8, 1.0, 1.1, 1.0, 0.8, 0.7}},
	"23.09.02": {inbound: 210, outbound: 30, mix: mix(0.30, 0.10, 0.60), // passports: before the summer
		season: [12]float64{0.7, 0.8, 1.1, 1.3, 1.5, 1.5, 1.1, 0.8, 0.8, 0.8, 0.8, 0.8}},
	"23.09.04": {inbound: 150, outbound: 30, mix: mix(0.30, 0.10, 0.60), season: flat}, // driving licence
	"32.03.04": {inbound: 120, outbound: 60, mix: mix(0.60, 0.40, 0), season: flat},    // state pension (Udbetaling Danmark)
	"32.06.04": {inbound: 90, outbound: 75, mix: mix(0.50, 0.50, 0), // housing benefit: yearly adjustment
		season: [12]float64{1.8, 1.2, 0.9, 0.9, 0.9, 0.9, 0.7, 0.9, 0.9, 0.9, 0.9, 1.1}},
	"07.18.06": {inbound: 270, outbound: 60, mix: mix(0.60, 0.20, 0.20), // waste collection
		season: [12]float64{1.5, 1.0, 1.0, 1.1, 1.0, 0.9, 0.8, 0.9, 0.9, 0.9, 1.0, 1.1}},
}

var defaultProfile = profile{inbound: 90, outbound: 45, mix: mix(1, 1, 1), season: flat}

func mix(information, interaction, transaction float64) map[string]float64 {
	return map[string]float64{strategy.Information: information, strategy.Interaction: interaction, strategy.Transaction: transaction}
}

func profileOf(a *strategy.Area) profile {
	if p, ok := profiles[a.KLE]; ok {
		return p
	}
	return defaultProfile
}

// weekday multiplies a weekday's volume, Sunday first. Staffed channels are
// also bound by their opening hours.
var weekday = [7]float64{0.55, 1.2, 1.1, 1.05, 1.05, 0.85, 0.45}

// hourWeight is how citizens spread their contacts over the day.
var hourWeight = [24]float64{
	0.1, 0.05, 0.05, 0.05, 0.05, 0.2, 0.5, 1.2, 2.5, 3.2, 3.4, 3.0,
	2.4, 2.6, 2.5, 2.0, 1.4, 1.0, 1.0, 1.3, 1.5, 1.3, 0.8, 0.3,
}

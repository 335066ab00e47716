package locale

// Texts of the demo's self-service cases, written while Kanal runs.
func init() {
	add(map[string]message{
		"cli.demo.cases":             {"Demosager: %s: %s (%s s)\n", "Demo cases: %s: %s (%s s)\n"},
		"cli.count.demo_cases.one":   {"%s sag med tragt", "%s case with its funnel"},
		"cli.count.demo_cases.other": {"%s sager med tragt", "%s cases with their funnel"},
		"cli.demo.cases_failed":      {"Demosagerne for %s blev ikke færdige; næste start skriver resten.\n", "The demo cases of %s were not finished; the next start writes the rest.\n"},
	})
}

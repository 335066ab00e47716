package locale

// Texts of the KLE check: a strategy's KLE numbers and titles against KL's
// KLE emneplan (kanal strategy validate|load --kle FILE).
func init() {
	add(map[string]message{
		"kle.unknown": {"KLE-nummeret %q findes ikke i KL's KLE-emneplan (udgivet %s)", "the KLE number %q is not in KL's KLE subject plan (released %s)"},
		"kle.title":   {"advarsel: titlen %q er ikke emneplanens titel for %s, som er %q", "warning: the title %q is not the subject plan's title for %s, which is %q"},
		"kle.expired": {"advarsel: KLE-nummeret %s er udgået af emneplanen (%s)", "warning: the KLE number %s has gone out of the subject plan (%s)"},

		"cli.kle.usage": {"  --kle FIL  kontrollér områdernes KLE-numre og -titler mod KL's KLE-emneplan (XML-filen fra KL)\n",
			"  --kle FILE  check the areas' KLE numbers and titles against KL's KLE subject plan (the XML file from KL)\n"},
		"cli.flag.strategy.validate.kle": {"KL's KLE-emneplan som XML-`FIL`: kontrollér hvert områdes KLE-nummer og titel mod den",
			"KL's KLE subject plan as an XML `FILE`: check every area's KLE number and title against it"},
		"cli.flag.strategy.load.kle": {"KL's KLE-emneplan som XML-`FIL`: indlæs intet, hvis et områdes KLE-nummer ikke findes i den",
			"KL's KLE subject plan as an XML `FILE`: load nothing when an area's KLE number is not in it"},
		"cli.kle.read":    {"kanal strategy: KLE-emneplanen %s: %v\n", "kanal strategy: the KLE subject plan %s: %v\n"},
		"cli.kle.checked": {"%s: %s kontrolleret mod KLE-emneplanen %s (udgivet %s): %s, %s\n", "%s: %s checked against the KLE subject plan %s (released %s): %s, %s\n"},
		"cli.kle.refused": {"%s: KLE-numre, som emneplanen ikke kender; intet er indlæst\n", "%s: KLE numbers the subject plan does not know; nothing was loaded\n"},

		"cli.count.kle_numbers.one":   {"%s KLE-nummer", "%s KLE number"},
		"cli.count.kle_numbers.other": {"%s KLE-numre", "%s KLE numbers"},
		"cli.count.warnings.one":      {"%s advarsel", "%s warning"},
		"cli.count.warnings.other":    {"%s advarsler", "%s warnings"},
	})
}

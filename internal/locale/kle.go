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
		"cli.flag.strategy.load.kle": {"KL's KLE-emneplan som XML-`FIL`: indlæs intet, hvis et områdes KLE-nummer ikke findes i den, og gem ellers kontrollen med versionen",
			"KL's KLE subject plan as an XML `FILE`: load nothing when an area's KLE number is not in it, else store the check with the version"},
		"cli.kle.read":    {"kanal strategy: KLE-emneplanen %s: %v\n", "kanal strategy: the KLE subject plan %s: %v\n"},
		"cli.kle.checked": {"%s: %s kontrolleret mod KLE-emneplanen %s (udgivet %s): %s, %s\n", "%s: %s checked against the KLE subject plan %s (released %s): %s, %s\n"},
		"cli.kle.refused": {"%s: KLE-numre, som emneplanen ikke kender; intet er indlæst\n", "%s: KLE numbers the subject plan does not know; nothing was loaded\n"},

		"cli.kle.stored": {"%s: kontrollen mod KLE-emneplanen %[4]s er gemt med version %[3]d af strategien for %[2]s\n",
			"%s: the check against the KLE subject plan %[4]s is stored with version %[3]d of the strategy for %[2]s\n"},
		"audit.action.kle_checked": {"KLE-numre kontrolleret", "KLE numbers checked"},

		"cli.count.kle_numbers.one":   {"%s KLE-nummer", "%s KLE number"},
		"cli.count.kle_numbers.other": {"%s KLE-numre", "%s KLE numbers"},
		"cli.count.warnings.one":      {"%s advarsel", "%s warning"},
		"cli.count.warnings.other":    {"%s advarsler", "%s warnings"},
	})

	// The check as the areas pages and the strategy page state it: the
	// version shown was checked against a named plan (its file and release
	// date), or it was not.
	add(map[string]message{
		"kle_check.column":       {"KLE-kontrol", "KLE check"},
		"kle_check.plan":         {"%s (udgivet %s)", "%s (released %s)"},
		"kle_check.plan_undated": {"%s (filen angiver ingen udgivelsesdato)", "%s (the file states no release date)"},
		"kle_check.summary": {"KLE-numrene i version %d er kontrolleret mod KLE-emneplanen %s den %s af %s. Alle numre findes i emneplanen (%s, %s); en titel, der ikke er emneplanens, og et udgået nummer er advarsler.",
			"The KLE numbers of version %d were checked against the KLE subject plan %s on %s by %s. Every number is in the subject plan (%s, %s); a title other than the plan's and a number gone out of use are warnings."},
		"kle_check.unchecked_summary": {"KLE-numrene i version %d er ikke kontrolleret mod KL's KLE-emneplan. Kontrollér dem med kanal strategy load --kle FIL, hvor FIL er emneplanen i XML fra KL; er strategifilen uændret, gemmes kun kontrollen.",
			"The KLE numbers of version %d are not checked against KL's KLE subject plan. Check them with kanal strategy load --kle FILE, where FILE is the subject plan as XML from KL; when the strategy file is unchanged, only the check is stored."},
		"kle_check.area":           {"Kontrolleret mod KLE-emneplanen %s", "Checked against the KLE subject plan %s"},
		"kle_check.area_long":      {"KLE-nummeret er kontrolleret mod KLE-emneplanen %s den %s.", "The KLE number was checked against the KLE subject plan %s on %s."},
		"kle_check.area_unchecked": {"Ikke kontrolleret mod KL's KLE-emneplan", "Not checked against KL's KLE subject plan"},
		"kle_check.area_unchecked_long": {"KLE-nummeret i denne version er ikke kontrolleret mod KL's KLE-emneplan.",
			"The KLE number of this version is not checked against KL's KLE subject plan."},
		"kle_check.title_differs": {"Advarsel: emneplanens titel for %s er »%s«", "Warning: the subject plan's title for %s is “%s”"},
		"kle_check.expired":       {"Advarsel: %s er udgået af emneplanen (%s)", "Warning: %s has gone out of the subject plan (%s)"},
	})
}

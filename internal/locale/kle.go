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
		"kle_check.unchecked_summary": {"KLE-numrene i version %d er ikke kontrolleret mod KL's KLE-emneplan.",
			"The KLE numbers of version %d are not checked against KL's KLE subject plan."},
		// Who may check is offered the page; everyone else is told who can.
		"kle_check.check_link":     {"Kontrollér KLE-numrene mod KL's emneplan", "Check the KLE numbers against KL's subject plan"},
		"kle_check.again_link":     {"Kontrollér igen mod en nyere emneplan", "Check again against a newer subject plan"},
		"kle_check.ask_group":      {"Strategigruppen kan kontrollere dem mod emneplanen fra KL.", "The strategy group can check them against the subject plan from KL."},
		"kle_check.area":           {"Kontrolleret mod KLE-emneplanen %s", "Checked against the KLE subject plan %s"},
		"kle_check.area_long":      {"KLE-nummeret er kontrolleret mod KLE-emneplanen %s den %s.", "The KLE number was checked against the KLE subject plan %s on %s."},
		"kle_check.area_unchecked": {"Ikke kontrolleret mod KL's KLE-emneplan", "Not checked against KL's KLE subject plan"},
		"kle_check.area_unchecked_long": {"KLE-nummeret i denne version er ikke kontrolleret mod KL's KLE-emneplan.",
			"The KLE number of this version is not checked against KL's KLE subject plan."},
		"kle_check.title_differs": {"Advarsel: emneplanens titel for %s er »%s«", "Warning: the subject plan's title for %s is “%s”"},
		"kle_check.expired":       {"Advarsel: %s er udgået af emneplanen (%s)", "Warning: %s has gone out of the subject plan (%s)"},
	})

	// The page on which the strategy group checks the newest version's
	// KLE numbers by uploading KL's emneplan.
	add(map[string]message{
		"kle_page.title": {"Kontrollér KLE-numrene", "Check the KLE numbers"},
		"kle_page.back":  {"Tilbage til strategien", "Back to the strategy"},
		"kle_page.lead": {"KL's KLE-emneplan er listen over kommunernes opgaver med deres KLE-numre. Vælg emneplanen som XML-fil, så kontrollerer Kanal, at hvert områdes KLE-nummer i version %d af strategien findes i den. Strategien ændres ikke: kontrollen gemmes med versionen og vises på siden Områder.",
			"KL's KLE subject plan is the list of the municipalities' tasks with their KLE numbers. Choose the subject plan as an XML file, and Kanal checks that every area's KLE number in version %d of the strategy is in it. The strategy is not changed: the check is stored with the version and shown on the Areas page."},
		"kle_page.file": {"KLE-emneplanen (XML-fil fra KL)", "The KLE subject plan (XML file from KL)"},
		"kle_page.file.help": {"Hent emneplanen som XML-fil fra KL på kle-online.dk. Et nummer, som emneplanen ikke kender, gør, at intet gemmes; en titel, der ikke er emneplanens, og et udgået nummer gemmes som advarsler.",
			"Download the subject plan as an XML file from KL at kle-online.dk. A number the subject plan does not know means nothing is stored; a title other than the plan's and a number gone out of use are stored as warnings."},
		"kle_page.submit":    {"Kontrollér KLE-numrene", "Check the KLE numbers"},
		"kle_page.problem":   {"Kontrollen er ikke gemt", "The check was not stored"},
		"kle_page.see_areas": {"Se numrene og advarslerne på siden Områder.", "See the numbers and the warnings on the Areas page."},
		"kle_page.done": {"KLE-numrene i version %d er kontrolleret mod emneplanen %s og kontrollen er gemt: %s, %s.",
			"The KLE numbers of version %d were checked against the subject plan %s and the check is stored: %s, %s."},
		"kle_page.no_file": {"Vælg en fil: KL's KLE-emneplan som XML-fil.", "Choose a file: KL's KLE subject plan as an XML file."},
		"kle_page.empty": {"Filen »%s« er tom. Hent emneplanen som XML-fil fra KL på kle-online.dk, og vælg den her.",
			"The file “%s” is empty. Download the subject plan as an XML file from KL at kle-online.dk, and choose it here."},
		"kle_page.no_xml": {"Filen »%s« er ikke en XML-fil. Vælg emneplanen som XML-fil fra KL på kle-online.dk, ikke fx en PDF- eller Excel-udgave.",
			"The file “%s” is not an XML file. Choose the subject plan as an XML file from KL at kle-online.dk, not for example a PDF or Excel version."},
		"kle_page.not_xml": {"Filen »%s« kan ikke læses som XML (fejl i linje %d). Er det en anden slags fil, eller blev hentningen afbrudt? Hent emneplanen igen som XML-fil fra KL på kle-online.dk.",
			"The file “%s” cannot be read as XML (error in line %d). Is it another kind of file, or was the download cut off? Download the subject plan again as an XML file from KL at kle-online.dk."},
		"kle_page.not_plan": {"Filen »%s« er ikke KL's KLE-emneplan: Kanal finder ingen KLE-numre i den. Vælg emneplanen som XML-fil fra KL på kle-online.dk.",
			"The file “%s” is not KL's KLE subject plan: Kanal finds no KLE numbers in it. Choose the subject plan as an XML file from KL at kle-online.dk."},
		"kle_page.encoding": {"Filen »%s« er gemt med en tegnkodning, Kanal ikke kan læse. Hent emneplanen igen fra KL på kle-online.dk, eller gem den som UTF-8.",
			"The file “%s” is saved in a character encoding Kanal cannot read. Download the subject plan again from KL at kle-online.dk, or save it as UTF-8."},
		"kle_page.unknown.one": {"Emneplanen »%s« kender ikke KLE-nummeret %s. Intet er gemt. Ret områdets KLE-nummer under Redigér strategien, eller vælg den nyeste emneplan fra KL.",
			"The subject plan “%s” does not know the KLE number %s. Nothing was stored. Correct the area's KLE number under Edit the strategy, or choose the newest subject plan from KL."},
		"kle_page.unknown.other": {"Emneplanen »%s« kender ikke KLE-numrene %s. Intet er gemt. Ret områdernes KLE-numre under Redigér strategien, eller vælg den nyeste emneplan fra KL.",
			"The subject plan “%s” does not know the KLE numbers %s. Nothing was stored. Correct the areas' KLE numbers under Edit the strategy, or choose the newest subject plan from KL."},
		"kle_page.text": {"Filnavnet »%s« eller emneplanens udgivelsesdato indeholder tegn, som Kanal ikke kan gemme, fx et linjeskift. Giv filen et kort navn uden specialtegn, eller hent emneplanen igen fra KL på kle-online.dk.",
			"The file name “%s” or the subject plan's release date holds characters Kanal cannot store, such as a line break. Give the file a short name without special characters, or download the subject plan again from KL at kle-online.dk."},
		"kle_page.stale": {"Strategien har fået en ny version, siden siden blev vist; siden viser nu version %d. Vælg filen igen for at kontrollere den.",
			"The strategy has a new version since the page was shown; the page now shows version %d. Choose the file again to check it."},
	})
}

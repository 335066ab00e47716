package locale

// Texts of the answer pages ("Find svar"): the portal's pages, the staff
// pages that edit them, the web activity on the figures page and the
// guidance's link to a page.
func init() {
	add(map[string]message{
		// The portal.
		"citizen.answers.title":           {"Find svar", "Find answers"},
		"citizen.answers.lead":            {"Søg i kommunens svar på de spørgsmål, borgerne oftest stiller.", "Search the municipality's answers to the questions citizens ask most."},
		"citizen.answers.label":           {"Hvad vil du vide noget om?", "What do you want to know about?"},
		"citizen.answer.read":             {"Læs svaret", "Read the answer"},
		"citizen.answer.crumb":            {"Svar", "Answer"},
		"citizen.answer.reviewed":         {"Senest gennemset %s", "Last reviewed %s"},
		"citizen.answer.form":             {"Gå til selvbetjening", "Go to self-service"},
		"citizen.answer.found":            {"Fandt du svaret?", "Did you find the answer?"},
		"citizen.answer.yes":              {"Ja", "Yes"},
		"citizen.answer.no":               {"Nej", "No"},
		"citizen.answer.thanks.found":     {"Tak for dit svar. Godt, at du fandt det, du søgte.", "Thank you for your answer. Good that you found what you were looking for."},
		"citizen.answer.thanks.not_found": {"Tak for dit svar. Vi bruger det til at gøre siden bedre. Du kan kontakte os på en af måderne ovenfor.", "Thank you for your answer. We use it to make the page better. You can contact us in one of the ways above."},

		// Problems with a page's text.
		"answers.error.title_missing": {"Skriv en overskrift.", "Write a title."},
		"answers.error.title_long":    {"Overskriften må højst være %s tegn.", "The title may be at most %s characters."},
		"answers.error.body_missing":  {"Skriv selve svaret.", "Write the answer itself."},
		"answers.error.body_long":     {"Svaret må højst være %s tegn.", "The answer may be at most %s characters."},
		"answers.error.bad_text":      {"Teksten indeholder tegn, der ikke kan gemmes (styretegn).", "The text holds characters that cannot be stored (control characters)."},
		"answers.error.link":          {"Linje %d: linket %q skal begynde med https:// eller mailto:.", "Line %d: the link %q must begin with https:// or mailto:."},

		// The staff pages.
		"nav.answers":                {"Svarsider", "Answer pages"},
		"keys.perm.answers":          {"Redigere svarsider", "Edit answer pages"},
		"answers.title":              {"Svarsider på borgerportalen", "Answer pages on the citizen portal"},
		"answers.lead":               {"Hvert område kan have én kort svarside i et klart sprog. Siderne vises under »Find svar« på borgerportalen sammen med strategiens selvbetjening, åbningstider og svartid.", "Each area can have one short answer page in plain language. The pages are shown under “Find answers” on the citizen portal together with the strategy's self-service, opening hours and answer time."},
		"answers.due":                {"Ikke gennemset i 12 måneder", "Not reviewed for 12 months"},
		"answers.due.none":           {"Alle sider er gennemset inden for 12 måneder.", "Every page has been reviewed within 12 months."},
		"answers.missing":            {"Områder uden svarside", "Areas without an answer page"},
		"answers.missing.none":       {"Alle områder har en svarside.", "Every area has an answer page."},
		"answers.all":                {"Alle svarsider", "All answer pages"},
		"answers.area":               {"Område", "Area"},
		"answers.page_title":         {"Overskrift", "Title"},
		"answers.reviewed":           {"Senest gennemset", "Last reviewed"},
		"answers.version":            {"Version", "Version"},
		"answers.edit":               {"Rediger", "Edit"},
		"answers.write":              {"Skriv svarside", "Write answer page"},
		"answers.edit.title":         {"Svarside: %s", "Answer page: %s"},
		"answers.edit.lead":          {"Skriv kort og i et klart sprog: hvad ydelsen er, hvem der kan få den, hvad den koster, og hvad borgeren skal have klar. Selvbetjening, åbningstider og svartid kommer fra strategien og vises under teksten.", "Write briefly and in plain language: what the service is, who can get it, what it costs and what the citizen should have ready. Self-service, opening hours and answer time come from the strategy and are shown below the text."},
		"answers.edit.body":          {"Svar", "Answer"},
		"answers.edit.english":       {"Engelsk version (valgfri)", "English version (optional)"},
		"answers.edit.english.hint":  {"Udfyld både titel og svar, så ser læsere af den engelske portal dem; ellers ser de den danske tekst.", "Fill in both title and answer, and readers of the English portal see them; otherwise they see the Danish text."},
		"answers.edit.title_en":      {"Titel på engelsk", "Title in English"},
		"answers.edit.body_en":       {"Svar på engelsk", "Answer in English"},
		"citizen.answer.only_danish": {"Dette svar findes kun på dansk.", "This answer is only available in Danish."},
		"answers.edit.body.hint":     {"Tom linje giver nyt afsnit. ### Overskrift, **fed**, - punkt, 1. nummereret punkt, [tekst](https://…) eller [tekst](mailto:…). HTML vises som tekst.", "An empty line starts a paragraph. ### Heading, **bold**, - bullet, 1. numbered item, [text](https://…) or [text](mailto:…). HTML is shown as text."},
		"answers.edit.template":      {"### Hvad er det?\n\n### Hvem kan få det?\n\n### Hvad koster det?\n", "### What is it?\n\n### Who can get it?\n\n### What does it cost?\n"},
		"answers.edit.save":          {"Gem ny version", "Save new version"},
		"answers.edit.saved":         {"Svarsiden er gemt som version %d.", "The answer page is saved as version %d."},
		"answers.edit.reviewed":      {"Svarsiden er markeret som gennemset.", "The answer page is marked as reviewed."},
		"answers.edit.review":        {"Gennemset – intet at rette", "Reviewed – nothing to change"},
		"answers.edit.review.lead":   {"Er siden stadig rigtig? Så registrér, at den er gennemset, uden at gemme en ny version.", "Is the page still right? Then record that it has been reviewed, without saving a new version."},
		"answers.edit.preview":       {"Sådan ser siden ud nu", "How the page looks now"},
		"answers.edit.versions":      {"Versioner", "Versions"},
		"answers.edit.saved_by":      {"Gemt af", "Saved by"},
		"answers.edit.saved_at":      {"Gemt", "Saved"},
		"answers.edit.portal":        {"Se siden på borgerportalen", "See the page on the citizen portal"},
		"answers.edit.have_ready":    {"Strategiens »det skal borgeren have klar« vises på siden: %s", "The strategy's “what to have ready” is shown on the page: %s"},
		"answers.example":            {"Eksempel", "Example"},
		"answers.state.due":          {"Skal gennemses", "Due for review"},
		"answers.state.ok":           {"Gennemset", "Reviewed"},

		// The figures page.
		"answers.activity":           {"Aktivitet på svarsiderne", "Activity on the answer pages"},
		"answers.activity.counted":   {"Strategien tæller sidevisninger som henvendelser: hver visning af en svarside er registreret som en informationshenvendelse på hjemmesiden og indgår i tallene ovenfor.", "The strategy counts page views as inquiries: each view of an answer page is registered as an information inquiry on the website and is in the figures above."},
		"answers.activity.apart":     {"Strategien tæller ikke sidevisninger som henvendelser, så de vises her ved siden af tallene og indgår ikke i dem.", "The strategy does not count page views as inquiries, so they are shown here beside the figures and are not in them."},
		"answers.activity.views":     {"Visninger", "Views"},
		"answers.activity.found":     {"Fandt svaret", "Found the answer"},
		"answers.activity.not_found": {"Fandt ikke svaret", "Did not find the answer"},
		"answers.activity.none":      {"Ingen aktivitet i perioden.", "No activity in the period."},

		// The guidance.
		"guidance.answer_page": {"Informationsspørgsmål på en dyr kanal – henvis til svarsiden:", "Information question on an expensive channel – refer to the answer page:"},
	})
}

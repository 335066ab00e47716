package locale

// The council's yearly cycle: the departments' yearly reports
// (internal/departmentreport, /m/{municipality}/reports), the council
// report's process sections, and the reminders page.
func init() {
	add(map[string]message{
		"audit.action.department_report_saved": {"Afdelingens årsrapport gemt", "Department's yearly report saved"},

		// The list of reports.
		"reports.title":              {"Afdelingernes årsrapporter", "The departments' yearly reports"},
		"reports.lead":               {"Hver afdeling skriver hvert år en rapport om de tiltag, den har iværksat, de målte effekter og planen for næste år. Rapporten for et år skal afleveres inden udgangen af første kvartal året efter, så kommunalbestyrelsen kan orienteres.", "Every year each department writes a report on the actions it took, the measured effects and its plan for next year. The report for a year is due by the end of the first quarter of the next year, so that the council can be informed."},
		"reports.department":         {"Afdeling", "Department"},
		"reports.status":             {"Status", "Status"},
		"reports.due":                {"Frist", "Due"},
		"reports.overdue":            {"Over fristen", "Overdue"},
		"reports.none":               {"Du kan ikke se nogen afdelingers rapporter.", "You cannot see any department's reports."},
		"reports.status.not_written": {"Ikke skrevet", "Not written"},
		"reports.status.written":     {"Under skrivning", "Being written"},
		"reports.status.submitted":   {"Afleveret", "Submitted"},
		"reports.saved":              {"Teksterne er gemt som version %d.", "The texts were saved as version %d."},
		"reports.pdf":                {"Hent rapporten som PDF", "Download the report as PDF"},
		"reports.versions":           {"Gemte versioner", "Saved versions"},
		"reports.version":            {"Version", "Version"},
		"reports.changed":            {"Gemt", "Saved"},
		"reports.changed_by":         {"Gemt af", "Saved by"},
		"reports.form.title":         {"Afdelingens tekster", "The department's texts"},
		"reports.form.lead":          {"Skriv, hvad afdelingen gjorde, hvad I mener om effekten, og hvad I vil gøre næste år. Gem undervejs; aflevér rapporten til strategigruppen, når alle tre tekster er skrevet. Hver gang gemmes en ny version.", "Write what the department did, what you make of the effect, and what you will do next year. Save as you go; submit the report to the strategy group when all three texts are written. Every save is a new version."},
		"reports.form.submit.hint":   {"Når rapporten er afleveret, kan den stadig rettes; rettelsen gemmes som en ny version.", "A submitted report can still be corrected; the correction is saved as a new version."},
		"reports.form.save":          {"Gem kladde", "Save draft"},
		"reports.form.submit":        {"Aflevér rapporten", "Submit the report"},
		"reports.error.required":     {"Skriv „%s“, før rapporten afleveres.", "Write “%s” before submitting the report."},
		"reports.error.too_long":     {"„%s“ er for lang: højst 20.000 tegn.", "“%s” is too long: at most 20,000 characters."},
		"reports.error.status":       {"Vælg at gemme eller aflevere rapporten (%s).", "Choose to save or to submit the report (%s)."},
		"reports.error.stale":        {"En anden har gemt rapporten, mens du skrev. Dine tekster står i formularen; se den nyeste version ovenfor, og gem igen.", "Someone else saved the report while you were writing. Your texts are in the form; look at the newest version above and save again."},
		"reports.targets.lead":       {"Afdelingens egne mål for året fra handleplanen, sammenholdt med de værdier, Kanal har målt for afdelingens områder. Før året er slut, er værdien foreløbig.", "The department's own targets for the year from its action plan, against the values Kanal measured for the department's areas. Before the year is over, the value is provisional."},

		// The report itself.
		"reports.report.title":           {"%s: årsrapport %d", "%s: yearly report %d"},
		"reports.report.subtitle":        {"Afdelingens rapport om kanalstrategien · %s", "The department's report on the channel strategy · %s"},
		"reports.report.byline":          {"Udarbejdet %s %d", "Made %s %d"},
		"reports.report.submitted":       {"Afleveret %s %d af %s.", "Submitted %s %d by %s."},
		"reports.report.not_submitted":   {"Ikke afleveret: rapporten skrives stadig og kan ændre sig.", "Not submitted: the report is still being written and can change."},
		"reports.text.done":              {"Det har vi gjort", "What we did"},
		"reports.text.effect":            {"Effekten", "The effect"},
		"reports.text.next_year":         {"Planen for %d", "The plan for %d"},
		"reports.text.empty":             {"Afdelingen har ikke skrevet denne tekst endnu.", "The department has not written this text yet."},
		"reports.actions.caption":        {"Tiltag gennemført i %d", "Actions completed in %d"},
		"reports.actions.none":           {"Handleplanen har ingen tiltag gennemført i %d.", "The action plan has no actions completed in %d."},
		"reports.actions.title":          {"Tiltag", "Action"},
		"reports.actions.area":           {"Område", "Area"},
		"reports.actions.owner":          {"Ansvarlig", "Owner"},
		"reports.actions.completed":      {"Gennemført", "Completed"},
		"reports.actions.indicator":      {"Skal flytte", "Should move"},
		"reports.measure.first_contact":  {"Straksafklaring", "First-contact resolution"},
		"reports.targets.caption":        {"Afdelingens mål for %d og de målte værdier", "The department's targets for %d and the measured values"},
		"reports.targets.none":           {"Handleplanen har ingen mål for %d.", "The action plan has no targets for %d."},
		"reports.targets.target":         {"Mål", "Target"},
		"reports.targets.at_least":       {"mindst %s %%", "at least %s %%"},
		"reports.targets.at_most":        {"højst %s %%", "at most %s %%"},
		"reports.verdict.met":            {"nået", "met"},
		"reports.verdict.not_met":        {"ikke nået", "not met"},
		"reports.verdict.so_far_met":     {"nået indtil videre", "met so far"},
		"reports.verdict.so_far_not_met": {"ikke nået indtil videre", "not met so far"},
		"reports.verdict.no_figures":     {"ingen tal", "no figures"},
	})
}

package locale

// Texts of the council's yearly report.
func init() {
	add(map[string]message{
		"council.title":    {"Kanalstrategien i %d", "The channel strategy in %d"},
		"council.subtitle": {"Årsrapport til kommunalbestyrelsen", "Yearly report to the municipal council"},
		"council.byline":   {"%s · udarbejdet %s %d af Kanal", "%s · prepared %s %d by Kanal"},
		"council.page":     {"Side %d af %s", "Page %d of %s"},
		"council.summary":  {"Sammenfatning", "Summary"},

		"council.summary.none":         {"Der er ikke talt nogen henvendelser i %d.", "No inquiries were counted in %d."},
		"council.summary.inbound":      {"I %d kom %s af de %s henvendelser fra borgere og virksomheder digitalt; medbetjening udgjorde %s.", "In %d, %s of the %s inquiries from citizens and businesses came digitally; assisted self-service made up %s."},
		"council.summary.actual":       {"%s: målet på %s i %d blev mødt med %s – %s.", "%s: the target of %s in %d was met with %s – %s."},
		"council.summary.forecast":     {"%s: målet er %s i %d; prognosen siger %s – %s.", "%s: the target is %s in %d; the forecast says %s – %s."},
		"council.summary.trend":        {"%s: %s.", "%s: %s."},
		"council.summary.transactions": {"%s af ansøgninger og anmeldelser kom digitalt.", "%s of applications and notifications came digitally."},
		"council.summary.digital_post": {"%s af brevene fra kommunen blev sendt med Digital Post.", "%s of the letters from the municipality were sent by Digital Post."},
		"council.summary.cost":         {"Henvendelserne kostede %s kr. efter strategiens kanalpriser.", "The inquiries cost DKK %s by the strategy's channel prices."},
		"council.summary.savings":      {"Kom de ikke-digitale ansøgninger via selvbetjening, ville kommunen spare ca. %s kr. om året, mest på %s.", "Had the non-digital applications come through self-service, the municipality would save about DKK %s a year, most on %s."},

		"council.targets":      {"Målene", "The targets"},
		"council.targets.text": {"Strategiens mål for andele, og hvordan de står ved årets udgang. Et mål for et afsluttet år vurderes på årets faktiske andel; et mål forude på prognosen – den rette linje gennem månedernes andele fra strategiperiodens start.", "The strategy's share targets and how they stand at the end of the year. A target for a finished year is judged on the year's actual share; a target ahead on the forecast – the straight line through the monthly shares since the start of the strategy period."},

		"council.channels":      {"Kanalerne", "The channels"},
		"council.channels.text": {"I %d talte kommunen %s henvendelser til kommunen og %s fra kommunen. Diagrammet viser kanalmiksen måned for måned.", "In %d the municipality counted %s inquiries to it and %s from it. The chart shows the channel mix month by month."},
		"council.cost.text":     {"Efter strategiens kanalpriser kostede henvendelserne %s kr.; selvbetjening er prissat efter områdets selvbetjeningsniveau (SB-niveau).", "By the strategy's channel prices the inquiries cost DKK %s; self-service is priced by the area's self-service level (SB level)."},

		"council.departments":      {"Afdelingerne", "The departments"},
		"council.departments.text": {"Hver afdeling ejer sine områder og sin handleplan. Tabellen sammenligner afdelingerne; derefter følger hver afdelings områder.", "Each department owns its areas and its action plan. The table compares the departments; each department's areas follow."},
		"council.department.text":  {"%s henvendelser til afdelingen; %s kom digitalt, %s af ansøgningerne var digitale, %s blev straksafklaret. Kanalomkostning: %s kr.", "%s inquiries to the department; %s came digitally, %s of the applications were digital, %s were resolved at first contact. Channel cost: DKK %s."},

		"council.savings":      {"Besparelsespotentialet", "The savings potential"},
		"council.savings.text": {"Hvad hvert område ville spare om året, hvis dets ikke-digitale ansøgninger og anmeldelser fra borgere, der ikke er fritaget, i stedet kom via områdets selvbetjening. Det er listen, strategigruppen handler på.", "What each area would save a year if its non-digital applications and notifications from citizens who are not exempt came through the area's self-service instead. It is the list the strategy group acts on."},

		"council.method":          {"Om tallene", "About the figures"},
		"council.method.counting": {"Kanal tæller hver henvendelse løbende – ved skranken, i telefonen, fra selvbetjeningsløsningerne og fra kommunens post – i stedet for enkelte tælleuger. Henvendelserne rummer ingen personoplysninger.", "Kanal counts every inquiry continuously – at the counter, on the phone, from the self-service solutions and from the municipality's post – instead of a few counting weeks. The inquiries hold no personal data."},
		"council.method.digital":  {"Digitale kanaler er dem, strategien markerer som digitale. E-mail er en skriftlig, ikke en digital henvendelse; medbetjening regnes som digital og vises også for sig.", "Digital channels are those the strategy marks as digital. E-mail is a written, not a digital, inquiry; assisted self-service counts as digital and is also shown on its own."},
		"council.method.prices":   {"Omkostningerne bygger på strategiens kanalpriser. %d af de %d priser er eksempler og ikke kommunens egne tal; de bør erstattes med kommunens egne.", "The costs rest on the strategy's channel prices. %d of the %d prices are examples, not the municipality's own figures; they should be replaced with its own."},
		"council.method.forecast": {"Prognosen er den rette linje, der passer bedst gennem månedernes andele fra strategiperiodens start, aflæst midt i målåret.", "The forecast is the straight line that best fits the monthly shares since the start of the strategy period, read in the middle of the target year."},
		"council.method.strategy": {"Strategien: %s (%d–%d).", "The strategy: %s (%d–%d)."},

		"figures.area_summary.caption": {"Områderne: henvendelser, digitale andele, straksafklaring og omkostning", "The areas: inquiries, digital shares, first-contact resolution and cost"},

		"cli.report.usage":      {"Brug: kanal report --municipality ID --year ÅR [--format pdf|html] --out FIL\n", "Usage: kanal report --municipality ID --year YEAR [--format pdf|html] --out FILE\n"},
		"cli.report.done":       {"%s: årsrapporten for %d er skrevet (%s).\n", "%s: the yearly report for %d was written (%s).\n"},
		"cli.report.bad_format": {"Ukendt format %q; brug pdf eller html.\n", "Unknown format %q; use pdf or html.\n"},
	})
}

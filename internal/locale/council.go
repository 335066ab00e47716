package locale

// Texts of the council's yearly report.
func init() {
	add(map[string]message{
		"audit.action.report_issued": {"Årsrapport udstedt", "Yearly report issued"},
		"council.lang.da":            {"dansk", "Danish"},
		"council.lang.en":            {"engelsk", "English"},

		"council.title":    {"Kanalstrategien i %d", "The channel strategy in %d"},
		"council.subtitle": {"Årsrapport til kommunalbestyrelsen", "Yearly report to the municipal council"},
		"council.byline":   {"%s · udarbejdet %s %d af Kanal", "%s · prepared %s %d by Kanal"},
		"council.page":     {"Side %d af %s", "Page %d of %s"},
		"council.summary":  {"Sammenfatning", "Summary"},

		"council.summary.none": {"Der er ikke talt nogen henvendelser i %d.", "No inquiries were counted in %d."},
		// The sentences with a year's counts agree with the count of
		// inquiries in them (Printer.Plural), also for a year of one.
		"council.summary.inbound.one":     {"I %d kom %s af %s henvendelse fra borgere og virksomheder digitalt; medbetjening udgjorde %s. %s", "In %d, %s of the %s inquiry from citizens and businesses came digitally; assisted self-service made up %s. %s"},
		"council.summary.inbound.other":   {"I %d kom %s af de %s henvendelser fra borgere og virksomheder digitalt; medbetjening udgjorde %s. %s", "In %d, %s of the %s inquiries from citizens and businesses came digitally; assisted self-service made up %s. %s"},
		"council.summary.actual":          {"%s: målet var %s i %s, og resultatet blev %s – %s.", "%s: the target was %s in %s, and the result was %s – %s."},
		"council.summary.forecast":        {"%s: målet er %s i %s; prognosen siger %s – %s.", "%s: the target is %s in %s; the forecast says %s – %s."},
		"council.summary.trend":           {"%s: %s.", "%s: %s."},
		"council.summary.transactions":    {"%s af ansøgninger og anmeldelser kom digitalt (%s af %s).", "%s of applications and notifications came digitally (%s of %s)."},
		"council.summary.digital_post":    {"%s af dokumenterne fra kommunen blev sendt med Digital Post (%s af %s).", "%s of the documents from the municipality were sent by Digital Post (%s of %s)."},
		"council.summary.expensive.one":   {"%s af %s informationshenvendelse kom på de dyre kanaler – personlig henvendelse, e-mail og papirpost (%s).", "%s of %s information inquiry came on the expensive channels – personal attendance, e-mail and paper (%s)."},
		"council.summary.expensive.other": {"%s af %s informationshenvendelser kom på de dyre kanaler – personlig henvendelse, e-mail og papirpost (%s).", "%s of %s information inquiries came on the expensive channels – personal attendance, e-mail and paper (%s)."},
		"council.summary.cost":            {"Henvendelserne kostede %s kr. efter strategiens kanalpriser (%s).", "The inquiries cost DKK %s by the strategy's channel prices (%s)."},
		"council.summary.savings":         {"Bruttopotentialet ved kanalskift – hvad de ikke-digitale ansøgninger ville koste mindre via selvbetjening til de viste priser (%[3]s) – er ca. %[1]s kr. om året, størst på %[2]s. Det er ikke en besparelse, før tiden tages ud.", "The gross channel-shift potential – what the non-digital applications would cost less through self-service at the shown prices (%[3]s) – is about DKK %[1]s a year, largest on %[2]s. It is no saving until the time is taken out."},

		"council.not_issued":         {"Ikke udstedt: Rapporten er dannet ud fra tallene, som de er i dag, og kan ændre sig, når der tælles flere henvendelser eller indlæses en ny strategiversion. Den udstedte rapport gemmes under Ledelsesinformation.", "Not issued: the report is made from the figures as they are today and can change as more inquiries are counted or a new strategy version is loaded. The issued report is stored under Management information."},
		"council.not_issued.short":   {"ikke udstedt", "not issued"},
		"council.issued":             {"Udstedt %s %d kl. %s af %s under strategiens version %d. Rapporten er gemt, som den blev udstedt, og ændres ikke.", "Issued %s %d at %s by %s under the strategy's version %d. The report is stored as issued and never changes."},
		"council.demo":               {"Demodata: Tallene i denne rapport bygger på genererede demohenvendelser, ikke på kommunens egne henvendelser.", "Demo data: the figures of this report rest on generated demo inquiries, not on the municipality's own inquiries."},
		"council.demo.short":         {"demodata", "demo data"},
		"council.accessible.pdf":     {"Tilgængelighed: Denne PDF er en kopi til udskrift og er ikke opmærket til skærmlæsere. Rapportens tilgængelige udgave er websiden (HTML) med samme indhold; det er den, der skal lægges på kommunens hjemmeside.", "Accessibility: this PDF is a copy for printing and is not tagged for screen readers. The accessible version of the report is the web page (HTML) with the same content; that is the one to publish on the municipality's website."},
		"council.accessible.figures": {"Websiden er årsrapportens tilgængelige udgave: den har overskrifter, tabeller med deres tal og en tekst til hvert diagram, som skærmlæsere kan læse, og det er den, der skal lægges på kommunens hjemmeside. PDF'en er en kopi til udskrift og er ikke tilgængelig for skærmlæsere.", "The web page is the accessible version of the yearly report: it has headings, tables with their figures and a text for each chart that screen readers can read, and it is the one to publish on the municipality's website. The PDF is a copy for printing and is not accessible to screen readers."},
		"council.link.html":          {"Læs årsrapporten for %d (webside)", "Read the yearly report for %d (web page)"},
		"council.link.pdf":           {"Hent årsrapporten for %d som PDF til udskrift", "Download the yearly report for %d as a PDF for printing"},
		"council.accessible.html":    {"Denne webside er rapportens tilgængelige udgave. PDF-udgaven er en kopi til udskrift.", "This web page is the accessible version of the report. The PDF version is a copy for printing."},

		"council.targets":      {"Målene", "The targets"},
		"council.targets.text": {"Strategiens mål for andele, og hvordan de står ved årets udgang. Et mål for et afsluttet år vurderes på årets faktiske andel; et mål forude på prognosen – den rette linje gennem månedernes andele fra strategiperiodens start.", "The strategy's share targets and how they stand at the end of the year. A target for a finished year is judged on the year's actual share; a target ahead on the forecast – the straight line through the monthly shares since the start of the strategy period."},

		"council.channels":            {"Kanalerne", "The channels"},
		"council.channels.text.one":   {"I %d talte kommunen %s henvendelse til kommunen og %s fra kommunen. Diagrammet viser kanalmiksen måned for måned.", "In %d the municipality counted %s inquiry to it and %s from it. The chart shows the channel mix month by month."},
		"council.channels.text.other": {"I %d talte kommunen %s henvendelser til kommunen og %s fra kommunen. Diagrammet viser kanalmiksen måned for måned.", "In %d the municipality counted %s inquiries to it and %s from it. The chart shows the channel mix month by month."},
		"council.cost.text":           {"Efter strategiens kanalpriser (%[2]s) kostede henvendelserne %[1]s kr.; selvbetjening er prissat efter områdets selvbetjeningsniveau (SB-niveau), SB-niveau 0 som et papirbrev, og medbetjening som selvbetjening plus den registrerede medarbejdertid.", "By the strategy's channel prices (%[2]s) the inquiries cost DKK %[1]s; self-service is priced by the area's self-service level (SB level), SB level 0 as a paper letter, and assisted self-service as self-service plus the staff time recorded."},

		"council.departments":           {"Afdelingerne", "The departments"},
		"council.departments.text":      {"Hver afdeling ejer sine områder og sin handleplan. Tabellen sammenligner afdelingerne; derefter følger hver afdelings områder.", "Each department owns its areas and its action plan. The table compares the departments; each department's areas follow."},
		"council.department.text.one":   {"%s henvendelse til afdelingen; %s kom digitalt, %s af ansøgningerne var digitale, %s blev straksafklaret. Kanalomkostning: %s kr.", "%s inquiry to the department; %s came digitally, %s of the applications were digital, %s were resolved at first contact. Channel cost: DKK %s."},
		"council.department.text.other": {"%s henvendelser til afdelingen; %s kom digitalt, %s af ansøgningerne var digitale, %s blev straksafklaret. Kanalomkostning: %s kr.", "%s inquiries to the department; %s came digitally, %s of the applications were digital, %s were resolved at first contact. Channel cost: DKK %s."},

		"council.savings":      {"Bruttopotentiale ved kanalskift", "Gross channel-shift potential"},
		"council.savings.text": {"Hvad hvert områdes ikke-digitale ansøgninger og anmeldelser fra borgere, der ikke er fritaget, ville koste mindre om året til de viste kanalpriser (%s), hvis de i stedet kom via områdets selvbetjening. Det er et bruttopotentiale, ikke en besparelse: den frigjorte tid skal tages ud, og løsningernes egne omkostninger er ikke trukket fra. Det er listen, strategigruppen handler på.", "What each area's non-digital applications and notifications from citizens who are not exempt would cost less a year at the shown channel prices (%s) had they come through the area's self-service instead. It is a gross potential, not a saving: the time freed must be taken out, and the solutions' own costs are not deducted. It is the list the strategy group acts on."},

		"council.self_service":               {"Selvbetjening og SB-niveau", "Self-service and SB levels"},
		"council.self_service.text":          {"Digital indberetning (SB-niveau 0) »kræver i princippet samme ressourceforbrug, som hvis borgeren havde indsendt en skriftlig blanket«. Selvbetjening på et område, hvis løsning var på SB-niveau 0, regnes derfor ikke som digital og prissættes som et papirbrev: %s i året.", "Digital reporting (SB level 0) costs as much as a written form (\"kræver i princippet samme ressourceforbrug, som hvis borgeren havde indsendt en skriftlig blanket\"). Self-service in an area whose solution was at SB level 0 is therefore not counted as digital and is priced as a paper letter: %s in the year."},
		"council.self_service.minimum.none":  {"Strategiens mindste SB-niveau er %d: »%s«. Intet område har en løsning under det.", "The strategy's minimum SB level is %d: \"%s\". No area has a solution below it."},
		"council.self_service.minimum.one":   {"Strategiens mindste SB-niveau er %d: »%s«. Ét område har en løsning under det; tabellen viser hvilket.", "The strategy's minimum SB level is %d: \"%s\". One area has a solution below it; the table shows which."},
		"council.self_service.minimum.other": {"Strategiens mindste SB-niveau er %d: »%s«. %d områder har en løsning under det; tabellen viser hvilke.", "The strategy's minimum SB level is %d: \"%s\". %d areas have a solution below it; the table shows which."},

		"council.method":              {"Om tallene", "About the figures"},
		"council.method.counting":     {"Kanal tæller hver henvendelse løbende – ved skranken, i telefonen, fra selvbetjeningsløsningerne og fra kommunens post – i stedet for enkelte tælleuger. Henvendelserne rummer ingen personoplysninger.", "Kanal counts every inquiry continuously – at the counter, on the phone, from the self-service solutions and from the municipality's post – instead of a few counting weeks. The inquiries hold no personal data."},
		"council.method.digital":      {"Hver andel tæller de kanaler, dens definition nævner (se Definitioner og priser). E-mail er en skriftlig, ikke en digital henvendelse; sidevisninger på hjemmesiden er ikke henvendelser; medbetjening regnes som digital selvbetjening og vises også for sig.", "Each share counts the channels its definition names (see Definitions and prices). E-mail is a written, not a digital, inquiry; page views on the website are not inquiries; assisted self-service counts as digital self-service and is also shown on its own."},
		"council.method.prices.own":   {"Omkostningerne bygger på strategiens kanalpriser; ingen af priserne i de gældende versioner er eksempler.", "The costs rest on the strategy's channel prices; none of the prices of the versions in force is an example."},
		"council.method.prices.one":   {"Omkostningerne bygger på strategiens kanalpriser. %d af de gældende versioners priser (i alt %d) er et eksempel og ikke kommunens eget tal; det bør erstattes med kommunens eget.", "The costs rest on the strategy's channel prices. %d of the prices of the versions in force (%d in all) is an example, not the municipality's own figure; it should be replaced with its own."},
		"council.method.prices.other": {"Omkostningerne bygger på strategiens kanalpriser. %d af de %d priser i de gældende versioner er eksempler og ikke kommunens egne tal; de bør erstattes med kommunens egne.", "The costs rest on the strategy's channel prices. %d of the %d prices of the versions in force are examples, not the municipality's own figures; they should be replaced with its own."},
		"council.method.forecast":     {"Prognosen er den rette linje, der passer bedst gennem månedernes andele fra strategiperiodens start, aflæst midt i målåret.", "The forecast is the straight line that best fits the monthly shares since the start of the strategy period, read in the middle of the target year."},
		"council.method.strategy":     {"Strategien: %s (%d–%d).", "The strategy: %s (%d–%d)."},

		"figures.area_summary.caption": {"Områderne: henvendelser, digitale andele, straksafklaring og omkostning", "The areas: inquiries, digital shares, first-contact resolution and cost"},

		"cli.report.usage":          {"Brug: kanal report --municipality ID --year ÅR [--format pdf|html] --out FIL [--issue [--by NAVN]]\n", "Usage: kanal report --municipality ID --year YEAR [--format pdf|html] --out FILE [--issue [--by NAME]]\n"},
		"cli.report.done":           {"%s: årsrapporten for %d er skrevet (%s) – ikke udstedt.\n", "%s: the yearly report for %d was written (%s) – not issued.\n"},
		"cli.report.issued":         {"%s: årsrapporten for %d er udstedt og gemt som udstedt (%s).\n", "%s: the yearly report for %d was issued and stored as issued (%s).\n"},
		"cli.flag.report.issue":     {"udsted rapporten: gem den som udstedt, som PDF og HTML, så den aldrig ændres", "issue the report: store it as issued, as PDF and HTML, so that it never changes"},
		"cli.flag.report.decisions": {"de beslutninger, kommunalbestyrelsen bedes træffe (`TEKST`), som den udstedte rapport opregner dem; afsnit skilles af en tom linje", "the decisions the council is asked for (`TEXT`), as the issued report lists them; paragraphs apart by an empty line"},
		"cli.flag.report.by":        {"hvem der udsteder rapporten (`NAVN`), som forsiden nævner; som standard brugeren på kommandolinjen", "who issues the report (`NAME`), as its cover names them; by default the command-line user"},
		"cli.report.bad_format":     {"Ukendt format %q; brug pdf eller html.\n", "Unknown format %q; use pdf or html.\n"},
	})
}

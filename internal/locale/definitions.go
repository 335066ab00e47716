package locale

// Texts of the definitions the figures state: what each share counts, page
// views, SB level 0 and the strategy's minimum, the prices and their
// versions, assisted self-service, the gross channel-shift potential and
// demo data. The page, the exports, the council's report and the KPI API
// use the same sentences.
func init() {
	add(map[string]message{
		"definition.heading": {"Definition", "Definition"},
		"definition.caption": {"Hvad andelene tæller", "What the shares count"},
		"definition.title":   {"Definitioner og priser", "Definitions and prices"},
		"definition.lead": {"Hver andel, hver omkostning og bruttopotentialet bygger på disse definitioner.",
			"Every share, every cost and the gross potential rest on these definitions."},

		"definition.share":        {"%[1]s: %[2]s ud af %[3]s.", "%[1]s: %[2]s out of %[3]s."},
		"definition.inquiries_by": {"henvendelser via %s", "inquiries by %s"},
		"definition.documents_as": {"dokumenter sendt som %s", "documents sent as %s"},
		"definition.of.inbound_default": {"alle henvendelser til kommunen undtagen sidevisninger på hjemmesiden",
			"every inquiry to the municipality except page views on the website"},
		"definition.or":         {"eller", "or"},
		"definition.no_channel": {"ingen kanal", "no channel"},
		"definition.types":      {"Kun henvendelsestypen %s.", "Inquiry type %s only."},
		"definition.sb0_not_digital": {"Selvbetjening på et område, hvis løsning er på SB-niveau 0 (digital indberetning), tæller ikke som digital.",
			"Self-service in an area whose solution is at SB level 0 (digital reporting) does not count as digital."},
		"definition.default": {"(Standarddefinitionen efter strategiens tekst; strategien fastsætter ikke andet.)",
			"(The default definition, from the strategy's text; the strategy sets no other.)"},
		"definition.own": {"(Som strategien fastsætter det.)", "(As the strategy sets it.)"},

		"definition.assisted_share": {"Henvendelser registreret som medbetjening ud af alle henvendelser til kommunen (uden sidevisninger).",
			"Inquiries registered as assisted self-service out of every inquiry to the municipality (page views left out)."},
		"definition.example_areas": {"Eksempler: disse områder, deres KLE-numre eller titler angiver strategien ikke selv; de er eksempler, som kommunen skal erstatte med sine egne (se Områder): %s.",
			"Examples: the strategy does not state these areas, their KLE numbers or titles; they are examples for the municipality to replace with its own (see Areas): %s."},
		"definition.referred": {"Ud af de indgående henvendelser: dem, personalet henviste til et sted uden for kommunen (fx Udbetaling Danmark eller borger.dk's kontaktcenter, tlf. 1881). De tælles stadig på den kanal, borgeren brugte, og indgår ikke i bruttopotentialet ved kanalskift.",
			"Out of the inbound inquiries: those staff referred to a place outside the municipality (such as Udbetaling Danmark or borger.dk's contact centre, tel. 1881). They stay counted on the channel the citizen used and are left out of the gross channel-shift potential."},
		"definition.of_inquiries": {"Ud af alle henvendelser til og fra kommunen (uden sidevisninger).",
			"Out of every inquiry to and from the municipality (page views left out)."},
		"definition.reporting_row": {"Selvbetjening på et område, hvis løsning var på SB-niveau 0 (digital indberetning) den dag: regnes som ikke-digital og prissættes som et papirbrev.",
			"Self-service in an area whose solution was at SB level 0 (digital reporting) on the day: counted as not digital and priced as a paper letter."},
		"definition.page_views_row": {"Sidevisninger regnes ikke som henvendelser og indgår hverken i andelene, antallene eller omkostningen.",
			"Page views are not inquiries and are in none of the shares, counts or costs."},

		"definition.page_views": {"Sidevisninger på hjemmesiden er ikke henvendelser, medmindre strategien siger det: de %s sidevisninger i perioden indgår hverken i andelene, antallet af henvendelser eller omkostningen.",
			"Page views on the website are not inquiries unless the strategy says so: the period's %s page views are in none of the shares, the number of inquiries or the cost."},
		"definition.page_views_counted": {"Strategien regner sidevisninger på hjemmesiden som henvendelser (hjemmesiden står blandt de kanaler, den digitale andel er ud af).",
			"The strategy counts page views on the website as inquiries (the website is among the channels its digital share is out of)."},
		"definition.sb0": {"SB-niveau 0 (digital indberetning): »En sådan sagsgang kræver i princippet samme ressourceforbrug, som hvis borgeren havde indsendt en skriftlig blanket« (Dragørs kanalstrategi). Selvbetjening på et område, hvis løsning var på SB-niveau 0 den dag, regnes derfor ikke som digital og prissættes som et papirbrev; %s i perioden.",
			"SB level 0 (digital reporting): \"En sådan sagsgang kræver i princippet samme ressourceforbrug, som hvis borgeren havde indsendt en skriftlig blanket\" – such a case costs as much as a written form (Dragør's channel strategy). Self-service in an area whose solution was at SB level 0 on the day is therefore not counted as digital and is priced as a paper letter; %s in the period."},
		"definition.sb_minimum": {"Strategiens mindste SB-niveau er %d: »%s« Områder med en løsning under det: %s.",
			"The strategy's minimum SB level is %d: \"%s\" Areas with a solution below it: %s."},
		"definition.none": {"ingen", "none"},

		"definition.prices":             {"Priserne: %s.", "The prices: %s."},
		"definition.span":               {"%s (%s) for %s – %s", "%s (%s) for %s – %s"},
		"definition.version":            {"strategiens version %d", "the strategy's version %d"},
		"definition.version_single":     {"strategiens priser", "the strategy's prices"},
		"definition.price_year":         {"prisniveau %d", "price level %d"},
		"definition.price_year_unknown": {"prisåret er ikke angivet i strategien", "the price year is not given in the strategy"},
		"definition.version_rule": {"Hver dag prissættes med den strategiversion, der var gældende den dag: den nyeste version indlæst på eller før dagen; dage før den første version bruger den første. Definitionerne af andelene og målene er den nyeste versions.",
			"Each day is priced by the strategy version in force on it: the newest version loaded on or before that day; days before the first version use the first. The definitions of the shares and the targets are the newest version's."},
		"definition.assisted": {"Medbetjening prissættes som selvbetjening plus den registrerede medarbejdertid (varighed × timepris; %s): %s timer, %s kr. i perioden.",
			"Assisted self-service is priced as self-service plus the staff time recorded (duration × hourly price; %s): %s hours, DKK %s in the period."},
		"definition.staff_hour":         {"%s kr. i timen", "DKK %s an hour"},
		"definition.staff_hour_example": {"– et eksempel, strategien angiver ingen timepris", "– an example, the strategy gives no hourly price"},
		"definition.gross": {"Bruttopotentialet ved kanalskift er, hvad ikke-digitale ansøgninger og anmeldelser ville koste mindre til de viste kanalpriser (%s), hvis de kom via områdets selvbetjening. Det er ikke en besparelse: den frigjorte tid skal tages ud, og løsningernes egne omkostninger er ikke trukket fra.",
			"The gross channel-shift potential is what non-digital applications and notifications would cost less at the shown channel prices (%s) had they come through the area's self-service. It is not a saving: the time freed must be taken out, and the solutions' own costs are not deducted."},
		"definition.demo": {"Demodata: tallene bygger på genererede demohenvendelser, ikke på kommunens egne.",
			"Demo data: the figures rest on generated demo inquiries, not on the municipality's own."},
		"definition.notes": {"Noter", "Notes"},
		"definition.skipped": {"Strategiens version %d kan ikke længere læses; dens dage prissættes med versionen før den.",
			"The strategy's version %d can no longer be read; its days are priced by the version before it."},
	})
}

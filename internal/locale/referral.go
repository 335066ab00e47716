package locale

// Texts of the strategy, areas and channels pages (and `kanal strategy
// show`) about what issue 10 added to the strategy: the ranked channel
// order, the minimum SB level, referrals to places outside the
// municipality, and the values a strategy file marks as examples.
func init() {
	add(map[string]message{
		"order.title": {"Kanalernes prioritering", "Channel priority"},
		"order.lead": {"Strategiens rækkefølge for kanalerne, det første valg først. Henvendelsestypernes standardkanaler følger den; et område kan afvige, hvor en lov kræver det (pas kræver personligt fremmøde).",
			"The strategy's order of the channels, the first choice first. The inquiry types' default channels follow it; a service area may depart from it where a law requires (a passport needs personal attendance)."},
		"order.caption": {"Prioriteringen med strategiens ordlyd", "The priority in the strategy's words"},

		"sb_minimum.title": {"Mindste SB-niveau", "Minimum SB level"},
		"sb_minimum.lead": {"Selvbetjeningsløsninger under SB-niveau %d er ifølge strategien ikke effektive; de er markeret med en advarsel under Henvendelsesområder.",
			"Self-service solutions below SB level %d are not effective according to the strategy; they carry a warning under Service areas."},

		"referrals.title": {"Henvisninger – steder uden for kommunen", "Referrals – places outside the municipality"},
		"referrals.lead": {"Disse steder er ikke kommunens kanaler. Medarbejderne kan henvise borgeren hertil; en henvisning tælles som en henvisning og aldrig som en henvendelse på en af kommunens egne kanaler.",
			"These places are not the municipality's channels. Staff can refer the citizen to them; a referral is counted as a referral and never as an inquiry on one of the municipality's own channels."},
		"referrals.caption":    {"Steder uden for kommunen, som borgeren kan henvises til", "Places outside the municipality the citizen can be referred to"},
		"referrals.name":       {"Sted", "Place"},
		"referrals.contact":    {"Kontakt", "Contact"},
		"referrals.hours":      {"Åbent", "Open"},
		"referrals.always":     {"Altid (på nettet)", "Always (online)"},
		"referrals.helps_with": {"Hjælper med", "Helps with"},
		"referrals.areas":      {"Områder", "Service areas"},
		"referrals.none":       {"Strategien nævner ingen steder uden for kommunen.", "The strategy names no places outside the municipality."},

		"channels.closed_example": {"Kommunens egne lukkedage (markeret Eksempel) står ikke i strategien; de er eksempler, som kommunen skal erstatte med sine egne. Helligdagene følger den danske kalender.",
			"The municipality's own closing days (marked Example) are not in the strategy; they are examples for the municipality to replace with its own. Public holidays follow the Danish calendar."},

		"areas.examples": {"Eksempler", "Examples"},
		"areas.examples.lead": {"Hvor strategien ikke angiver en værdi, har Kanal udfyldt den med et eksempel. Kolonnen Eksempler siger, hvilke af områdets værdier der er eksempler; på områdets side er hver af dem markeret Eksempel.",
			"Where the strategy gives no value, Kanal has filled it in with an example. The Examples column says which of the area's values are examples; on the area's page each of them is marked Example."},
		"areas.minimum_lead": {"Strategien: »%s« Områder, hvis selvbetjeningsløsning ligger under SB-niveau %d, er markeret med en advarsel.",
			"The strategy: “%s” Areas whose self-service solution is below SB level %d carry a warning."},
		"areas.below_minimum": {"Advarsel: SB-niveau %d er under strategiens mindste niveau %d", "Warning: SB level %d is below the strategy's minimum level %d"},
		"area.example_notice": {"Strategien nævner ikke dette område. Alle oplysninger om det er eksempler, som kommunen skal erstatte med sine egne.",
			"The strategy does not name this area. Everything about it is an example for the municipality to replace with its own."},
		"area.examples_notice": {"Strategien angiver ikke disse oplysninger; de er eksempler: %s.", "The strategy does not give these values; they are examples: %s."},
		"area.wave":            {"Bølge", "Wave"},
		"area.wave_value":      {"Bølge %d af lovene om obligatorisk digital selvbetjening", "Wave %d of the laws on mandatory digital self-service"},
		"area.referral":        {"Henvisning", "Referral"},
		"area.referral_lead":   {"Sagerne på området behandles uden for kommunen. Henvis borgeren til %s. Det er ikke en af kommunens egne kanaler.", "The area's cases are handled outside the municipality. Refer the citizen to %s. It is not one of the municipality's own channels."},
		"login.either":         {"%s eller %s", "%s or %s"},

		"example.whole_area":             {"hele området – strategien nævner det ikke", "the whole area – the strategy does not name it"},
		"example.area.kle":               {"KLE-nummer", "KLE number"},
		"example.area.title":             {"titel", "title"},
		"example.area.department":        {"afdeling", "department"},
		"example.area.types":             {"henvendelsestyper", "inquiry types"},
		"example.area.channels":          {"kanaler til kommunen", "inbound channels"},
		"example.area.outbound_channels": {"kanaler fra kommunen", "outbound channels"},
		"example.area.mandatory_digital": {"obligatorisk digital selvbetjening", "mandatory digital self-service"},
		"example.area.law":               {"lovgrundlag", "legal basis"},
		"example.area.since":             {"ikrafttrædelsesdato", "date in force"},
		"example.area.wave":              {"bølge", "wave"},
		"example.area.exemption_channel": {"kanal for fritagne borgere", "channel for exempted citizens"},
		"example.area.url":               {"selvbetjeningens adresse", "self-service address"},
		"example.area.sb_level":          {"SB-niveau", "SB level"},
		"example.area.login":             {"login", "login"},
		"example.area.borger_dk":         {"tilgængelig via borger.dk", "reachable from borger.dk"},
		"example.area.response_days":     {"svartid", "response time"},
		"example.area.digital_readiness": {"digital parathed", "digital readiness"},
		"example.area.note":              {"note", "note"},
		"example.area.referral":          {"henvisning", "referral"},
		"example.target.years":           {"årstal", "year"},
		"example.target.shares":          {"andele", "shares"},
		"example.target.deadline":        {"frist", "deadline"},
		"example.target.counts":          {"kanaler, der tæller med", "channels counted"},
		"example.target.of":              {"kanaler, der tælles ud af", "channels counted out of"},
		"example.target.types":           {"henvendelsestyper", "inquiry types"},
		"example.target.area":            {"område", "area"},
		"example.of":                     {"Eksempel: %s", "Example: %s"},
	})
}

package locale

// Messages for the strategy validator's rules (internal/strategy/rules.go).
func init() {
	add(map[string]message{
		"strategy.syntax":         {"YAML-fejl: %s", "YAML error: %s"},
		"strategy.empty":          {"filen er tom; en strategi begynder med municipality:", "the file is empty; a strategy begins with municipality:"},
		"strategy.many_documents": {"filen indeholder mere end ét YAML-dokument (---); læg hver strategi i sin egen fil", "the file holds more than one YAML document (---); put each strategy in a file of its own"},
		"strategy.alias":          {"ankre og aliasser (& og *) understøttes ikke; skriv værdien ud", "anchors and aliases (& and *) are not supported; write the value out"},
		"strategy.unknown_field":  {"ukendt felt %q; tilladte felter her: %s", "unknown field %q; allowed here: %s"},
		"strategy.duplicate_key":  {"feltet %q står her mere end én gang", "the key %q appears more than once here"},
		"strategy.want_mapping":   {"her forventes felter (navn: værdi)", "expected fields (name: value) here"},
		"strategy.want_list":      {"her forventes en liste, fx [a, b] eller linjer, der begynder med -", "expected a list here, e.g. [a, b] or lines starting with -"},
		"strategy.want_value":     {"her forventes en enkelt værdi", "expected a single value here"},
		"strategy.not_integer":    {"%q er ikke et heltal", "%q is not a whole number"},
		"strategy.not_number":     {"%q er ikke et tal; skriv fx 30 eller 12.5 uden enhed", "%q is not a number; write e.g. 30 or 12.5 without a unit"},
		"strategy.not_bool":       {"%q er hverken true eller false", "%q is neither true nor false"},

		"strategy.required":     {"%s mangler", "%s is missing"},
		"strategy.bad_id":       {"id'et %q må kun indeholde små bogstaver a–z, tal, - og _ og skal begynde med et bogstav", "the id %q may hold only lower-case letters a–z, digits, - and _, and must begin with a letter"},
		"strategy.duplicate_id": {"%q er angivet mere end én gang", "%q is given more than once"},
		"strategy.bad_period":   {"perioden slutter (%[2]d), før den begynder (%[1]d)", "the period ends (%[2]d) before it begins (%[1]d)"},

		"strategy.bad_kind":              {"ukendt kanaltype %q; brug self_service, written, oral eller personal", "unknown channel kind %q; use self_service, written, oral or personal"},
		"strategy.unknown_channel":       {"ukendt kanal %q; kendte kanaler: %s", "unknown channel %q; known channels: %s"},
		"strategy.unknown_type":          {"ukendt henvendelsestype %q; brug information, interaction eller transaction", "unknown inquiry type %q; use information, interaction or transaction"},
		"strategy.missing_type":          {"henvendelsestypen %s mangler under inquiry_types", "the inquiry type %s is missing from inquiry_types"},
		"strategy.no_primary":            {"ingen primær kanal; angiv mindst én under primary", "no primary channel; name at least one under primary"},
		"strategy.primary_inappropriate": {"kanalen %q er både primær og uhensigtsmæssig", "the channel %q is both primary and inappropriate"},
		"strategy.channel_twice":         {"kanalen %q står mere end én gang", "the channel %q is listed more than once"},
		"strategy.wrong_direction":       {"kanalen %q bruges ikke i retningen %s; ret inbound/outbound på kanalen eller vælg en anden", "the channel %q is not used in direction %s; change inbound/outbound on the channel or choose another"},

		"strategy.unknown_department":          {"ukendt afdeling %q; den skal stå under departments", "unknown department %q; it must be listed under departments"},
		"strategy.bad_kle":                     {"KLE-nummeret %q har forkert form; skriv det som 23.05.10 (eller 23.05)", "the KLE number %q is malformed; write it as 23.05.10 (or 23.05)"},
		"strategy.duplicate_kle":               {"KLE-nummeret %q bruges af mere end ét område", "the KLE number %q is used by more than one area"},
		"strategy.no_types":                    {"området håndterer ingen henvendelsestyper; angiv types", "the area handles no inquiry types; give types"},
		"strategy.type_not_handled":            {"området håndterer ikke %s; tilføj typen under types eller fjern kanalerne", "the area does not handle %s; add the type under types or remove the channels"},
		"strategy.mandatory_needs_transaction": {"obligatorisk digital selvbetjening gælder ansøgninger, men området håndterer ikke transaction", "mandatory self-service concerns applications, but the area does not handle transaction"},
		"strategy.mandatory_not_digital":       {"området er obligatorisk digitalt, men har den ikke-digitale primære kanal %q for transaktioner", "the area is mandatory digital but has the non-digital primary channel %q for transactions"},
		"strategy.exemption_not_secondary":     {"fritagelseskanalen %q skal være en af områdets sekundære kanaler for transaktioner", "the exemption channel %q must be one of the area's secondary channels for transactions"},
		"strategy.bad_date":                    {"%q er ikke en dato; skriv den som 2012-12-01", "%q is not a date; write it as 2012-12-01"},
		"strategy.bad_sb_level":                {"SB-niveau %d findes ikke; brug 0–4", "SB level %d does not exist; use 0–4"},
		"strategy.bad_login":                   {"ukendt login %q; brug none, nemid eller mitid", "unknown login %q; use none, nemid or mitid"},
		"strategy.bad_url":                     {"%q er ikke en fuld webadresse; skriv fx https://www.borger.dk/", "%q is not a full web address; write e.g. https://www.borger.dk/"},
		"strategy.bad_response_days":           {"svartiden %d arbejdsdage ligger uden for 0–365", "the response time of %d working days is outside 0–365"},
		"strategy.bad_readiness":               {"ukendt digitaliseringsparathed %q; brug high, medium eller low", "unknown digital readiness %q; use high, medium or low"},

		"strategy.negative_price":            {"prisen %v kr. er ikke et gyldigt beløb; den skal være 0 eller derover", "the price %v DKK is not a valid amount; it must be 0 or more"},
		"strategy.no_source":                 {"prisen mangler en kilde (source); skriv hvor tallet kommer fra, eller at det er et eksempel", "the price has no source; say where the figure comes from, or that it is an example"},
		"strategy.sb_level_not_self_service": {"SB-niveau gælder kun selvbetjeningskanaler", "an SB level applies only to self-service channels"},
		"strategy.duplicate_price":           {"der er allerede en pris for samme kanal, henvendelsestype og SB-niveau", "there is already a price for the same channel, inquiry type and SB level"},
		"strategy.bad_currency":              {"valutaen %q understøttes ikke; brug DKK", "the currency %q is not supported; use DKK"},

		"strategy.bad_measure":   {"ukendt måling %q; brug inbound_digital_share, outbound_digital_post_share, transaction_digital_share, expensive_information_share, login_where_validation_needed eller self_service_on_borger_dk", "unknown measure %q; use inbound_digital_share, outbound_digital_post_share, transaction_digital_share, expensive_information_share, login_where_validation_needed or self_service_on_borger_dk"},
		"strategy.bad_direction": {"ukendt retning %q; brug at_least, at_most eller reduce", "unknown direction %q; use at_least, at_most or reduce"},
		"strategy.share_range":   {"andelen %v %% ligger uden for 0–100 %%", "the share %v %% is outside 0–100 %%"},
		"strategy.year_outside":  {"året %d ligger uden for strategiperioden %d–%d", "the year %d is outside the strategy period %d–%d"},
		"strategy.no_shares":     {"målet mangler andele pr. år under shares, fx 2015: 50", "the target has no yearly shares; add e.g. 2015: 50 under shares"},
		"strategy.no_deadline":   {"målet mangler et år under deadline", "the target has no year under deadline"},
		"strategy.unknown_area":  {"ukendt område %q; angiv områdets id eller KLE-nummer", "unknown area %q; give the area's id or KLE number"},

		"strategy.bad_day":        {"%q er ikke en ugedag; brug mon, tue, wed, thu, fri, sat eller sun", "%q is not a weekday; use mon, tue, wed, thu, fri, sat or sun"},
		"strategy.bad_time":       {"%q er ikke et klokkeslæt; skriv fx \"08:00\"", "%q is not a time of day; write e.g. \"08:00\""},
		"strategy.hours_order":    {"åbningstiden slutter (%[2]s), før den begynder (%[1]s)", "the opening hours end (%[2]s) before they begin (%[1]s)"},
		"strategy.hours_overlap":  {"åbningstiden %[2]s–%[3]s (%[1]s) overlapper %[4]s–%[5]s samme sted", "the opening hours %[2]s–%[3]s (%[1]s) overlap %[4]s–%[5]s at the same place"},
		"strategy.bad_calendar":   {"ukendt helligdagskalender %q; brug dk eller none", "unknown holiday calendar %q; use dk or none"},
		"strategy.bad_closed_day": {"%q er ikke en lukkedag; skriv 12-24 (hvert år) eller 2014-12-24", "%q is not a closing day; write 12-24 (every year) or 2014-12-24"},
	})
}

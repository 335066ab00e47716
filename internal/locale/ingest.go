package locale

// Texts of reported inquiries: the problems of a record, and the API's and
// the import's answers.
func init() {
	add(map[string]message{
		"ingest.required":        {"%s mangler.", "%s is missing."},
		"ingest.bad_time":        {"%q er ikke et tidspunkt; brug RFC 3339, fx 2014-03-31T10:15:00+02:00.", "%q is not a time; use RFC 3339, e.g. 2014-03-31T10:15:00+02:00."},
		"ingest.bad_bool":        {"%q er hverken true eller false.", "%q is neither true nor false."},
		"ingest.bad_integer":     {"%q er ikke et helt antal sekunder.", "%q is not a whole number of seconds."},
		"ingest.json_not_utf8":   {"Linjen er ikke gyldig UTF-8; JSON skal sendes som UTF-8.", "The line is not valid UTF-8; JSON must be sent as UTF-8."},
		"ingest.ndjson_too_long": {"Linje %d er længere end %d bytes; send én henvendelse pr. linje.", "Line %d is longer than %d bytes; send one inquiry per line."},
		"ingest.bad_json":        {"Ugyldig JSON: %s.", "Invalid JSON: %s."},
		"ingest.unknown_field":   {"Ukendt felt %q; felterne er %s.", "Unknown field %q; the fields are %s."},
		"ingest.want_value":      {"%s skal være en tekst, et tal eller true/false.", "%s must be a text, a number or true/false."},
		"ingest.bad_csv":         {"Rækken kan ikke læses: %s.", "The row cannot be read: %s."},
		"ingest.csv_quote":       {"Et anførselstegn (\") står forkert i rækken. Sæt en værdi med anførselstegn i anførselstegn, og skriv \"\" for hvert anførselstegn i den.", "A quote (\") is out of place in the row. Put a value that contains quotes in quotes, and write \"\" for each quote in it."},
		"ingest.csv_open_quote":  {"Et anførselstegn (\") åbner en værdi, der aldrig lukkes, så række %d–%d er læst som én værdi; intet af dem er indlæst. Ret anførselstegnet og indlæs filen igen.", "A quote (\") opens a value that is never closed, so rows %d–%d were read as one value; none of them was imported. Fix the quote and import the file again."},
		"ingest.csv_empty":       {"Filen er tom; første række skal navngive kolonnerne, fx occurred_at;channel;type;direction;area.", "The file is empty; the first row must name the columns, e.g. occurred_at;channel;type;direction;area."},
		"ingest.csv_not_utf8": {"Filen er ikke gemt som UTF-8: rækken har tegn i en anden tegnkodning, sandsynligvis Windows-1252 (Latin-1), som Excel bruger til »CSV (semikolonsepareret)«. Intet er indlæst. Gem filen i Excel som »CSV UTF-8 (kommasepareret)« (eller i et andet program med tegnkodningen UTF-8), og indlæs den igen.",
			"The file is not saved as UTF-8: the row holds characters of another encoding, most likely Windows-1252 (Latin-1), which Excel uses for \"CSV (semicolon delimited)\". Nothing was imported. Save the file in Excel as \"CSV UTF-8 (comma delimited)\" (or in another program with the encoding UTF-8) and import it again."},
		"ingest.csv_utf16": {"Filen er gemt som UTF-16 (i Excel »Unicode-tekst«). Intet er indlæst. Gem filen i Excel som »CSV UTF-8 (kommasepareret)«, og indlæs den igen.",
			"The file is saved as UTF-16 (Excel's \"Unicode text\"). Nothing was imported. Save the file in Excel as \"CSV UTF-8 (comma delimited)\" and import it again."},
		"ingest.unknown_column": {"Ukendt kolonne %q. Kolonnerne er %s.", "Unknown column %q. The columns are %s."},
		"ingest.column_twice":   {"Kolonnen %q står to gange.", "The column %q appears twice."},
		"ingest.column_count":   {"Rækken har %d kolonner, overskriften %d.", "The row has %d columns, the header %d."},

		"inquiry.required":                  {"%s mangler.", "%s is missing."},
		"inquiry.unknown_channel":           {"Ukendt kanal %q.", "Unknown channel %q."},
		"inquiry.wrong_direction":           {"Kanalen %q bruges ikke i retningen %s.", "The channel %q is not used in direction %s."},
		"inquiry.unknown_type":              {"Ukendt henvendelsestype %q; strategiens typer er %s.", "Unknown inquiry type %q; the strategy's types are %s."},
		"inquiry.unknown_referral":          {"Ukendt henvisning %q; strategiens henvisninger er %s.", "Unknown referral %q; the strategy's referrals are %s."},
		"inquiry.referral_outbound":         {"Henvisningen %q gælder kun henvendelser fra borgeren (inbound).", "The referral %q applies only to inquiries from the citizen (inbound)."},
		"inquiry.bad_direction":             {"Ukendt retning %q; brug inbound eller outbound.", "Unknown direction %q; use inbound or outbound."},
		"inquiry.unknown_area":              {"Ukendt område %q; brug områdets id eller KLE-nummer.", "Unknown area %q; use the area's id or KLE number."},
		"inquiry.type_not_handled":          {"Området %s håndterer ikke henvendelsestypen %s.", "The area %s does not handle the inquiry type %s."},
		"inquiry.unknown_department":        {"Ukendt afdeling %q.", "Unknown department %q."},
		"inquiry.assisted_not_self_service": {"Medbetjening gælder kun selvbetjening, ikke %q.", "Assisted self-service applies only to self-service, not %q."},
		"inquiry.negative_duration":         {"Varigheden %d sekunder er negativ.", "The duration of %d seconds is negative."},
		"inquiry.long_duration":             {"Varigheden %d sekunder er længere end et døgn (højst %d sekunder).", "The duration of %d seconds is longer than a day (at most %d seconds)."},
		"inquiry.too_early":                 {"Tidspunktet %s ligger før %s, det tidligste en henvendelse kan dateres til (strategiens første år minus de år, der må indlæses historik for).", "The time %s is before %s, the earliest an inquiry may be dated (the strategy's first year less the years of history that may be loaded)."},
		"inquiry.future":                    {"Tidspunktet %s ligger i fremtiden.", "The time %s is in the future."},
		"inquiry.not_utf8":                  {"%s er ikke gyldig UTF-8 (byte %d). Send tekst som UTF-8.", "%s is not valid UTF-8 (byte %d). Send text as UTF-8."},
		"inquiry.control_char":              {"%s indeholder styretegnet %s (byte %d), som ikke må stå i en tekst.", "%s holds the control character %s (byte %d), which a text may not hold."},
		"inquiry.too_long":                  {"%s må højst have %d tegn.", "%s may have at most %d characters."},
	})
}

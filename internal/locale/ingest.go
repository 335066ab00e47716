package locale

// Texts of reported inquiries: the problems of a record, and the API's and
// the import's answers.
func init() {
	add(map[string]message{
		"ingest.required":       {"%s mangler.", "%s is missing."},
		"ingest.bad_time":       {"%q er ikke et tidspunkt; brug RFC 3339, fx 2014-03-31T10:15:00+02:00.", "%q is not a time; use RFC 3339, e.g. 2014-03-31T10:15:00+02:00."},
		"ingest.future":         {"%q ligger i fremtiden.", "%q is in the future."},
		"ingest.bad_bool":       {"%q er hverken true eller false.", "%q is neither true nor false."},
		"ingest.bad_integer":    {"%q er ikke et helt antal sekunder.", "%q is not a whole number of seconds."},
		"ingest.id_too_long":    {"id må højst have %d tegn.", "id may have at most %d characters."},
		"ingest.bad_json":       {"Ugyldig JSON: %s.", "Invalid JSON: %s."},
		"ingest.unknown_field":  {"Ukendt felt %q; felterne er %s.", "Unknown field %q; the fields are %s."},
		"ingest.want_value":     {"%s skal være en tekst, et tal eller true/false.", "%s must be a text, a number or true/false."},
		"ingest.bad_csv":        {"Rækken kan ikke læses: %s.", "The row cannot be read: %s."},
		"ingest.csv_quote":      {"Et anførselstegn (\") står forkert i rækken. Sæt en værdi med anførselstegn i anførselstegn, og skriv \"\" for hvert anførselstegn i den.", "A quote (\") is out of place in the row. Put a value that contains quotes in quotes, and write \"\" for each quote in it."},
		"ingest.csv_open_quote": {"Et anførselstegn (\") åbner en værdi, der aldrig lukkes, så række %d–%d er læst som én værdi; intet af dem er indlæst. Ret anførselstegnet og indlæs filen igen.", "A quote (\") opens a value that is never closed, so rows %d–%d were read as one value; none of them was imported. Fix the quote and import the file again."},
		"ingest.csv_empty":      {"Filen er tom; første række skal navngive kolonnerne, fx occurred_at;channel;type;direction;area.", "The file is empty; the first row must name the columns, e.g. occurred_at;channel;type;direction;area."},
		"ingest.unknown_column": {"Ukendt kolonne %q. Kolonnerne er %s.", "Unknown column %q. The columns are %s."},
		"ingest.column_twice":   {"Kolonnen %q står to gange.", "The column %q appears twice."},
		"ingest.column_count":   {"Rækken har %d kolonner, overskriften %d.", "The row has %d columns, the header %d."},

		"inquiry.required":                  {"%s mangler.", "%s is missing."},
		"inquiry.unknown_channel":           {"Ukendt kanal %q.", "Unknown channel %q."},
		"inquiry.wrong_direction":           {"Kanalen %q bruges ikke i retningen %s.", "The channel %q is not used in direction %s."},
		"inquiry.unknown_type":              {"Ukendt henvendelsestype %q; brug information, interaction eller transaction.", "Unknown inquiry type %q; use information, interaction or transaction."},
		"inquiry.bad_direction":             {"Ukendt retning %q; brug inbound eller outbound.", "Unknown direction %q; use inbound or outbound."},
		"inquiry.unknown_area":              {"Ukendt område %q; brug områdets id eller KLE-nummer.", "Unknown area %q; use the area's id or KLE number."},
		"inquiry.type_not_handled":          {"Området %s håndterer ikke henvendelsestypen %s.", "The area %s does not handle the inquiry type %s."},
		"inquiry.unknown_department":        {"Ukendt afdeling %q.", "Unknown department %q."},
		"inquiry.assisted_not_self_service": {"Medbetjening gælder kun selvbetjening, ikke %q.", "Assisted self-service applies only to self-service, not %q."},
		"inquiry.negative_duration":         {"Varigheden %d sekunder er negativ.", "The duration of %d seconds is negative."},
	})
}

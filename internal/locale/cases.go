package locale

// Texts of cases (internal/casework): the statuses, the refusals of a
// submission or status change, and the API's answers about cases.
func init() {
	add(map[string]message{
		"example.area.retention_days":  {"opbevaringstid for personoplysninger", "retention period of personal data"},
		"case.status.received":         {"Modtaget", "Received"},
		"case.status.in_progress":      {"Under behandling", "In progress"},
		"case.status.awaiting_citizen": {"Afventer borgeren", "Awaiting the citizen"},
		"case.status.decided":          {"Afgjort", "Decided"},
		"case.status.closed":           {"Lukket", "Closed"},

		// The delivery event of a new case, as the dead-letter view names it.
		"case.submitted": {"Ny sag indsendt", "New case submitted"},

		"case.bad_cpr":        {"CPR-nummeret skal være 10 cifre, skrevet DDMMÅÅ-XXXX eller DDMMÅÅXXXX, og de første seks en dato.", "The CPR number must be 10 digits, written DDMMYY-XXXX or DDMMYYXXXX, the first six a date."},
		"case.not_text":       {"%s indeholder tegn, der ikke kan gemmes (kontroltegn eller ugyldig UTF-8).", "%s holds characters that cannot be stored (control characters or invalid UTF-8)."},
		"case.too_long":       {"%s er for lang; højst %d tegn.", "%s is too long; at most %d characters."},
		"case.no_working_day": {"Strategiens lukkedage efterlader ingen arbejdsdag inden for et år, så der er ingen svardato.", "The strategy's closing days leave no working day within a year, so there is no answer date."},
		"case.unknown_status": {"Ukendt status %q; brug en af %s.", "Unknown status %q; use one of %s."},
		"case.required":       {"%s mangler.", "%s is missing."},
		"case.bad_time":       {"%q er ikke et tidspunkt; brug RFC 3339, fx 2014-03-31T10:15:00+02:00.", "%q is not a time; use RFC 3339, e.g. 2014-03-31T10:15:00+02:00."},
		"case.unknown_area":   {"Ukendt område %q; angiv områdets KLE-nummer, fx 23.05.10.", "Unknown area %q; give the area's KLE number, e.g. 23.05.10."},
		"case.bad_json":       {"Indholdet er ikke et JSON-objekt med de kendte felter: %s", "The body is not a JSON object with the known fields: %s"},

		"keys.perm.cases": {"Oprette sager og læse og ændre deres status", "Open cases, read and change their status"},

		"strategy.bad_retention_days": {"opbevaringsperioden (retention_days: %d) ligger uden for 1–%d", "the retention period (retention_days: %d) is outside 1–%d"},
	})
}

package locale

// Texts of the answer date a receipt states (GET /api/v1/answer-date).
func init() {
	add(map[string]message{
		"answerdate.required":         {"%s mangler.", "%s is missing."},
		"answerdate.bad_time":         {"%q er ikke et tidspunkt; brug RFC 3339, fx 2014-03-31T10:15:00+02:00 (skriv + som %%2B i adressen).", "%q is not a time; use RFC 3339, e.g. 2014-03-31T10:15:00+02:00 (write + as %%2B in the address)."},
		"answerdate.unknown_area":     {"Ukendt område %q; angiv områdets KLE-nummer, fx 23.05.10.", "Unknown area %q; give the area's KLE number, e.g. 23.05.10."},
		"answerdate.no_response_time": {"Strategien angiver ingen svartid for %s (%s), så der er ingen svardato at oplyse.", "The strategy gives no response time for %s (%s), so there is no answer date to state."},
		"answerdate.no_working_day":   {"Strategiens lukkedage efterlader ingen arbejdsdag inden for et år, så der er ingen svardato at oplyse.", "The strategy's closing days leave no working day within a year, so there is no answer date to state."},
	})
}

package locale

// Texts of outbound letters (internal/letters, POST /api/v1/letters).
func init() {
	add(map[string]message{
		"keys.perm.letters": {"Sende breve (Digital Post eller papir) og læse deres status", "Send letters (Digital Post or paper) and read their status"},

		"letters.error.required":      {"%s mangler.", "%s is missing."},
		"letters.error.bad_id":        {"Brevets id må højst være %d tegn uden styretegn.", "The letter's id may be at most %d characters without control characters."},
		"letters.error.one_recipient": {"Angiv enten et CPR-nummer eller et CVR-nummer, ikke begge.", "Give either a CPR number or a CVR number, not both."},
		"letters.error.bad_cpr":       {"CPR-nummeret skal være ti cifre (DDMMÅÅSSSS) med en gyldig dato.", "The CPR number must be ten digits (DDMMYYSSSS) with a valid date."},
		"letters.error.bad_cvr":       {"CVR-nummeret skal være otte cifre.", "The CVR number must be eight digits."},
		"letters.error.cvr_check":     {"CVR-nummerets kontrolciffer passer ikke; et ciffer er nok tastet forkert.", "The CVR number's check digit does not match; a digit is probably mistyped."},
		"letters.error.too_long":      {"Feltet må højst være %d tegn.", "The field may be at most %d characters."},
		"letters.error.bad_url":       {"Adressen skal være en http- eller https-adresse.", "The address must be an http or https address."},
		"letters.error.inquiry":       {"Strategien tillader ikke værdien (%s).", "The strategy does not allow the value (%s)."},
		"letters.error.force_paper":   {"Angiv en begrundelse for at sende på papir.", "Give a reason for sending on paper."},
		"letters.not_found":           {"Intet brev med det id.", "No letter with that id."},
		"letters.no_memo":             {"Brevet er ikke sendt med Digital Post (eller beskeden er slettet efter opbevaringstiden).", "The letter was not sent by Digital Post (or the message was erased after the retention period)."},

		"letters.reason.registered":          {"Modtageren er tilmeldt Digital Post.", "The recipient is registered for Digital Post."},
		"letters.reason.exempt":              {"Borgeren er fritaget for Digital Post og får brevet på papir.", "The citizen is exempt from Digital Post and gets the letter on paper."},
		"letters.reason.not_registered":      {"Borgeren er ikke tilmeldt Digital Post og får brevet på papir.", "The citizen is not registered for Digital Post and gets the letter on paper."},
		"letters.reason.business_no_dp":      {"Virksomheden har ikke Digital Post og får brevet på papir.", "The business has no Digital Post and gets the letter on paper."},
		"letters.reason.forced_paper":        {"Afsenderen har valgt papir med en begrundelse.", "The sender chose paper, with a reason."},
		"letters.reason.digital_post_failed": {"Digital Post fejlede, så brevet blev sendt på papir.", "Digital Post failed, so the letter was sent on paper."},

		"letters.status.queued":             {"I kø", "Queued"},
		"letters.status.sent":               {"Sendt", "Sent"},
		"letters.status.delivered":          {"Leveret", "Delivered"},
		"letters.status.failed":             {"Fejlet", "Failed"},
		"letters.status.fell_back_to_paper": {"Sendt på papir i stedet", "Fell back to paper"},
		"letters.status.printed":            {"Printet", "Printed"},
	})
}

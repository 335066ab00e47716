package locale

// The staff page that sends a letter (internal/web/staff/letters_page.go).
func init() {
	add(map[string]message{
		"nav.letters":                   {"Send brev", "Send a letter"},
		"letterpage.title":              {"Send et brev", "Send a letter"},
		"letterpage.intro":              {"Brevet sendes med Digital Post, hvis modtageren er tilmeldt; ellers som brev på papir. Kanal vælger og gemmer begrundelsen.", "The letter goes by Digital Post if the recipient is registered; otherwise on paper. Kanal chooses and stores the reason."},
		"letterpage.field.recipient":    {"Modtagerens CPR- eller CVR-nummer", "The recipient's CPR or CVR number"},
		"letterpage.hint.recipient":     {"Ti cifre for en borger (DDMMÅÅ-SSSS), otte for en virksomhed.", "Ten digits for a citizen (DDMMYY-SSSS), eight for a business."},
		"letterpage.field.title":        {"Titel", "Title"},
		"letterpage.field.area":         {"Område", "Area"},
		"letterpage.choose":             {"Vælg et område", "Choose an area"},
		"letterpage.field.body":         {"Brevets tekst", "The letter's text"},
		"letterpage.field.legal":        {"Brevet har retsvirkning (lovpligtig meddelelse)", "The letter has legal effect (legal notification)"},
		"letterpage.hint.legal":         {"Fx en afgørelse eller en partshøring.", "For example a decision or a hearing of the parties."},
		"letterpage.paper":              {"Papir i stedet for Digital Post (valgfrit)", "Paper instead of Digital Post (optional)"},
		"letterpage.field.force":        {"Send brevet på papir", "Send the letter on paper"},
		"letterpage.field.force_reason": {"Begrundelse for papir", "Reason for paper"},
		"letterpage.submit":             {"Send brevet", "Send the letter"},
		"letterpage.sent":               {"Brevet er sendt til afsendelse", "The letter is on its way"},
		"letterpage.route.digital_post": {"Sendes med Digital Post", "Goes by Digital Post"},
		"letterpage.route.letter":       {"Sendes som brev", "Goes as a paper letter"},
		"letterpage.recipient":          {"Modtager", "Recipient"},
		"letterpage.status":             {"Status", "Status"},
		"letterpage.again":              {"Send et brev mere", "Send another letter"},
		"letterpage.required.recipient": {"Skriv modtagerens CPR- eller CVR-nummer.", "Enter the recipient's CPR or CVR number."},
		"letterpage.required.title":     {"Skriv brevets titel.", "Enter the letter's title."},
		"letterpage.required.area":      {"Vælg brevets område.", "Choose the letter's area."},
		"letterpage.required.body":      {"Skriv brevets tekst.", "Enter the letter's text."},
	})
}

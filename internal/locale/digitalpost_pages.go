package locale

// Texts of the development Digital Post inbox in the citizen portal and
// the staff print queue (the digitalpost.inbox.* and digitalpost.print.*
// texts they share with the transport are in letters_national.go).

func init() {
	add(map[string]message{
		"digitalpost.inbox_page.development": {
			"Udviklingspostkasse – i drift læser borgeren sin Digital Post i borger.dk/e-Boks/mit.dk.",
			"Development inbox – in production the citizen reads their Digital Post in borger.dk/e-Boks/mit.dk."},
		"digitalpost.inbox_page.caption":   {"Din Digital Post, nyeste først", "Your Digital Post, newest first"},
		"digitalpost.inbox_page.subject":   {"Titel", "Title"},
		"digitalpost.inbox_page.state":     {"Status", "Status"},
		"digitalpost.inbox_page.back":      {"Tilbage til Digital Post", "Back to Digital Post"},
		"digitalpost.inbox_page.sender":    {"Afsender", "Sender"},
		"digitalpost.inbox_page.legal":     {"Retsvirkning", "Legal effect"},
		"digitalpost.inbox_page.legal_yes": {"Brevet har retsvirkning (lovpligtig post)", "The letter has legal effect (mandatory post)"},
		"digitalpost.inbox_page.document":  {"Brevet", "The letter"},
		"digitalpost.inbox_page.actions":   {"Handlinger", "Actions"},
		"digitalpost.print_page.intro": {
			"Breve til borgere fritaget for Digital Post og virksomheder uden Digital Post. Printkøen er udviklingens udgave af fjernprint; hver visning af modtagerne logges.",
			"Letters to citizens exempt from Digital Post and businesses without it. The print queue is the development stand-in for the print service; each view of the recipients is logged."},
		"digitalpost.print_page.marked":    {"Brevet er markeret som printet.", "The letter is marked as printed."},
		"digitalpost.print_page.show":      {"Vis", "Show"},
		"digitalpost.print_page.letter":    {"Brev (PDF)", "Letter (PDF)"},
		"digitalpost.print_page.recipient": {"Modtager", "Recipient"},
		"nav.print":                        {"Printkø", "Print queue"},
		"nav.digitalpost":                  {"Digital Post", "Digital Post"},
		"audit.action.print_queue_viewed":  {"Printkø vist", "Print queue viewed"},
	})
}

package locale

// Texts of the national services behind outbound letters: CVR numbers
// (internal/cvr), Digital Post registrations, SF1601's channels and the
// status messages (internal/sf1601), the development Digital Post inbox
// and print queue (docs/digital-post.md).
func init() {
	add(map[string]message{
		"cvr.error.format": {"Et CVR-nummer er otte cifre, skrevet samlet eller i par med mellemrum.", "A CVR number is eight digits, written together or in pairs with spaces."},
		"cvr.error.check":  {"CVR-nummerets kontrolciffer passer ikke; et ciffer er nok tastet forkert.", "The CVR number's check digit does not match; a digit is probably mistyped."},

		"sf1601.registration.registered":     {"Tilmeldt Digital Post", "Registered for Digital Post"},
		"sf1601.registration.exempt":         {"Fritaget for Digital Post", "Exempt from Digital Post"},
		"sf1601.registration.not_registered": {"Ikke tilmeldt Digital Post", "Not registered for Digital Post"},

		"sf1601.channel.digital_post":  {"Digital Post", "Digital Post"},
		"sf1601.channel.physical_post": {"Fysisk post (fjernprint)", "Physical post (remote print)"},
		"sf1601.channel.automatic":     {"Automatisk valg (Digital Post, ellers papir)", "Automatic choice (Digital Post, otherwise paper)"},

		"sf1601.status.sent":      {"Afsendt", "Sent"},
		"sf1601.status.delivered": {"Leveret i Digital Post", "Delivered to Digital Post"},
		"sf1601.status.failed":    {"Ikke leveret", "Not delivered"},
		"sf1601.status.printed":   {"Printet og sendt med posten", "Printed and posted"},

		"sf1601.reason.not_registered": {"Modtageren kan ikke modtage Digital Post.", "The recipient cannot receive Digital Post."},

		"digitalpost.dev_notice":        {"Udviklingsudgave – kun til test: Digital Post leveres her i Kanal, ikke til borger.dk.", "Development version – for testing only: Digital Post is delivered here in Kanal, not to borger.dk."},
		"digitalpost.inbox.title":       {"Digital Post", "Digital Post"},
		"digitalpost.inbox.empty":       {"Du har ingen post.", "You have no post."},
		"digitalpost.inbox.received":    {"Modtaget", "Received"},
		"digitalpost.inbox.unread":      {"Ulæst", "Unread"},
		"digitalpost.inbox.read":        {"Læst", "Read"},
		"digitalpost.inbox.not_found":   {"Beskeden findes ikke i din Digital Post.", "The message is not in your Digital Post."},
		"digitalpost.inbox.attachments": {"Bilag", "Attachments"},

		"digitalpost.print.title":           {"Printkø", "Print queue"},
		"digitalpost.print.empty":           {"Ingen breve venter på print.", "No letters are waiting to be printed."},
		"digitalpost.print.queued":          {"Sat i kø", "Queued"},
		"digitalpost.print.printed":         {"Printet", "Printed"},
		"digitalpost.print.printed_by":      {"Printet af %s", "Printed by %s"},
		"digitalpost.print.mark":            {"Markér som printet", "Mark as printed"},
		"digitalpost.print.pdf":             {"Hent PDF", "Download PDF"},
		"digitalpost.print.already":         {"Brevet er allerede markeret som printet.", "The letter is already marked as printed."},
		"digitalpost.print.not_found":       {"Brevet findes ikke i kommunens printkø.", "The letter is not in the municipality's print queue."},
		"digitalpost.print.include_printed": {"Vis også printede breve", "Show printed letters too"},
	})
}

package locale

// Texts of the webhook address guard and of the case notices sent as
// letters (internal/casenotice).
func init() {
	add(map[string]message{
		"cli.flag.webhooks-allow-private": {"tillad, at webhooks (sagssystem, brevenes tilbagekald) går til loopback- og private adresser, fx et sagssystem på det interne net (KANAL_WEBHOOKS_ALLOW_PRIVATE)", "let webhooks (case system, letter callbacks) go to loopback and private addresses, e.g. a case system on the internal network (KANAL_WEBHOOKS_ALLOW_PRIVATE)"},
		"deliveries.error.blocked":        {"Adressen er ikke offentlig (intern eller lokal) og er ikke tilladt", "The address is not public (internal or local) and is not allowed"},

		"casenotice.receipt.title":        {"Kvittering: %s", "Receipt: %s"},
		"casenotice.receipt.body":         {"Vi har modtaget din ansøgning om %s den %s.\n\nSagens nummer er %s. Oplys nummeret, hvis du kontakter os om sagen.\n\n%s", "We received your application about %s on %s.\n\nThe case number is %s. Give the number if you contact us about the case.\n\n%s"},
		"casenotice.receipt.answer_by":    {"Du kan forvente svar senest %s.", "You can expect an answer by %s."},
		"casenotice.receipt.no_answer_by": {"Vi svarer dig, så snart vi kan.", "We will answer you as soon as we can."},
		"casenotice.notice.title":         {"Nyt om din sag %s", "News about your case %s"},
		"casenotice.notice.body":          {"Din sag om %s (sagsnummer %s) har fået en ny status: %s.\n\nDu kan følge sagen på kommunens selvbetjening.", "Your case about %s (case number %s) has a new status: %s.\n\nYou can follow the case on the municipality's self-service."},
	})
}

package locale

// Texts of the delivery to the case system: the staff page of deliveries
// not yet received and "kanal casesystem".
func init() {
	add(map[string]message{
		"nav.deliveries": {"Sagssystem", "Case system"},

		"deliveries.title": {"Levering til sagssystemet", "Delivery to the case system"},
		"deliveries.lead": {"Indsendte sager sendes til kommunens sagssystem. Her står de leverancer, sagssystemet ikke har modtaget endnu: dem, der venter på et nyt forsøg, og dem, der er opgivet efter sidste forsøg. Indholdet vises ikke, for det rummer borgerens personoplysninger.",
			"Submitted cases are sent to the municipality's case system. Here are the deliveries the case system has not received yet: those waiting for another attempt, and those given up after the last attempt. Their content is not shown, for it holds the citizen's personal data."},
		"deliveries.endpoint":       {"Sagssystemets adresse: %s (sat %s).", "The case system's address: %s (set %s)."},
		"deliveries.no_endpoint":    {"Der er ingen adresse til sagssystemet, så indsendte sager leveres ikke. Den sættes af driften med kommandoen kanal casesystem set.", "There is no address for the case system, so submitted cases are not delivered. Operations set it with the command kanal casesystem set."},
		"deliveries.caption":        {"Leverancer, sagssystemet ikke har modtaget", "Deliveries the case system has not received"},
		"deliveries.event":          {"Hændelse", "Event"},
		"deliveries.key":            {"Nøgle", "Key"},
		"deliveries.created":        {"Oprettet", "Created"},
		"deliveries.state":          {"Status", "State"},
		"deliveries.attempts":       {"Forsøg", "Attempts"},
		"deliveries.last_error":     {"Sidste fejl", "Last error"},
		"deliveries.next":           {"Næste forsøg", "Next attempt"},
		"deliveries.actions":        {"Handlinger", "Actions"},
		"deliveries.none":           {"Sagssystemet har modtaget alle leverancer.", "The case system has received every delivery."},
		"deliveries.resend":         {"Send igen", "Send again"},
		"deliveries.send_now":       {"Send nu", "Send now"},
		"deliveries.resend.label":   {"Send igen: leverance %d (%s)", "Send again: delivery %d (%s)"},
		"deliveries.send_now.label": {"Send nu: leverance %d (%s)", "Send now: delivery %d (%s)"},
		"deliveries.resent":         {"Leverance %d sendes igen inden for et minut.", "Delivery %d will be sent again within a minute."},
		"deliveries.help": {"Sagssystemet afviser eller svarer ikke. Når fejlen hos sagssystemet er rettet, kan en opgivet leverance sendes igen; sagssystemet genkender en leverance, det allerede har modtaget, på nøglen.",
			"The case system refuses or does not answer. Once the fault at the case system is fixed, a delivery given up can be sent again; the case system recognises a delivery it has received before by its key."},

		"deliveries.state.pending":   {"Venter", "Waiting"},
		"deliveries.state.dead":      {"Opgivet", "Given up"},
		"deliveries.state.delivered": {"Leveret", "Delivered"},

		"deliveries.error.status":      {"Svarede %d", "Answered %d"},
		"deliveries.error.timeout":     {"Svarede ikke i tide", "No answer in time"},
		"deliveries.error.refused":     {"Forbindelsen blev afvist", "Connection refused"},
		"deliveries.error.dns":         {"Værtsnavnet findes ikke", "Unknown host name"},
		"deliveries.error.tls":         {"Sikker forbindelse (TLS) fejlede", "Secure connection (TLS) failed"},
		"deliveries.error.network":     {"Netværksfejl", "Network error"},
		"deliveries.error.no_endpoint": {"Ingen adresse til sagssystemet", "No case system address"},

		"deliveries.bad_url": {"%q er ikke en http- eller https-adresse med et værtsnavn (uden brugernavn og adgangskode).",
			"%q is not an http or https address with a host name (without user name and password)."},

		"cli.help.casesystem": {"casesystem set|show|remove\tsagssystemets adresse til levering af indsendte sager (se \"kanal casesystem\")",
			"casesystem set|show|remove\tthe case system's address that submitted cases are delivered to (see \"kanal casesystem\")"},
		"cli.casesystem.usage": {`Brug:
  kanal casesystem set --municipality ID --url URL
  kanal casesystem show --municipality ID
  kanal casesystem remove --municipality ID
Indsendte sager sendes til adressen som signerede JSON-kald (se docs/case-delivery.md).
set laver en ny hemmelighed hver gang og viser den kun den ene gang; den gamle holder op med at virke.
`, `Usage:
  kanal casesystem set --municipality ID --url URL
  kanal casesystem show --municipality ID
  kanal casesystem remove --municipality ID
Submitted cases are sent to the address as signed JSON requests (see docs/case-delivery.md).
set makes a new secret every time and shows it that once only; the old one stops working.
`},
		"cli.flag.casesystem.url": {"sagssystemets `ADRESSE` (http eller https), leverancerne sendes til", "the case system's `ADDRESS` (http or https) the deliveries are posted to"},
		"cli.casesystem.set": {"Sagssystemets adresse for %s er nu %s.\nHemmeligheden, som leverancerne signeres med, vises kun denne ene gang:\n",
			"The case system's address for %s is now %s.\nThe secret the deliveries are signed with is shown this once only:\n"},
		"cli.casesystem.show": {"Adresse: %s\nSat: %s\nIkke modtaget: %d venter, %d opgivet\n",
			"Address: %s\nSet: %s\nNot received: %d waiting, %d given up\n"},
		"cli.casesystem.none": {"%s har ingen adresse til sagssystemet.\n", "%s has no case system address.\n"},
		"cli.casesystem.removed": {"Sagssystemets adresse for %s er fjernet. Leverancer, der venter, sendes først, når en ny adresse er sat.\n",
			"The case system's address for %s has been removed. Deliveries waiting are sent only once a new address is set.\n"},
	})
}

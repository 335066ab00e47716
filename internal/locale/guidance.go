package locale

// Texts of the channel guidance: the rules that decided and what staff can
// say to the citizen.
func init() {
	add(map[string]message{
		"guidance.unknown_area":     {"Ukendt område %q; angiv områdets id eller KLE-nummer.", "Unknown area %q; give the area's id or KLE number."},
		"guidance.bad_direction":    {"Ukendt retning %q; brug inbound eller outbound.", "Unknown direction %q; use inbound or outbound."},
		"guidance.unknown_type":     {"Ukendt henvendelsestype %q; strategiens typer er %s.", "Unknown inquiry type %q; the strategy's types are %s."},
		"guidance.type_not_handled": {"%s håndterer ikke henvendelsestypen %q.", "%s does not handle the inquiry type %q."},
		"guidance.unknown_channel":  {"Ukendt kanal %q.", "Unknown channel %q."},
		"guidance.bad_time":         {"%q er ikke et tidspunkt; brug RFC 3339, fx 2014-03-31T10:15:00+02:00.", "%q is not a time; use RFC 3339, e.g. 2014-03-31T10:15:00+02:00."},
		"guidance.bad_flag":         {"%q er hverken true eller false.", "%q is neither true nor false."},
		"guidance.required":         {"%s mangler.", "%s is missing."},

		"guidance.when": {"%s kl. %s", "%s at %s"},
		"weekday.mon":   {"mandag", "Monday"}, "weekday.tue": {"tirsdag", "Tuesday"}, "weekday.wed": {"onsdag", "Wednesday"},
		"weekday.thu": {"torsdag", "Thursday"}, "weekday.fri": {"fredag", "Friday"}, "weekday.sat": {"lørdag", "Saturday"},
		"weekday.sun": {"søndag", "Sunday"},

		"guidance.reason.priority":              {"For %s er primær kanal %s og sekundær kanal %s.", "For %s the primary channel is %s and the secondary %s."},
		"guidance.reason.inappropriate":         {"%s er en uhensigtsmæssig kanal for denne henvendelse.", "%s is an inappropriate channel for this inquiry."},
		"guidance.reason.no_solution":           {"Området har ingen løsning til %s.", "The area has no solution for %s."},
		"guidance.reason.no_login":              {"%s kræver %s, som borgeren ikke har.", "%s needs %s, which the citizen does not have."},
		"guidance.reason.digital_post_exempt":   {"Borgeren er fritaget for Digital Post.", "The citizen is exempt from Digital Post."},
		"guidance.reason.digital_post_login":    {"Digital Post kræver %s, som borgeren ikke har.", "Digital Post needs %s, which the citizen does not have."},
		"guidance.reason.closed":                {"%s er lukket nu og åbner igen %s.", "%s is closed now and opens again %s."},
		"guidance.reason.closed_long":           {"%s er lukket nu og åbner ikke de næste to uger.", "%s is closed now and does not open in the next two weeks."},
		"guidance.reason.callback":              {"Telefonen kan tilbyde tilbagering.", "The phone service can offer a callback."},
		"guidance.reason.mandatory":             {"%s er obligatorisk digital selvbetjening (%s).", "%s is mandatory digital self-service (%s)."},
		"guidance.reason.no_login_not_exempt":   {"%[1]s kræver %[2]s, som borgeren ikke har. Det fritager ikke i sig selv: vejled borgeren i at få %[2]s, eller afgør, om særlige forhold giver fritagelse, og registrér afgørelsen.", "%[1]s needs %[2]s, which the citizen does not have. That alone does not exempt: guide the citizen to get %[2]s, or decide whether special circumstances give an exemption, and record the decision."},
		"guidance.reason.channel_order":         {"Strategiens prioritering af kanaler gælder: %s", "The strategy's order of channels applies: %s"},
		"guidance.reason.referral_area":         {"Sager om %s behandles af %s, ikke af kommunen: henvis borgeren dertil.", "Cases on %s are handled by %s, not by the municipality: refer the citizen there."},
		"guidance.reason.referral_closed":       {"%s har lukket nu og åbner igen %s.", "%s is closed now and opens again %s."},
		"guidance.reason.referral_closed_long":  {"%s har lukket nu og åbner ikke de næste to uger.", "%s is closed now and does not open in the next two weeks."},
		"guidance.reason.referral_phone_closed": {"Kommunens telefon er lukket, men %s har åbent nu og kan hjælpe med information.", "The municipality's phone is closed, but %s is open now and can help with information."},
		"guidance.reason.exempt":                {"Borgeren er fritaget for obligatorisk digital selvbetjening og bruger %s.", "The citizen is exempt from mandatory self-service and uses %s."},
		"guidance.reason.refused":               {"En ansøgning via %s afvises: den skal indgives digitalt, medmindre borgeren er fritaget.", "An application by %s is refused: it must be made digitally unless the citizen is exempt."},
		"guidance.reason.assisted":              {"Skranken er åben: tilbyd medbetjening, så borgeren bruger selvbetjeningen med hjælp.", "The counter is open: offer assisted self-service, so the citizen uses self-service with help."},
		"guidance.reason.special_needs":         {"Borgeren har særlige behov: giv den nødvendige støtte på den anbefalede kanal.", "The citizen has special needs: give the support needed on the recommended channel."},

		"guidance.script.self_service_days":    {"Det kan du klare selv på %s. Det er hurtigst, og du får en kvittering; du kan normalt forvente svar inden for %d arbejdsdage.", "You can do it yourself at %s. It is quickest, and you get a receipt; you can usually expect an answer within %d working days."},
		"guidance.script.self_service":         {"Det kan du klare selv på %s. Det er hurtigst, og du får en kvittering.", "You can do it yourself at %s. It is quickest, and you get a receipt."},
		"guidance.script.assisted":             {"Jeg kan hjælpe dig igennem det her og nu.", "I can help you through it here and now."},
		"guidance.script.refused":              {"%s skal søges digitalt; en papiransøgning kan ikke behandles.", "%s must be applied for digitally; a paper application cannot be processed."},
		"guidance.script.website":              {"Svaret står på kommunens hjemmeside og på borger.dk.", "The answer is on the municipality's website and on borger.dk."},
		"guidance.script.digital_post":         {"Skriv til os med Digital Post via borger.dk, så er dine oplysninger sikre.", "Write to us with Digital Post via borger.dk, so that your details are safe."},
		"guidance.script.phone":                {"Ring til os, så hjælper vi dig.", "Call us and we will help you."},
		"guidance.script.in_person":            {"Kom forbi i åbningstiden, så hjælper vi dig.", "Come by during opening hours and we will help you."},
		"guidance.script.contact_form":         {"Skriv dit spørgsmål i kontaktformularen på kommunens hjemmeside – uden personfølsomme oplysninger.", "Write your question in the contact form on the municipality's website – without personal details."},
		"guidance.script.other":                {"Brug %s.", "Use %s."},
		"guidance.script.callback":             {"Vi kan også ringe dig op, når telefonen åbner.", "We can also call you back when the phone opens."},
		"guidance.script.outbound":             {"Send med %s.", "Send by %s."},
		"guidance.script.get_login":            {"Du skal bruge %[1]s for at søge digitalt. Jeg kan vejlede dig i, hvordan du får %[1]s.", "You need %[1]s to apply digitally. I can guide you in how to get %[1]s."},
		"guidance.script.referral_contact_url": {"Du kan få hjælp hos %s, %s, eller på %s.", "You can get help from %s, %s, or at %s."},
		"guidance.script.referral_contact":     {"Du kan få hjælp hos %s, %s.", "You can get help from %s, %s."},
		"guidance.script.referral_url":         {"Du kan få hjælp hos %s på %s.", "You can get help from %s at %s."},
		"guidance.script.referral":             {"Du kan få hjælp hos %s.", "You can get help from %s."},

		"guidance.refer_to_contact": {"Henvis til %s på %s", "Refer to %s at %s"},
		"guidance.refer_to_url":     {"Henvis til %s (%s)", "Refer to %s (%s)"},
		"guidance.refer_to":         {"Henvis til %s", "Refer to %s"},
	})
}

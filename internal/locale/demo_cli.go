package locale

// Texts of "kanal demo generate" (cmd/kanal/demo.go).
func init() {
	add(map[string]message{
		"cli.help.demo": {"demo generate --municipalities N --inquiries M\tdemodata for mange kommuner: kopier af Dragør og Tårnby i rigtige kommuners størrelser (kan genoptages)",
			"demo generate --municipalities N --inquiries M\tdemo data for many municipalities: copies of Dragør and Tårnby at real municipalities' sizes (resumable)"},
		"cli.demo.usage": {"Brug: kanal demo generate --municipalities N --inquiries M [--db ADRESSE]\n" +
			"Skriver M syntetiske henvendelser (demodata) for N demokommuner gennem den almindelige registrering.\n" +
			"En kørsel, der blev afbrudt, fortsættes af den næste med de samme tal; intet skrives to gange.\n",
			"Usage: kanal demo generate --municipalities N --inquiries M [--db ADDRESS]\n" +
				"Writes M synthetic inquiries (demo data) for N demo municipalities through the normal recording.\n" +
				"A run that was interrupted is continued by the next with the same numbers; nothing is written twice.\n"},
		"cli.flag.demo.generate.municipalities": {"`ANTAL` demokommuner (1 eller flere); hver er en kopi af Dragørs eller Tårnbys strategi med sit eget id og en rigtig dansk kommunes størrelse",
			"`NUMBER` of demo municipalities (1 or more); each is a copy of Dragør's or Tårnby's strategy with its own id and a real Danish municipality's size"},
		"cli.flag.demo.generate.inquiries": {"`ANTAL` henvendelser i alt (1 eller flere), fordelt efter kommunernes størrelse",
			"`NUMBER` of inquiries in all (1 or more), shared by the municipalities' sizes"},
		"cli.demo.generate.plan":     {"%s demokommuner, %s i alt: %s\n", "%s demo municipalities, %s in all: %s\n"},
		"cli.demo.generate.progress": {"%s: %s af %s (%s pr. sekund)\n", "%s: %s of %s (%s a second)\n"},
		"cli.demo.generate.done":     {"%s %s: %s, heraf %s fra en tidligere kørsel.\n", "%s %s: %s, of which %s from an earlier run.\n"},
		"cli.demo.generate.total": {"Skrev %s på %s s (%s pr. sekund). Tallene kan tjekkes med kanal rollup verify.\n",
			"Wrote %s in %s s (%s a second). Check the counts with kanal rollup verify.\n"},
	})
}

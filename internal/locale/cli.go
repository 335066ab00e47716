package locale

// Texts of the command line.
func init() {
	add(map[string]message{
		"cli.usage": {`Brug: kanal KOMMANDO [flag]

Kommandoer:
  serve                         start Kanal (web og API)
  strategy validate FIL ...     tjek strategifiler; hver fejl som fil:linje:kolonne: besked
  strategy load FIL             gem en strategifil som kommunens nye version
  strategy show [--municipality ID]
                                vis den gældende strategi
  user add|list|password|disable
                                brugere og engangsadgangskoder (se "kanal user")
  apikey add|list|revoke        API-nøgler til andre systemer (se "kanal apikey")
  import inquiries --municipality ID FIL.csv
                                indlæs henvendelser fra en CSV-fil (se docs/import.md)
  rollup verify|rebuild [--municipality ID]
                                tæl henvendelserne forfra og sammenlign med (eller genopbyg) tallene
  report --municipality ID --year ÅR [--format pdf|html] [--out FIL]
                                årsrapporten til kommunalbestyrelsen
  help                          vis denne hjælp

Kommandoer, der bruger databasen, tager --db (KANAL_DB): sqlite:STI eller postgres://…
Skriv "kanal KOMMANDO -h" for kommandoens flag. KANAL_LANG=en giver engelske beskeder.
`, `Usage: kanal COMMAND [flags]

Commands:
  serve                         run Kanal (web and API)
  strategy validate FILE ...    check strategy files; each problem as file:line:col: message
  strategy load FILE            store a strategy file as its municipality's new version
  strategy show [--municipality ID]
                                print the current strategy
  user add|list|password|disable
                                users and one-time passwords (see "kanal user")
  apikey add|list|revoke        API keys for other systems (see "kanal apikey")
  import inquiries --municipality ID FILE.csv
                                import inquiries from a CSV file (see docs/import.md)
  rollup verify|rebuild [--municipality ID]
                                recount the inquiries and compare with (or rebuild) the counts
  report --municipality ID --year YEAR [--format pdf|html] [--out FILE]
                                the yearly report to the municipal council
  help                          print this help

Commands that use the database take --db (KANAL_DB): sqlite:PATH or postgres://…
Run "kanal COMMAND -h" for a command's flags. KANAL_LANG=da gives Danish messages.
`},
		"cli.unknown_command": {"kanal: ukendt kommando %q\n\n", "kanal: unknown command %q\n\n"},
		"cli.strategy.usage": {"Brug: kanal strategy validate FIL ... | load FIL | show [--municipality ID]\n",
			"Usage: kanal strategy validate FILE ... | load FILE | show [--municipality ID]\n"},

		"cli.validate.ok":    {"%s: gyldig – %s %d–%d, %s, %s, %s\n", "%s: valid – %s %d–%d, %s, %s, %s\n"},
		"cli.validate.count": {"%s: %s; intet er indlæst\n", "%s: %s; nothing was loaded\n"},
		"cli.load.created":   {"%s: indlæst som version %[3]d af strategien for %[2]s\n", "%s: loaded as version %[3]d of the strategy for %[2]s\n"},
		"cli.load.unchanged": {"%s: uændret – svarer til version %[3]d af strategien for %[2]s\n", "%s: unchanged – equal to version %[3]d of the strategy for %[2]s\n"},

		"cli.show.none":         {"Der er ingen kommuner i databasen. Indlæs en strategi med: kanal strategy load FIL\n", "There are no municipalities in the database. Load a strategy with: kanal strategy load FILE\n"},
		"cli.show.unknown":      {"Kommunen %q findes ikke i databasen. Se kommunerne med: kanal strategy show\n", "The municipality %q is not in the database. List them with: kanal strategy show\n"},
		"cli.show.version":      {"Version %d, indlæst %s fra %s (sha256 %s)\n", "Version %d, loaded %s from %s (sha256 %s)\n"},
		"cli.show.period":       {"Periode: %d–%d\n", "Period: %d–%d\n"},
		"cli.show.digital":      {"digital", "digital"},
		"cli.show.mandatory":    {"obligatorisk digital fra %s (%s); fritagne: %s", "mandatory digital from %s (%s); exempted: %s"},
		"cli.show.self_service": {"selvbetjening: %s, SB-niveau %d, %s", "self-service: %s, SB level %d, %s"},

		"cli.serve.url":      {"Kanal kører på %s\n", "Kanal is running at %s\n"},
		"cli.serve.listen":   {"Kanal kan ikke lytte på %s. Vælg en anden adresse med --addr (fx --addr 127.0.0.1:8081).\n", "Kanal cannot listen on %s. Choose another address with --addr (e.g. --addr 127.0.0.1:8081).\n"},
		"cli.serve.empty":    {"Der er ingen kommuner endnu. Indlæs en strategi med \"kanal strategy load FIL\" eller start med --demo.\n", "There are no municipalities yet. Load a strategy with \"kanal strategy load FILE\" or start with --demo.\n"},
		"cli.serve.refused":  {"kanal serve: starter ikke, fordi en strategi har fejl (se ovenfor).", "kanal serve: not starting because a strategy has problems (see above)."},
		"cli.import.usage":   {"Brug: kanal import inquiries --municipality ID FIL.csv\nKolonnerne er beskrevet i docs/import.md.\n", "Usage: kanal import inquiries --municipality ID FILE.csv\nThe columns are described in docs/import.md.\n"},
		"cli.import.done":    {"%s: %s indlæst, %s, %s afvist.\n", "%s: %s imported, %s, %s rejected.\n"},
		"cli.import.again":   {"%s: filen er indlæst før; intet er indlæst igen.\n", "%s: the file was imported before; nothing was imported again.\n"},
		"cli.rollup.usage":   {"Brug: kanal rollup verify|rebuild [--municipality ID]\n", "Usage: kanal rollup verify|rebuild [--municipality ID]\n"},
		"cli.rollup.ok":      {"%s: tallene svarer til en ny optælling.\n", "%s: the counts equal a recount.\n"},
		"cli.rollup.more":    {"  … og %d til\n", "  … and %d more\n"},
		"cli.rollup.rebuilt": {"%s: tallene er genopbygget (%s).\n", "%s: the counts were rebuilt (%s).\n"},
		"cli.demo.done":      {"Demodata: %s %d–%d: %s (%s s)\n", "Demo data: %s %d–%d: %s (%s s)\n"},

		// Counts, in the form that agrees with the number (Printer.Count
		// and Printer.Plural).
		"cli.count.problems.one":       {"%s fejl", "%s problem"},
		"cli.count.problems.other":     {"%s fejl", "%s problems"},
		"cli.count.areas.one":          {"%s område", "%s service area"},
		"cli.count.areas.other":        {"%s områder", "%s service areas"},
		"cli.count.channels.one":       {"%s kanal", "%s channel"},
		"cli.count.channels.other":     {"%s kanaler", "%s channels"},
		"cli.count.targets.one":        {"%s mål", "%s target"},
		"cli.count.targets.other":      {"%s mål", "%s targets"},
		"cli.count.inquiries.one":      {"%s henvendelse", "%s inquiry"},
		"cli.count.inquiries.other":    {"%s henvendelser", "%s inquiries"},
		"cli.count.rows.one":           {"%s række", "%s row"},
		"cli.count.rows.other":         {"%s rækker", "%s rows"},
		"cli.count.cells.one":          {"%s celle", "%s cell"},
		"cli.count.cells.other":        {"%s celler", "%s cells"},
		"cli.count.working_days.one":   {"%s arbejdsdag", "%s working day"},
		"cli.count.working_days.other": {"%s arbejdsdage", "%s working days"},
		"cli.import.already.one":       {"%s fandtes i forvejen", "%s was there already"},
		"cli.import.already.other":     {"%s fandtes i forvejen", "%s were there already"},
		"cli.rollup.differ.one":        {"%s: %s celle afviger fra en ny optælling (gemt ≠ optalt); ret med kanal rollup rebuild:\n", "%s: %s cell differs from a recount (stored ≠ recounted); repair with kanal rollup rebuild:\n"},
		"cli.rollup.differ.other":      {"%s: %s celler afviger fra en ny optælling (gemt ≠ optalt); ret med kanal rollup rebuild:\n", "%s: %s cells differ from a recount (stored ≠ recounted); repair with kanal rollup rebuild:\n"},
	})
}

package locale

// Texts of the command line.
func init() {
	add(map[string]message{
		// "kanal help" (cmd/kanal/commands.go): the head, one text per
		// command of the table with a line per form, "SYNOPSIS<tab>WHAT IT
		// DOES", and the foot.
		"cli.help.head":  {"Brug: kanal KOMMANDO [flag]\n\nKommandoer:\n", "Usage: kanal COMMAND [flags]\n\nCommands:\n"},
		"cli.help.serve": {"serve\tstart Kanal (web og API)", "serve\trun Kanal (web and API)"},
		"cli.help.strategy": {"strategy validate FIL ...\ttjek strategifiler; hver fejl som fil:linje:kolonne: besked\n" +
			"strategy load FIL\tgem en strategifil som kommunens nye version\n" +
			"strategy show [--municipality ID]\tvis den gældende strategi",
			"strategy validate FILE ...\tcheck strategy files; each problem as file:line:col: message\n" +
				"strategy load FILE\tstore a strategy file as its municipality's new version\n" +
				"strategy show [--municipality ID]\tprint the current strategy"},
		"cli.help.user": {"user add|list|password|disable\tbrugere og engangsadgangskoder (se \"kanal user\")",
			"user add|list|password|disable\tusers and one-time passwords (see \"kanal user\")"},
		"cli.help.apikey": {"apikey add|list|revoke\tAPI-nøgler til andre systemer (se \"kanal apikey\")",
			"apikey add|list|revoke\tAPI keys for other systems (see \"kanal apikey\")"},
		"cli.help.import": {"import inquiries --municipality ID FIL.csv\tindlæs henvendelser fra en CSV-fil (se docs/import.md)",
			"import inquiries --municipality ID FILE.csv\timport inquiries from a CSV file (see docs/import.md)"},
		"cli.help.rollup": {"rollup verify|rebuild [--municipality ID]\ttæl henvendelserne forfra og sammenlign med (eller genopbyg) tallene",
			"rollup verify|rebuild [--municipality ID]\trecount the inquiries and compare with (or rebuild) the counts"},
		"cli.help.report": {"report --municipality ID --year ÅR [--format pdf|html] [--out FIL]\tårsrapporten til kommunalbestyrelsen",
			"report --municipality ID --year YEAR [--format pdf|html] [--out FILE]\tthe yearly report to the municipal council"},
		"cli.help.help": {"help\tvis denne hjælp", "help\tprint this help"},
		"cli.help.foot": {"\nKommandoer, der bruger databasen, tager --db (KANAL_DB): sqlite:STI eller postgres://…\n" +
			"Skriv \"kanal KOMMANDO -h\" for kommandoens flag. KANAL_LANG=en giver engelske beskeder.\n",
			"\nCommands that use the database take --db (KANAL_DB): sqlite:PATH or postgres://…\n" +
				"Run \"kanal COMMAND -h\" for a command's flags. KANAL_LANG=da gives Danish messages.\n"},

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

		"cli.serve.url":                     {"Kanal kører på %s\n", "Kanal is running at %s\n"},
		"cli.serve.listen":                  {"Kanal kan ikke lytte på %s. Vælg en anden adresse med --addr (fx --addr 127.0.0.1:8081).\n", "Kanal cannot listen on %s. Choose another address with --addr (e.g. --addr 127.0.0.1:8081).\n"},
		"cli.serve.empty":                   {"Der er ingen kommuner endnu. Indlæs en strategi med \"kanal strategy load FIL\" eller start med --demo.\n", "There are no municipalities yet. Load a strategy with \"kanal strategy load FILE\" or start with --demo.\n"},
		"cli.serve.refused":                 {"kanal serve: starter ikke, fordi en strategi har fejl (se ovenfor).\n", "kanal serve: not starting because a strategy has problems (see above).\n"},
		"cli.import.usage":                  {"Brug: kanal import inquiries --municipality ID FIL.csv\nKolonnerne er beskrevet i docs/import.md.\n", "Usage: kanal import inquiries --municipality ID FILE.csv\nThe columns are described in docs/import.md.\n"},
		"cli.import.done":                   {"%s: %s indlæst, %s, %s afvist.\n", "%s: %s imported, %s, %s rejected.\n"},
		"cli.import.again":                  {"%s: filen er indlæst før; intet er indlæst igen.\n", "%s: the file was imported before; nothing was imported again.\n"},
		"cli.rollup.usage":                  {"Brug: kanal rollup verify|rebuild [--municipality ID]\n", "Usage: kanal rollup verify|rebuild [--municipality ID]\n"},
		"cli.rollup.count.inquiries":        {"henvendelser", "inquiries"},
		"cli.rollup.count.resolved":         {"straksafklarede", "resolved at first contact"},
		"cli.rollup.count.guided":           {"guidede", "guided"},
		"cli.rollup.count.assisted":         {"medbetjente", "assisted"},
		"cli.rollup.count.exempt":           {"fritagne", "exempt"},
		"cli.rollup.count.referred":         {"henviste", "referred"},
		"cli.rollup.count.timed":            {"med varighed", "timed"},
		"cli.rollup.count.duration_seconds": {"sekunder", "seconds"},
		"cli.rollup.ok":                     {"%s: tallene svarer til en ny optælling.\n", "%s: the counts equal a recount.\n"},
		"cli.rollup.more":                   {"  … og %d til\n", "  … and %d more\n"},
		"cli.rollup.rebuilt":                {"%s: tallene er genopbygget (%s).\n", "%s: the counts were rebuilt (%s).\n"},
		"cli.rollup.uncounted.one": {"%s: %s henvendelse har en varighed over et døgn, gemt af en ældre Kanal; tallene regner den som en henvendelse uden varighed.\n",
			"%s: %s inquiry carries a duration over a day, stored by an older Kanal; the counts take it as an inquiry without a duration.\n"},
		"cli.rollup.uncounted.other": {"%s: %s henvendelser har en varighed over et døgn, gemt af en ældre Kanal; tallene regner dem som henvendelser uden varighed.\n",
			"%s: %s inquiries carry a duration over a day, stored by an older Kanal; the counts take them as inquiries without a duration.\n"},
		"cli.demo.done": {"Demodata: %s %s: %s (%s s)\n", "Demo data: %s %s: %s (%s s)\n"},

		// Flag help (kanal COMMAND -h, internal/config/usage.go): a flag's
		// text is looked up for the command (cli.flag.user.add.NAME), its
		// group (cli.flag.user.NAME) and every command (cli.flag.NAME); the
		// word in backquotes names the flag's value.
		"cli.flags.usage":   {"Brug af %s:\n", "Usage of %s:\n"},
		"cli.flags.value":   {"VÆRDI", "VALUE"},
		"cli.flags.default": {" (standard: %s)", " (default: %s)"},

		// A flag that cannot be read (cmd/kanal/flags.go): the command as
		// typed, the flag, and for a refused value what it must be and
		// what was given; exit 2.
		"cli.flag_error.unknown":         {"%[1]s: ukendt flag %[2]s; se %[1]s -h\n", "%[1]s: unknown flag %[2]s; see %[1]s -h\n"},
		"cli.flag_error.no_value":        {"%[1]s: --%[2]s mangler en værdi; se %[1]s -h\n", "%[1]s: --%[2]s needs a value; see %[1]s -h\n"},
		"cli.flag_error.value":           {"%[1]s: --%[2]s skal være %[3]s, ikke %[4]q; se %[1]s -h\n", "%[1]s: --%[2]s must be %[3]s, not %[4]q; see %[1]s -h\n"},
		"cli.flag_error.refused":         {"%[1]s: --%[2]s kan ikke være %[3]q; se %[1]s -h\n", "%[1]s: --%[2]s cannot be %[3]q; see %[1]s -h\n"},
		"cli.flag_error.unreadable":      {"%[1]s: flagene %[2]q kan ikke læses; se %[1]s -h\n", "%[1]s: the flags %[2]q cannot be read; see %[1]s -h\n"},
		"cli.flag_error.want.int":        {"et helt tal", "a whole number"},
		"cli.flag_error.want.bool":       {"true eller false", "true or false"},
		"cli.flag_error.want.years":      {"et helt antal år fra 1 til 100", "a whole number of years from 1 to 100"},
		"cli.flag_error.want.log_level":  {"debug, info, warn eller error", "debug, info, warn or error"},
		"cli.flag_error.want.log_format": {"text eller json", "text or json"},
		"cli.flag_error.want.lang":       {"da (dansk) eller en (engelsk)", "da (Danish) or en (English)"},
		"cli.flag_error.want.db":         {"sqlite:STI eller postgres://BRUGER@VÆRT/DB", "sqlite:PATH or postgres://USER@HOST/DB"},
		// A setting from the environment that is refused (cmd/kanal/flags.go):
		// the command as typed (or kanal), the variable, what it must be and
		// what was given; exit 2. From a flag, it is told as
		// cli.flag_error.value.
		"cli.setting_error.env": {"%[1]s: %[2]s skal være %[3]s, ikke %[4]q\n", "%[1]s: %[2]s must be %[3]s, not %[4]q\n"},

		"cli.flag.db":             {"`ADRESSE` på databasen: sqlite:STI eller postgres://BRUGER@VÆRT/DB (KANAL_DB)", "database `ADDRESS`: sqlite:PATH or postgres://USER@HOST/DB (KANAL_DB)"},
		"cli.flag.lang":           {"`SPROG` for beskeder: da eller en (KANAL_LANG)", "`LANGUAGE` of messages: da or en (KANAL_LANG)"},
		"cli.flag.addr":           {"`ADRESSE`, Kanal lytter på, fx 127.0.0.1:8080 (KANAL_ADDR)", "`ADDRESS` to listen on, e.g. 127.0.0.1:8080 (KANAL_ADDR)"},
		"cli.flag.demo":           {"indlæs Dragørs og Tårnbys strategier og demodata; som standard til for en ny SQLite-database (KANAL_DEMO)", "load the Dragør and Tårnby presets and demo data; by default on for a new SQLite database (KANAL_DEMO)"},
		"cli.flag.strategy":       {"`FIL` med en strategi, der indlæses ved start; kan gives flere gange (KANAL_STRATEGIES, adskilt med komma)", "strategy `FILE` to load at start; repeatable (KANAL_STRATEGIES, comma-separated)"},
		"cli.flag.log-format":     {"`FORMAT` for loggen: text eller json (KANAL_LOG_FORMAT)", "log `FORMAT`: text or json (KANAL_LOG_FORMAT)"},
		"cli.flag.log-level":      {"`NIVEAU` for loggen: debug, info, warn eller error (KANAL_LOG_LEVEL)", "log `LEVEL`: debug, info, warn or error (KANAL_LOG_LEVEL)"},
		"cli.flag.public-url":     {"`ADRESSE`, brugerne når Kanal på, fx https://kanal.kommune.dk/; https gør cookies sikre (KANAL_PUBLIC_URL)", "`ADDRESS` users reach Kanal at, e.g. https://kanal.kommune.dk/; https makes cookies Secure (KANAL_PUBLIC_URL)"},
		"cli.flag.oidc-issuer":    {"`ADRESSE` på den OpenID Connect-udbyder, medarbejderne logger ind hos (KANAL_OIDC_ISSUER); hemmeligheden læses fra KANAL_OIDC_CLIENT_SECRET", "OpenID Connect issuer `ADDRESS` for staff sign-in (KANAL_OIDC_ISSUER); the secret comes from KANAL_OIDC_CLIENT_SECRET"},
		"cli.flag.history-years":  {"hvor mange `ÅR` før strategiens første år en henvendelse må dateres (KANAL_HISTORY_YEARS)", "how many `YEARS` before the strategy's first year an inquiry may be dated (KANAL_HISTORY_YEARS)"},
		"cli.flag.oidc-client-id": {"Kanals klient-`ID` hos OpenID Connect-udbyderen (KANAL_OIDC_CLIENT_ID)", "Kanal's client `ID` at the OpenID Connect provider (KANAL_OIDC_CLIENT_ID)"},

		"cli.flag.municipality":               {"kommunens `ID`, fx dragoer", "the municipality's `ID`, e.g. dragoer"},
		"cli.flag.strategy.show.municipality": {"kommunens `ID`, fx dragoer; alle kommuner, hvis det udelades", "the municipality's `ID`, e.g. dragoer; all when left out"},
		"cli.flag.rollup.municipality":        {"kommunens `ID`, fx dragoer; alle kommuner, hvis det udelades", "the municipality's `ID`, e.g. dragoer; all when left out"},
		"cli.flag.import.municipality":        {"`ID` på kommunen, henvendelserne hører til, fx dragoer", "`ID` of the municipality the inquiries belong to, e.g. dragoer"},
		"cli.flag.report.year":                {"kalenderåret (`ÅR`); som standard det seneste år med optalte henvendelser", "the calendar `YEAR`; by default the last year with counted inquiries"},
		"cli.flag.report.format":              {"`FORMAT`: pdf eller html; som standard ud fra --out, ellers pdf", "`FORMAT`: pdf or html; by default from --out, else pdf"},
		"cli.flag.report.out":                 {"`FIL`, rapporten skrives til; som standard aarsrapport-KOMMUNE-ÅR.FORMAT", "the `FILE` to write; by default aarsrapport-MUNICIPALITY-YEAR.FORMAT"},
		"cli.flag.user.municipality":          {"brugerens kommune (`ID`), fx dragoer; ikke for drift", "the user's municipality (`ID`), e.g. dragoer; not for operators"},
		"cli.flag.user.role":                  {"`ROLLE`: staff, manager, strategy, auditor eller operator", "`ROLE`: staff, manager, strategy, auditor or operator"},
		"cli.flag.user.department":            {"afdelingens `ID`; kræves for afdelingsledere (manager)", "the department's `ID`; required for managers"},
		"cli.flag.user.name":                  {"brugerens `NAVN`; som standard delen af adressen før @", "the user's `NAME`; by default the part of the address before @"},
		"cli.flag.user.operators":             {"vis driften (operator) i stedet for en kommunes brugere", "list the operators instead of a municipality's users"},
		"cli.flag.apikey.municipality":        {"nøglens kommune (`ID`), fx dragoer", "the key's municipality (`ID`), e.g. dragoer"},
		"cli.flag.apikey.permissions":         {"`TILLADELSER`, adskilt med komma: ingest, read, cases, letters", "`PERMISSIONS`, comma-separated: ingest, read, cases, letters"},
		"cli.flag.apikey.test":                {"en testnøgle: det, den sender, gemmes, men tælles aldrig med", "a test key: what it sends is stored but never counted"},

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

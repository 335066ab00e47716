package locale

// Texts of sign-in, users, API keys, the audit log and the API's errors.
func init() {
	add(map[string]message{
		"nav.users":    {"Brugere", "Users"},
		"nav.keys":     {"API-nøgler", "API keys"},
		"nav.audit":    {"Revisionslog", "Audit log"},
		"nav.password": {"Skift adgangskode", "Change password"},
		"nav.logout":   {"Log ud", "Sign out"},

		"nav.logout_everywhere": {"Log ud overalt", "Sign out everywhere"},

		"role.staff":    {"Medarbejder", "Front-line staff"},
		"role.manager":  {"Afdelingsleder", "Department manager"},
		"role.strategy": {"Strategigruppe", "Strategy group"},
		"role.auditor":  {"Revisor", "Auditor"},
		"role.operator": {"Drift (platform)", "Platform operator"},

		"error.forbidden.title": {"Ingen adgang", "No access"},
		"error.forbidden":       {"Din rolle giver ikke adgang til denne side. Kontakt kommunens strategigruppe, hvis du har brug for den.", "Your role does not give access to this page. Contact your municipality's strategy group if you need it."},
		"error.not_text.title":  {"Ugyldige tegn", "Invalid characters"},
		"error.not_text":        {"Adressen eller formularen indeholder tegn, der ikke er gyldig tekst (fx et styretegn eller en anden tegnkodning end UTF-8). Ret det, du skrev, eller gå tilbage og prøv igen.", "The address or the form holds characters that are not valid text (such as a control character or an encoding other than UTF-8). Correct what you typed, or go back and try again."},
		"error.too_large.title": {"For stor forespørgsel", "Request too large"},
		"error.too_large":       {"Det, der blev sendt, er for stort. En strategifil må højst fylde 2 MB.", "What was sent is too large. A strategy file may be at most 2 MB."},
		"error.too_many.title":  {"For mange forsøg", "Too many attempts"},
		"error.too_many":        {"Der er kommet for mange forespørgsler fra din adresse. Vent et halvt minut, og prøv igen.", "Too many requests came from your address. Wait half a minute and try again."},

		"login.title":       {"Log ind", "Sign in"},
		"login.email":       {"E-mailadresse", "E-mail address"},
		"login.password":    {"Adgangskode", "Password"},
		"login.submit":      {"Log ind", "Sign in"},
		"login.failed":      {"Forkert e-mailadresse eller adgangskode.", "Wrong e-mail address or password."},
		"login.oidc":        {"Log ind med organisationens login", "Sign in with your organisation's login"},
		"login.or":          {"eller med e-mailadresse og adgangskode:", "or with e-mail address and password:"},
		"login.oidc_failed": {"Log ind via organisationens login lykkedes ikke. Prøv igen, eller kontakt strategigruppen, hvis du ikke har en bruger i Kanal.", "Signing in with your organisation's login did not succeed. Try again, or contact the strategy group if you have no account in Kanal."},
		"login.help":        {"Har du glemt adgangskoden, kan kommunens strategigruppe give dig en ny engangsadgangskode.", "If you have forgotten your password, your municipality's strategy group can give you a new one-time password."},

		"login.onetime_expired":          {"Engangsadgangskoden er udløbet. Bed strategigruppen i %s om en ny engangsadgangskode.", "The one-time password has expired. Ask the strategy group of %s for a new one-time password."},
		"login.onetime_expired.operator": {"Engangsadgangskoden er udløbet. Bed dem, der driver Kanal, om en ny (kommandoen kanal user password).", "The one-time password has expired. Ask whoever runs Kanal for a new one (the command kanal user password)."},
		"login.signed_out_everywhere":    {"Du er logget ud alle steder, også her.", "You have been signed out everywhere, here too."},

		"password.title":    {"Skift adgangskode", "Change password"},
		"password.forced":   {"Du er logget ind med en engangsadgangskode. Vælg din egen adgangskode for at fortsætte.", "You signed in with a one-time password. Choose your own password to continue."},
		"password.current":  {"Nuværende adgangskode", "Current password"},
		"password.new":      {"Ny adgangskode", "New password"},
		"password.repeat":   {"Gentag den nye adgangskode", "Repeat the new password"},
		"password.help":     {"Mindst 12 tegn. En sætning, du kan huske, er en god adgangskode.", "At least 12 characters. A sentence you can remember makes a good password."},
		"password.submit":   {"Gem adgangskode", "Save password"},
		"password.mismatch": {"De to nye adgangskoder er ikke ens.", "The two new passwords differ."},
		"password.done":     {"Din adgangskode er ændret, og du er logget ud alle andre steder.", "Your password has been changed, and you have been signed out everywhere else."},

		"auth.password_short":           {"Adgangskoden skal have mindst 12 tegn.", "The password must have at least 12 characters."},
		"auth.password_long":            {"Adgangskoden må højst fylde 72 bytes.", "The password may be at most 72 bytes."},
		"auth.password_unchanged":       {"Den nye adgangskode skal være en anden end den nuværende.", "The new password must differ from the current one."},
		"auth.wrong_current_password":   {"Den nuværende adgangskode er forkert.", "The current password is wrong."},
		"auth.onetime_expired":          {"Engangsadgangskoden er udløbet. Bed kommunens strategigruppe om en ny.", "The one-time password has expired. Ask your municipality's strategy group for a new one."},
		"auth.bad_name":                 {"Skriv navnet på én linje med højst 200 tegn.", "Write the name on one line, in at most 200 characters."},
		"auth.bad_email":                {"%q er ikke en gyldig e-mailadresse.", "%q is not a valid e-mail address."},
		"auth.email_taken":              {"Der findes allerede en bruger med adressen %s.", "A user with the address %s already exists."},
		"auth.bad_role":                 {"Ukendt rolle %q; brug staff, manager, strategy, auditor eller operator.", "Unknown role %q; use staff, manager, strategy, auditor or operator."},
		"auth.operator_no_municipality": {"En driftsbruger hører ikke til en kommune; udelad --municipality og --department.", "An operator belongs to no municipality; leave out --municipality and --department."},
		"auth.municipality_required":    {"Angiv brugerens kommune.", "Give the user's municipality."},
		"auth.unknown_municipality":     {"Kommunen %q findes ikke; indlæs dens strategi først.", "The municipality %q does not exist; load its strategy first."},
		"auth.department_required":      {"En afdelingsleder skal have en afdeling.", "A department manager needs a department."},
		"auth.unknown_department":       {"Afdelingen %q findes ikke i kommunens strategi.", "The department %q is not in the municipality's strategy."},
		"auth.bad_key_name":             {"Giv nøglen et navn på én linje med 1–100 tegn, fx telefonsystemet.", "Give the key a name on one line, of 1–100 characters, e.g. the phone system."},
		"auth.key_name_taken":           {"Der findes allerede en nøgle med navnet %q.", "A key named %q already exists."},
		"auth.bad_key_permission":       {"Ukendt tilladelse %q; brug ingest eller read.", "Unknown permission %q; use ingest or read."},
		"auth.no_key_permission":        {"Vælg mindst én tilladelse.", "Choose at least one permission."},

		"home.create.title": {"Opret eller opdater en kommune", "Create or update a municipality"},
		"home.create.text":  {"Indlæs kommunens strategifil (YAML). Er kommunen ny, oprettes den; opret derefter strategigruppens første bruger under Brugere.", "Load the municipality's strategy file (YAML). A new municipality is created; then create the strategy group's first user under Users."},

		"versions.upload":           {"Indlæs en ny version", "Load a new version"},
		"versions.upload.text":      {"Hent den gældende fil ovenfor, ret den, og indlæs den her. Fejl vises med linje og kolonne, og intet gemmes, før filen er fejlfri.", "Download the current file above, edit it and load it here. Problems are shown with line and column, and nothing is stored until the file is free of them."},
		"upload.title":              {"Indlæs strategi", "Load strategy"},
		"upload.file":               {"Strategifil (YAML)", "Strategy file (YAML)"},
		"upload.submit":             {"Indlæs", "Load"},
		"upload.no_file":            {"Vælg en strategifil.", "Choose a strategy file."},
		"upload.failed":             {"%s blev ikke indlæst", "%s was not loaded"},
		"upload.failed.text":        {"Ret disse fejl, og indlæs filen igen. Intet er gemt.", "Fix these problems and load the file again. Nothing was stored."},
		"upload.other_municipality": {"Filen er strategien for %q, ikke for %q.", "The file is the strategy of %q, not of %q."},
		"upload.created":            {"%s er indlæst som version %d.", "%s was loaded as version %d."},
		"upload.unchanged":          {"%s er uændret: den svarer til version %d. Intet er gemt.", "%s is unchanged: it equals version %d. Nothing was stored."},
		"upload.show":               {"Se strategien", "See the strategy"},
		"upload.back":               {"Tilbage", "Back"},

		"users.title":           {"Brugere", "Users"},
		"users.caption":         {"Kommunens brugere", "The municipality's users"},
		"users.email":           {"E-mailadresse", "E-mail address"},
		"users.name":            {"Navn", "Name"},
		"users.role":            {"Rolle", "Role"},
		"users.state":           {"Status", "Status"},
		"users.actions":         {"Handlinger", "Actions"},
		"users.state.active":    {"Aktiv", "Active"},
		"users.state.onetime":   {"Venter på første login", "Awaiting first sign-in"},
		"users.state.disabled":  {"Lukket", "Closed"},
		"users.reset":           {"Ny engangsadgangskode", "New one-time password"},
		"users.reset.label":     {"Ny engangsadgangskode: %s", "New one-time password: %s"},
		"users.signout":         {"Log ud alle steder", "Sign out everywhere"},
		"users.signout.label":   {"Log ud alle steder: %s", "Sign out everywhere: %s"},
		"users.disable":         {"Luk bruger", "Close account"},
		"users.disable.label":   {"Luk bruger: %s", "Close account: %s"},
		"users.add":             {"Opret bruger", "Create user"},
		"users.add.submit":      {"Opret bruger", "Create user"},
		"users.no_department":   {"Ingen afdeling", "No department"},
		"users.department.help": {"Afdelingsledere ser deres egen afdelings tal og skal have en afdeling.", "Department managers see their own department's figures and need a department."},
		"users.onetime":         {"Engangsadgangskode til %s – vises kun denne ene gang:", "One-time password for %s – shown this once only:"},
		"users.onetime.expires": {"Den udløber %s.", "It expires on %s."},
		"users.onetime.help":    {"Giv den til brugeren ad en sikker vej. Brugeren vælger sin egen adgangskode ved første login.", "Hand it to the user by a safe route. The user chooses their own password at the first sign-in."},
		"users.revoked":         {"%s er logget ud alle steder.", "%s has been signed out everywhere."},
		"users.disabled":        {"Brugeren %s er lukket og logget ud.", "The account %s is closed and signed out."},
		"users.not_yourself":    {"Du kan ikke lukke din egen bruger.", "You cannot close your own account."},

		"keys.title":         {"API-nøgler", "API keys"},
		"keys.lead":          {"Nøgler giver andre systemer – telefonplatform, selvbetjeningsløsninger, sagssystemer – adgang til kommunens data i Kanal. Systemet sender nøglen som Authorization: Bearer NØGLE.", "Keys give other systems – phone platform, self-service solutions, case systems – access to the municipality's data in Kanal. The system sends the key as Authorization: Bearer KEY."},
		"keys.caption":       {"Kommunens API-nøgler", "The municipality's API keys"},
		"keys.name":          {"Navn", "Name"},
		"keys.name.help":     {"Hvilket system nøglen er til, fx telefonsystemet.", "Which system the key is for, e.g. the phone system."},
		"keys.prefix":        {"Begynder med", "Begins with"},
		"keys.permissions":   {"Tilladelser", "Permissions"},
		"keys.created":       {"Oprettet", "Created"},
		"keys.last_used":     {"Senest brugt", "Last used"},
		"keys.state.revoked": {"Spærret", "Revoked"},
		"keys.revoke":        {"Spær", "Revoke"},
		"keys.revoke.label":  {"Spær: %s", "Revoke: %s"},
		"keys.revoked":       {"Nøglen er spærret.", "The key has been revoked."},
		"keys.none":          {"Ingen nøgler endnu.", "No keys yet."},
		"keys.add":           {"Opret nøgle", "Create key"},
		"keys.add.submit":    {"Opret nøgle", "Create key"},
		"keys.test":          {"Testnøgle", "Test key"},
		"keys.test.help":     {"Det, en testnøgle sender, gemmes, men tælles aldrig med i tallene.", "What a test key sends is stored but never counted in the figures."},
		"keys.new":           {"Nøglen %s – vises kun denne ene gang:", "The key %s – shown this once only:"},
		"keys.new.help":      {"Kopiér den til systemet nu. Kanal gemmer kun et fingeraftryk af nøglen og kan ikke vise den igen.", "Copy it into the system now. Kanal stores only a fingerprint of the key and cannot show it again."},
		"keys.perm.ingest":   {"Indberette henvendelser", "Report inquiries"},
		"keys.perm.read":     {"Læse tal og strategi", "Read figures and strategy"},

		"audit.title":           {"Revisionslog", "Audit log"},
		"audit.lead":            {"Alle logins og mislykkede logins og alle ændringer af strategi, brugere og nøgler. Loggen kan ikke ændres eller slettes.", "Every sign-in and failed sign-in and every change to strategy, users and keys. The log cannot be changed or deleted."},
		"audit.from":            {"Fra dato", "From date"},
		"audit.to":              {"Til og med dato", "To date (inclusive)"},
		"audit.action":          {"Handling", "Action"},
		"audit.actor":           {"Udført af", "Done by"},
		"audit.target":          {"Vedrører", "Concerns"},
		"audit.detail":          {"Detaljer", "Details"},
		"audit.address":         {"Adresse", "Address"},
		"audit.time":            {"Tidspunkt", "Time"},
		"audit.all":             {"Alle handlinger", "All actions"},
		"audit.filter":          {"Vis", "Show"},
		"audit.csv":             {"Hent som CSV (med de valgte filtre)", "Download as CSV (with the chosen filters)"},
		"audit.caption":         {"Hændelser, nyeste først", "Events, newest first"},
		"audit.caption.limited": {"De nyeste %d hændelser; hent CSV for alle", "The newest %d events; download the CSV for all"},
		"audit.none":            {"Ingen hændelser matcher.", "No events match."},
		"audit.bad_date":        {"%q er ikke en dato; brug formen 2014-03-31.", "%q is not a date; use the form 2014-03-31."},

		"audit.action.signin":               {"Login", "Sign-in"},
		"audit.action.signin_failed":        {"Mislykket login", "Failed sign-in"},
		"audit.action.signout":              {"Log ud", "Sign-out"},
		"audit.action.password_changed":     {"Adgangskode skiftet", "Password changed"},
		"audit.action.user_created":         {"Bruger oprettet", "User created"},
		"audit.action.user_password_reset":  {"Ny engangsadgangskode", "One-time password issued"},
		"audit.action.user_disabled":        {"Bruger lukket", "User closed"},
		"audit.action.user_reopened":        {"Bruger genåbnet", "User reopened"},
		"audit.action.sessions_revoked":     {"Logget ud alle steder", "Signed out everywhere"},
		"audit.action.apikey_created":       {"API-nøgle oprettet", "API key created"},
		"audit.action.apikey_revoked":       {"API-nøgle spærret", "API key revoked"},
		"audit.action.strategy_loaded":      {"Strategi indlæst", "Strategy loaded"},
		"audit.action.municipality_created": {"Kommune oprettet", "Municipality created"},
		"audit.action.audit_exported":       {"Revisionslog hentet", "Audit log exported"},
		"audit.action.comparison_shared":    {"Deling til sammenligning ændret", "Sharing for comparison changed"},
		"audit.action.inquiry_undone":       {"Registrering fortrudt", "Registration undone"},

		"api.not_found":            {"Findes ikke.", "Not found."},
		"api.internal":             {"Der opstod en fejl i Kanal; den er skrevet i loggen.", "Kanal failed; the error has been logged."},
		"api.too_large":            {"Forespørgslen er større end de tilladte %d bytes.", "The request is larger than the allowed %d bytes."},
		"api.no_key":               {"Send en API-nøgle som Authorization: Bearer NØGLE.", "Send an API key as Authorization: Bearer KEY."},
		"api.bad_key":              {"API-nøglen er ukendt eller spærret.", "The API key is unknown or revoked."},
		"api.bad_ndjson":           {"NDJSON kan ikke læses: %s.", "The NDJSON cannot be read: %s."},
		"api.media_type":           {"Indholdstypen %q understøttes ikke; send application/json (ét objekt) eller application/x-ndjson (ét objekt pr. linje).", "The content type %q is not supported; send application/json (one object) or application/x-ndjson (one object per line)."},
		"api.empty":                {"Forespørgslen indeholder ingen henvendelser.", "The request holds no inquiries."},
		"api.not_text":             {"Adressen, forespørgslen eller formularen indeholder tegn, der ikke er gyldig tekst; send UTF-8 uden styretegn.", "The path, the query or the form holds characters that are not valid text; send UTF-8 without control characters."},
		"api.idempotency_key":      {"Idempotency-Key skal være tekst (UTF-8 uden styretegn) på højst 200 tegn.", "Idempotency-Key must be text (UTF-8 without control characters) of at most 200 characters."},
		"api.idempotency_conflict": {"Idempotency-Key er brugt før til en anden forespørgsel; brug en ny nøgle for en ny batch.", "The Idempotency-Key was used before for a different request; use a new key for a new batch."},
		"api.permission":           {"API-nøglen har ikke tilladelsen %q.", "The API key lacks the permission %q."},
		"api.forbidden":            {"Det har API-nøglen ikke adgang til.", "The API key has no access to this."},
		"api.too_many":             {"For mange forespørgsler; prøv igen om lidt.", "Too many requests; try again shortly."},

		"cli.user.usage": {`Brug:
  kanal user add --municipality ID --role ROLLE [--department AFDELING] [--name NAVN] EMAIL
  kanal user list --municipality ID | --operators
  kanal user password EMAIL     ny engangsadgangskode; brugeren logges ud
  kanal user disable EMAIL      luk brugeren; brugeren logges ud
Roller: staff, manager (kræver --department), strategy, auditor, operator (uden --municipality).
`, `Usage:
  kanal user add --municipality ID --role ROLE [--department DEPARTMENT] [--name NAME] EMAIL
  kanal user list --municipality ID | --operators
  kanal user password EMAIL     new one-time password; the user is signed out
  kanal user disable EMAIL      close the account; the user is signed out
Roles: staff, manager (needs --department), strategy, auditor, operator (without --municipality).
`},
		"cli.user.added":    {"Bruger oprettet: %s (%s)\nEngangsadgangskode: %s\nDen udløber %s. Brugeren skal vælge sin egen adgangskode ved første login.\n", "User created: %s (%s)\nOne-time password: %s\nIt expires on %s. The user must choose their own password at the first sign-in.\n"},
		"cli.user.reset":    {"Ny engangsadgangskode til %s: %s\nDen udløber %s. Brugeren er logget ud alle steder.\n", "New one-time password for %s: %s\nIt expires on %s. The user has been signed out everywhere.\n"},
		"cli.user.disabled": {"Brugeren %s er lukket og logget ud.\n", "The account %s is closed and signed out.\n"},
		"cli.user.unknown":  {"Der er ingen bruger med adressen %q.\n", "There is no user with the address %q.\n"},
		"cli.apikey.usage": {`Brug:
  kanal apikey add --municipality ID --permissions TILLADELSER [--test] NAVN
  kanal apikey list --municipality ID
  kanal apikey revoke --municipality ID NAVN
Tilladelser, adskilt med komma: ingest (indberette henvendelser), read (læse tal og strategi).
`, `Usage:
  kanal apikey add --municipality ID --permissions PERMISSIONS [--test] NAME
  kanal apikey list --municipality ID
  kanal apikey revoke --municipality ID NAME
Permissions, comma-separated: ingest (report inquiries), read (read figures and the strategy).
`},
		"cli.apikey.added":   {"API-nøgle %q for %s med tilladelserne %s. Nøglen vises kun denne ene gang:\n", "API key %q for %s with the permissions %s. The key is shown this once only:\n"},
		"cli.apikey.revoked": {"API-nøglen %q er spærret.\n", "The API key %q has been revoked.\n"},
		"cli.apikey.unknown": {"Der er ingen aktiv nøgle %q for %s.\n", "There is no active key %q for %s.\n"},
		"cli.demo.users":     {"Demobrugere (adgangskode %s):\n", "Demo users (password %s):\n"},
	})
}

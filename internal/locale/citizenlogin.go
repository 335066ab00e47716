package locale

// Texts of citizens' sign-in (internal/nemlogin) and its settings: the
// flags of serve, and what a citizen is told when a sign-in fails, by the
// kind of error (nemlogin.ErrState …).
func init() {
	add(map[string]message{
		"cli.flag.citizen-oidc-issuer":    {"`ADRESSE` på den NemLog-in-broker (OpenID Connect), borgerne logger ind hos (KANAL_CITIZEN_OIDC_ISSUER); hemmeligheden læses fra KANAL_CITIZEN_OIDC_CLIENT_SECRET. Uden den bruges udviklingslogin med testborgere", "NemLog-in broker (OpenID Connect) issuer `ADDRESS` for citizen sign-in (KANAL_CITIZEN_OIDC_ISSUER); the secret comes from KANAL_CITIZEN_OIDC_CLIENT_SECRET. Without it, the development login with test citizens is used"},
		"cli.flag.citizen-oidc-client-id": {"Kanals klient-`ID` hos NemLog-in-brokeren (KANAL_CITIZEN_OIDC_CLIENT_ID)", "Kanal's client `ID` at the NemLog-in broker (KANAL_CITIZEN_OIDC_CLIENT_ID)"},
		"cli.flag.test-citizens":          {"`FIL` med testborgere til udviklingslogin; som standard den, der følger med Kanal (KANAL_TEST_CITIZENS)", "test citizens `FILE` for the development login; by default the one shipped with Kanal (KANAL_TEST_CITIZENS)"},

		"citizenlogin.development":            {"Udviklingslogin – kun til test", "Development login – for testing only"},
		"citizenlogin.development_help":       {"Vælg en testborger. Personerne er opdigtede og findes kun i Kanals fil med testborgere.", "Pick a test citizen. The people are fictitious and exist only in Kanal's test citizens file."},
		"citizenlogin.method.MitID":           {"MitID", "MitID"},
		"citizenlogin.method.NemID":           {"NemID", "NemID"},
		"citizenlogin.method.Udviklingslogin": {"Udviklingslogin", "Development login"},
		"citizenlogin.error.state":            {"Log ind blev ikke fuldført, fordi det tog for lang tid eller blev startet i et andet vindue. Prøv igen.", "Signing in was not completed because it took too long or was started in another window. Try again."},
		"citizenlogin.error.denied":           {"Du afbrød log ind, eller det blev afvist. Prøv igen, hvis du vil fortsætte.", "You cancelled signing in, or it was refused. Try again if you want to continue."},
		"citizenlogin.error.broker":           {"Log ind lykkedes ikke på grund af en fejl hos log ind-tjenesten. Prøv igen om lidt.", "Signing in did not succeed because of an error at the login service. Try again in a little while."},
		"citizenlogin.error.no_cpr":           {"Log ind gav ikke et CPR-nummer, og det kræves her. Log ind med dit private MitID.", "Signing in gave no CPR number, which is required here. Sign in with your personal MitID."},
		"citizenlogin.error.assurance":        {"Dit log ind har ikke et højt nok sikringsniveau til denne selvbetjening.", "Your sign-in does not have a high enough level of assurance for this self-service."},
		"citizenlogin.error.unknown":          {"Den valgte testborger findes ikke i filen med testborgere.", "The chosen test citizen is not in the test citizens file."},
		"citizenlogin.protected_address":      {"Adressen vises ikke (navne- og adressebeskyttelse).", "The address is not shown (name and address protection)."},
	})
}

package guidance_test

import "github.com/kanal-dk/kanal/internal/strategy"

// twoTypes is a strategy written by hand after Tårnby's text, so that the
// guidance's rules for two inquiry types, a ranked channel order and
// referrals are tested on values stated here, not on a preset that may
// change:
//
//   - two inquiry types: "Skema 1. Informationshenvendelser er de
//     henvendelser, som ikke vedrører en konkret sag." and "Skema 2.
//     Transaktionshenvendelser er de henvendelser der vedrører en konkret
//     sag eller danner baggrund for en kommende sagsbehandling.";
//   - the order "Prioritering 1. Selvbetjening — kommunens hjemmeside
//     2. Telefon 3. E-mail / Papirpost (digital post) 4. Personlig
//     henvendelse";
//   - "Kontaktcentret på tlf. 1881 hos Borger.dk", which "har åbent mandag
//     — torsdag fra 8-22 og fredag fra 8-18", outside the municipality;
//   - Udbetaling Danmark, which handles pension cases.
//
// The transaction type's secondary channels are deliberately listed out of
// the order's rank (personal attendance first), as the issue found them in
// the preset, so that following the order shows.
//
// The municipality's own phone and counter keep example hours: Mon–Wed
// 10–15, Thu 10–17, Fri 10–13.
func twoTypes() *strategy.Strategy {
	own := []strategy.Hours{
		{Days: []string{"mon", "tue", "wed"}, From: "10:00", To: "15:00"},
		{Days: []string{"thu"}, From: "10:00", To: "17:00"},
		{Days: []string{"fri"}, From: "10:00", To: "13:00"},
	}
	three := 3
	return &strategy.Strategy{
		Municipality: strategy.Municipality{ID: "toetyper", Name: "To Typer Kommune"},
		Period:       strategy.Period{From: 2016, To: 2018},
		Channels: []strategy.Channel{
			{ID: "self_service", Name: "Selvbetjening", Digital: true, Kind: strategy.KindSelfService, Inbound: true},
			{ID: "website", Name: "Hjemmeside", Digital: true, Kind: strategy.KindSelfService, Inbound: true, Outbound: true},
			{ID: "digital_post", Name: "Digital Post", Digital: true, Kind: strategy.KindWritten, Inbound: true, Outbound: true},
			{ID: "phone", Name: "Telefon", Kind: strategy.KindOral, Inbound: true, Outbound: true},
			{ID: "email", Name: "E-mail", Kind: strategy.KindWritten, Inbound: true, Outbound: true},
			{ID: "letter", Name: "Papirpost", Kind: strategy.KindWritten, Inbound: true, Outbound: true},
			{ID: "in_person", Name: "Personlig henvendelse", Kind: strategy.KindPersonal, Inbound: true, Outbound: true},
			{ID: "contact_form", Name: "Kontaktformular", Digital: true, Kind: strategy.KindWritten, Inbound: true},
		},
		InquiryTypes: []strategy.InquiryType{
			{ID: "information", Name: "Information", Description: "Henvendelser, som ikke vedrører en konkret sag.",
				Inbound: strategy.Priority{Primary: []string{"website"}, Secondary: []string{"phone", "contact_form"},
					Inappropriate: []string{"in_person", "email", "letter"}},
				Outbound: strategy.Priority{Primary: []string{"website", "digital_post"}, Secondary: []string{"letter"}}},
			{ID: "transaction", Name: "Transaktion", Description: "Henvendelser, der vedrører en konkret sag.",
				Inbound: strategy.Priority{Primary: []string{"self_service"}, Secondary: []string{"in_person", "digital_post", "phone"},
					Inappropriate: []string{"email", "letter"}},
				Outbound: strategy.Priority{Primary: []string{"digital_post"}, Secondary: []string{"letter"}}},
		},
		Departments: []strategy.Department{{ID: "borgerservice", Name: "Borgerservice"}},
		Areas: []strategy.Area{
			{ID: "flytning", KLE: "23.05.10", Title: "Flytteanmeldelse", Department: "borgerservice",
				Types:       []string{"information", "transaction"},
				Mandatory:   &strategy.Mandatory{Law: "CPR-lovens § 12, stk. 3", Since: "2012-12-01", ExemptionChannel: "in_person"},
				SelfService: &strategy.Solution{URL: "https://www.borger.dk/", SBLevel: &three, Login: strategy.LoginNational}},
			// An area without a self-service solution: a transaction goes
			// to the secondary channels.
			{ID: "gravsted", KLE: "27.36.04", Title: "Gravsted", Department: "borgerservice",
				Types: []string{"information", "transaction"}},
			// The same, with the area's own rule for transactions.
			{ID: "parkering", KLE: "05.13.00", Title: "Parkeringstilladelse", Department: "borgerservice",
				Types:    []string{"information", "transaction"},
				Channels: map[string]strategy.Priority{"transaction": {Secondary: []string{"in_person", "phone"}}}},
			{ID: "folkepension", KLE: "32.03.04", Title: "Folkepension", Department: "borgerservice",
				Types: []string{"information", "transaction"}, Referral: "udbetaling-danmark"},
		},
		OpeningHours: []strategy.OpeningHours{
			{Channel: "phone", Location: "Rådhuset, telefontid", Hours: own},
			{Channel: "in_person", Location: "Rådhuset, Borgerservice", Hours: own},
		},
		Holidays: strategy.Holidays{Calendar: strategy.CalendarDK},
		ChannelOrder: &strategy.ChannelOrder{
			Text:  "1. Selvbetjening – kommunens hjemmeside, 2. Telefon, 3. E-mail / Papirpost (digital post), 4. Personlig henvendelse",
			Ranks: [][]string{{"self_service", "website"}, {"phone"}, {"email", "letter", "digital_post"}, {"in_person"}},
		},
		Referrals: []strategy.Referral{
			{ID: "borgerdk-1881", Name: "borger.dk's kontaktcenter", Contact: "tlf. 1881", URL: "https://www.borger.dk/",
				Hours: []strategy.Hours{
					{Days: []string{"mon", "tue", "wed", "thu"}, From: "08:00", To: "22:00"},
					{Days: []string{"fri"}, From: "08:00", To: "18:00"},
				}},
			{ID: "udbetaling-danmark", Name: "Udbetaling Danmark", URL: "https://www.borger.dk/pension-og-efterloen",
				Hours: []strategy.Hours{{Days: []string{"mon", "tue", "wed", "thu", "fri"}, From: "09:00", To: "15:00"}}},
			{ID: "virk", Name: "Virk.dk", URL: "https://virk.dk/"},
		},
	}
}

package main

import (
	"strings"
	"testing"

	"github.com/kanal-dk/kanal/internal/store/storetest"
)

// kanal strategy show prints what issue 10 added to a strategy: Tårnby's
// ranked order ("1. Selvbetjening — kommunens hjemmeside 2. Telefon 3.
// E-mail / Papirpost (digital post) 4. Personlig henvendelse"), its minimum
// SB level ("Digitalisering skal ske på SB niveau 1 for at være effektiv."),
// the contact centre as a referral ("Kontaktcentret har åbent mandag –
// torsdag fra 8-22 og fredag fra 8-18") and not among the municipality's
// hours, and every value the file marks as an example, followed by
// "(eksempel)". Expectations by hand from the preset.
func TestStrategyShow_OrderReferralsAndExamples(t *testing.T) {
	t.Setenv("KANAL_LANG", "")
	dsn := storetest.DSN(t)
	if code, _, errOut := kanal(t, "strategy", "load", "--db", dsn, "../../strategies/taarnby.yaml"); code != exitOK {
		t.Fatalf("load: exit %d, %s", code, errOut)
	}
	code, out, _ := kanal(t, "strategy", "show", "--db", dsn, "--municipality", "taarnby")
	if code != exitOK {
		t.Fatalf("show: exit %d", code)
	}
	for _, want := range []string{
		"Kanalernes prioritering\n  1. Selvbetjening, Hjemmeside\n  2. Telefon\n  3. E-mail, Papirpost, Digital Post\n  4. Personlig henvendelse\n",
		"Mindste SB-niveau\n  1: Digitalisering skal ske på SB niveau 1 for at være effektiv.\n",
		"Digitale ansøgninger og anmeldelser: mindst 80 % i 2018 (eksempel: årstal)\n",
		"  borgerservice   Borgerservice (eksempel)\n",
		"  biblioteker     Tårnbys Biblioteker\n",
		"Eksempel: hele området – strategien nævner det ikke\n",
		"Advarsel: SB-niveau 0 er under strategiens mindste niveau 1\n",
		"Lukkedage i strategiperioden: 06-05, 12-24, 12-31 (eksempel)\n",
		"  Borger.dk's kontaktcenter, tlf. 1881, https://www.borger.dk/\n    Åbent: man.–tors. 08:00–22:00; fre. 08:00–18:00\n",
		"  Udbetaling Danmark (eksempel), https://www.borger.dk/\n",
		"Henvisning: Udbetaling Danmark\n",
		"selvbetjening: https://www.borger.dk/, SB-niveau 3, NemID\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("show lacks %q", want)
		}
	}
	hours := out[strings.Index(out, "\nÅbningstider\n"):strings.Index(out, "\nHenvisninger – steder uden for kommunen\n")]
	if strings.Contains(hours, "1881") {
		t.Errorf("1881 stands among the municipality's own opening hours:\n%s", hours)
	}

	// Dragør marks single fields: the areas name them.
	if code, _, errOut := kanal(t, "strategy", "load", "--db", dsn, "../../strategies/dragoer.yaml"); code != exitOK {
		t.Fatalf("load: exit %d, %s", code, errOut)
	}
	_, out, _ = kanal(t, "strategy", "show", "--db", dsn, "--municipality", "dragoer")
	for _, want := range []string{
		"  23.05.10  Flytteanmeldelse (flytning) – Borgerbutikken\n            Eksempel: KLE-nummer, titel, kanal for fritagne borgere, selvbetjeningens adresse, SB-niveau, login, tilgængelig via borger.dk, svartid, digital parathed, søgeord, hvad borgeren skal have klar\n",
		"  07.18.06  Madaffald/restaffald (affald) – Teknik og miljø\n            Eksempel: hele området – strategien nævner det ikke\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("Dragør's show lacks %q", want)
		}
	}
}

package main

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/delivery"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/locale/localetest"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/store/storetest"
)

// kanal casesystem set prints a secret once that is the one the
// deliveries are signed with, show names the address without it, remove
// takes it away; every change is audited with the command line as actor.
func TestCasesystemCommands(t *testing.T) {
	t.Setenv("KANAL_LANG", "da")
	dsn := storetest.DSN(t)
	t.Setenv("KANAL_DB", dsn)
	if code, _, errOut := kanal(t, "strategy", "load", "../../strategies/dragoer.yaml"); code != exitOK {
		t.Fatal(errOut)
	}
	code, out, errOut := kanal(t, "casesystem", "set", "--municipality", "dragoer", "--url", "https://esdh.dragoer.dk/kanal")
	secret := regexp.MustCompile(`(?m)^[0-9a-f]{64}$`).FindString(out)
	if code != exitOK || secret == "" || !strings.HasPrefix(out, "Sagssystemets adresse for dragoer er nu https://esdh.dragoer.dk/kanal.\n") {
		t.Fatalf("set: exit %d %q %q", code, out, errOut)
	}
	db, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	outbox := delivery.NewOutbox(db)
	if e, err := outbox.Endpoint(context.Background(), "dragoer"); err != nil || e.Secret != secret || e.URL != "https://esdh.dragoer.dk/kanal" {
		t.Errorf("stored %+v %v, printed %s", e, err, secret)
	}
	code, out, _ = kanal(t, "casesystem", "show", "--municipality", "dragoer")
	if code != exitOK || !strings.HasPrefix(out, "Adresse: https://esdh.dragoer.dk/kanal\n") || !strings.Contains(out, "Ikke modtaget: 0 venter, 0 opgivet\n") || strings.Contains(out, secret) {
		t.Errorf("show: exit %d %q", code, out)
	}
	if code, out, _ := kanal(t, "casesystem", "remove", "--municipality", "dragoer"); code != exitOK || !strings.Contains(out, "er fjernet") {
		t.Errorf("remove: exit %d %q", code, out)
	}
	if _, err := outbox.Endpoint(context.Background(), "dragoer"); err != delivery.ErrNoEndpoint {
		t.Errorf("after remove: %v", err)
	}
	for _, tc := range []struct {
		args    []string
		code    int
		errText string
	}{
		{[]string{"show", "--municipality", "dragoer"}, exitFailure, "dragoer har ingen adresse til sagssystemet.\n"},
		{[]string{"remove", "--municipality", "dragoer"}, exitFailure, "dragoer har ingen adresse til sagssystemet.\n"},
		{[]string{"set", "--municipality", "dragoer", "--url", "esdh.dragoer.dk"}, exitFailure,
			"kanal casesystem set: --url: \"esdh.dragoer.dk\" er ikke en http- eller https-adresse med et værtsnavn (uden brugernavn og adgangskode).\n"},
		{[]string{"set", "--municipality", "ingen", "--url", "https://esdh.example/"}, exitFailure, "Kommunen \"ingen\" findes ikke"},
		{[]string{"set", "--municipality", "dragoer"}, exitUsage, "Brug:\n  kanal casesystem set --municipality ID --url URL\n"},
		{[]string{"show"}, exitUsage, "Brug:\n  kanal casesystem set"},
		{[]string{"show", "--municipality", "dragoer", "extra"}, exitUsage, "Brug:\n  kanal casesystem set"},
		{[]string{"set", "--municipality", "dragoer", "--uri", "https://x/"}, exitUsage, "kanal casesystem set: ukendt flag --uri; se kanal casesystem set -h\n"},
	} {
		code, out, errOut := kanal(t, append([]string{"casesystem"}, tc.args...)...)
		if code != tc.code || out != "" || !strings.HasPrefix(errOut, tc.errText) {
			t.Errorf("kanal casesystem %v: exit %d, stdout %q, stderr %q; want exit %d and %q", tc.args, code, out, errOut, tc.code, tc.errText)
		}
	}
	events, err := audit.List(context.Background(), db, audit.Filter{Municipality: "dragoer", Action: audit.EndpointSet})
	if err != nil || len(events) != 2 || !strings.HasPrefix(events[0].Actor, "cli:") || events[0].Detail != "removed" || events[1].Target != "https://esdh.dragoer.dk/kanal" {
		t.Errorf("audit: %+v %v", events, err)
	}
}

// Every message of kanal casesystem, in Danish and English, comes from
// the catalogue.
func TestCasesystem_EveryMessageIsInTheCatalogue(t *testing.T) {
	localetest.FailOnMissing(t)
	for _, lang := range locale.Languages {
		t.Setenv("KANAL_LANG", lang)
		t.Setenv("KANAL_DB", storetest.DSN(t))
		for _, args := range [][]string{
			{"casesystem"}, {"casesystem", "set", "-h"}, {"casesystem", "show"},
			{"strategy", "load", "../../strategies/dragoer.yaml"},
			{"casesystem", "show", "--municipality", "dragoer"},
			{"casesystem", "remove", "--municipality", "dragoer"},
			{"casesystem", "set", "--municipality", "dragoer", "--url", "mailto:esdh@dragoer.dk"},
			{"casesystem", "set", "--municipality", "dragoer", "--url", "https://esdh.dragoer.dk/kanal"},
			{"casesystem", "show", "--municipality", "dragoer"},
			{"casesystem", "remove", "--municipality", "dragoer"},
		} {
			_, out, errOut := kanal(t, args...)
			for _, words := range [][]string{localetest.KeyShaped(out), localetest.KeyShaped(errOut)} {
				if len(words) > 0 {
					t.Errorf("%s: kanal %s shows catalogue keys: %q\n%s%s", lang, strings.Join(args, " "), words, out, errOut)
				}
			}
		}
	}
}

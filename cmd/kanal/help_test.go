package main

import (
	"regexp"
	"strings"
	"testing"

	"github.com/kanal-dk/kanal/internal/auth"
)

// flagLine starts a flag's entry in a command's help.
var flagLine = regexp.MustCompile(`^  --([a-z-]+)`)

// flagHelp runs "kanal ARGS -h" and returns each flag's help text.
func flagHelp(t *testing.T, args ...string) (map[string]string, string) {
	t.Helper()
	code, out, errOut := kanal(t, append(args, "-h")...)
	if code != exitOK || errOut != "" {
		t.Fatalf("kanal %v -h: exit %d, stderr %q", args, code, errOut)
	}
	help := map[string]string{}
	name := ""
	for _, line := range strings.Split(out, "\n") {
		if m := flagLine.FindStringSubmatch(line); m != nil {
			name = m[1]
			help[name] = ""
			continue
		}
		if name != "" && strings.TrimSpace(line) != "" {
			help[name] += strings.TrimSpace(line)
		}
	}
	if len(help) == 0 {
		t.Fatalf("kanal %v -h lists no flags:\n%s", args, out)
	}
	return help, out
}

// "kanal help" was Danish and "kanal serve -h" English; the flags' help is
// now Danish by default too.
func TestHelp_ServeFlagsInDanish(t *testing.T) {
	t.Setenv("KANAL_LANG", "")
	t.Setenv("KANAL_DB", "")
	help, out := flagHelp(t, "serve")
	want := map[string]string{
		"addr":                   "ADRESSE, Kanal lytter på, fx 127.0.0.1:8080 (KANAL_ADDR) (standard: 127.0.0.1:8080)",
		"db":                     "ADRESSE på databasen: sqlite:STI eller postgres://BRUGER@VÆRT/DB (KANAL_DB) (standard: sqlite:./data/kanal.db)",
		"demo":                   "indlæs Dragørs og Tårnbys strategier og demodata; som standard til for en ny SQLite-database (KANAL_DEMO)",
		"lang":                   "SPROG for beskeder: da eller en (KANAL_LANG) (standard: da)",
		"log-format":             "FORMAT for loggen: text eller json (KANAL_LOG_FORMAT) (standard: text)",
		"log-level":              "NIVEAU for loggen: debug, info, warn eller error (KANAL_LOG_LEVEL) (standard: info)",
		"oidc-client-id":         "Kanals klient-ID hos OpenID Connect-udbyderen (KANAL_OIDC_CLIENT_ID)",
		"oidc-issuer":            "ADRESSE på den OpenID Connect-udbyder, medarbejderne logger ind hos (KANAL_OIDC_ISSUER); hemmeligheden læses fra KANAL_OIDC_CLIENT_SECRET",
		"public-url":             "ADRESSE, brugerne når Kanal på, fx https://kanal.kommune.dk/; https gør cookies sikre (KANAL_PUBLIC_URL)",
		"history-years":          "hvor mange ÅR før strategiens første år en henvendelse må dateres (KANAL_HISTORY_YEARS) (standard: 5)",
		"strategy":               "FIL med en strategi, der indlæses ved start; kan gives flere gange (KANAL_STRATEGIES, adskilt med komma)",
		"db-read":                "ADRESSE på en skrivebeskyttet database, fx en PostgreSQL-replika, som tal og årsrapport læses fra; der skrives aldrig til den (KANAL_DB_READ)",
		"pprof-addr":             "privat ADRESSE til Gos profiler (/debug/pprof/), fx 127.0.0.1:6060; slået fra, når den er tom (KANAL_PPROF_ADDR)",
		"pprof-any-addr":         "tillad, at --pprof-addr er en adresse, andre maskiner kan nå; kun bag en firewall (KANAL_PPROF_ANY_ADDR)",
		"citizen-oidc-client-id": "Kanals klient-ID hos NemLog-in-brokeren (KANAL_CITIZEN_OIDC_CLIENT_ID)",
		"citizen-oidc-issuer":    "ADRESSE på den NemLog-in-broker (OpenID Connect), borgerne logger ind hos (KANAL_CITIZEN_OIDC_ISSUER); hemmeligheden læses fra KANAL_CITIZEN_OIDC_CLIENT_SECRET. Uden den bruges udviklingslogin med testborgere",
		"test-citizens":          "FIL med testborgere til udviklingslogin; som standard den, der følger med Kanal (KANAL_TEST_CITIZENS)",
		"smtp-addr":              "ADRESSE (vært:port) på den SMTP-server, svarene på kontaktformularens spørgsmål sendes gennem; STARTTLS kræves. Tom: de gemmes i den lokale udbakke (KANAL_SMTP_ADDR); adgangskoden læses fra KANAL_SMTP_PASSWORD",
		"smtp-from":              "ADRESSE, Kanals e-mail sendes fra (KANAL_SMTP_FROM)",
		"smtp-user":              "BRUGER hos SMTP-serveren (KANAL_SMTP_USER)",
		"webhooks-allow-private": "tillad, at webhooks (sagssystem, brevenes tilbagekald) går til loopback- og private adresser, fx et sagssystem på det interne net (KANAL_WEBHOOKS_ALLOW_PRIVATE)",
	}
	for name, text := range want {
		if help[name] != text {
			t.Errorf("--%s: %q, want %q", name, help[name], text)
		}
	}
	for name := range help {
		if _, ok := want[name]; !ok {
			t.Errorf("--%s is new; add its Danish help to this test", name)
		}
	}
	if !strings.HasPrefix(out, "Brug af kanal serve:\n") || strings.Contains(out, "default") {
		t.Errorf("the help's frame is not Danish:\n%s", out)
	}
}

// English with KANAL_LANG=en or with --lang en, before or after -h.
func TestHelp_EnglishOnRequest(t *testing.T) {
	t.Setenv("KANAL_LANG", "")
	for _, args := range [][]string{{"serve", "--lang", "en"}, {"serve", "-h", "--lang=en"}} {
		code, out, _ := kanal(t, append(args, "-h")...)
		if code != exitOK || !strings.HasPrefix(out, "Usage of kanal serve:\n") || !strings.Contains(out, "ADDRESS to listen on") {
			t.Errorf("kanal %v -h: exit %d, not English:\n%s", args, code, out)
		}
	}
	t.Setenv("KANAL_LANG", "en")
	if help, _ := flagHelp(t, "serve"); help["addr"] != "ADDRESS to listen on, e.g. 127.0.0.1:8080 (KANAL_ADDR) (default: 127.0.0.1:8080)" {
		t.Errorf("KANAL_LANG=en: --addr %q", help["addr"])
	}
}

// A flag without a text in the catalogue falls back to its own English text
// in both languages, so a flag whose Danish and English help are the same
// lacks its translation.
func TestHelp_NoFlagLacksATranslation(t *testing.T) {
	// Every command and subcommand of the table, so that a new one is
	// checked without being listed here.
	var all [][]string
	for _, c := range commands {
		if len(c.subs) == 0 {
			all = append(all, []string{c.name})
		}
		for _, sub := range c.subs {
			all = append(all, []string{c.name, sub.name})
		}
	}
	for _, args := range all {
		t.Setenv("KANAL_LANG", "da")
		da, _ := flagHelp(t, args...)
		t.Setenv("KANAL_LANG", "en")
		en, _ := flagHelp(t, args...)
		for name, text := range da {
			if text == "" || text == en[name] {
				t.Errorf("kanal %s --%s has no Danish help of its own: %q", strings.Join(args, " "), name, text)
			}
		}
	}
}

// Every text that lists the API keys' permissions names each of them: the
// help of --permissions in both languages and the refusal of an unknown
// one (a new permission, cases, was once missing from all three).
func TestHelp_KeyPermissionsListEveryPermission(t *testing.T) {
	t.Setenv("KANAL_DB", "sqlite:"+t.TempDir()+"/k.db")
	if code, _, stderr := kanal(t, "strategy", "load", "../../strategies/dragoer.yaml"); code != exitOK {
		t.Fatalf("strategy load: exit %d: %s", code, stderr)
	}
	for _, lang := range []string{"da", "en"} {
		t.Setenv("KANAL_LANG", lang)
		help, _ := flagHelp(t, "apikey", "add")
		code, _, stderr := kanal(t, "apikey", "add", "--municipality", "dragoer", "--permissions", "ingest,write", "Telefon")
		for _, p := range auth.KeyPermissions {
			if !strings.Contains(help["permissions"], string(p)) {
				t.Errorf("%s: --permissions help %q lacks %s", lang, help["permissions"], p)
			}
			if code == exitOK || !strings.Contains(stderr, string(p)) {
				t.Errorf("%s: unknown permission: exit %d, refusal lacks %s:\n%s", lang, code, p, stderr)
			}
		}
	}
}

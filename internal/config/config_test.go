package config

import (
	"bytes"
	"errors"
	"flag"
	"io"
	"log/slog"
	"strings"
	"testing"
)

func TestFlagsOverrideEnvironment(t *testing.T) {
	t.Setenv("KANAL_ADDR", "127.0.0.1:9000")
	t.Setenv("KANAL_DB", "postgres://kanal:hemmelig@db/kanal")
	t.Setenv("KANAL_DEMO", "false")
	t.Setenv("KANAL_STRATEGIES", "a.yaml, b.yaml")
	c, err := FromEnv()
	if err != nil {
		t.Fatal(err)
	}
	if c.Addr != "127.0.0.1:9000" || c.Demo.Or(true) || len(c.Strategies) != 2 {
		t.Errorf("from environment: %+v", c)
	}
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	c.BindServe(fs)
	if err := fs.Parse([]string{"--addr", ":8081", "--demo", "--strategy", "c.yaml"}); err != nil {
		t.Fatal(err)
	}
	if c.Addr != ":8081" || !c.Demo.Or(false) || len(c.Strategies) != 3 {
		t.Errorf("flags should override: %+v", c)
	}
	var logs bytes.Buffer
	slog.New(slog.NewTextHandler(&logs, nil)).Info("config", "config", c)
	if strings.Contains(logs.String(), "hemmelig") {
		t.Errorf("the printed configuration leaks the database password: %s", logs.String())
	}
}

func TestDefaults(t *testing.T) {
	for _, v := range []string{"KANAL_ADDR", "KANAL_DB", "KANAL_DEMO", "KANAL_STRATEGIES", "KANAL_LANG"} {
		t.Setenv(v, "")
	}
	c, err := FromEnv()
	if err != nil {
		t.Fatal(err)
	}
	if c.Addr != DefaultAddr || c.DB != DefaultDB || c.Demo.IsSet || c.Lang != "da" {
		t.Errorf("defaults: %+v", c)
	}
	t.Setenv("KANAL_DEMO", "maybe")
	if _, err := FromEnv(); err == nil {
		t.Error("KANAL_DEMO=maybe accepted")
	}
	if _, err := (Config{LogLevel: "loud", LogFormat: "text"}).Logger(&bytes.Buffer{}); err == nil {
		t.Error("unknown log level accepted")
	}
}

// The help shows a flag without a catalogue text by its own text, and never
// the database password that KANAL_DB may hold.
func TestPrintFlags_FallbackAndNoPassword(t *testing.T) {
	var out bytes.Buffer
	fs := flag.NewFlagSet("kanal test", flag.ContinueOnError)
	fs.SetOutput(&out)
	c := Config{DB: "postgres://kanal:hemmelig@db/kanal", Lang: "da"}
	c.BindDB(fs)
	fs.Bool("untranslated", false, "a flag without a text in the catalogue")
	if err := fs.Parse([]string{"-h"}); err != flag.ErrHelp {
		t.Fatalf("-h: %v", err)
	}
	want := "Brug af kanal test:\n" +
		"  --db ADRESSE\n    \tADRESSE på databasen: sqlite:STI eller postgres://BRUGER@VÆRT/DB (KANAL_DB) (standard: postgres://kanal:xxxxx@db/kanal)\n" +
		"  --lang SPROG\n    \tSPROG for beskeder: da eller en (KANAL_LANG) (standard: da)\n" +
		"  --untranslated\n    \ta flag without a text in the catalogue\n"
	if out.String() != want {
		t.Errorf("help:\n%s\nwant:\n%s", out.String(), want)
	}
}

func TestLangIn(t *testing.T) {
	for args, want := range map[string]string{
		"--lang en":       "en",
		"-lang=en":        "en",
		"--db x --lang":   "",
		"x --language en": "",
		"lang en":         "",
	} {
		if got := langIn(strings.Fields(args)); got != want {
			t.Errorf("langIn(%q) = %q, want %q", args, got, want)
		}
	}
}

// An error that quotes a value — PostgreSQL refusing a row names the value
// — must not carry a CPR number into the log, in either format.
func TestLogger_MasksCPRShapedTextInMessagesAndErrors(t *testing.T) {
	for _, format := range []string{"text", "json"} {
		var out bytes.Buffer
		c := Config{LogFormat: format, LogLevel: "info"}
		log, err := c.Logger(&out)
		if err != nil {
			t.Fatal(err)
		}
		log.Error("ingest failed", "err", errors.New(`unable to encode 2101701234 into binary format for int4`),
			"detail", "Key (id)=(010170-1234) already exists", "count", 2101701234)
		got := out.String()
		// Numbers logged as numbers are counts and durations, not text
		// someone typed: they are left as they are.
		for _, cpr := range []string{"encode 2101701234", "010170-1234"} {
			if strings.Contains(got, cpr) {
				t.Errorf("%s log holds %s: %s", format, cpr, got)
			}
		}
		if strings.Count(got, "xxxxxx-xxxx") != 2 {
			t.Errorf("%s log: want the error and the detail masked: %s", format, got)
		}
	}
}

func TestHistoryYears_FromEnvironmentAndFlag(t *testing.T) {
	t.Setenv("KANAL_HISTORY_YEARS", "2")
	c, err := FromEnv()
	if err != nil || c.HistoryYears != 2 {
		t.Fatalf("from environment: %d %v", c.HistoryYears, err)
	}
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	c.BindServe(fs)
	if err := fs.Parse([]string{"--history-years", "10"}); err != nil || c.HistoryYears != 10 {
		t.Errorf("flag: %d %v", c.HistoryYears, err)
	}
	for _, bad := range []string{"0", "-1", "fem", "101"} {
		if err := fs.Parse([]string{"--history-years", bad}); err == nil {
			t.Errorf("--history-years %s accepted", bad)
		}
	}
	t.Setenv("KANAL_HISTORY_YEARS", "mange")
	if _, err := FromEnv(); err == nil {
		t.Error("KANAL_HISTORY_YEARS=mange accepted")
	}
}

// EnvName is the variable each flag's own help names: the two are written
// separately, so a flag whose variable is named otherwise fails here.
func TestEnvName_IsTheVariableTheFlagsHelpNames(t *testing.T) {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	var c Config
	c.BindServe(fs)
	n := 0
	fs.VisitAll(func(f *flag.Flag) {
		n++
		if want := "(" + EnvName(f.Name); !strings.Contains(f.Usage, want) {
			t.Errorf("--%s: help %q does not name %s)", f.Name, f.Usage, want)
		}
	})
	if n < 10 {
		t.Errorf("serve has only %d flags", n)
	}
}

// A refused setting from the environment says which, and the value.
func TestFromEnv_RefusalIsASettingError(t *testing.T) {
	for name, flagName := range map[string]string{"KANAL_HISTORY_YEARS": "history-years", "KANAL_DEMO": "demo", "KANAL_PPROF_ANY_ADDR": "pprof-any-addr"} {
		t.Run(name, func(t *testing.T) {
			t.Setenv(name, "kanske")
			_, err := FromEnv()
			var bad *SettingError
			if !errors.As(err, &bad) || bad.Flag != flagName || bad.Value != "kanske" || bad.Want == "" {
				t.Errorf("%s=kanske: %#v", name, err)
			}
		})
	}
}

// A refused database address is shown without its password, whatever
// its form; the rest stays, so the user sees what was refused.
func TestCheck_DatabaseAddressIsShownWithoutPassword(t *testing.T) {
	for dsn, shown := range map[string]string{
		"mysql://kanal:hemmelig@db/kanal":      "mysql://kanal:xxxxx@db/kanal",
		"postgre://kanal:hemmelig@db:5432/k":   "postgre://kanal:xxxxx@db:5432/k",
		"kanal:hemmelig@db/kanal":              "xxxxx@db/kanal",
		"mysql://kanal:hem/melig@db":           "mysql://xxxxx@db",
		"host=db user=kanal password=hemmelig": "host=db user=kanal password=xxxxx",
		"host=db PASSWORD = 'hem melig' x=1":   "host=db PASSWORD = xxxxx x=1",
		"sqlite:":                              "sqlite:",
		"data/kanal.db":                        "data/kanal.db",
	} {
		for _, flagName := range []string{"db", "db-read"} {
			fs := flag.NewFlagSet("serve", flag.ContinueOnError)
			c := Config{DB: DefaultDB, LogLevel: "info", LogFormat: "text"}
			c.BindServe(fs)
			if err := fs.Parse([]string{"--" + flagName, dsn}); err != nil {
				t.Fatal(err)
			}
			var bad *SettingError
			if err := c.Check(fs); !errors.As(err, &bad) || bad.Flag != flagName || bad.Value != shown {
				t.Errorf("--%s %q: %#v, want the value shown as %q", flagName, dsn, err, shown)
			}
		}
	}
	for _, good := range []string{"sqlite:kanal.db", "postgres://kanal:hemmelig@db/kanal", "postgresql://db/kanal"} {
		fs := flag.NewFlagSet("serve", flag.ContinueOnError)
		c := Config{LogLevel: "info", LogFormat: "text"}
		c.BindServe(fs)
		if err := fs.Parse([]string{"--db", good, "--db-read", good}); err != nil {
			t.Fatal(err)
		}
		if err := c.Check(fs); err != nil {
			t.Errorf("%q refused: %v", good, err)
		}
	}
}

// Citizen sign-in: from the environment, the flags override, and the
// printed settings name the broker but never the secret. Without an
// issuer, citizens get the development login.
func TestCitizenLogin_FromEnvironmentAndFlags(t *testing.T) {
	t.Setenv("KANAL_CITIZEN_OIDC_ISSUER", "https://broker.example.test/")
	t.Setenv("KANAL_CITIZEN_OIDC_CLIENT_ID", "kanal-borger")
	t.Setenv("KANAL_CITIZEN_OIDC_CLIENT_SECRET", "borgerhemmelighed")
	t.Setenv("KANAL_TEST_CITIZENS", "/etc/kanal/testborgere.xml")
	c, err := FromEnv()
	if err != nil {
		t.Fatal(err)
	}
	if c.CitizenOIDCIssuer != "https://broker.example.test/" || c.CitizenOIDCClientID != "kanal-borger" ||
		c.CitizenOIDCClientSecret != "borgerhemmelighed" || c.TestCitizens != "/etc/kanal/testborgere.xml" || c.CitizenDevLogin() {
		t.Errorf("from environment: %+v", c)
	}
	var logs bytes.Buffer
	slog.New(slog.NewTextHandler(&logs, nil)).Info("config", "config", c)
	if !strings.Contains(logs.String(), "citizen_oidc_issuer=https://broker.example.test/") ||
		!strings.Contains(logs.String(), "citizen_oidc_client_secret_set=true") || !strings.Contains(logs.String(), "citizen_dev_login=false") {
		t.Errorf("printed settings: %s", logs.String())
	}
	if strings.Contains(logs.String(), "borgerhemmelighed") {
		t.Errorf("the printed configuration leaks the citizen client secret: %s", logs.String())
	}
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	c.BindServe(fs)
	if fs.Lookup("citizen-oidc-client-secret") != nil {
		t.Error("the citizen client secret has a flag, which other users of the machine could see")
	}
	if err := fs.Parse([]string{"--citizen-oidc-issuer", "", "--citizen-oidc-client-id", "other", "--test-citizens", "b.xml"}); err != nil {
		t.Fatal(err)
	}
	if c.CitizenOIDCIssuer != "" || c.CitizenOIDCClientID != "other" || c.TestCitizens != "b.xml" || !c.CitizenDevLogin() {
		t.Errorf("flags should override: %+v", c)
	}
}

func TestCitizenDevLogin_DefaultIsTheDevelopmentLogin(t *testing.T) {
	for _, v := range []string{"KANAL_CITIZEN_OIDC_ISSUER", "KANAL_CITIZEN_OIDC_CLIENT_ID", "KANAL_CITIZEN_OIDC_CLIENT_SECRET", "KANAL_TEST_CITIZENS"} {
		t.Setenv(v, "")
	}
	c, err := FromEnv()
	if err != nil {
		t.Fatal(err)
	}
	if !c.CitizenDevLogin() || c.TestCitizens != "" {
		t.Errorf("defaults: dev login %v, test citizens %q", c.CitizenDevLogin(), c.TestCitizens)
	}
}

func TestSMTP_FromEnvironmentAndFlagsWithoutPrintingThePassword(t *testing.T) {
	t.Setenv("KANAL_SMTP_ADDR", "smtp.dragoer.dk:587")
	t.Setenv("KANAL_SMTP_FROM", "kanal@dragoer.dk")
	t.Setenv("KANAL_SMTP_USER", "kanal")
	t.Setenv("KANAL_SMTP_PASSWORD", "smtphemmelighed")
	c, err := FromEnv()
	if err != nil {
		t.Fatal(err)
	}
	if c.SMTPAddr != "smtp.dragoer.dk:587" || c.SMTPFrom != "kanal@dragoer.dk" || c.SMTPUser != "kanal" || c.SMTPPassword != "smtphemmelighed" {
		t.Errorf("from environment: %+v", c)
	}
	var logs bytes.Buffer
	slog.New(slog.NewTextHandler(&logs, nil)).Info("config", "config", c)
	if !strings.Contains(logs.String(), "smtp_addr=smtp.dragoer.dk:587") || !strings.Contains(logs.String(), "smtp_password_set=true") {
		t.Errorf("printed settings: %s", logs.String())
	}
	if strings.Contains(logs.String(), "smtphemmelighed") {
		t.Errorf("the printed configuration leaks the SMTP password: %s", logs.String())
	}
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	c.BindServe(fs)
	if fs.Lookup("smtp-password") != nil {
		t.Error("the SMTP password has a flag, which other users of the machine could see")
	}
	if err := fs.Parse([]string{"--smtp-addr", "", "--smtp-from", "svar@dragoer.dk", "--smtp-user", "x"}); err != nil {
		t.Fatal(err)
	}
	if c.SMTPAddr != "" || c.SMTPFrom != "svar@dragoer.dk" || c.SMTPUser != "x" {
		t.Errorf("flags should override: %+v", c)
	}
}

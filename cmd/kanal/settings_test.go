package main

import (
	"strings"
	"testing"

	"github.com/kanal-dk/kanal/internal/locale/localetest"
)

// A setting that parses but is refused, from a flag or from a KANAL_*
// variable, is one line in Danish, or in English with KANAL_LANG=en or
// --lang en: the command, the setting as the user wrote it (the flag if
// given, else the variable), what it must be and the value; exit 2,
// nothing on stdout, and never a password or the OIDC client secret.
func TestSettings_RefusedSettingIsOneLineInTheLanguageAsked(t *testing.T) {
	localetest.FailOnMissing(t)
	const secret = "s3cret"
	t.Setenv("KANAL_OIDC_CLIENT_SECRET", "oidc-"+secret)
	never := "sqlite:" + t.TempDir() + "/never.db"
	for _, tc := range []struct {
		env    map[string]string
		args   []string
		da, en string
	}{
		{nil, []string{"serve", "--log-level", "loud"},
			`kanal serve: --log-level skal være debug, info, warn eller error, ikke "loud"; se kanal serve -h` + "\n",
			`kanal serve: --log-level must be debug, info, warn or error, not "loud"; see kanal serve -h` + "\n"},
		{nil, []string{"serve", "--log-format=xml"},
			`kanal serve: --log-format skal være text eller json, ikke "xml"; se kanal serve -h` + "\n",
			`kanal serve: --log-format must be text or json, not "xml"; see kanal serve -h` + "\n"},
		{map[string]string{"KANAL_LOG_LEVEL": "loud"}, []string{"serve", "--log-format", "json"},
			`kanal serve: KANAL_LOG_LEVEL skal være debug, info, warn eller error, ikke "loud"` + "\n",
			`kanal serve: KANAL_LOG_LEVEL must be debug, info, warn or error, not "loud"` + "\n"},
		{map[string]string{"KANAL_LOG_FORMAT": "xml"}, []string{"serve"},
			`kanal serve: KANAL_LOG_FORMAT skal være text eller json, ikke "xml"` + "\n",
			`kanal serve: KANAL_LOG_FORMAT must be text or json, not "xml"` + "\n"},
		// The flag overrides the variable, so the flag's value is refused.
		{map[string]string{"KANAL_LOG_LEVEL": "debug"}, []string{"serve", "--log-level", "høj"},
			`kanal serve: --log-level skal være debug, info, warn eller error, ikke "høj"; se kanal serve -h` + "\n",
			`kanal serve: --log-level must be debug, info, warn or error, not "høj"; see kanal serve -h` + "\n"},
		{map[string]string{"KANAL_HISTORY_YEARS": "abc"}, []string{"serve"},
			`kanal: KANAL_HISTORY_YEARS skal være et helt antal år fra 1 til 100, ikke "abc"` + "\n",
			`kanal: KANAL_HISTORY_YEARS must be a whole number of years from 1 to 100, not "abc"` + "\n"},
		{map[string]string{"KANAL_DEMO": "maybe"}, []string{"serve"},
			`kanal: KANAL_DEMO skal være true eller false, ikke "maybe"` + "\n",
			`kanal: KANAL_DEMO must be true or false, not "maybe"` + "\n"},
		{map[string]string{"KANAL_PPROF_ANY_ADDR": "ja"}, []string{"rollup", "verify"},
			`kanal: KANAL_PPROF_ANY_ADDR skal være true eller false, ikke "ja"` + "\n",
			`kanal: KANAL_PPROF_ANY_ADDR must be true or false, not "ja"` + "\n"},
		{nil, []string{"serve", "--db", "mysql://kanal:" + secret + "@db/kanal"},
			`kanal serve: --db skal være sqlite:STI eller postgres://BRUGER@VÆRT/DB, ikke "mysql://kanal:xxxxx@db/kanal"; se kanal serve -h` + "\n",
			`kanal serve: --db must be sqlite:PATH or postgres://USER@HOST/DB, not "mysql://kanal:xxxxx@db/kanal"; see kanal serve -h` + "\n"},
		{map[string]string{"KANAL_DB": "sqlite:"}, []string{"rollup", "verify"},
			`kanal rollup verify: KANAL_DB skal være sqlite:STI eller postgres://BRUGER@VÆRT/DB, ikke "sqlite:"` + "\n",
			`kanal rollup verify: KANAL_DB must be sqlite:PATH or postgres://USER@HOST/DB, not "sqlite:"` + "\n"},
		{map[string]string{"KANAL_DB": "kanal:" + secret + "@db:5432/kanal"}, []string{"user", "list", "--operators"},
			`kanal user list: KANAL_DB skal være sqlite:STI eller postgres://BRUGER@VÆRT/DB, ikke "xxxxx@db:5432/kanal"` + "\n",
			`kanal user list: KANAL_DB must be sqlite:PATH or postgres://USER@HOST/DB, not "xxxxx@db:5432/kanal"` + "\n"},
		{map[string]string{"KANAL_DB_READ": "host=replica password=" + secret}, []string{"serve"},
			`kanal serve: KANAL_DB_READ skal være sqlite:STI eller postgres://BRUGER@VÆRT/DB, ikke "host=replica password=xxxxx"` + "\n",
			`kanal serve: KANAL_DB_READ must be sqlite:PATH or postgres://USER@HOST/DB, not "host=replica password=xxxxx"` + "\n"},
		{nil, []string{"serve", "--db-read=postgres:replica"},
			`kanal serve: --db-read skal være sqlite:STI eller postgres://BRUGER@VÆRT/DB, ikke "postgres:replica"; se kanal serve -h` + "\n",
			`kanal serve: --db-read must be sqlite:PATH or postgres://USER@HOST/DB, not "postgres:replica"; see kanal serve -h` + "\n"},
	} {
		for _, run := range []struct {
			lang string
			args []string
			want string
		}{
			{"", tc.args, tc.da},
			{"da", tc.args, tc.da},
			{"en", tc.args, tc.en},
			{"da", append(append([]string{}, tc.args...), "--lang", "en"), tc.en},
			{"en", append(append([]string{}, tc.args...), "-lang=da"), tc.da},
		} {
			for _, name := range []string{"KANAL_LOG_LEVEL", "KANAL_LOG_FORMAT", "KANAL_HISTORY_YEARS", "KANAL_DEMO", "KANAL_PPROF_ANY_ADDR", "KANAL_DB_READ"} {
				t.Setenv(name, tc.env[name])
			}
			t.Setenv("KANAL_DB", never)
			for name, value := range tc.env {
				t.Setenv(name, value)
			}
			t.Setenv("KANAL_LANG", run.lang)
			code, out, errOut := kanal(t, run.args...)
			if code != exitUsage || out != "" || errOut != run.want {
				t.Errorf("%v KANAL_LANG=%s kanal %s: exit %d, stdout %q, stderr %q, want exit 2 and %q",
					tc.env, run.lang, strings.Join(run.args, " "), code, out, errOut, run.want)
			}
			if strings.Contains(errOut, secret) {
				t.Errorf("%v kanal %s: a secret is printed: %q", tc.env, strings.Join(run.args, " "), errOut)
			}
		}
	}
}

// An unknown language is refused, in Danish, rather than read as Danish:
// --lang english must not quietly answer in Danish.
func TestSettings_AnUnknownLanguageIsRefused(t *testing.T) {
	localetest.FailOnMissing(t)
	t.Setenv("KANAL_DB", "sqlite:"+t.TempDir()+"/never.db")
	t.Setenv("KANAL_LANG", "english")
	code, out, errOut := kanal(t, "rollup", "verify")
	if want := `kanal rollup verify: KANAL_LANG skal være da (dansk) eller en (engelsk), ikke "english"` + "\n"; code != exitUsage || out != "" || errOut != want {
		t.Errorf("KANAL_LANG=english: exit %d, stdout %q, stderr %q, want exit 2 and %q", code, out, errOut, want)
	}
	t.Setenv("KANAL_LANG", "")
	code, out, errOut = kanal(t, "rollup", "verify", "--lang", "fr")
	if want := `kanal rollup verify: --lang skal være da (dansk) eller en (engelsk), ikke "fr"; se kanal rollup verify -h` + "\n"; code != exitUsage || out != "" || errOut != want {
		t.Errorf("--lang fr: exit %d, stdout %q, stderr %q, want exit 2 and %q", code, out, errOut, want)
	}
}

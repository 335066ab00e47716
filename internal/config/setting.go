package config

import (
	"flag"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"

	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/store"
)

// SettingError is a setting's value that Kanal refuses. Config has no
// language, so it says which setting, the value and the catalogue key of
// what the value must be; cmd/kanal tells it in the user's language, with
// the setting as the user wrote it: the flag, if given, else its
// environment variable (EnvName).
type SettingError struct {
	// Flag is the setting's flag, without dashes: "log-level".
	Flag string
	// Value is the value refused, as it may be shown: without a password.
	Value string
	// Want is the catalogue key of the words for what the value must be.
	Want string
}

func (e *SettingError) Error() string {
	return fmt.Sprintf("%s %q: not %s", e.Flag, e.Value, e.Want)
}

// The catalogue keys of what a setting must be.
const (
	wantBool      = "cli.flag_error.want.bool"
	wantYears     = "cli.flag_error.want.years"
	wantLogLevel  = "cli.flag_error.want.log_level"
	wantLogFormat = "cli.flag_error.want.log_format"
	wantDB        = "cli.flag_error.want.db"
	wantLang      = "cli.flag_error.want.lang"
)

// EnvName is the environment variable of the setting whose flag is name:
// --log-level is KANAL_LOG_LEVEL.
func EnvName(name string) string {
	if name == "strategy" {
		return "KANAL_STRATEGIES"
	}
	return "KANAL_" + strings.ToUpper(strings.ReplaceAll(name, "-", "_"))
}

// Check refuses the settings of fs's flags whose form is wrong, whether
// they came from the flags or the environment: the language, the database
// addresses and the log's level and format. Settings of flags fs lacks are not the
// command's and are not checked.
func (c Config) Check(fs *flag.FlagSet) error {
	has := func(name string) bool { return fs.Lookup(name) != nil }
	// An unknown language is refused rather than read as Danish, so that
	// --lang english does not quietly answer in Danish; the refusal itself
	// is in Danish.
	if has("lang") && c.Lang != "" && !slices.Contains(locale.Languages, c.Lang) {
		return &SettingError{Flag: "lang", Value: c.Lang, Want: wantLang}
	}
	if has("db") && !dbForm(c.DB) {
		return &SettingError{Flag: "db", Value: shownDSN(c.DB), Want: wantDB}
	}
	if has("db-read") && c.DBRead != "" && !dbForm(c.DBRead) {
		return &SettingError{Flag: "db-read", Value: shownDSN(c.DBRead), Want: wantDB}
	}
	if has("log-level") || has("log-format") {
		if _, err := c.Logger(io.Discard); err != nil {
			return err
		}
	}
	return nil
}

// dbForm says whether dsn has a form store.Open takes.
func dbForm(dsn string) bool {
	_, ok := store.EngineOf(dsn)
	return ok
}

// A refused address need not be a URL, whose password store.Redact
// replaces: a key=value address ("host=db password=…") or a user and
// password in an address Redact cannot read may hold one too.
var passwordWord = regexp.MustCompile(`(?i)(password\s*=\s*)('[^']*'|\S+)`)

// shownDSN is a database address as a message may show it: without a
// password. Where Redact cannot tell the user and password from the rest,
// everything before the host's @ is replaced.
func shownDSN(dsn string) string {
	s := passwordWord.ReplaceAllString(dsn, "${1}xxxxx")
	at := strings.LastIndex(s, "@")
	if r := store.Redact(s); r != s || at < 0 {
		return r
	}
	start := 0
	if i := strings.Index(s[:at], "://"); i >= 0 {
		start = i + len("://")
	}
	return s[:start] + "xxxxx" + s[at:]
}

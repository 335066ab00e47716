// Package config holds Kanal's settings in one struct, filled from KANAL_*
// environment variables and overridden by command-line flags.
package config

import (
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strconv"
	"strings"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/store"
)

// Defaults.
const (
	DefaultAddr = "127.0.0.1:8080"
	DefaultDB   = "sqlite:./data/kanal.db"
)

// Config is every setting of the kanal binary.
type Config struct {
	// Addr is where serve listens (KANAL_ADDR, --addr).
	Addr string
	// DB is the database address (KANAL_DB, --db): sqlite:PATH or postgres://…
	DB string
	// DBRead is an optional read-only database (KANAL_DB_READ, --db-read),
	// such as a PostgreSQL replica of DB, that the figures and the council
	// report read their counts from; nothing is written to it.
	DBRead string
	// PprofAddr is where serve offers Go's profiler (KANAL_PPROF_ADDR,
	// --pprof-addr): off when empty, a loopback address unless
	// PprofAnyAddr; never on the address of the application.
	PprofAddr string
	// PprofAnyAddr lets PprofAddr be an address other machines reach
	// (KANAL_PPROF_ANY_ADDR, --pprof-any-addr).
	PprofAnyAddr bool
	// Demo loads the presets and demo data (KANAL_DEMO, --demo). Unset, it
	// is on for a new SQLite database.
	Demo OptionalBool
	// Strategies are strategy files serve loads at start (KANAL_STRATEGIES,
	// comma-separated; --strategy, repeatable).
	Strategies []string
	// Lang is the language of command-line messages (KANAL_LANG, --lang).
	Lang string
	// LogFormat is text or json (KANAL_LOG_FORMAT, --log-format).
	LogFormat string
	// LogLevel is debug, info, warn or error (KANAL_LOG_LEVEL, --log-level).
	LogLevel string
	// PublicURL is where users reach Kanal (KANAL_PUBLIC_URL, --public-url);
	// by default http://ADDR/. An https address makes cookies Secure.
	PublicURL string
	// OIDC sign-in: the identity provider's issuer URL and Kanal's client
	// (KANAL_OIDC_ISSUER, KANAL_OIDC_CLIENT_ID, KANAL_OIDC_CLIENT_SECRET).
	// The secret is read only from the environment, never from a flag,
	// which other users of the machine could see.
	OIDCIssuer, OIDCClientID, OIDCClientSecret string
	// Citizen sign-in through a NemLog-in broker over OpenID Connect: the
	// broker's issuer URL and Kanal's client (KANAL_CITIZEN_OIDC_ISSUER,
	// --citizen-oidc-issuer; KANAL_CITIZEN_OIDC_CLIENT_ID,
	// --citizen-oidc-client-id; KANAL_CITIZEN_OIDC_CLIENT_SECRET, from the
	// environment only). Without an issuer, citizens sign in with the
	// development login (CitizenDevLogin).
	CitizenOIDCIssuer, CitizenOIDCClientID, CitizenOIDCClientSecret string
	// TestCitizens is a test citizens file for the development login and
	// prefill (KANAL_TEST_CITIZENS, --test-citizens); empty for the one
	// shipped with Kanal.
	TestCitizens string
	// HistoryYears is how many years before the first year of its strategy
	// an inquiry may be dated (KANAL_HISTORY_YEARS, --history-years): a
	// municipality loads earlier counts as its baseline.
	HistoryYears int
	// SMTP sends the answers to the contact form's questions: the
	// server's host:port (KANAL_SMTP_ADDR, --smtp-addr; empty keeps them
	// in the local outbox the staff pages show), the sender's address
	// (KANAL_SMTP_FROM, --smtp-from) and the sign-in (KANAL_SMTP_USER,
	// --smtp-user; the password from KANAL_SMTP_PASSWORD only).
	SMTPAddr, SMTPFrom, SMTPUser, SMTPPassword string
	// WebhooksAllowPrivate lets webhooks (case-system deliveries, letters'
	// status callbacks) go to loopback, private, link-local and other
	// addresses that are not public (KANAL_WEBHOOKS_ALLOW_PRIVATE,
	// --webhooks-allow-private): for a case system on the municipality's
	// internal network. Off, such an address is refused when connecting
	// (internal/webhook).
	WebhooksAllowPrivate bool
}

// FromEnv returns the defaults overridden by KANAL_* variables.
func FromEnv() (Config, error) {
	c := Config{
		Addr:      env("KANAL_ADDR", DefaultAddr),
		DB:        env("KANAL_DB", DefaultDB),
		DBRead:    env("KANAL_DB_READ", ""),
		PprofAddr: env("KANAL_PPROF_ADDR", ""),
		Lang:      env("KANAL_LANG", "da"),
		LogFormat: env("KANAL_LOG_FORMAT", "text"),
		LogLevel:  env("KANAL_LOG_LEVEL", "info"),
		PublicURL: env("KANAL_PUBLIC_URL", ""),

		OIDCIssuer:       env("KANAL_OIDC_ISSUER", ""),
		OIDCClientID:     env("KANAL_OIDC_CLIENT_ID", ""),
		OIDCClientSecret: env("KANAL_OIDC_CLIENT_SECRET", ""),

		CitizenOIDCIssuer:       env("KANAL_CITIZEN_OIDC_ISSUER", ""),
		CitizenOIDCClientID:     env("KANAL_CITIZEN_OIDC_CLIENT_ID", ""),
		CitizenOIDCClientSecret: env("KANAL_CITIZEN_OIDC_CLIENT_SECRET", ""),
		TestCitizens:            env("KANAL_TEST_CITIZENS", ""),
		SMTPAddr:                env("KANAL_SMTP_ADDR", ""),
		SMTPFrom:                env("KANAL_SMTP_FROM", ""),
		SMTPUser:                env("KANAL_SMTP_USER", ""),
		SMTPPassword:            env("KANAL_SMTP_PASSWORD", ""),

		HistoryYears: inquiry.DefaultHistoryYears,
	}
	if v := os.Getenv("KANAL_HISTORY_YEARS"); v != "" {
		n, err := parseHistoryYears(v)
		if err != nil {
			return c, &SettingError{Flag: "history-years", Value: v, Want: wantYears}
		}
		c.HistoryYears = n
	}
	if v := os.Getenv("KANAL_PPROF_ANY_ADDR"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return c, &SettingError{Flag: "pprof-any-addr", Value: v, Want: wantBool}
		}
		c.PprofAnyAddr = b
	}
	if v := os.Getenv("KANAL_WEBHOOKS_ALLOW_PRIVATE"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return c, &SettingError{Flag: "webhooks-allow-private", Value: v, Want: wantBool}
		}
		c.WebhooksAllowPrivate = b
	}
	if v := os.Getenv("KANAL_DEMO"); v != "" {
		if err := c.Demo.Set(v); err != nil {
			return c, &SettingError{Flag: "demo", Value: v, Want: wantBool}
		}
	}
	if v := os.Getenv("KANAL_STRATEGIES"); v != "" {
		for _, f := range strings.Split(v, ",") {
			if f = strings.TrimSpace(f); f != "" {
				c.Strategies = append(c.Strategies, f)
			}
		}
	}
	return c, nil
}

func env(name, fallback string) string {
	if v, ok := os.LookupEnv(name); ok && v != "" {
		return v
	}
	return fallback
}

// BindDB adds the flags every database command takes.
func (c *Config) BindDB(fs *flag.FlagSet) {
	fs.StringVar(&c.DB, "db", c.DB, "database: sqlite:PATH or postgres://USER@HOST/DB (KANAL_DB)")
	c.bindCommon(fs)
}

// BindDBRead adds the flag of the commands that read figures.
func (c *Config) BindDBRead(fs *flag.FlagSet) {
	fs.StringVar(&c.DBRead, "db-read", c.DBRead, "read-only database the figures are read from, e.g. a PostgreSQL replica (KANAL_DB_READ)")
}

// BindRecording adds the flags of the commands that record inquiries.
func (c *Config) BindRecording(fs *flag.FlagSet) {
	fs.Var((*historyYears)(&c.HistoryYears), "history-years",
		"years before the strategy's first year an inquiry may be dated (KANAL_HISTORY_YEARS)")
}

// historyYears is a number of years of history, 1 to 100, as a flag.
type historyYears int

func (y *historyYears) String() string { return strconv.Itoa(int(*y)) }

// Expected is the catalogue's words for the values the flag takes, for
// the message about a value it refuses (cmd/kanal/flags.go).
func (y *historyYears) Expected() string { return wantYears }

func (y *historyYears) Set(s string) error {
	n, err := parseHistoryYears(s)
	if err != nil {
		return err
	}
	*y = historyYears(n)
	return nil
}

// parseHistoryYears reads a number of years of history: 1 to 100.
func parseHistoryYears(s string) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 1 || n > 100 {
		return 0, fmt.Errorf("%q is not a number of years from 1 to 100", s)
	}
	return n, nil
}

// BindServe adds the flags of the serve command.
func (c *Config) BindServe(fs *flag.FlagSet) {
	c.BindDB(fs)
	c.BindDBRead(fs)
	c.BindRecording(fs)
	fs.StringVar(&c.Addr, "addr", c.Addr, "address to listen on (KANAL_ADDR)")
	fs.StringVar(&c.PprofAddr, "pprof-addr", c.PprofAddr, "private address for Go's profiler, e.g. 127.0.0.1:6060; off when empty (KANAL_PPROF_ADDR)")
	fs.BoolVar(&c.PprofAnyAddr, "pprof-any-addr", c.PprofAnyAddr, "let --pprof-addr be an address other machines reach (KANAL_PPROF_ANY_ADDR)")
	fs.Var(&c.Demo, "demo", "load the Dragør and Tårnby presets and demo data; default on for a new SQLite database (KANAL_DEMO)")
	fs.Func("strategy", "strategy file to load at start; repeatable (KANAL_STRATEGIES, comma-separated)", func(s string) error {
		c.Strategies = append(c.Strategies, s)
		return nil
	})
	fs.StringVar(&c.LogFormat, "log-format", c.LogFormat, "log format: text or json (KANAL_LOG_FORMAT)")
	fs.StringVar(&c.LogLevel, "log-level", c.LogLevel, "log level: debug, info, warn or error (KANAL_LOG_LEVEL)")
	fs.StringVar(&c.PublicURL, "public-url", c.PublicURL, "address users reach Kanal at, e.g. https://kanal.kommune.dk/ (KANAL_PUBLIC_URL)")
	fs.StringVar(&c.OIDCIssuer, "oidc-issuer", c.OIDCIssuer, "OpenID Connect issuer URL for staff sign-in (KANAL_OIDC_ISSUER); the secret comes from KANAL_OIDC_CLIENT_SECRET")
	fs.StringVar(&c.OIDCClientID, "oidc-client-id", c.OIDCClientID, "OpenID Connect client id (KANAL_OIDC_CLIENT_ID)")
	fs.StringVar(&c.CitizenOIDCIssuer, "citizen-oidc-issuer", c.CitizenOIDCIssuer, "NemLog-in broker's OpenID Connect issuer URL for citizen sign-in (KANAL_CITIZEN_OIDC_ISSUER); the secret comes from KANAL_CITIZEN_OIDC_CLIENT_SECRET; without it, the development login")
	fs.StringVar(&c.CitizenOIDCClientID, "citizen-oidc-client-id", c.CitizenOIDCClientID, "client id at the NemLog-in broker (KANAL_CITIZEN_OIDC_CLIENT_ID)")
	fs.StringVar(&c.TestCitizens, "test-citizens", c.TestCitizens, "test citizens file for the development login; by default the shipped one (KANAL_TEST_CITIZENS)")
	fs.StringVar(&c.SMTPAddr, "smtp-addr", c.SMTPAddr, "SMTP server (host:port, STARTTLS) the contact form's answers are sent through; empty keeps them in the local outbox (KANAL_SMTP_ADDR); the password comes from KANAL_SMTP_PASSWORD")
	fs.StringVar(&c.SMTPFrom, "smtp-from", c.SMTPFrom, "sender address of Kanal's e-mail (KANAL_SMTP_FROM)")
	fs.StringVar(&c.SMTPUser, "smtp-user", c.SMTPUser, "user name at the SMTP server (KANAL_SMTP_USER)")
	fs.BoolVar(&c.WebhooksAllowPrivate, "webhooks-allow-private", c.WebhooksAllowPrivate, "let webhooks (case system, letter callbacks) go to loopback and private addresses, e.g. a case system on the internal network (KANAL_WEBHOOKS_ALLOW_PRIVATE)")
}

// CitizenDevLogin reports whether citizens sign in with the development
// login, picking a test citizen of the test citizens file (TestCitizens,
// or the shipped one), whose people also serve prefill: so it is when no
// citizen OIDC issuer is configured. With one, citizens sign in through
// the NemLog-in broker, and prefill needs the real SF1520, which Kanal
// does not have yet (docs/citizen-login.md); the test citizens file is
// then never used.
func (c Config) CitizenDevLogin() bool { return c.CitizenOIDCIssuer == "" }

// Public is the address users reach Kanal at, ending in a slash.
func (c Config) Public() string {
	u := c.PublicURL
	if u == "" {
		u = "http://" + c.Addr
	}
	return strings.TrimSuffix(u, "/") + "/"
}

// BindLang adds only the language flag, for commands without a database.
func (c *Config) BindLang(fs *flag.FlagSet) { c.bindCommon(fs) }

// LangFromArgs sets the language to that of a --lang (or -lang) anywhere
// among a command's arguments, before they are parsed. The flag package
// stops at the first bad flag, so without this a bad flag before --lang en
// would be told in the language of KANAL_LANG; with it, --lang wins
// wherever it stands, as it does once the flags are parsed.
func (c *Config) LangFromArgs(args []string) {
	if l := langIn(args); l != "" {
		c.Lang = l
	}
}

func (c *Config) bindCommon(fs *flag.FlagSet) {
	fs.StringVar(&c.Lang, "lang", c.Lang, "language of messages: da or en (KANAL_LANG)")
	c.localizeUsage(fs)
}

// Logger builds the structured logger the settings ask for.
func (c Config) Logger(w io.Writer) (*slog.Logger, error) {
	var level slog.Level
	if err := level.UnmarshalText([]byte(c.LogLevel)); err != nil {
		return nil, &SettingError{Flag: "log-level", Value: c.LogLevel, Want: wantLogLevel}
	}
	opts := &slog.HandlerOptions{Level: level, ReplaceAttr: maskPersonalData}
	switch c.LogFormat {
	case "text":
		return slog.New(slog.NewTextHandler(w, opts)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, opts)), nil
	}
	return nil, &SettingError{Flag: "log-format", Value: c.LogFormat, Want: wantLogFormat}
}

// maskPersonalData is the log's last guard for personal data: callers keep
// what people typed out of the log, but an error can quote a value (a
// database refusing a row names it), so anything shaped like a CPR number
// in a text or an error is masked before it is written.
func maskPersonalData(_ []string, a slog.Attr) slog.Attr {
	switch v := a.Value; v.Kind() {
	case slog.KindString:
		a.Value = slog.StringValue(audit.MaskCPR(v.String()))
	case slog.KindAny:
		if err, ok := v.Any().(error); ok {
			a.Value = slog.StringValue(audit.MaskCPR(err.Error()))
		}
	}
	return a
}

// LogValue prints the settings without secrets.
func (c Config) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("addr", c.Addr),
		slog.String("db", store.Redact(c.DB)),
		slog.String("db_read", store.Redact(c.DBRead)),
		slog.String("pprof_addr", c.PprofAddr),
		slog.String("demo", c.Demo.String()),
		slog.String("strategies", strings.Join(c.Strategies, ",")),
		slog.String("lang", c.Lang),
		slog.String("log_format", c.LogFormat),
		slog.String("log_level", c.LogLevel),
		slog.String("public_url", c.Public()),
		slog.String("oidc_issuer", c.OIDCIssuer),
		slog.String("oidc_client_id", c.OIDCClientID),
		slog.Bool("oidc_client_secret_set", c.OIDCClientSecret != ""),
		slog.String("citizen_oidc_issuer", c.CitizenOIDCIssuer),
		slog.String("citizen_oidc_client_id", c.CitizenOIDCClientID),
		slog.Bool("citizen_oidc_client_secret_set", c.CitizenOIDCClientSecret != ""),
		slog.Bool("citizen_dev_login", c.CitizenDevLogin()),
		slog.String("test_citizens", c.TestCitizens),
		slog.Int("history_years", c.HistoryYears),
		slog.String("smtp_addr", c.SMTPAddr),
		slog.String("smtp_from", c.SMTPFrom),
		slog.String("smtp_user", c.SMTPUser),
		slog.Bool("smtp_password_set", c.SMTPPassword != ""),
		slog.Bool("webhooks_allow_private", c.WebhooksAllowPrivate),
	)
}

// OptionalBool is a boolean flag that knows whether it was given.
type OptionalBool struct {
	Value, IsSet bool
}

// String implements flag.Value.
func (b *OptionalBool) String() string {
	if b == nil || !b.IsSet {
		return "auto"
	}
	return strconv.FormatBool(b.Value)
}

// Set implements flag.Value.
func (b *OptionalBool) Set(s string) error {
	v, err := strconv.ParseBool(s)
	if err != nil {
		return fmt.Errorf("%q is not true or false", s)
	}
	b.Value, b.IsSet = v, true
	return nil
}

// IsBoolFlag lets --demo stand alone, meaning --demo=true.
func (b *OptionalBool) IsBoolFlag() bool { return true }

// Or returns the value if set, else fallback.
func (b OptionalBool) Or(fallback bool) bool {
	if b.IsSet {
		return b.Value
	}
	return fallback
}

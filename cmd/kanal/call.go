package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"

	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/config"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/store"
)

// A call is one run of a command: its name as typed ("kanal user add"),
// the settings its flags change, its flags and its outputs.
type call struct {
	name           string
	cfg            *config.Config
	flags          *flag.FlagSet
	stdout, stderr io.Writer
	// usage are the catalogue keys of what errUsage prints.
	usage []string
}

// tr prints in the language of the settings, which --lang can change.
func (c *call) tr() locale.Printer { return locale.New(c.cfg.Lang) }

// manyArgs lets parse take any number of arguments.
const manyArgs = -1

// parse reads the command's flags and wants from min to max arguments
// after them (max manyArgs: no limit). -h prints the flags' help on
// stdout (errHelp, exit 0); a flag that cannot be read is told in one
// line (flags.go, exit 2), and so is a setting of the command's flags,
// from them or the environment, whose form is wrong. All are in the language of a --lang anywhere
// among the arguments, which start has read.
func (c *call) parse(args []string, min, max int) error {
	err := c.flags.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		c.flags.SetOutput(c.stdout)
		c.flags.Usage()
		return errHelp
	}
	if err != nil {
		return badFlag(c.tr(), c.name, c.flags, args, err)
	}
	if n := c.flags.NArg(); n < min || max != manyArgs && n > max {
		return errUsage
	}
	return c.cfg.Check(c.flags)
}

// How a command ended, when not with a plain error; exit turns each into
// its message and exit code.
var (
	// errUsage: the arguments do not fit the command. Its usage is printed;
	// exit 2.
	errUsage = errors.New("usage")
	// errHelp: the help asked for is printed; exit 0.
	errHelp = errors.New("help")
	// errReported: the command has printed what went wrong; exit 1.
	errReported = errors.New("reported")
)

// notice is an error told in the catalogue's words, complete with its line
// end; exit 1, or exit 2 when it is about the arguments. Its cause, if
// any, is printed before it, as "NAME: cause".
type notice struct {
	key   string
	args  []any
	usage bool
	cause error
}

func (n *notice) Error() string { return n.key }

// exit is the one place a command's end becomes what the user reads on
// stderr and the exit code: nothing and 0 for success, the usage for
// arguments that do not fit, the catalogue's words for a notice or a
// field's error, and "NAME: error" for anything else.
func (c *call) exit(err error) int {
	tr := c.tr()
	var (
		n     *notice
		input *auth.InputError
		bad   *config.SettingError
	)
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errHelp):
		return exitOK
	case errors.Is(err, errUsage):
		c.printUsage(c.stderr)
		return exitUsage
	case errors.Is(err, errReported):
		return exitFailure
	case errors.As(err, &n):
		if n.cause != nil {
			fmt.Fprintf(c.stderr, "%s: %v\n", c.name, n.cause)
		}
		fmt.Fprint(c.stderr, tr.T(n.key, n.args...))
		if n.usage {
			return exitUsage
		}
		return exitFailure
	case errors.As(err, &input):
		fmt.Fprintf(c.stderr, "%s: --%s: %s\n", c.name, input.Field, tr.T(input.Key, input.Args...))
		return exitFailure
	case errors.As(err, &bad):
		fmt.Fprint(c.stderr, refusedSetting(tr, c.name, c.flags, bad))
		return exitUsage
	}
	fmt.Fprintf(c.stderr, "%s: %v\n", c.name, err)
	return exitFailure
}

// printUsage writes the command's usage, from the catalogue.
func (c *call) printUsage(w io.Writer) {
	for _, key := range c.usage {
		fmt.Fprint(w, c.tr().T(key))
	}
}

// openDB opens and migrates the database the settings name.
func (c *call) openDB(ctx context.Context) (*store.DB, error) {
	return openDB(ctx, *c.cfg, nil)
}

// openDB opens and migrates the configured database, and logs it when
// given a log.
func openDB(ctx context.Context, cfg config.Config, log *slog.Logger) (*store.DB, error) {
	db, err := store.Open(ctx, cfg.DB)
	if err != nil {
		return nil, err
	}
	n, err := db.Migrate(ctx)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("migrate %s: %w", db, err)
	}
	if log != nil {
		log.Info("database ready", "db", db.String(), "migrations_applied", n)
	}
	return db, nil
}

// current reads a municipality's strategy; an unknown municipality is
// told as such.
func current(ctx context.Context, db *store.DB, id string) (*municipality.Current, error) {
	cur, err := municipality.NewRegistry(db).Current(ctx, id)
	if errors.Is(err, municipality.ErrNotFound) {
		return nil, &notice{key: "cli.show.unknown", args: []any{id}}
	}
	return cur, err
}

package main

import (
	"flag"
	"strconv"
	"strings"

	"github.com/kanal-dk/kanal/internal/config"
	"github.com/kanal-dk/kanal/internal/locale"
)

// The flag package says what is wrong with a flag in English, with its
// whole usage after it. Kanal's flag sets write nowhere (commands.go);
// the error the package returns is told here, in the catalogue's words,
// as one line that names the flag and points to "kanal COMMAND -h".

// flagFailure is which of the flag package's failures an error is.
type flagFailure int

const (
	flagUnreadable flagFailure = iota // wording not known: the generic message
	flagUnknown                       // a flag the command does not have
	flagSyntax                        // not a flag's shape, such as ---x or -=x
	flagNoValue                       // a flag without its value at the end
	flagBadValue                      // a value the flag refuses
)

// readFlagError reads an error of flag.FlagSet.Parse: which failure, the
// flag's name (without dashes; for flagSyntax the argument as typed) and
// the value refused. The package has no typed errors, so this is the one
// place its wording is read; TestReadFlagError fails if the wording
// changes, and anything else is flagUnreadable.
func readFlagError(err error) (failure flagFailure, name, value string) {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
		return flagUnknown, name, ""
	}
	if arg, ok := strings.CutPrefix(msg, "bad flag syntax: "); ok {
		return flagSyntax, arg, ""
	}
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: -"); ok {
		return flagNoValue, name, ""
	}
	for _, p := range [][2]string{{"invalid value ", " for flag -"}, {"invalid boolean value ", " for -"}} {
		rest, ok := strings.CutPrefix(msg, p[0])
		if !ok {
			continue
		}
		quoted, err := strconv.QuotedPrefix(rest)
		if err != nil {
			break
		}
		value, _ = strconv.Unquote(quoted)
		rest, ok = strings.CutPrefix(rest[len(quoted):], p[1])
		name, _, found := strings.Cut(rest, ": ")
		if ok && found {
			return flagBadValue, name, value
		}
	}
	return flagUnreadable, "", ""
}

// badFlag is what is said about err, the error of parsing args with the
// command name's fs, as a notice with exit 2, in tr's language. The flag set itself confirms what the error
// says: an unknown flag is not in it, a flag with a missing or refused
// value is. Where it does not, or the wording is not known, the generic
// message names the arguments.
func badFlag(tr locale.Printer, name string, fs *flag.FlagSet, args []string, err error) error {
	failure, flagName, value := readFlagError(err)
	f := fs.Lookup(flagName)
	switch {
	case failure == flagSyntax:
		return &notice{key: "cli.flag_error.unknown", args: []any{name, flagName}, usage: true}
	case failure == flagUnknown && f == nil:
		return &notice{key: "cli.flag_error.unknown", args: []any{name, typedFlag(fs, args, flagName)}, usage: true}
	case failure == flagNoValue && f != nil:
		return &notice{key: "cli.flag_error.no_value", args: []any{name, flagName}, usage: true}
	case failure == flagBadValue && f != nil:
		if want := expected(f); want != "" {
			return &notice{key: "cli.flag_error.value", args: []any{name, flagName, tr.T(want), value}, usage: true}
		}
		return &notice{key: "cli.flag_error.refused", args: []any{name, flagName, value}, usage: true}
	}
	return &notice{key: "cli.flag_error.unreadable", args: []any{name, strings.Join(args, " ")}, usage: true}
}

// typedFlag is the unknown flag as typed (-x or --x, without a value): the
// argument the flag package stopped after, which is the last it took.
func typedFlag(fs *flag.FlagSet, args []string, name string) string {
	if taken := len(args) - fs.NArg(); taken > 0 && taken <= len(args) {
		arg, _, _ := strings.Cut(args[taken-1], "=")
		if strings.TrimLeft(arg, "-") == name {
			return arg
		}
	}
	return "-" + name
}

// expected is the catalogue key of the words for the values f takes, or
// "" when there are none: a flag's own (config's flags with a range), a
// boolean's, or a whole number's.
func expected(f *flag.Flag) string {
	if e, ok := f.Value.(interface{ Expected() string }); ok {
		return e.Expected()
	}
	if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
		return "cli.flag_error.want.bool"
	}
	if g, ok := f.Value.(flag.Getter); ok {
		switch g.Get().(type) {
		case int, int64:
			return "cli.flag_error.want.int"
		}
	}
	return ""
}

// refusedSetting is what is said, in tr's language, about a setting whose
// value Kanal refuses, by the command name as typed: the flag, if fs has
// read it from the arguments, else the environment variable the value
// came from (fs nil: no flags read yet).
func refusedSetting(tr locale.Printer, name string, fs *flag.FlagSet, e *config.SettingError) string {
	given := false
	if fs != nil {
		fs.Visit(func(f *flag.Flag) { given = given || f.Name == e.Flag })
	}
	if given {
		return tr.T("cli.flag_error.value", name, e.Flag, tr.T(e.Want), e.Value)
	}
	return tr.T("cli.setting_error.env", name, config.EnvName(e.Flag), tr.T(e.Want), e.Value)
}

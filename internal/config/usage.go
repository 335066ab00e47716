package config

import (
	"flag"
	"fmt"
	"reflect"
	"strings"

	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/store"
)

// The flag package prints a command's help (-h) in English, with English
// type names and "(default …)". Every command binds its flags through this
// package, so it is here that the help gets the language of the other
// messages: each flag's text comes from the catalogue (internal/locale,
// cli.flag.*) under the command's key, or else the flag's name alone.

// localizeUsage makes fs print its help in the language of c.Lang, or of a
// --lang given after -h.
func (c *Config) localizeUsage(fs *flag.FlagSet) {
	fs.Usage = func() {
		lang := c.Lang
		// On -h the flag package stops before the flags that follow it;
		// they are still in fs.Args().
		if l := langIn(fs.Args()); l != "" {
			lang = l
		}
		printFlags(fs, locale.New(lang))
	}
}

// langIn finds a --lang value among command-line arguments.
func langIn(args []string) string {
	for i, a := range args {
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !strings.HasPrefix(a, "-") || name != "lang" {
			continue
		}
		if hasValue {
			return value
		}
		if i+1 < len(args) {
			return args[i+1]
		}
	}
	return ""
}

// printFlags writes fs's flags with their help from the catalogue, in tr's
// language, to fs's output.
func printFlags(fs *flag.FlagSet, tr locale.Printer) {
	w := fs.Output()
	fmt.Fprintf(w, tr.T("cli.flags.usage"), fs.Name())
	fs.VisitAll(func(f *flag.Flag) {
		value, help := placeholder(flagHelp(fs, f, tr))
		if value == "" && !isBool(f) {
			value = tr.T("cli.flags.value")
		}
		fmt.Fprintf(w, "  --%s", f.Name)
		if value != "" {
			fmt.Fprintf(w, " %s", value)
		}
		fmt.Fprintf(w, "\n    \t%s", strings.ReplaceAll(help, "\n", "\n    \t"))
		if def := defaultValue(f); def != "" {
			fmt.Fprintf(w, tr.T("cli.flags.default"), def)
		}
		fmt.Fprintln(w)
	})
}

// flagHelp is f's help in tr's language: the catalogue's text for the
// command (cli.flag.user.add.municipality), for the command's group
// (cli.flag.user.municipality) or for every command (cli.flag.municipality).
// A flag without any is described by its own, English, text.
func flagHelp(fs *flag.FlagSet, f *flag.Flag, tr locale.Printer) string {
	if key, ok := flagKey(fs, f); ok {
		return tr.T(key)
	}
	return f.Usage
}

// flagKey is the catalogue key of f's help in the command fs, and whether
// the catalogue has one.
func flagKey(fs *flag.FlagSet, f *flag.Flag) (string, bool) {
	words := strings.Fields(strings.TrimPrefix(fs.Name(), "kanal"))
	for n := len(words); n >= 0; n-- {
		key := strings.Join(append(append([]string{"cli.flag"}, words[:n]...), f.Name), ".")
		if locale.Has(key) {
			return key, true
		}
	}
	return "", false
}

// placeholder takes the `NAME` of the flag's value out of its help, as the
// flag package does.
func placeholder(help string) (name, text string) {
	start := strings.IndexByte(help, '`')
	if start < 0 {
		return "", help
	}
	end := strings.IndexByte(help[start+1:], '`')
	if end < 0 {
		return "", help
	}
	name = help[start+1 : start+1+end]
	return name, help[:start] + name + help[start+1+end+1:]
}

func isBool(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// defaultValue is the default to show: none when it is the type's zero
// value, as the flag package decides, and the database address without its
// password, since KANAL_DB may hold one.
func defaultValue(f *flag.Flag) (def string) {
	typ := reflect.TypeOf(f.Value)
	var zero reflect.Value
	if typ.Kind() == reflect.Pointer {
		zero = reflect.New(typ.Elem())
	} else {
		zero = reflect.Zero(typ)
	}
	defer func() {
		// The flag package guards the same way: String on a zero value
		// may panic.
		if recover() != nil {
			def = f.DefValue
		}
	}()
	if v, ok := zero.Interface().(flag.Value); ok && v.String() == f.DefValue {
		return ""
	}
	if f.Name == "db" {
		return store.Redact(f.DefValue)
	}
	return f.DefValue
}

package main

import (
	"errors"
	"flag"
	"io"
	"strings"
	"testing"

	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/locale/localetest"
)

// readFlagError reads the flag package's own errors, made here by a real
// flag set; a change of the package's wording fails this test instead of
// silently giving the generic message.
func TestReadFlagError(t *testing.T) {
	for _, tc := range []struct {
		args    []string
		failure flagFailure
		name    string
		value   string
	}{
		{[]string{"-x"}, flagUnknown, "x", ""},
		{[]string{"--no-such=1"}, flagUnknown, "no-such", ""},
		{[]string{"---n"}, flagSyntax, "---n", ""},
		{[]string{"-=n"}, flagSyntax, "-=n", ""},
		{[]string{"--s"}, flagNoValue, "s", ""},
		{[]string{"-n", "abc"}, flagBadValue, "n", "abc"},
		{[]string{"--n=1.5"}, flagBadValue, "n", "1.5"},
		{[]string{"--n", `"a b"`}, flagBadValue, "n", `"a b"`},
		{[]string{"--b=maybe"}, flagBadValue, "b", "maybe"},
	} {
		fs := flag.NewFlagSet("test", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		fs.Int("n", 0, "")
		fs.String("s", "", "")
		fs.Bool("b", false, "")
		err := fs.Parse(tc.args)
		if err == nil {
			t.Fatalf("%q: parsed", tc.args)
		}
		failure, name, value := readFlagError(err)
		if failure != tc.failure || name != tc.name || value != tc.value {
			t.Errorf("%q: %q read as (%d, %q, %q), want (%d, %q, %q)", tc.args, err, failure, name, value, tc.failure, tc.name, tc.value)
		}
	}
	if failure, _, _ := readFlagError(errors.New("flag: something new")); failure != flagUnreadable {
		t.Errorf("an unknown wording is read as %d", failure)
	}
}

// An error in a wording not known, or one the flag set does not confirm,
// gets the generic message, which still names the arguments.
func TestBadFlag_GenericMessageNamesTheArguments(t *testing.T) {
	fs := flag.NewFlagSet("kanal serve", flag.ContinueOnError)
	fs.String("addr", "", "")
	args := []string{"--addr", "x", "--frob"}
	for _, err := range []error{
		errors.New("flag: something new"),
		errors.New("flag provided but not defined: -addr"), // it is defined
		errors.New("flag needs an argument: -frob"),        // it is not
	} {
		var n *notice
		if !errors.As(badFlag(locale.New("da"), "kanal serve", fs, args, err), &n) || !n.usage {
			t.Fatalf("%v: not a usage notice", err)
		}
		want := `kanal serve: flagene "--addr x --frob" kan ikke læses; se kanal serve -h` + "\n"
		if got := locale.New("da").T(n.key, n.args...); got != want {
			t.Errorf("%v: %q, want %q", err, got, want)
		}
	}
}

// A flag that cannot be read is one line in Danish, or in English with
// KANAL_LANG=en or with --lang en even after the bad flag: the command,
// the flag, what is wrong and where to look; exit 2, nothing on stdout,
// and none of the flag package's English.
func TestFlags_BadFlagIsOneLineInTheLanguageAsked(t *testing.T) {
	localetest.FailOnMissing(t)
	t.Setenv("KANAL_DB", "sqlite:"+t.TempDir()+"/never.db")
	for _, tc := range []struct {
		args   []string
		da, en string
	}{
		{[]string{"serve", "-x"},
			"kanal serve: ukendt flag -x; se kanal serve -h\n",
			"kanal serve: unknown flag -x; see kanal serve -h\n"},
		{[]string{"serve", "--addr"},
			"kanal serve: --addr mangler en værdi; se kanal serve -h\n",
			"kanal serve: --addr needs a value; see kanal serve -h\n"},
		{[]string{"serve", "--history-years", "abc"},
			`kanal serve: --history-years skal være et helt antal år fra 1 til 100, ikke "abc"; se kanal serve -h` + "\n",
			`kanal serve: --history-years must be a whole number of years from 1 to 100, not "abc"; see kanal serve -h` + "\n"},
		{[]string{"serve", "--demo=maybe"},
			`kanal serve: --demo skal være true eller false, ikke "maybe"; se kanal serve -h` + "\n",
			`kanal serve: --demo must be true or false, not "maybe"; see kanal serve -h` + "\n"},
		{[]string{"strategy", "load", "--kle"},
			"kanal strategy load: --kle mangler en værdi; se kanal strategy load -h\n",
			"kanal strategy load: --kle needs a value; see kanal strategy load -h\n"},
		{[]string{"import", "inquiries", "--batch=3", "a.csv"},
			"kanal import inquiries: ukendt flag --batch; se kanal import inquiries -h\n",
			"kanal import inquiries: unknown flag --batch; see kanal import inquiries -h\n"},
		{[]string{"import", "inquiries", "--history-years=200", "a.csv"},
			`kanal import inquiries: --history-years skal være et helt antal år fra 1 til 100, ikke "200"; se kanal import inquiries -h` + "\n",
			`kanal import inquiries: --history-years must be a whole number of years from 1 to 100, not "200"; see kanal import inquiries -h` + "\n"},
		{[]string{"rollup", "verify", "--municipality"},
			"kanal rollup verify: --municipality mangler en værdi; se kanal rollup verify -h\n",
			"kanal rollup verify: --municipality needs a value; see kanal rollup verify -h\n"},
		{[]string{"inquiries", "retire", "--yes=perhaps"},
			`kanal inquiries retire: --yes skal være true eller false, ikke "perhaps"; se kanal inquiries retire -h` + "\n",
			`kanal inquiries retire: --yes must be true or false, not "perhaps"; see kanal inquiries retire -h` + "\n"},
		{[]string{"demo", "generate", "--municipalities", "3", "--inquiries", "mange"},
			`kanal demo generate: --inquiries skal være et helt tal, ikke "mange"; se kanal demo generate -h` + "\n",
			`kanal demo generate: --inquiries must be a whole number, not "mange"; see kanal demo generate -h` + "\n"},
		{[]string{"apikey", "add", "--test=nej", "X"},
			`kanal apikey add: --test skal være true eller false, ikke "nej"; se kanal apikey add -h` + "\n",
			`kanal apikey add: --test must be true or false, not "nej"; see kanal apikey add -h` + "\n"},
		{[]string{"user", "add", "---role", "staff"},
			"kanal user add: ukendt flag ---role; se kanal user add -h\n",
			"kanal user add: unknown flag ---role; see kanal user add -h\n"},
		{[]string{"report", "--year", "i år"},
			`kanal report: --year skal være et helt tal, ikke "i år"; se kanal report -h` + "\n",
			`kanal report: --year must be a whole number, not "i år"; see kanal report -h` + "\n"},
	} {
		for _, run := range []struct {
			env  string
			args []string
			want string
		}{
			{"", tc.args, tc.da},
			{"da", tc.args, tc.da},
			{"en", tc.args, tc.en},
			{"da", append(append([]string{}, tc.args...), "--lang", "en"), tc.en},
			{"en", append(append([]string{}, tc.args...), "-lang=da"), tc.da},
		} {
			if len(run.args) > len(tc.args) && strings.Contains(tc.en, "needs a value") {
				continue // the --lang after the flag would be its value
			}
			t.Setenv("KANAL_LANG", run.env)
			code, out, errOut := kanal(t, run.args...)
			if code != exitUsage || out != "" || errOut != run.want {
				t.Errorf("KANAL_LANG=%s kanal %s: exit %d, stdout %q, stderr %q, want exit 2 and %q",
					run.env, strings.Join(run.args, " "), code, out, errOut, run.want)
			}
		}
	}
}

// The class: every command and subcommand of the table answers a flag it
// does not have in the catalogue's words, and -h or --help with its
// flags' help on stdout and exit 0.
func TestFlags_EveryCommandAnswersAnUnknownFlagAndHelp(t *testing.T) {
	localetest.FailOnMissing(t)
	t.Setenv("KANAL_LANG", "da")
	t.Setenv("KANAL_DB", "sqlite:"+t.TempDir()+"/never.db")
	var names [][]string
	for _, cmd := range commands {
		if cmd.subs == nil {
			names = append(names, []string{cmd.name})
		}
		for _, sub := range cmd.subs {
			names = append(names, []string{cmd.name, sub.name})
		}
	}
	for _, name := range names {
		typed := "kanal " + strings.Join(name, " ")
		want := typed + ": ukendt flag --no-such-flag; se " + typed + " -h\n"
		code, out, errOut := kanal(t, append(name, "--no-such-flag")...)
		if code != exitUsage || out != "" || errOut != want {
			t.Errorf("%s --no-such-flag: exit %d, stdout %q, stderr %q, want %q", typed, code, out, errOut, want)
		}
		for _, help := range []string{"-h", "--help"} {
			code, out, errOut := kanal(t, append(name, help)...)
			if code != exitOK || errOut != "" || !strings.HasPrefix(out, "Brug af "+typed+":\n  --") {
				t.Errorf("%s %s: exit %d, stderr %q, stdout:\n%s", typed, help, code, errOut, out)
			}
		}
	}
}

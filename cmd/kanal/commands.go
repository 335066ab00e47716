package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/kanal-dk/kanal/internal/config"
	"github.com/kanal-dk/kanal/internal/locale"
)

// command is one of kanal's commands: its name, the catalogue keys of its
// lines in "kanal help" and of its usage, and what it runs — itself, or
// the subcommand its first argument names.
type command struct {
	name  string
	help  string
	usage string
	run   runFunc
	subs  []subcommand
}

// subcommand is one of a command's subcommands. Its usage, if any, is
// printed after the command's.
type subcommand struct {
	name  string
	usage string
	run   runFunc
}

// runFunc runs a command with the arguments after its name. It returns
// how the command ended; call.exit says it to the user.
type runFunc func(ctx context.Context, c *call, args []string) error

// commands are kanal's commands, in the order "kanal help" lists them.
var commands = []command{
	{name: "serve", help: "cli.help.serve", run: serve},
	{name: "strategy", help: "cli.help.strategy", usage: "cli.strategy.usage", subs: []subcommand{
		{name: "validate", usage: "cli.kle.usage", run: strategyValidate},
		{name: "load", usage: "cli.kle.usage", run: strategyLoad},
		{name: "show", run: strategyShow},
	}},
	{name: "user", help: "cli.help.user", usage: "cli.user.usage", subs: []subcommand{
		{name: "add", run: userAdd},
		{name: "list", run: userList},
		{name: "password", run: userPassword},
		{name: "disable", run: userDisable},
	}},
	{name: "apikey", help: "cli.help.apikey", usage: "cli.apikey.usage", subs: []subcommand{
		{name: "add", run: apikeyAdd},
		{name: "list", run: apikeyList},
		{name: "revoke", run: apikeyRevoke},
	}},
	{name: "casesystem", help: "cli.help.casesystem", usage: "cli.casesystem.usage", subs: []subcommand{
		{name: "set", run: casesystemSet},
		{name: "show", run: casesystemShow},
		{name: "remove", run: casesystemRemove},
	}},
	{name: "import", help: "cli.help.import", usage: "cli.import.usage", subs: []subcommand{
		{name: "inquiries", run: importInquiries},
	}},
	{name: "rollup", help: "cli.help.rollup", usage: "cli.rollup.usage", subs: []subcommand{
		{name: "verify", run: rollupVerify},
		{name: "rebuild", run: rollupRebuild},
	}},
	{name: "report", help: "cli.help.report", usage: "cli.report.usage", run: reportCommand},
	{name: "demo", help: "cli.help.demo", usage: "cli.demo.usage", subs: []subcommand{{name: "generate", run: demoGenerate}}},
	{name: "backup", help: "cli.help.backup", usage: "cli.backup.usage", run: backupCommand},
	{name: "restore", help: "cli.help.restore", usage: "cli.restore.usage", run: restoreCommand},
	{name: "inquiries", help: "cli.help.inquiries", usage: "cli.inquiries.usage", subs: []subcommand{
		{name: "retire", run: retireInquiries},
	}},
}

// helpWords are the arguments that ask for help instead of a command.
var helpWords = []string{"help", "-h", "-help", "--help"}

// start runs the command, or its subcommand, and returns the exit code.
func (cmd command) start(ctx context.Context, cfg *config.Config, args []string, stdout, stderr io.Writer) int {
	// Every message of the command, also about a bad flag before --lang
	// or after -h, where the flag package stops, is in the language of a
	// --lang anywhere among its arguments; else of KANAL_LANG.
	cfg.LangFromArgs(args)
	c := &call{name: "kanal " + cmd.name, cfg: cfg, stdout: stdout, stderr: stderr, usage: []string{cmd.usage}}
	run := cmd.run
	if cmd.subs != nil {
		if len(args) == 0 {
			return c.exit(errUsage)
		}
		if isHelp(args[0]) {
			c.printUsage(stdout)
			return c.exit(errHelp)
		}
		sub, ok := cmd.sub(args[0])
		if !ok {
			fmt.Fprintf(stderr, c.tr().T("cli.unknown_command"), cmd.name+" "+args[0])
			return c.exit(errUsage)
		}
		c.name += " " + sub.name
		if sub.usage != "" {
			c.usage = append(c.usage, sub.usage)
		}
		run, args = sub.run, args[1:]
	}
	c.flags = flag.NewFlagSet(c.name, flag.ContinueOnError)
	// The flag package would print its own English error and the whole
	// help; parse says both itself.
	c.flags.SetOutput(io.Discard)
	return c.exit(run(ctx, c, args))
}

func (cmd command) sub(name string) (subcommand, bool) {
	for _, s := range cmd.subs {
		if s.name == name {
			return s, true
		}
	}
	return subcommand{}, false
}

func findCommand(name string) (command, bool) {
	for _, cmd := range commands {
		if cmd.name == name {
			return cmd, true
		}
	}
	return command{}, false
}

func isHelp(arg string) bool {
	for _, w := range helpWords {
		if arg == w {
			return true
		}
	}
	return false
}

// helpColumn is where a command's description starts in "kanal help".
const helpColumn = 32

// help is "kanal help" in tr's language: every command of the table with
// its description, then help itself. A command's catalogue text holds one
// line per form, "SYNOPSIS<tab>DESCRIPTION"; a synopsis too long for the
// column puts its description on the next line.
func help(tr locale.Printer) string {
	var b strings.Builder
	b.WriteString(tr.T("cli.help.head"))
	keys := make([]string, 0, len(commands)+1)
	for _, cmd := range commands {
		keys = append(keys, cmd.help)
	}
	for _, key := range append(keys, "cli.help.help") {
		for _, line := range strings.Split(tr.T(key), "\n") {
			synopsis, description, _ := strings.Cut(line, "\t")
			b.WriteString("  " + synopsis)
			if pad := helpColumn - 2 - utf8.RuneCountInString(synopsis); pad > 0 {
				b.WriteString(strings.Repeat(" ", pad))
			} else {
				b.WriteString("\n" + strings.Repeat(" ", helpColumn))
			}
			b.WriteString(description + "\n")
		}
	}
	b.WriteString(tr.T("cli.help.foot"))
	return b.String()
}

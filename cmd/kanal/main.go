// Command kanal runs a municipality's channel strategy: the web server, and
// the commands IT staff use to check and load strategies, manage users and
// keys, import inquiries, check the counts and make the council's report.
// The commands are listed in one table (commands.go), from which "kanal
// help" and every command's usage come; each command returns how it ended,
// and one printer (call.exit) tells the user.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"os/user"
	"syscall"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/config"
	"github.com/kanal-dk/kanal/internal/locale"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// Exit codes.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
)

// run is the whole program, with its inputs and outputs passed in so that
// tests can drive it.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	cfg, err := config.FromEnv()
	tr := locale.New(cfg.Lang)
	var bad *config.SettingError
	if errors.As(err, &bad) {
		cfg.LangFromArgs(args)
		fmt.Fprint(stderr, refusedSetting(locale.New(cfg.Lang), "kanal", nil, bad))
		return exitUsage
	}
	if err != nil {
		fmt.Fprintln(stderr, "kanal:", err)
		return exitUsage
	}
	if len(args) == 0 {
		fmt.Fprint(stderr, help(tr))
		return exitUsage
	}
	if isHelp(args[0]) {
		fmt.Fprint(stdout, help(tr))
		return exitOK
	}
	cmd, ok := findCommand(args[0])
	if !ok {
		fmt.Fprintf(stderr, tr.T("cli.unknown_command"), args[0])
		fmt.Fprint(stderr, help(tr))
		return exitUsage
	}
	return cmd.start(ctx, &cfg, args[1:], stdout, stderr)
}

// cliActor is how a command-line change appears in the audit log.
func cliActor() audit.Actor {
	name := os.Getenv("USER")
	if u, err := user.Current(); err == nil {
		name = u.Username
	}
	return audit.Actor{Name: "cli:" + name}
}

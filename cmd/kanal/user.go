package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/config"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// userCommand runs "kanal user add|list|password|disable".
func userCommand(ctx context.Context, cfg config.Config, args []string, stdout, stderr io.Writer) int {
	tr := locale.New(cfg.Lang)
	if len(args) == 0 {
		fmt.Fprint(stderr, tr.T("cli.user.usage"))
		return exitUsage
	}
	fs := flag.NewFlagSet("kanal user "+args[0], flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfg.BindDB(fs)
	m := fs.String("municipality", "", "the user's municipality, e.g. dragoer (not for operators)")
	role := fs.String("role", "", "staff, manager, strategy, auditor or operator")
	department := fs.String("department", "", "department id; required for managers")
	name := fs.String("name", "", "the user's name; defaults to the part of the address before @")
	operators := fs.Bool("operators", false, "list the operators instead of a municipality's users")
	if err := fs.Parse(args[1:]); err != nil {
		return exitUsage
	}
	tr = locale.New(cfg.Lang)
	wantArgs := 1
	if args[0] == "list" {
		wantArgs = 0
	}
	if fs.NArg() != wantArgs {
		fmt.Fprint(stderr, tr.T("cli.user.usage"))
		return exitUsage
	}
	db, err := openDB(ctx, cfg, nil)
	if err != nil {
		fmt.Fprintln(stderr, "kanal user:", err)
		return exitFailure
	}
	defer db.Close()
	users := auth.NewUsers(db, municipality.NewRegistry(db))
	fail := func(err error) int {
		var in *auth.InputError
		switch {
		case errors.As(err, &in):
			fmt.Fprintf(stderr, "kanal user %s: --%s: %s\n", args[0], in.Field, tr.T(in.Key, in.Args...))
		case errors.Is(err, auth.ErrNotFound):
			fmt.Fprintf(stderr, tr.T("cli.user.unknown"), fs.Arg(0))
		default:
			fmt.Fprintf(stderr, "kanal user %s: %v\n", args[0], err)
		}
		return exitFailure
	}
	switch args[0] {
	case "add":
		r, err := auth.ParseRole(*role)
		if err != nil {
			return fail(&auth.InputError{Field: "role", Key: "auth.bad_role", Args: []any{*role}})
		}
		u, password, err := users.Add(ctx, cliActor(), auth.NewUser{Municipality: *m, Email: fs.Arg(0), Name: *name, Role: r, Department: *department})
		if err != nil {
			return fail(err)
		}
		if u.PasswordExpiresAt == nil {
			return fail(errors.New("the new user got no one-time password"))
		}
		fmt.Fprintf(stdout, tr.T("cli.user.added"), u.Email, tr.T("role."+string(u.Role)), password,
			tr.DateTime(u.PasswordExpiresAt.In(strategy.Location)))
	case "password":
		u, err := users.ByEmail(ctx, fs.Arg(0))
		if err != nil {
			return fail(err)
		}
		password, expires, err := users.ResetPassword(ctx, cliActor(), u)
		if err != nil {
			return fail(err)
		}
		fmt.Fprintf(stdout, tr.T("cli.user.reset"), u.Email, password, tr.DateTime(expires.In(strategy.Location)))
	case "disable":
		u, err := users.ByEmail(ctx, fs.Arg(0))
		if err != nil {
			return fail(err)
		}
		if err := users.Disable(ctx, cliActor(), u); err != nil {
			return fail(err)
		}
		fmt.Fprintf(stdout, tr.T("cli.user.disabled"), u.Email)
	case "list":
		if *m == "" && !*operators {
			fmt.Fprint(stderr, tr.T("cli.user.usage"))
			return exitUsage
		}
		list, err := users.List(ctx, *m)
		if err != nil {
			return fail(err)
		}
		tw := tabwriter.NewWriter(stdout, 2, 4, 2, ' ', 0)
		for _, u := range list {
			state := ""
			if u.Disabled {
				state = tr.T("users.state.disabled")
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", u.Email, u.Name, tr.T("role."+string(u.Role)), u.Department, state)
		}
		tw.Flush()
	default:
		fmt.Fprintf(stderr, tr.T("cli.unknown_command"), "user "+args[0])
		fmt.Fprint(stderr, tr.T("cli.user.usage"))
		return exitUsage
	}
	return exitOK
}

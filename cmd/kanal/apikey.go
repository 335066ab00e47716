package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/config"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/municipality"
)

// apikeyCommand runs "kanal apikey add|list|revoke".
func apikeyCommand(ctx context.Context, cfg config.Config, args []string, stdout, stderr io.Writer) int {
	tr := locale.New(cfg.Lang)
	if len(args) == 0 {
		fmt.Fprint(stderr, tr.T("cli.apikey.usage"))
		return exitUsage
	}
	fs := flag.NewFlagSet("kanal apikey "+args[0], flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfg.BindDB(fs)
	m := fs.String("municipality", "", "the key's municipality, e.g. dragoer")
	perms := fs.String("permissions", "", "comma-separated: ingest, read, letters")
	test := fs.Bool("test", false, "a test key: what it sends is stored but never counted")
	if err := fs.Parse(args[1:]); err != nil {
		return exitUsage
	}
	tr = locale.New(cfg.Lang)
	wantArgs := 1
	if args[0] == "list" {
		wantArgs = 0
	}
	if fs.NArg() != wantArgs || *m == "" {
		fmt.Fprint(stderr, tr.T("cli.apikey.usage"))
		return exitUsage
	}
	db, err := openDB(ctx, cfg, nil)
	if err != nil {
		fmt.Fprintln(stderr, "kanal apikey:", err)
		return exitFailure
	}
	defer db.Close()
	if _, err := municipality.NewRegistry(db).Current(ctx, *m); err != nil {
		fmt.Fprintf(stderr, tr.T("cli.show.unknown"), *m)
		return exitFailure
	}
	keys := auth.NewKeys(db)
	fail := func(err error) int {
		var in *auth.InputError
		switch {
		case errors.As(err, &in):
			fmt.Fprintf(stderr, "kanal apikey %s: --%s: %s\n", args[0], in.Field, tr.T(in.Key, in.Args...))
		case errors.Is(err, auth.ErrNotFound):
			fmt.Fprintf(stderr, tr.T("cli.apikey.unknown"), fs.Arg(0), *m)
		default:
			fmt.Fprintf(stderr, "kanal apikey %s: %v\n", args[0], err)
		}
		return exitFailure
	}
	switch args[0] {
	case "add":
		permissions, err := auth.ParseKeyPermissions(*perms)
		if err != nil {
			return fail(err)
		}
		secret, key, err := keys.Add(ctx, cliActor(), *m, fs.Arg(0), permissions, *test)
		if err != nil {
			return fail(err)
		}
		fmt.Fprintf(stdout, tr.T("cli.apikey.added"), key.Name, *m, *perms)
		fmt.Fprintln(stdout, secret)
	case "revoke":
		if err := keys.Revoke(ctx, cliActor(), *m, fs.Arg(0)); err != nil {
			return fail(err)
		}
		fmt.Fprintf(stdout, tr.T("cli.apikey.revoked"), fs.Arg(0))
	case "list":
		list, err := keys.List(ctx, *m)
		if err != nil {
			return fail(err)
		}
		tw := tabwriter.NewWriter(stdout, 2, 4, 2, ' ', 0)
		for _, k := range list {
			var perms []string
			for _, p := range k.Permissions {
				perms = append(perms, string(p))
			}
			var state []string
			if k.Test {
				state = append(state, "test")
			}
			if k.RevokedAt != nil {
				state = append(state, tr.T("keys.state.revoked"))
			}
			used := "–"
			if k.LastUsedAt != nil {
				used = k.LastUsedAt.Format("2006-01-02 15:04")
			}
			fmt.Fprintf(tw, "%s\t%s…\t%s\t%s\t%s\n", k.Name, k.Prefix, strings.Join(perms, ","), used, strings.Join(state, ", "))
		}
		tw.Flush()
	default:
		fmt.Fprintf(stderr, tr.T("cli.unknown_command"), "apikey "+args[0])
		fmt.Fprint(stderr, tr.T("cli.apikey.usage"))
		return exitUsage
	}
	return exitOK
}

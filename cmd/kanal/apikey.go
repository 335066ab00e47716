package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/store"
)

// apikeyFlags are the flags of every "kanal apikey" command.
type apikeyFlags struct {
	municipality, permissions *string
	test                      *bool
}

func bindAPIKeyFlags(c *call) apikeyFlags {
	c.cfg.BindDB(c.flags)
	return apikeyFlags{
		municipality: c.flags.String("municipality", "", "the key's municipality, e.g. dragoer"),
		permissions:  c.flags.String("permissions", "", "comma-separated: "+auth.KeyPermissionList()),
		test:         c.flags.Bool("test", false, "a test key: what it sends is stored but never counted"),
	}
}

// openKeys parses an apikey command's flags and n arguments and opens the
// keys of the municipality it names; close the database after.
func openKeys(ctx context.Context, c *call, args []string, n int) (apikeyFlags, *store.DB, *auth.Keys, error) {
	f := bindAPIKeyFlags(c)
	if err := c.parse(args, n, n); err != nil {
		return f, nil, nil, err
	}
	if *f.municipality == "" {
		return f, nil, nil, errUsage
	}
	db, err := c.openDB(ctx)
	if err != nil {
		return f, nil, nil, err
	}
	if _, err := current(ctx, db, *f.municipality); err != nil {
		db.Close()
		return f, nil, nil, err
	}
	return f, db, auth.NewKeys(db), nil
}

// apikeyAdd runs "kanal apikey add": a new key, printed this once.
func apikeyAdd(ctx context.Context, c *call, args []string) error {
	f, db, keys, err := openKeys(ctx, c, args, 1)
	if err != nil {
		return err
	}
	defer db.Close()
	permissions, err := auth.ParseKeyPermissions(*f.permissions)
	if err != nil {
		return err
	}
	secret, key, err := keys.Add(ctx, cliActor(), *f.municipality, c.flags.Arg(0), permissions, *f.test)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, c.tr().T("cli.apikey.added"), key.Name, *f.municipality, *f.permissions)
	fmt.Fprintln(c.stdout, secret)
	return nil
}

// apikeyRevoke runs "kanal apikey revoke": the key stops working.
func apikeyRevoke(ctx context.Context, c *call, args []string) error {
	f, db, keys, err := openKeys(ctx, c, args, 1)
	if err != nil {
		return err
	}
	defer db.Close()
	name := c.flags.Arg(0)
	err = keys.Revoke(ctx, cliActor(), *f.municipality, name)
	if errors.Is(err, auth.ErrNotFound) {
		return &notice{key: "cli.apikey.unknown", args: []any{name, *f.municipality}}
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, c.tr().T("cli.apikey.revoked"), name)
	return nil
}

// apikeyList runs "kanal apikey list": a municipality's keys, without
// their secrets.
func apikeyList(ctx context.Context, c *call, args []string) error {
	f, db, keys, err := openKeys(ctx, c, args, 0)
	if err != nil {
		return err
	}
	defer db.Close()
	list, err := keys.List(ctx, *f.municipality)
	if err != nil {
		return err
	}
	tr := c.tr()
	tw := tabwriter.NewWriter(c.stdout, 2, 4, 2, ' ', 0)
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
	return tw.Flush()
}

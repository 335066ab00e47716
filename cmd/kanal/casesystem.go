package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/kanal-dk/kanal/internal/delivery"
	"github.com/kanal-dk/kanal/internal/store"
)

// openOutbox parses a casesystem command's flags (--municipality and, for
// set, --url) and opens the outbox of the municipality it names; close
// the database after.
func openOutbox(ctx context.Context, c *call, args []string, withURL bool) (string, string, *store.DB, *delivery.Outbox, error) {
	c.cfg.BindDB(c.flags)
	municipality := c.flags.String("municipality", "", "the municipality, e.g. dragoer")
	var rawURL *string
	if withURL {
		rawURL = c.flags.String("url", "", "the case system's address, http or https, that the deliveries are posted to")
	}
	if err := c.parse(args, 0, 0); err != nil {
		return "", "", nil, nil, err
	}
	if *municipality == "" || withURL && *rawURL == "" {
		return "", "", nil, nil, errUsage
	}
	db, err := c.openDB(ctx)
	if err != nil {
		return "", "", nil, nil, err
	}
	if _, err := current(ctx, db, *municipality); err != nil {
		db.Close()
		return "", "", nil, nil, err
	}
	u := ""
	if withURL {
		u = *rawURL
	}
	return *municipality, u, db, delivery.NewOutbox(db), nil
}

// casesystemSet runs "kanal casesystem set": the address and a new
// secret, printed this once.
func casesystemSet(ctx context.Context, c *call, args []string) error {
	m, u, db, outbox, err := openOutbox(ctx, c, args, true)
	if err != nil {
		return err
	}
	defer db.Close()
	secret, err := outbox.SetEndpoint(ctx, cliActor(), m, u)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, c.tr().T("cli.casesystem.set"), m, u)
	fmt.Fprintln(c.stdout, secret)
	return nil
}

// casesystemShow runs "kanal casesystem show": the address, without its
// secret, and how many deliveries it has not received.
func casesystemShow(ctx context.Context, c *call, args []string) error {
	m, _, db, outbox, err := openOutbox(ctx, c, args, false)
	if err != nil {
		return err
	}
	defer db.Close()
	e, err := outbox.Endpoint(ctx, m)
	if errors.Is(err, delivery.ErrNoEndpoint) {
		return &notice{key: "cli.casesystem.none", args: []any{m}}
	}
	if err != nil {
		return err
	}
	waiting, err := outbox.List(ctx, m, "")
	if err != nil {
		return err
	}
	count := map[delivery.State]int{}
	for _, d := range waiting {
		count[d.State]++
	}
	fmt.Fprintf(c.stdout, c.tr().T("cli.casesystem.show"), e.URL, e.UpdatedAt.UTC().Format("2006-01-02 15:04 UTC"),
		count[delivery.Pending], count[delivery.Dead])
	return nil
}

// casesystemRemove runs "kanal casesystem remove": no more deliveries.
func casesystemRemove(ctx context.Context, c *call, args []string) error {
	m, _, db, outbox, err := openOutbox(ctx, c, args, false)
	if err != nil {
		return err
	}
	defer db.Close()
	err = outbox.RemoveEndpoint(ctx, cliActor(), m)
	if errors.Is(err, delivery.ErrNoEndpoint) {
		return &notice{key: "cli.casesystem.none", args: []any{m}}
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, c.tr().T("cli.casesystem.removed"), m)
	return nil
}

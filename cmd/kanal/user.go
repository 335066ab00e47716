package main

import (
	"context"
	"errors"
	"fmt"
	"text/tabwriter"

	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// userFlags are the flags of every "kanal user" command.
type userFlags struct {
	municipality, role, department, name *string
	operators                            *bool
}

func bindUserFlags(c *call) userFlags {
	c.cfg.BindDB(c.flags)
	return userFlags{
		municipality: c.flags.String("municipality", "", "the user's municipality, e.g. dragoer (not for operators)"),
		role:         c.flags.String("role", "", "staff, manager, strategy, auditor or operator"),
		department:   c.flags.String("department", "", "department id; required for managers"),
		name:         c.flags.String("name", "", "the user's name; defaults to the part of the address before @"),
		operators:    c.flags.Bool("operators", false, "list the operators instead of a municipality's users"),
	}
}

// openUsers parses a user command's flags and n arguments and opens the
// staff accounts; close the database after.
func openUsers(ctx context.Context, c *call, args []string, n int) (userFlags, *store.DB, *auth.Users, error) {
	f := bindUserFlags(c)
	if err := c.parse(args, n, n); err != nil {
		return f, nil, nil, err
	}
	db, err := c.openDB(ctx)
	if err != nil {
		return f, nil, nil, err
	}
	return f, db, auth.NewUsers(db, municipality.NewRegistry(db)), nil
}

// userByEmail finds the account the command names; an unknown address is
// told as such.
func userByEmail(ctx context.Context, users *auth.Users, email string) (auth.User, error) {
	u, err := users.ByEmail(ctx, email)
	if errors.Is(err, auth.ErrNotFound) {
		return u, &notice{key: "cli.user.unknown", args: []any{email}}
	}
	return u, err
}

// userAdd runs "kanal user add": a new account with a one-time password.
func userAdd(ctx context.Context, c *call, args []string) error {
	f, db, users, err := openUsers(ctx, c, args, 1)
	if err != nil {
		return err
	}
	defer db.Close()
	role, err := auth.ParseRole(*f.role)
	if err != nil {
		return &auth.InputError{Field: "role", Key: "auth.bad_role", Args: []any{*f.role}}
	}
	u, password, err := users.Add(ctx, cliActor(), auth.NewUser{Municipality: *f.municipality, Email: c.flags.Arg(0),
		Name: *f.name, Role: role, Department: *f.department})
	if err != nil {
		return err
	}
	if u.PasswordExpiresAt == nil {
		return errors.New("the new user got no one-time password")
	}
	tr := c.tr()
	fmt.Fprintf(c.stdout, tr.T("cli.user.added"), u.Email, tr.T("role."+string(u.Role)), password,
		tr.DateTime(u.PasswordExpiresAt.In(strategy.Location)))
	return nil
}

// userList runs "kanal user list": a municipality's accounts, or the
// operators.
func userList(ctx context.Context, c *call, args []string) error {
	f, db, users, err := openUsers(ctx, c, args, 0)
	if err != nil {
		return err
	}
	defer db.Close()
	if *f.municipality == "" && !*f.operators {
		return errUsage
	}
	list, err := users.List(ctx, *f.municipality)
	if err != nil {
		return err
	}
	tr := c.tr()
	tw := tabwriter.NewWriter(c.stdout, 2, 4, 2, ' ', 0)
	for _, u := range list {
		state := ""
		if u.Disabled {
			state = tr.T("users.state.disabled")
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", u.Email, u.Name, tr.T("role."+string(u.Role)), u.Department, state)
	}
	return tw.Flush()
}

// userPassword runs "kanal user password": a new one-time password, and
// the user is signed out.
func userPassword(ctx context.Context, c *call, args []string) error {
	_, db, users, err := openUsers(ctx, c, args, 1)
	if err != nil {
		return err
	}
	defer db.Close()
	u, err := userByEmail(ctx, users, c.flags.Arg(0))
	if err != nil {
		return err
	}
	password, expires, err := users.ResetPassword(ctx, cliActor(), u)
	if err != nil {
		return err
	}
	tr := c.tr()
	fmt.Fprintf(c.stdout, tr.T("cli.user.reset"), u.Email, password, tr.DateTime(expires.In(strategy.Location)))
	return nil
}

// userDisable runs "kanal user disable": the account is closed and signed
// out.
func userDisable(ctx context.Context, c *call, args []string) error {
	_, db, users, err := openUsers(ctx, c, args, 1)
	if err != nil {
		return err
	}
	defer db.Close()
	u, err := userByEmail(ctx, users, c.flags.Arg(0))
	if err != nil {
		return err
	}
	if err := users.Disable(ctx, cliActor(), u); err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, c.tr().T("cli.user.disabled"), u.Email)
	return nil
}

package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/store"
)

// retireInquiries runs "kanal inquiries retire --before YYYY-MM --yes":
// the raw inquiries of every month before the one given are removed, for
// every municipality, after the retention period; the counts stay, and
// Kanal records the boundary so that verify and rebuild leave the retired
// months' counts alone and the recorder refuses inquiries dated in them.
// Without --yes it says what it would do and removes nothing.
func retireInquiries(ctx context.Context, c *call, args []string) error {
	c.cfg.BindDB(c.flags)
	beforeFlag := c.flags.String("before", "", "the first month (YYYY-MM) whose raw inquiries are kept")
	yes := c.flags.Bool("yes", false, "remove without asking")
	if err := c.parse(args, 0, 0); err != nil {
		return err
	}
	if *beforeFlag == "" {
		return errUsage
	}
	before, err := civil.ParseMonth(*beforeFlag)
	if err != nil {
		return &notice{key: "cli.retire.bad_month", args: []any{*beforeFlag}, usage: true}
	}
	db, err := c.openDB(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	tr := c.tr()
	now := time.Now()
	// The refusals come before the question, so that the operator is not
	// asked to confirm what cannot be done.
	if current := civil.DateOf(now).YearMonth(); !before.Before(current) {
		return retireRefusal(c, &store.RetireTooLateError{Before: before, Latest: current.FirstDay().AddDays(-1).YearMonth()})
	}
	if recorded, ok, err := store.RetiredBefore(ctx, db); err != nil {
		return err
	} else if ok && before.Before(recorded) {
		return retireRefusal(c, &store.RetireBackwardsError{Before: before, Recorded: recorded})
	}
	if !*yes {
		return &notice{key: "cli.retire.confirm", args: []any{tr.Month(before), db.String()}}
	}
	r, err := db.RetireInquiries(ctx, before, now)
	if err != nil {
		return retireRefusal(c, err)
	}
	key := "cli.retire.done"
	if !r.Moved {
		key = "cli.retire.again"
	}
	fmt.Fprint(c.stdout, tr.T(key, tr.Month(before), tr.Count("cli.count.partitions", int64(len(r.Partitions))),
		tr.Count("cli.count.inquiries", r.Deleted)))
	if len(r.LeftBehind) > 0 {
		months := make([]string, len(r.LeftBehind))
		for i, m := range r.LeftBehind {
			months[i] = tr.Month(m)
		}
		fmt.Fprint(c.stdout, tr.T("cli.retire.left_behind", strings.Join(months, ", ")))
	}
	return nil
}

// retireRefusal tells a boundary the store refuses in the catalogue's
// words; any other error as it is.
func retireRefusal(c *call, err error) error {
	tr := c.tr()
	var late *store.RetireTooLateError
	var back *store.RetireBackwardsError
	switch {
	case errors.As(err, &late):
		return &notice{key: "cli.retire.too_late", args: []any{tr.Month(late.Before), tr.Month(late.Latest), late.Latest.String()}}
	case errors.As(err, &back):
		return &notice{key: "cli.retire.backwards", args: []any{tr.Month(back.Before), tr.Month(back.Recorded)}}
	}
	return err
}

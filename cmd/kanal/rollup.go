package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/rollup"
	"github.com/kanal-dk/kanal/internal/store"
)

// openRollup parses the flags of "kanal rollup verify|rebuild" and opens
// the database; close it after. It returns the municipalities to check:
// the one named, or every one.
func openRollup(ctx context.Context, c *call, args []string) (*store.DB, []string, error) {
	c.cfg.BindDB(c.flags)
	m := c.flags.String("municipality", "", "one municipality; all when left out")
	if err := c.parse(args, 0, manyArgs); err != nil {
		return nil, nil, err
	}
	db, err := c.openDB(ctx)
	if err != nil {
		return nil, nil, err
	}
	if *m != "" {
		return db, []string{*m}, nil
	}
	ms, err := municipality.NewRegistry(db).List(ctx)
	if err != nil {
		db.Close()
		return nil, nil, err
	}
	var ids []string
	for _, x := range ms {
		ids = append(ids, x.ID)
	}
	return db, ids, nil
}

// sayUncounted tells how many of a municipality's inquiries carry a
// duration the counts leave out.
func sayUncounted(ctx context.Context, c *call, db *store.DB, id string) error {
	uncounted, err := rollup.UncountedDurations(ctx, db, id)
	if err != nil {
		return err
	}
	if uncounted > 0 {
		tr := c.tr()
		fmt.Fprint(c.stdout, tr.Plural("cli.rollup.uncounted", uncounted, id, tr.Int(uncounted)))
	}
	return nil
}

// rollupVerify runs "kanal rollup verify [--municipality ID]": every
// inquiry is counted again and compared with the stored counts; exit 1
// when a cell differs.
func rollupVerify(ctx context.Context, c *call, args []string) error {
	db, ids, err := openRollup(ctx, c, args)
	if err != nil {
		return err
	}
	defer db.Close()
	tr := c.tr()
	var differ bool
	for _, id := range ids {
		if err := sayUncounted(ctx, c, db, id); err != nil {
			return err
		}
		diffs, err := rollup.Verify(ctx, db, id)
		if err != nil {
			return err
		}
		if len(diffs) == 0 {
			fmt.Fprintf(c.stdout, tr.T("cli.rollup.ok"), id)
			continue
		}
		differ = true
		fmt.Fprint(c.stdout, tr.Plural("cli.rollup.differ", int64(len(diffs)), id, tr.Int(int64(len(diffs)))))
		for i, d := range diffs {
			if i == 20 {
				fmt.Fprintf(c.stdout, tr.T("cli.rollup.more"), len(diffs)-20)
				break
			}
			fmt.Fprintf(c.stdout, "  %s: %s\n", d.Cell, tallyDifference(tr, d.Stored, d.Recounted))
		}
	}
	if differ {
		return errReported
	}
	return nil
}

// rollupRebuild runs "kanal rollup rebuild [--municipality ID]": the
// counts are made again from the inquiries.
func rollupRebuild(ctx context.Context, c *call, args []string) error {
	db, ids, err := openRollup(ctx, c, args)
	if err != nil {
		return err
	}
	defer db.Close()
	tr := c.tr()
	for _, id := range ids {
		if err := sayUncounted(ctx, c, db, id); err != nil {
			return err
		}
		n, err := rollup.RebuildWaiting(ctx, db, id, func() { fmt.Fprintf(c.stdout, tr.T("cli.rollup.waiting"), id) })
		if err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, tr.T("cli.rollup.rebuilt"), id, tr.Count("cli.count.cells", int64(n)))
	}
	return nil
}

// tallyDifference names every count of a cell that differs, stored ≠
// recounted: a cell can differ in a flag or a duration alone.
func tallyDifference(tr locale.Printer, stored, recounted rollup.Tally) string {
	var parts []string
	for _, f := range []struct {
		name string
		s, r int64
	}{
		{"inquiries", stored.Inquiries, recounted.Inquiries}, {"resolved", stored.Resolved, recounted.Resolved},
		{"guided", stored.Guided, recounted.Guided}, {"assisted", stored.Assisted, recounted.Assisted},
		{"exempt", stored.Exempt, recounted.Exempt}, {"referred", stored.Referred, recounted.Referred},
		{"timed", stored.Timed, recounted.Timed}, {"duration_seconds", stored.DurationSeconds, recounted.DurationSeconds},
	} {
		if f.s != f.r {
			parts = append(parts, fmt.Sprintf("%s %d ≠ %d", tr.T("cli.rollup.count."+f.name), f.s, f.r))
		}
	}
	return strings.Join(parts, ", ")
}

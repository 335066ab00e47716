package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/kanal-dk/kanal/internal/config"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/rollup"
)

// rollupCommand runs "kanal rollup verify|rebuild [--municipality ID]".
func rollupCommand(ctx context.Context, cfg config.Config, args []string, stdout, stderr io.Writer) int {
	tr := locale.New(cfg.Lang)
	if len(args) == 0 || args[0] != "verify" && args[0] != "rebuild" {
		fmt.Fprint(stderr, tr.T("cli.rollup.usage"))
		return exitUsage
	}
	fs := flag.NewFlagSet("kanal rollup "+args[0], flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfg.BindDB(fs)
	m := fs.String("municipality", "", "one municipality; all when left out")
	if err := fs.Parse(args[1:]); err != nil {
		return exitUsage
	}
	tr = locale.New(cfg.Lang)
	db, err := openDB(ctx, cfg, nil)
	if err != nil {
		fmt.Fprintln(stderr, "kanal rollup:", err)
		return exitFailure
	}
	defer db.Close()
	ids := []string{*m}
	if *m == "" {
		ms, err := municipality.NewRegistry(db).List(ctx)
		if err != nil {
			fmt.Fprintln(stderr, "kanal rollup:", err)
			return exitFailure
		}
		ids = ids[:0]
		for _, x := range ms {
			ids = append(ids, x.ID)
		}
	}
	code := exitOK
	for _, id := range ids {
		uncounted, err := rollup.UncountedDurations(ctx, db, id)
		if err != nil {
			fmt.Fprintln(stderr, "kanal rollup:", err)
			return exitFailure
		}
		if uncounted > 0 {
			fmt.Fprint(stdout, tr.Plural("cli.rollup.uncounted", uncounted, id, tr.Int(uncounted)))
		}
		if args[0] == "rebuild" {
			n, err := rollup.Rebuild(ctx, db, id)
			if err != nil {
				fmt.Fprintln(stderr, "kanal rollup rebuild:", err)
				return exitFailure
			}
			fmt.Fprintf(stdout, tr.T("cli.rollup.rebuilt"), id, tr.Count("cli.count.cells", int64(n)))
			continue
		}
		diffs, err := rollup.Verify(ctx, db, id)
		if err != nil {
			fmt.Fprintln(stderr, "kanal rollup verify:", err)
			return exitFailure
		}
		if len(diffs) == 0 {
			fmt.Fprintf(stdout, tr.T("cli.rollup.ok"), id)
			continue
		}
		code = exitFailure
		fmt.Fprint(stdout, tr.Plural("cli.rollup.differ", int64(len(diffs)), id, tr.Int(int64(len(diffs)))))
		for i, d := range diffs {
			if i == 20 {
				fmt.Fprintf(stdout, tr.T("cli.rollup.more"), len(diffs)-20)
				break
			}
			fmt.Fprintf(stdout, "  %s: %s\n", d.Cell, tallyDifference(tr, d.Stored, d.Recounted))
		}
	}
	return code
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

package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// strategyValidate checks strategy files and prints every problem as
// file:line:col: message. With --kle it also checks every area's KLE number
// and title against KL's KLE emneplan. Exit status 0 when all are valid
// (warnings allowed), 1 when not.
func strategyValidate(_ context.Context, c *call, args []string) error {
	c.cfg.BindLang(c.flags)
	klePath := c.flags.String("kle", "", "KL's KLE emneplan as XML: check every area's KLE number and title against it")
	if err := c.parse(args, 1, manyArgs); err != nil {
		return err
	}
	plan, err := readEmneplan(*klePath)
	if err != nil {
		return err
	}
	tr := c.tr()
	var failed bool
	for _, name := range c.flags.Args() {
		data, err := os.ReadFile(name)
		if err != nil {
			printProblems(c.stderr, tr, name, err)
			failed = true
			continue
		}
		s, err := strategy.Parse(name, data)
		if err != nil {
			printProblems(c.stderr, tr, name, err)
			failed = true
			continue
		}
		fmt.Fprintf(c.stdout, tr.T("cli.validate.ok"), name, s.Municipality.Name, s.Period.From, s.Period.To,
			tr.Count("cli.count.areas", int64(len(s.Areas))), tr.Count("cli.count.channels", int64(len(s.Channels))),
			tr.Count("cli.count.targets", int64(len(s.Targets))))
		if plan != nil && !checkKLE(c.stdout, c.stderr, tr, name, data, s, plan, *klePath) {
			failed = true
		}
	}
	if failed {
		return errReported
	}
	return nil
}

// readEmneplan reads KL's KLE emneplan when a path is given; nil when
// none is.
func readEmneplan(path string) (*strategy.Emneplan, error) {
	if path == "" {
		return nil, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, &notice{key: "cli.kle.read", args: []any{path, err}}
	}
	defer f.Close()
	plan, err := strategy.ReadEmneplan(f)
	if err != nil {
		return nil, &notice{key: "cli.kle.read", args: []any{path, err}}
	}
	return plan, nil
}

// checkKLE prints the KLE check of one strategy file: every problem as
// file:line:col: message, then a count. It reports whether the file has no
// errors; warnings (a title that differs, a number gone out of use) pass.
func checkKLE(stdout, stderr io.Writer, tr locale.Printer, name string, data []byte, s *strategy.Strategy, plan *strategy.Emneplan, planPath string) bool {
	var errs, warnings int64
	for _, p := range strategy.CheckKLE(name, data, s, plan) {
		fmt.Fprintf(stderr, "%s: %s\n", p.Location(), tr.T(p.Rule, p.Args...))
		if p.Warning {
			warnings++
		} else {
			errs++
		}
	}
	fmt.Fprintf(stdout, tr.T("cli.kle.checked"), name, tr.Count("cli.count.kle_numbers", int64(len(s.Areas))), planPath, plan.Published,
		tr.Count("cli.count.problems", errs), tr.Count("cli.count.warnings", warnings))
	return errs == 0
}

// printProblems writes a strategy's problems, one per line, as
// file:line:col: message; any other error as file: error.
func printProblems(w io.Writer, tr locale.Printer, name string, err error) {
	var invalid *strategy.Invalid
	if !errors.As(err, &invalid) {
		fmt.Fprintf(w, "%s: %v\n", name, err)
		return
	}
	for _, p := range invalid.Problems {
		fmt.Fprintf(w, "%s: %s\n", p.Location(), tr.T(p.Rule, p.Args...))
	}
	fmt.Fprintf(w, tr.T("cli.validate.count"), name, tr.Count("cli.count.problems", int64(len(invalid.Problems))))
}

// strategyLoad stores a strategy file as its municipality's new version.
// With --kle it first checks the areas' KLE numbers against KL's emneplan
// and stores nothing when one is not in it; otherwise it stores the check
// with the version (the new one, or the newest when the file equals it),
// so that the areas pages can say the numbers were checked, and against
// which plan.
func strategyLoad(ctx context.Context, c *call, args []string) error {
	c.cfg.BindDB(c.flags)
	klePath := c.flags.String("kle", "", "KL's KLE emneplan as XML: refuse the file when an area's KLE number is not in it, else store the check with the version")
	if err := c.parse(args, 1, 1); err != nil {
		return err
	}
	name := c.flags.Arg(0)
	data, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	plan, err := readEmneplan(*klePath)
	if err != nil {
		return err
	}
	tr := c.tr()
	if plan != nil {
		s, err := strategy.Parse(name, data)
		if err != nil {
			printProblems(c.stderr, tr, name, err)
			return errReported
		}
		if !checkKLE(c.stdout, c.stderr, tr, name, data, s, plan, *klePath) {
			return &notice{key: "cli.kle.refused", args: []any{name}}
		}
	}
	db, err := c.openDB(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	registry := municipality.NewRegistry(db)
	if plan == nil {
		v, created, err := registry.Load(ctx, cliActor(), name, data)
		if err != nil {
			printProblems(c.stderr, tr, name, err)
			return errReported
		}
		reportLoad(c.stdout, tr, v, created)
		return nil
	}
	v, created, check, err := registry.LoadChecked(ctx, cliActor(), name, data, plan, *klePath)
	if err != nil {
		printProblems(c.stderr, tr, name, err)
		return errReported
	}
	reportLoad(c.stdout, tr, v, created)
	fmt.Fprintf(c.stdout, tr.T("cli.kle.stored"), name, v.Municipality, v.Number, check.PlanFile)
	return nil
}

func reportLoad(w io.Writer, tr locale.Printer, v municipality.Version, created bool) {
	if created {
		fmt.Fprintf(w, tr.T("cli.load.created"), v.SourceName, v.Municipality, v.Number)
		return
	}
	fmt.Fprintf(w, tr.T("cli.load.unchanged"), v.SourceName, v.Municipality, v.Number)
}

// strategyShow prints the current strategy of one municipality, or of all.
func strategyShow(ctx context.Context, c *call, args []string) error {
	c.cfg.BindDB(c.flags)
	id := c.flags.String("municipality", "", "municipality id, e.g. dragoer; all when left out")
	if err := c.parse(args, 0, manyArgs); err != nil {
		return err
	}
	db, err := c.openDB(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	ids := []string{*id}
	if *id == "" {
		ms, err := municipality.NewRegistry(db).List(ctx)
		if err != nil {
			return err
		}
		if len(ms) == 0 {
			return &notice{key: "cli.show.none"}
		}
		ids = ids[:0]
		for _, m := range ms {
			ids = append(ids, m.ID)
		}
	}
	tr := c.tr()
	for i, id := range ids {
		cur, err := current(ctx, db, id)
		if err != nil {
			return err
		}
		if i > 0 {
			fmt.Fprintln(c.stdout)
		}
		showStrategy(c.stdout, tr, cur)
	}
	return nil
}

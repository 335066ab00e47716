package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/kanal-dk/kanal/internal/config"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// strategyCommand runs "kanal strategy validate|load|show".
func strategyCommand(ctx context.Context, cfg config.Config, args []string, stdout, stderr io.Writer) int {
	tr := locale.New(cfg.Lang)
	if len(args) == 0 {
		fmt.Fprint(stderr, tr.T("cli.strategy.usage"))
		return exitUsage
	}
	switch args[0] {
	case "validate":
		return strategyValidate(cfg, args[1:], stdout, stderr)
	case "load":
		return strategyLoad(ctx, cfg, args[1:], stdout, stderr)
	case "show":
		return strategyShow(ctx, cfg, args[1:], stdout, stderr)
	}
	fmt.Fprintf(stderr, tr.T("cli.unknown_command"), "strategy "+args[0])
	fmt.Fprint(stderr, tr.T("cli.strategy.usage"))
	return exitUsage
}

// strategyValidate checks strategy files and prints every problem as
// file:line:col: message. With --kle it also checks every area's KLE number
// and title against KL's KLE emneplan. Exit status 0 when all are valid
// (warnings allowed), 1 when not.
func strategyValidate(cfg config.Config, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("kanal strategy validate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfg.BindLang(fs)
	klePath := fs.String("kle", "", "KL's KLE emneplan as XML: check every area's KLE number and title against it")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	tr := locale.New(cfg.Lang)
	if fs.NArg() == 0 {
		fmt.Fprint(stderr, tr.T("cli.strategy.usage"))
		fmt.Fprint(stderr, tr.T("cli.kle.usage"))
		return exitUsage
	}
	plan, ok := readEmneplan(stderr, tr, *klePath)
	if !ok {
		return exitFailure
	}
	code := exitOK
	for _, name := range fs.Args() {
		data, err := os.ReadFile(name)
		if err != nil {
			printProblems(stderr, tr, name, err)
			code = exitFailure
			continue
		}
		s, err := strategy.Parse(name, data)
		if err != nil {
			printProblems(stderr, tr, name, err)
			code = exitFailure
			continue
		}
		fmt.Fprintf(stdout, tr.T("cli.validate.ok"), name, s.Municipality.Name, s.Period.From, s.Period.To,
			tr.Count("cli.count.areas", int64(len(s.Areas))), tr.Count("cli.count.channels", int64(len(s.Channels))),
			tr.Count("cli.count.targets", int64(len(s.Targets))))
		if plan != nil && !checkKLE(stdout, stderr, tr, name, data, s, plan, *klePath) {
			code = exitFailure
		}
	}
	return code
}

// readEmneplan reads KL's KLE emneplan when a path is given; nil and true
// when none is.
func readEmneplan(stderr io.Writer, tr locale.Printer, path string) (*strategy.Emneplan, bool) {
	if path == "" {
		return nil, true
	}
	f, err := os.Open(path)
	if err != nil {
		fmt.Fprintf(stderr, tr.T("cli.kle.read"), path, err)
		return nil, false
	}
	defer f.Close()
	plan, err := strategy.ReadEmneplan(f)
	if err != nil {
		fmt.Fprintf(stderr, tr.T("cli.kle.read"), path, err)
		return nil, false
	}
	return plan, true
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
func strategyLoad(ctx context.Context, cfg config.Config, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("kanal strategy load", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfg.BindDB(fs)
	klePath := fs.String("kle", "", "KL's KLE emneplan as XML: refuse the file when an area's KLE number is not in it, else store the check with the version")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	tr := locale.New(cfg.Lang)
	if fs.NArg() != 1 {
		fmt.Fprint(stderr, tr.T("cli.strategy.usage"))
		fmt.Fprint(stderr, tr.T("cli.kle.usage"))
		return exitUsage
	}
	name := fs.Arg(0)
	data, err := os.ReadFile(name)
	if err != nil {
		fmt.Fprintln(stderr, "kanal strategy load:", err)
		return exitFailure
	}
	plan, ok := readEmneplan(stderr, tr, *klePath)
	if !ok {
		return exitFailure
	}
	if plan != nil {
		s, err := strategy.Parse(name, data)
		if err != nil {
			printProblems(stderr, tr, name, err)
			return exitFailure
		}
		if !checkKLE(stdout, stderr, tr, name, data, s, plan, *klePath) {
			fmt.Fprintf(stderr, tr.T("cli.kle.refused"), name)
			return exitFailure
		}
	}
	db, err := openDB(ctx, cfg, nil)
	if err != nil {
		fmt.Fprintln(stderr, "kanal strategy load:", err)
		return exitFailure
	}
	defer db.Close()
	registry := municipality.NewRegistry(db)
	if plan == nil {
		v, created, err := registry.Load(ctx, cliActor(), name, data)
		if err != nil {
			printProblems(stderr, tr, name, err)
			return exitFailure
		}
		reportLoad(stdout, tr, v, created)
		return exitOK
	}
	v, created, check, err := registry.LoadChecked(ctx, cliActor(), name, data, plan, *klePath)
	if err != nil {
		printProblems(stderr, tr, name, err)
		return exitFailure
	}
	reportLoad(stdout, tr, v, created)
	fmt.Fprintf(stdout, tr.T("cli.kle.stored"), name, v.Municipality, v.Number, check.PlanFile)
	return exitOK
}

func reportLoad(w io.Writer, tr locale.Printer, v municipality.Version, created bool) {
	if created {
		fmt.Fprintf(w, tr.T("cli.load.created"), v.SourceName, v.Municipality, v.Number)
		return
	}
	fmt.Fprintf(w, tr.T("cli.load.unchanged"), v.SourceName, v.Municipality, v.Number)
}

// strategyShow prints the current strategy of one municipality, or of all.
func strategyShow(ctx context.Context, cfg config.Config, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("kanal strategy show", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfg.BindDB(fs)
	id := fs.String("municipality", "", "municipality id, e.g. dragoer; all when left out")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	tr := locale.New(cfg.Lang)
	db, err := openDB(ctx, cfg, nil)
	if err != nil {
		fmt.Fprintln(stderr, "kanal strategy show:", err)
		return exitFailure
	}
	defer db.Close()
	registry := municipality.NewRegistry(db)
	ids := []string{*id}
	if *id == "" {
		ms, err := registry.List(ctx)
		if err != nil {
			fmt.Fprintln(stderr, "kanal strategy show:", err)
			return exitFailure
		}
		if len(ms) == 0 {
			fmt.Fprint(stderr, tr.T("cli.show.none"))
			return exitFailure
		}
		ids = ids[:0]
		for _, m := range ms {
			ids = append(ids, m.ID)
		}
	}
	for i, id := range ids {
		cur, err := registry.Current(ctx, id)
		if errors.Is(err, municipality.ErrNotFound) {
			fmt.Fprintf(stderr, tr.T("cli.show.unknown"), id)
			return exitFailure
		}
		if err != nil {
			fmt.Fprintln(stderr, "kanal strategy show:", err)
			return exitFailure
		}
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		showStrategy(stdout, tr, cur)
	}
	return exitOK
}

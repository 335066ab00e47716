package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime/debug"
	"time"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/demo"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/rollup"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/strategy"
	"github.com/kanal-dk/kanal/strategies"
)

// ensureCounts builds the inquiry counts of a database from before the
// rollups.
func ensureCounts(ctx context.Context, db *store.DB, log *slog.Logger) error {
	rebuilt, err := rollup.EnsureBuilt(ctx, db)
	if err != nil {
		return fmt.Errorf("counts: %w", err)
	}
	if len(rebuilt) > 0 {
		log.Info("built the inquiry counts of a database from before the rollups", "municipalities", rebuilt)
	}
	return nil
}

type namedFile struct {
	name string
	data []byte
}

// loadAtStart loads the presets (when there is to be demo data) and the
// strategy files the settings name, and makes sure every stored strategy
// still validates under this binary's rules; the server does not start
// otherwise. It returns the presets' versions.
func loadAtStart(ctx context.Context, c *call, registry *municipality.Registry, withDemo bool) ([]municipality.Version, error) {
	var presets, files []namedFile
	if withDemo {
		for _, p := range strategies.Presets() {
			presets = append(presets, namedFile{p.Name, p.Data})
		}
	}
	for _, name := range c.cfg.Strategies {
		data, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		files = append(files, namedFile{name, data})
	}
	tr := c.tr()
	demoVersions, presetsOK := loadStrategies(ctx, registry, presets, tr, c.stdout, c.stderr)
	_, filesOK := loadStrategies(ctx, registry, files, tr, c.stdout, c.stderr)
	if !presetsOK || !filesOK {
		return nil, &notice{key: "cli.serve.refused"}
	}
	if err := checkStored(ctx, registry); err != nil {
		return nil, &notice{key: "cli.serve.refused", cause: err}
	}
	return demoVersions, nil
}

// loadStrategies loads every file; a file with problems is reported with
// file:line:col positions and nothing of it is stored.
func loadStrategies(ctx context.Context, registry *municipality.Registry, files []namedFile, tr locale.Printer, stdout, stderr io.Writer) ([]municipality.Version, bool) {
	ok := true
	var loaded []municipality.Version
	for _, f := range files {
		v, created, err := registry.Load(ctx, audit.System, f.name, f.data)
		if err != nil {
			printProblems(stderr, tr, f.name, err)
			ok = false
			continue
		}
		loaded = append(loaded, v)
		reportLoad(stdout, tr, v, created)
	}
	return loaded, ok
}

// checkStored makes sure every municipality's current strategy still
// validates under this binary's rules.
func checkStored(ctx context.Context, registry *municipality.Registry) error {
	ms, err := registry.List(ctx)
	if err != nil {
		return err
	}
	for _, m := range ms {
		if _, err := registry.Current(ctx, m.ID); err != nil {
			return err
		}
	}
	return nil
}

// prepareDemo generates the demo inquiries of the presets that have none
// yet and makes the demo accounts.
func prepareDemo(ctx context.Context, c *call, db *store.DB, registry *municipality.Registry, presets []municipality.Version) ([]demo.Account, error) {
	if err := seedDemo(ctx, db, registry, inquiry.NewRecorder(db), presets, c.tr(), c.stdout); err != nil {
		return nil, fmt.Errorf("demo data: %w", err)
	}
	accounts, err := demoUsers(ctx, db, registry, presets)
	if err != nil {
		return nil, fmt.Errorf("demo users: %w", err)
	}
	return accounts, nil
}

// demoUsers makes the demo accounts of the preset municipalities.
func demoUsers(ctx context.Context, db *store.DB, registry *municipality.Registry, versions []municipality.Version) ([]demo.Account, error) {
	var presets []*strategy.Strategy
	for _, v := range versions {
		cur, err := registry.Current(ctx, v.Municipality)
		if err != nil {
			return nil, err
		}
		presets = append(presets, cur.Strategy)
	}
	return demo.Users(ctx, auth.NewUsers(db, registry), presets)
}

// seedDemo generates the demo inquiries of each preset municipality in
// bulk (demo.Load), a month per transaction. Restarting with --demo never
// counts anything twice: a municipality whose demo data is complete gets
// none, and one whose first start was stopped half-way gets the months
// that were missing.
func seedDemo(ctx context.Context, db *store.DB, registry *municipality.Registry, rec *inquiry.Recorder, loaded []municipality.Version, tr locale.Printer, stdout io.Writer) error {
	// Half a million inquiries pass through memory a month at a time: the
	// live heap stays small, so collecting less often costs little memory
	// and leaves the second core to the generator.
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	for _, v := range loaded {
		cur, err := registry.Current(ctx, v.Municipality)
		if err != nil {
			return err
		}
		start := time.Now()
		n, err := demo.Load(ctx, db, rec, cur, demo.Options{})
		if err != nil {
			return err
		}
		if n == 0 {
			continue
		}
		st := cur.Strategy
		fmt.Fprintf(stdout, tr.T("cli.demo.done"), st.Municipality.Name, st.Period.From, st.Period.To,
			tr.Count("cli.count.inquiries", int64(n)), tr.Decimal(time.Since(start).Seconds(), 1))
	}
	return nil
}

package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"os"
	"runtime/debug"
	"slices"
	"strings"
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

// prepareDemo writes the last strategy year of the presets' demo data
// (seedDemo) and makes the demo accounts; it returns the accounts and the
// earlier years, to be written while the server runs.
func prepareDemo(ctx context.Context, c *call, db *store.DB, registry *municipality.Registry, presets []string) ([]demo.Account, *demoRest, error) {
	// The accounts' password hashes (bcrypt, a quarter of a second each)
	// are made beside the demo data, on the core the writing leaves.
	type made struct {
		accounts []demo.Account
		err      error
	}
	users := make(chan made, 1)
	go func() {
		accounts, err := demoUsers(ctx, db, registry, presets)
		users <- made{accounts, err}
	}()
	rest, err := seedDemo(ctx, db, registry, inquiry.NewRecorder(db), presets, c.tr(), c.stdout)
	u := <-users
	if err != nil {
		return nil, nil, fmt.Errorf("demo data: %w", err)
	}
	if u.err != nil {
		return nil, nil, fmt.Errorf("demo users: %w", u.err)
	}
	return u.accounts, rest, nil
}

// presetIDs are the municipalities of the loaded preset versions.
func presetIDs(versions []municipality.Version) []string {
	ids := make([]string, len(versions))
	for i, v := range versions {
		ids[i] = v.Municipality
	}
	return ids
}

// unfinishedDemo lists the preset municipalities whose demo data a first
// start began and did not finish — it was stopped, perhaps while writing
// the earlier years after printing the address — so that any restart
// completes it, not only one with --demo.
func unfinishedDemo(ctx context.Context, db *store.DB, registry *municipality.Registry) ([]string, error) {
	presets, err := strategies.Parsed()
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, id := range slices.Sorted(maps.Keys(presets)) {
		cur, err := registry.Current(ctx, id)
		if errors.Is(err, municipality.ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, err
		}
		unfinished, err := demo.Unfinished(ctx, db, cur.Strategy)
		if err == nil && !unfinished {
			unfinished, err = demo.CasesUnfinished(ctx, db, cur, time.Now())
		}
		if err != nil {
			return nil, fmt.Errorf("demo data: %w", err)
		}
		if unfinished {
			ids = append(ids, id)
		}
	}
	return ids, nil
}

// demoUsers makes the demo accounts of the preset municipalities.
func demoUsers(ctx context.Context, db *store.DB, registry *municipality.Registry, ids []string) ([]demo.Account, error) {
	var presets []*strategy.Strategy
	for _, id := range ids {
		cur, err := registry.Current(ctx, id)
		if err != nil {
			return nil, err
		}
		presets = append(presets, cur.Strategy)
	}
	return demo.Users(ctx, auth.NewUsers(db, registry), presets)
}

// seedDemo writes the last strategy year of each preset municipality's
// demo data — the year the figures open on — in bulk (demo.Load), a month
// per transaction, and returns the earlier years that lack demo data, for
// demoRest.write after the address is printed. Restarting never counts
// anything twice: only the months that hold no demo data are written,
// whichever were written before the stop.
func seedDemo(ctx context.Context, db *store.DB, registry *municipality.Registry, rec *inquiry.Recorder, ids []string, tr locale.Printer, stdout io.Writer) (*demoRest, error) {
	// Half a million inquiries pass through memory a month at a time: the
	// live heap stays small, so collecting less often costs little memory
	// and leaves the second core to the generator.
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	rest := &demoRest{db: db, rec: rec, pending: &demo.Pending{}}
	for _, id := range ids {
		cur, err := registry.Current(ctx, id)
		if err != nil {
			return nil, err
		}
		st := cur.Strategy
		start := time.Now()
		n, err := demo.Load(ctx, db, rec, cur, demo.Year(st.Period.To))
		if err != nil {
			return nil, err
		}
		if n > 0 {
			fmt.Fprintf(stdout, tr.T("cli.demo.done"), st.Municipality.Name, demo.Years{st.Period.To},
				tr.Count("cli.count.inquiries", int64(n)), tr.Decimal(time.Since(start).Seconds(), 1))
		}
		years, err := demo.MissingYears(ctx, db, st)
		if err != nil {
			return nil, err
		}
		if len(years) > 0 {
			rest.presets = append(rest.presets, cur)
			rest.pending.Set(id, years)
		}
		rest.cases = append(rest.cases, cur)
	}
	return rest, nil
}

// demoRest is the demo data of the presets' years before their last,
// written while the server runs.
type demoRest struct {
	db      *store.DB
	rec     *inquiry.Recorder
	presets []*municipality.Current
	// pending is what is still to be written, for the staff pages.
	pending *demo.Pending
	// cases are the municipalities whose demo cases and funnel are
	// written (those they lack) before the earlier years.
	cases []*municipality.Current
}

// announce says which years are still to be written, if any.
func (r *demoRest) announce(tr locale.Printer, stdout io.Writer) {
	if r == nil || len(r.presets) == 0 {
		return
	}
	var which []string
	for _, cur := range r.presets {
		which = append(which, cur.Strategy.Municipality.Name+" "+r.pending.Of(cur.Municipality).String())
	}
	fmt.Fprintf(stdout, tr.T("cli.demo.later"), strings.Join(which, ", "))
}

// write writes the earlier years, newest first, each year in demo.Load a
// month per transaction, until they are written or ctx ends; another
// start completes what a stop leaves. began is when the server started,
// for the line that says all is written.
func (r *demoRest) write(ctx context.Context, tr locale.Printer, stdout io.Writer, log *slog.Logger, began time.Time) {
	if r == nil {
		return
	}
	r.writeCases(ctx, tr, stdout, log)
	if len(r.presets) == 0 {
		return
	}
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	for _, cur := range r.presets {
		if err := r.writeYears(ctx, cur, tr, stdout); err != nil {
			if ctx.Err() == nil {
				log.Error("demo data of the earlier years", "municipality", cur.Municipality, "err", err)
				// The pages say that the years left are not coming.
				r.pending.Stop()
			}
			fmt.Fprint(stdout, tr.T("cli.demo.stopped"))
			return
		}
	}
	fmt.Fprintf(stdout, tr.T("cli.demo.all_done"), tr.Decimal(time.Since(began).Seconds(), 1))
}

// writeCases writes the demo cases the municipalities lack (demo.Cases),
// each submitted through casework so that its inquiry is counted. A
// failure is logged and leaves the rest to the next start; the years are
// written all the same.
func (r *demoRest) writeCases(ctx context.Context, tr locale.Printer, stdout io.Writer, log *slog.Logger) {
	for _, cur := range r.cases {
		start := time.Now()
		// The contact form's questions, new and answered (demo.Questions);
		// a failure is logged and leaves them to the next start.
		if _, err := demo.Questions(ctx, r.db, r.rec, cur, start); err != nil && ctx.Err() == nil {
			log.Error("demo questions", "municipality", cur.Municipality, "err", err)
		}
		// Callbacks in every state (demo.Callbacks); a failure is
		// logged and leaves them to the next start.
		if _, err := demo.Callbacks(ctx, r.db, r.rec, cur, start); err != nil && ctx.Err() == nil {
			log.Error("demo callbacks", "municipality", cur.Municipality, "err", err)
		}
		// Example answer pages with web activity (demo.Answers); a
		// failure is logged and leaves them to the next start.
		if _, err := demo.Answers(ctx, r.db, cur, start); err != nil && ctx.Err() == nil {
			log.Error("demo answers", "municipality", cur.Municipality, "err", err)
		}
		// An example action plan per department (demo.Plans); a
		// failure is logged and leaves them to the next start.
		if _, err := demo.Plans(ctx, r.db, cur, start); err != nil && ctx.Err() == nil {
			log.Error("demo plans", "municipality", cur.Municipality, "err", err)
		}
		// The departments' yearly reports of the strategy's finished
		// years, the last one still open (demo.DepartmentReports); a
		// failure is logged and leaves them to the next start.
		if _, err := demo.DepartmentReports(ctx, r.db, cur, start); err != nil && ctx.Err() == nil {
			log.Error("demo department reports", "municipality", cur.Municipality, "err", err)
		}
		// Entries of the solution register, marked as demo
		// (demo.Register); a failure is logged and leaves them to the
		// next start.
		if _, err := demo.Register(ctx, r.db, cur, start); err != nil && ctx.Err() == nil {
			log.Error("demo register", "municipality", cur.Municipality, "err", err)
		}
		// Two example business cases (demo.BusinessCases); a failure
		// is logged and leaves them to the next start.
		if _, err := demo.BusinessCases(ctx, r.db, cur, start); err != nil && ctx.Err() == nil {
			log.Error("demo business cases", "municipality", cur.Municipality, "err", err)
		}
		n, err := demo.Cases(ctx, r.db, r.rec, cur, start)
		if err != nil {
			if ctx.Err() == nil {
				log.Error("demo cases", "municipality", cur.Municipality, "err", err)
			}
			fmt.Fprintf(stdout, tr.T("cli.demo.cases_failed"), cur.Strategy.Municipality.Name)
			continue
		}
		if n > 0 {
			fmt.Fprintf(stdout, tr.T("cli.demo.cases"), cur.Strategy.Municipality.Name,
				tr.Count("cli.count.demo_cases", int64(n)), tr.Decimal(time.Since(start).Seconds(), 1))
		}
	}
}

// writeYears writes one municipality's pending years and says how many
// inquiries that was.
func (r *demoRest) writeYears(ctx context.Context, cur *municipality.Current, tr locale.Printer, stdout io.Writer) error {
	years := r.pending.Of(cur.Municipality)
	start, n := time.Now(), 0
	for i, y := range years {
		k, err := demo.Load(ctx, r.db, r.rec, cur, demo.Year(y))
		n += k
		if err != nil {
			return err
		}
		r.pending.Set(cur.Municipality, years[i+1:])
	}
	fmt.Fprintf(stdout, tr.T("cli.demo.done"), cur.Strategy.Municipality.Name, years,
		tr.Count("cli.count.inquiries", int64(n)), tr.Decimal(time.Since(start).Seconds(), 1))
	return nil
}

package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/config"
	"github.com/kanal-dk/kanal/internal/demo"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/rollup"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/strategy"
	"github.com/kanal-dk/kanal/internal/web"
	"github.com/kanal-dk/kanal/strategies"
)

// serve runs the web server until ctx ends (SIGINT or SIGTERM), then shuts
// down gracefully.
func serve(ctx context.Context, cfg config.Config, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("kanal serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfg.BindServe(fs)
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	tr := locale.New(cfg.Lang)
	log, err := cfg.Logger(stderr)
	if err != nil {
		fmt.Fprintln(stderr, "kanal serve:", err)
		return exitUsage
	}
	log.Info("starting kanal", "config", cfg)

	db, err := openDB(ctx, cfg, log)
	if err != nil {
		fmt.Fprintln(stderr, "kanal serve:", err)
		return exitFailure
	}
	defer db.Close()
	if rebuilt, err := rollup.EnsureBuilt(ctx, db); err != nil {
		fmt.Fprintln(stderr, "kanal serve: counts:", err)
		return exitFailure
	} else if len(rebuilt) > 0 {
		log.Info("built the inquiry counts of a database from before the rollups", "municipalities", rebuilt)
	}
	registry := municipality.NewRegistry(db)
	withDemo := cfg.Demo.Or(db.Created && db.Engine == store.SQLite)

	var presets, files []namedFile
	if withDemo {
		for _, p := range strategies.Presets() {
			presets = append(presets, namedFile{p.Name, p.Data})
		}
	}
	for _, name := range cfg.Strategies {
		data, err := os.ReadFile(name)
		if err != nil {
			fmt.Fprintln(stderr, "kanal serve:", err)
			return exitFailure
		}
		files = append(files, namedFile{name, data})
	}
	demoVersions, presetsOK := loadStrategies(ctx, registry, presets, tr, stdout, stderr)
	_, filesOK := loadStrategies(ctx, registry, files, tr, stdout, stderr)
	if !presetsOK || !filesOK {
		fmt.Fprintln(stderr, tr.T("cli.serve.refused"))
		return exitFailure
	}
	if err := checkStored(ctx, registry); err != nil {
		fmt.Fprintln(stderr, "kanal serve:", err)
		fmt.Fprintln(stderr, tr.T("cli.serve.refused"))
		return exitFailure
	}
	var accounts []demo.Account
	if withDemo {
		if err := seedDemo(ctx, registry, inquiry.NewRecorder(db), demoVersions, tr, stdout); err != nil {
			fmt.Fprintln(stderr, "kanal serve: demo data:", err)
			return exitFailure
		}
		if accounts, err = demoUsers(ctx, db, registry, demoVersions); err != nil {
			fmt.Fprintln(stderr, "kanal serve: demo users:", err)
			return exitFailure
		}
	}

	oidc := auth.NewOIDC(auth.OIDCConfig{Issuer: cfg.OIDCIssuer, ClientID: cfg.OIDCClientID,
		ClientSecret: cfg.OIDCClientSecret, RedirectURL: cfg.Public() + "auth/oidc/callback"})
	srv, err := web.New(web.Options{DB: db, Registry: registry, Log: log, OIDC: oidc, PublicURL: cfg.Public(),
		HistoryYears: cfg.HistoryYears})
	if err != nil {
		fmt.Fprintln(stderr, "kanal serve:", err)
		return exitFailure
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		fmt.Fprintln(stderr, "kanal serve:", err)
		fmt.Fprintf(stderr, tr.T("cli.serve.listen"), cfg.Addr)
		return exitFailure
	}
	httpServer := &http.Server{
		Handler:           srv.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      120 * time.Second,
		IdleTimeout:       120 * time.Second,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	served := make(chan error, 1)
	go func() { served <- httpServer.Serve(ln) }()
	ms, err := registry.List(ctx)
	if err == nil && len(ms) == 0 {
		fmt.Fprint(stdout, tr.T("cli.serve.empty"))
	}
	address := "http://" + ln.Addr().String() + "/"
	if len(accounts) > 0 {
		fmt.Fprintf(stdout, tr.T("cli.demo.users"), demo.Password)
		for _, a := range accounts {
			fmt.Fprintf(stdout, "  %-26s %s\n", a.Email, tr.T("role."+string(a.Role)))
		}
		if host, _, _ := net.SplitHostPort(ln.Addr().String()); !net.ParseIP(host).IsLoopback() {
			log.Warn("demo accounts with a published password are reachable from other machines", "addr", ln.Addr().String())
		}
	}
	fmt.Fprintf(stdout, tr.T("cli.serve.url"), address)

	select {
	case err := <-served:
		fmt.Fprintln(stderr, "kanal serve:", err)
		return exitFailure
	case <-ctx.Done():
	}
	log.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := httpServer.Shutdown(shutdownCtx); err != nil {
		log.Error("shutdown", "err", err)
		return exitFailure
	}
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		log.Error("serve", "err", err)
	}
	log.Info("stopped")
	return exitOK
}

type namedFile struct {
	name string
	data []byte
}

// openDB opens and migrates the configured database.
func openDB(ctx context.Context, cfg config.Config, log *slog.Logger) (*store.DB, error) {
	db, err := store.Open(ctx, cfg.DB)
	if err != nil {
		return nil, err
	}
	n, err := db.Migrate(ctx)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("migrate %s: %w", db, err)
	}
	if log != nil {
		log.Info("database ready", "db", db.String(), "migrations_applied", n)
	}
	return db, nil
}

// current reads a municipality's strategy for a command, saying what is
// wrong when it cannot: an unknown municipality, or the database's error.
func current(ctx context.Context, db *store.DB, id, command string, tr locale.Printer, stderr io.Writer) (*municipality.Current, bool) {
	cur, err := municipality.NewRegistry(db).Current(ctx, id)
	switch {
	case errors.Is(err, municipality.ErrNotFound):
		fmt.Fprintf(stderr, tr.T("cli.show.unknown"), id)
		return nil, false
	case err != nil:
		fmt.Fprintf(stderr, "%s: %v\n", command, err)
		return nil, false
	}
	return cur, true
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

// seedDemo generates demo inquiries for each preset municipality that has
// none yet, so that restarting with --demo never counts anything twice.
func seedDemo(ctx context.Context, registry *municipality.Registry, rec *inquiry.Recorder, loaded []municipality.Version, tr locale.Printer, stdout io.Writer) error {
	for _, v := range loaded {
		has, err := rec.HasAny(ctx, v.Municipality, demo.Source)
		if err != nil {
			return err
		}
		if has {
			continue
		}
		cur, err := registry.Current(ctx, v.Municipality)
		if err != nil {
			return err
		}
		start := time.Now()
		n, err := demo.Seed(ctx, rec, cur, demo.Options{})
		if err != nil {
			return err
		}
		st := cur.Strategy
		fmt.Fprintf(stdout, tr.T("cli.demo.done"), st.Municipality.Name, st.Period.From, st.Period.To,
			tr.Count("cli.count.inquiries", int64(n)), tr.Decimal(time.Since(start).Seconds(), 1))
	}
	return nil
}

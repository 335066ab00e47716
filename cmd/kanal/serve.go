package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/config"
	"github.com/kanal-dk/kanal/internal/demo"
	"github.com/kanal-dk/kanal/internal/mail"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/nemlogin"
	"github.com/kanal-dk/kanal/internal/sf1520"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/web"
	"github.com/kanal-dk/kanal/internal/web/citizen"
)

// serve runs the web server until ctx ends (SIGINT or SIGTERM), then shuts
// down gracefully: it opens the database, loads the strategies (and demo
// data), listens, says where, and serves.
func serve(ctx context.Context, c *call, args []string) error {
	c.cfg.BindServe(c.flags)
	if err := c.parse(args, 0, manyArgs); err != nil {
		return err
	}
	log, err := c.cfg.Logger(c.stderr)
	if err != nil {
		return err
	}
	log.Info("starting kanal", "config", *c.cfg)
	began := time.Now()

	db, err := openDB(ctx, *c.cfg, log)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := ensureCounts(ctx, db, log); err != nil {
		return err
	}
	if err := partitionsAhead(ctx, db, time.Now()); err != nil {
		return err
	}
	registry := municipality.NewRegistry(db)
	withDemo := c.cfg.Demo.Or(db.Created && db.Engine == store.SQLite)
	loaded, err := loadAtStart(ctx, c, registry, withDemo)
	if err != nil {
		return err
	}
	presets := presetIDs(loaded)
	if !c.cfg.Demo.IsSet && !withDemo {
		if presets, err = unfinishedDemo(ctx, db, registry); err != nil {
			return err
		}
	}
	var accounts []demo.Account
	var rest *demoRest
	if len(presets) > 0 {
		if accounts, rest, err = prepareDemo(ctx, c, db, registry, presets); err != nil {
			return err
		}
	}

	readDB, err := openReadDB(ctx, *c.cfg, log)
	if err != nil {
		return err
	}
	if readDB != nil {
		defer readDB.Close()
	}
	var pending *demo.Pending
	if rest != nil {
		pending = rest.pending
	}
	login, people, err := citizenLogin(*c.cfg)
	if err != nil {
		return err
	}
	httpServer, err := newHTTPServer(*c.cfg, db, readDB, registry, pending, login, people, log)
	if err != nil {
		return err
	}
	if _, err := startPprof(ctx, *c.cfg, log); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", c.cfg.Addr)
	if err != nil {
		return &notice{key: "cli.serve.listen", args: []any{c.cfg.Addr}, cause: err}
	}
	served := make(chan error, 1)
	go func() { served <- httpServer.Serve(ln) }()
	greet(ctx, c, registry, ln.Addr(), accounts, rest, log)
	// The earlier demo years are written while serving, and stop with it:
	// the database closes only after they have.
	restCtx, stopRest := context.WithCancel(ctx)
	restDone := make(chan struct{})
	go func() {
		defer close(restDone)
		rest.write(restCtx, c.tr(), c.stdout, log, began)
	}()
	jobsCtx, stopJobs := context.WithCancel(ctx)
	jobsDone := runJobs(jobsCtx, db, registry, jobOptions{citizens: people, webhooksAllowPrivate: c.cfg.WebhooksAllowPrivate}, log)
	err = waitForShutdown(ctx, httpServer, served, log)
	stopRest()
	stopJobs()
	<-restDone
	<-jobsDone
	return err
}

// openReadDB opens the read-only database of --db-read, if any, and checks
// that its schema is this Kanal's: a replica that has not followed the
// primary's migrations would answer the figures' queries wrongly or not
// at all. It is never migrated or written.
func openReadDB(ctx context.Context, cfg config.Config, log *slog.Logger) (*store.DB, error) {
	if cfg.DBRead == "" {
		return nil, nil
	}
	db, err := store.Open(ctx, cfg.DBRead)
	if err != nil {
		return nil, &notice{key: "cli.serve.read_db", args: []any{store.Redact(cfg.DBRead)}, cause: err}
	}
	var version int
	err = db.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&version)
	latest, lerr := store.LatestSchema(db.Engine)
	if err != nil || lerr != nil || version != latest {
		db.Close()
		return nil, &notice{key: "cli.serve.read_schema", args: []any{store.Redact(cfg.DBRead), version, latest}, cause: errors.Join(err, lerr)}
	}
	if log != nil {
		log.Info("read database ready", "db_read", db.String())
	}
	return db, nil
}

// monthsAhead is how many months after this one get their partition of
// PostgreSQL's inquiries table at start, so that the month's first
// inquiry does not wait for one to be made (the recorder would make it).
const monthsAhead = 3

// partitionsAhead makes the partitions of this month and the next ones;
// nothing on SQLite. Several instances starting at once make each month
// once (store.EnsureInquiryPartitions).
func partitionsAhead(ctx context.Context, db *store.DB, now time.Time) error {
	m := civil.DateOf(now).YearMonth()
	months := make([]civil.Month, 0, monthsAhead+1)
	for i := 0; i <= monthsAhead; i++ {
		d := civil.NewDate(m.Year, m.Month+time.Month(i), 1)
		months = append(months, d.YearMonth())
	}
	return db.EnsureInquiryPartitions(ctx, months...)
}

// newHTTPServer is the web application behind an HTTP server with
// timeouts that a slow client cannot hold open; login and lookup are
// citizenLogin's.
func newHTTPServer(cfg config.Config, db, readDB *store.DB, registry *municipality.Registry, pending *demo.Pending,
	login nemlogin.Broker, lookup sf1520.Lookup, log *slog.Logger) (*http.Server, error) {
	oidc := auth.NewOIDC(auth.OIDCConfig{Issuer: cfg.OIDCIssuer, ClientID: cfg.OIDCClientID,
		ClientSecret: cfg.OIDCClientSecret, RedirectURL: cfg.Public() + "auth/oidc/callback"})
	srv, err := web.New(web.Options{DB: db, ReadDB: readDB, Registry: registry, Log: log, OIDC: oidc, PublicURL: cfg.Public(),
		HistoryYears: cfg.HistoryYears, DemoPending: pending, CitizenLogin: login, CPR: lookup, Mail: mailSender(cfg)})
	if err != nil {
		return nil, err
	}
	return &http.Server{
		Handler:           srv.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      120 * time.Second,
		IdleTimeout:       120 * time.Second,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}, nil
}

// mailSender is the SMTP server of KANAL_SMTP_ADDR, or nil: the local
// outbox the staff pages show.
func mailSender(cfg config.Config) mail.Sender {
	if cfg.SMTPAddr == "" {
		return nil
	}
	return &mail.SMTP{Addr: cfg.SMTPAddr, From: cfg.SMTPFrom, User: cfg.SMTPUser, Password: cfg.SMTPPassword}
}

// citizenLogin is how citizens sign in and whom the registry look-up
// knows. With a NemLog-in broker configured, the broker, and no look-up
// (Kanal has no Serviceplatformen client yet: docs/citizen-login.md);
// otherwise the development login on the test citizens file of
// --test-citizens, or nil for both: the server's default, the shipped
// file.
func citizenLogin(cfg config.Config) (nemlogin.Broker, sf1520.Lookup, error) {
	if cfg.CitizenOIDCIssuer != "" {
		return nemlogin.NewOIDC(nemlogin.OIDCConfig{Issuer: cfg.CitizenOIDCIssuer, ClientID: cfg.CitizenOIDCClientID,
			ClientSecret: cfg.CitizenOIDCClientSecret, RedirectURL: cfg.Public() + strings.TrimPrefix(citizen.CallbackPath, "/")}), sf1520.Unavailable{}, nil
	}
	if cfg.TestCitizens == "" {
		return nil, nil, nil
	}
	people, err := sf1520.OpenFile(cfg.TestCitizens)
	if err != nil {
		return nil, nil, &notice{key: "cli.serve.test_citizens", args: []any{cfg.TestCitizens}, cause: err}
	}
	return nemlogin.NewDev(people, func(string) string { return "/borger/" }), people, nil
}

// greet tells whoever started the server what to do next: load a strategy
// when there is none, which demo accounts there are, which demo years are
// still to come, and where to open Kanal.
func greet(ctx context.Context, c *call, registry *municipality.Registry, addr net.Addr, accounts []demo.Account, rest *demoRest, log *slog.Logger) {
	tr := c.tr()
	if ms, err := registry.List(ctx); err == nil && len(ms) == 0 {
		fmt.Fprint(c.stdout, tr.T("cli.serve.empty"))
	}
	if len(accounts) > 0 {
		fmt.Fprintf(c.stdout, tr.T("cli.demo.users"), demo.Password)
		for _, a := range accounts {
			fmt.Fprintf(c.stdout, "  %-26s %s\n", a.Email, tr.T("role."+string(a.Role)))
		}
		if host, _, _ := net.SplitHostPort(addr.String()); !net.ParseIP(host).IsLoopback() {
			log.Warn("demo accounts with a published password are reachable from other machines", "addr", addr.String())
		}
	}
	rest.announce(tr, c.stdout)
	fmt.Fprintf(c.stdout, tr.T("cli.serve.url"), "http://"+addr.String()+"/")
}

// waitForShutdown serves until the server fails or ctx ends, then lets the
// requests in flight finish, for at most 15 seconds.
func waitForShutdown(ctx context.Context, httpServer *http.Server, served <-chan error, log *slog.Logger) error {
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := httpServer.Shutdown(shutdownCtx); err != nil {
		log.Error("shutdown", "err", err)
		return errReported
	}
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		log.Error("serve", "err", err)
	}
	log.Info("stopped")
	return nil
}

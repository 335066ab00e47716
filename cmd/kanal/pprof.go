package main

import (
	"context"
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"time"

	"github.com/kanal-dk/kanal/internal/config"
)

// Go's profiler (net/http/pprof) on an address of its own, for operators:
// off unless --pprof-addr is set, never on the application's address, and
// on a loopback address unless --pprof-any-addr says that the address is
// private. The profiles show the program's inside (its memory, its calls,
// its command line), so that they are for whoever runs the machine, not
// for the users of Kanal.

// pprofHandler serves the profiler's pages under /debug/pprof/.
func pprofHandler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /debug/pprof/", pprof.Index)
	mux.HandleFunc("GET /debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("GET /debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("GET /debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("POST /debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("GET /debug/pprof/trace", pprof.Trace)
	return mux
}

// checkPprofAddr refuses a profiler address other machines could reach,
// unless allowed, and the application's own address.
func checkPprofAddr(cfg config.Config) error {
	host, port, err := net.SplitHostPort(cfg.PprofAddr)
	if err != nil {
		return &notice{key: "cli.serve.pprof_bad", args: []any{cfg.PprofAddr}, usage: true}
	}
	if cfg.PprofAddr == cfg.Addr && port != "0" {
		return &notice{key: "cli.serve.pprof_same", args: []any{cfg.PprofAddr}, usage: true}
	}
	if cfg.PprofAnyAddr {
		return nil
	}
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return &notice{key: "cli.serve.pprof_public", args: []any{cfg.PprofAddr}, usage: true}
	}
	return nil
}

// startPprof listens on the profiler's address and serves it until ctx
// ends; nothing when the address is empty.
func startPprof(ctx context.Context, cfg config.Config, log *slog.Logger) (net.Addr, error) {
	if cfg.PprofAddr == "" {
		return nil, nil
	}
	if err := checkPprofAddr(cfg); err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", cfg.PprofAddr)
	if err != nil {
		return nil, &notice{key: "cli.serve.pprof_listen", args: []any{cfg.PprofAddr}, cause: err}
	}
	// Profiles take seconds (profile?seconds=30): no write timeout here.
	srv := &http.Server{Handler: pprofHandler(), ReadHeaderTimeout: 10 * time.Second,
		ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelWarn)}
	go srv.Serve(ln)
	go func() {
		<-ctx.Done()
		srv.Close()
	}()
	log.Info("profiler listening", "addr", ln.Addr().String())
	return ln.Addr(), nil
}

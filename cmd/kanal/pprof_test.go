package main

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/config"
	"github.com/kanal-dk/kanal/internal/store/storetest"
)

func TestCheckPprofAddr_LoopbackOnlyUnlessAllowed(t *testing.T) {
	for _, tc := range []struct {
		addr string
		any  bool
		ok   bool
	}{
		{"127.0.0.1:6060", false, true},
		{"localhost:6060", false, true},
		{"[::1]:6060", false, true},
		{"0.0.0.0:6060", false, false},
		{":6060", false, false},
		{"10.0.0.5:6060", false, false},
		{"kanal.kommune.dk:6060", false, false},
		{"10.0.0.5:6060", true, true},
		{"127.0.0.1:8080", true, false}, // the application's own address
		{"127.0.0.1:0", false, true},    // any free port, as the application's may be
		{"6060", false, false},
	} {
		err := checkPprofAddr(config.Config{Addr: "127.0.0.1:8080", PprofAddr: tc.addr, PprofAnyAddr: tc.any})
		if (err == nil) != tc.ok {
			t.Errorf("%q (any %v): %v, want ok %v", tc.addr, tc.any, err, tc.ok)
		}
	}
}

// serveUntil starts serve in-process with args and returns the
// application's address and serve's log; the server stops at the end of
// the test.
func serveUntil(t *testing.T, args ...string) (app string, log *lineWriter) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	stdout := newLineWriter(`(http://\S+/)`)
	log = newLineWriter(`profiler listening"? addr=(\S+)`)
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, append([]string{"serve", "--db", storetest.DSN(t), "--demo=false", "--addr", "127.0.0.1:0"}, args...), stdout, log)
	}()
	t.Cleanup(func() {
		cancel()
		<-done
	})
	select {
	case app = <-stdout.found:
	case code := <-done:
		done <- code // for the clean-up
		t.Fatalf("serve ended with %d:\n%s", code, log.String())
	case <-time.After(30 * time.Second):
		t.Fatalf("serve printed no address:\n%s", log.String())
	}
	return app, log
}

func TestServe_PprofIsOffByDefaultAndServedApartWhenSet(t *testing.T) {
	app, log := serveUntil(t)
	if strings.Contains(log.String(), "profiler") {
		t.Errorf("the profiler started without --pprof-addr:\n%s", log.String())
	}
	if status, _ := get(t, app+"debug/pprof/"); status == http.StatusOK {
		t.Error("the application serves /debug/pprof/")
	}

	app, log = serveUntil(t, "--pprof-addr", "127.0.0.1:0")
	var addr string
	select {
	case addr = <-log.found:
	case <-time.After(5 * time.Second):
		t.Fatalf("no profiler address logged:\n%s\n%s", log.String(), app)
	}
	if status, body := get(t, "http://"+addr+"/debug/pprof/"); status != http.StatusOK || !strings.Contains(body, "goroutine") {
		t.Errorf("the profiler's index: %d %.200q", status, body)
	}
	if status, _ := get(t, app+"debug/pprof/"); status == http.StatusOK {
		t.Error("the application serves /debug/pprof/ as well as the profiler's own address")
	}
}

func TestServe_RefusesAPprofAddressOthersReach(t *testing.T) {
	code, _, errOut := kanal(t, "serve", "--db", storetest.DSN(t), "--demo=false", "--addr", "127.0.0.1:0", "--pprof-addr", "0.0.0.0:6060")
	if code != exitUsage || !strings.Contains(errOut, "--pprof-any-addr") || !strings.Contains(errOut, "127.0.0.1:6060") {
		t.Errorf("exit %d; want a refusal that says what to do:\n%s", code, errOut)
	}
}

// A read database that has not followed the main one's migrations is
// refused at start, with what to do.
func TestServe_RefusesAReadDatabaseWithAnotherSchema(t *testing.T) {
	stale := "sqlite:" + t.TempDir() + "/replica.db"
	code, _, errOut := kanal(t, "serve", "--db", storetest.DSN(t), "--demo=false", "--addr", "127.0.0.1:0", "--db-read", stale)
	if code != exitFailure || !strings.Contains(errOut, "skemaversion") || !strings.Contains(errOut, "replika") {
		t.Errorf("exit %d; want a refusal that says what to do:\n%s", code, errOut)
	}
}

package main

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"maps"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/config"
	"github.com/kanal-dk/kanal/internal/demo"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/locale/localetest"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/store/storetest"
	"github.com/kanal-dk/kanal/internal/strategy"
	"github.com/kanal-dk/kanal/strategies"
)

// Every message the command line can give — help, usage, flag help,
// success, refusal and failure of every command, in Danish and English —
// asks the catalogue only for texts it has, and shows nothing that looks
// like a key.
func TestCatalogue_EveryCommandLineMessageIsInTheCatalogue(t *testing.T) {
	localetest.FailOnMissing(t)
	dir := t.TempDir()
	broken := writeFile(t, "broken.yaml", strings.Replace(preset(t, "dragoer.yaml"), "kind: oral", "kind: spoken", 1))
	unknownKLE := writeFile(t, "unknown.yaml", strings.Replace(minimalStrategy(t), `kle: "23.09.02"`, `kle: "99.99.99"`, 1))
	minimal := writeFile(t, "minimal.yaml", minimalStrategy(t))
	badRows := writeFile(t, "rows.csv", "occurred_at,channel,type,direction,area\n"+
		"2014-04-01T09:00:00+02:00,phone,information,inbound,flytning\n"+
		"2014-04-01T09:01:00+02:00,fax,information,inbound,flytning\n"+
		"2099-04-01T09:02:00+02:00,phone,nothing,sideways,nowhere\n")
	badHeader := writeFile(t, "header.csv", "tidspunkt,kanal\n")
	for _, lang := range locale.Languages {
		t.Setenv("KANAL_LANG", lang)
		dsn := storetest.DSN(t)
		t.Setenv("KANAL_DB", dsn)
		runs := [][]string{
			{}, {"help"}, {"frobnicate"},
			{"serve", "-h"}, {"serve", "--no-such-flag"}, {"serve", "--log-level", "loud"},
			{"serve", "--demo=false", "--strategy", broken, "--addr", "127.0.0.1:0"},
			{"strategy"}, {"strategy", "frob"}, {"strategy", "validate"}, {"strategy", "validate", "-h"},
			{"strategy", "load", "-h"}, {"strategy", "show", "-h"}, {"strategy", "show"},
			{"strategy", "validate", "../../strategies/dragoer.yaml", "../../strategies/taarnby.yaml", broken, "findes-ikke.yaml"},
			{"strategy", "validate", "--kle", kleFixture, minimal, unknownKLE},
			{"strategy", "validate", "--kle", "findes-ikke.xml", minimal},
			{"strategy", "load", "--kle", kleFixture, unknownKLE},
			{"strategy", "load", "--kle", kleFixture, minimal},
			{"strategy", "load", "--kle", kleFixture, minimal},
			{"strategy", "load", broken},
			{"strategy", "load", "../../strategies/dragoer.yaml"},
			{"strategy", "load", "../../strategies/taarnby.yaml"},
			{"strategy", "load", "../../strategies/taarnby.yaml"},
			{"strategy", "show"}, {"strategy", "show", "--municipality", "ingen"},
			{"user"}, {"user", "add", "-h"}, {"user", "list"},
			{"user", "add", "--municipality", "dragoer", "--role", "manager", "leder@dragoer.dk"},
			{"user", "add", "--municipality", "dragoer", "--role", "boss", "leder@dragoer.dk"},
			{"user", "add", "--municipality", "ingen", "--role", "staff", "a@ingen.dk"},
			{"user", "add", "--municipality", "dragoer", "--role", "manager", "--department", "ingen", "a@dragoer.dk"},
			{"user", "add", "--municipality", "dragoer", "--role", "staff", "ikke-en-adresse"},
			{"user", "add", "--role", "operator", "--municipality", "dragoer", "drift@dragoer.dk"},
			{"user", "add", "--municipality", "dragoer", "--role", "manager", "--department", "borgerbutikken", "leder@dragoer.dk"},
			{"user", "add", "--municipality", "dragoer", "--role", "manager", "--department", "borgerbutikken", "leder@dragoer.dk"},
			{"user", "add", "--role", "operator", "drift@example.dk"},
			{"user", "list", "--municipality", "dragoer"}, {"user", "list", "--operators"},
			{"user", "password", "leder@dragoer.dk"}, {"user", "password", "ingen@dragoer.dk"},
			{"user", "disable", "leder@dragoer.dk"}, {"user", "list", "--municipality", "dragoer"},
			{"apikey"}, {"apikey", "add", "-h"}, {"apikey", "list"},
			{"apikey", "add", "--municipality", "dragoer", "--permissions", "ingest,read", "Telefonsystem"},
			{"apikey", "add", "--municipality", "dragoer", "--permissions", "ingest,read", "Telefonsystem"},
			{"apikey", "add", "--municipality", "dragoer", "--permissions", "payments", "Betalinger"},
			{"apikey", "add", "--municipality", "dragoer", "--permissions", "", "Ingen"},
			{"apikey", "add", "--municipality", "dragoer", "--permissions", "read", ""},
			{"apikey", "add", "--municipality", "dragoer", "--permissions", "read", "--test", "Prøve"},
			{"apikey", "add", "--municipality", "ingen", "--permissions", "read", "X"},
			{"apikey", "list", "--municipality", "dragoer"},
			{"apikey", "revoke", "--municipality", "dragoer", "Telefonsystem"},
			{"apikey", "revoke", "--municipality", "dragoer", "Ingen"},
			{"apikey", "list", "--municipality", "dragoer"},
			{"import"}, {"import", "inquiries", "-h"}, {"import", "inquiries", "findes-ikke.csv"},
			{"import", "inquiries", "--municipality", "dragoer", "../../docs/examples/inquiries.csv"},
			{"import", "inquiries", "--municipality", "dragoer", "../../docs/examples/inquiries.csv"},
			{"import", "inquiries", "--municipality", "dragoer", badRows},
			{"import", "inquiries", "--municipality", "dragoer", badRows},
			{"import", "inquiries", "--municipality", "dragoer", badHeader},
			{"import", "inquiries", "--municipality", "ingen", badRows},
			{"import", "inquiries", "--municipality", "dragoer", "--history-years", "0", badRows},
			{"rollup"}, {"rollup", "verify", "-h"}, {"rollup", "verify"},
			{"rollup", "rebuild", "--municipality", "dragoer"},
			{"report"}, {"report", "-h"}, {"report", "--municipality", "dragoer", "--format", "doc"},
			{"report", "--municipality", "ingen"},
			{"report", "--municipality", "dragoer", "--year", "2014", "--out", filepath.Join(dir, lang+".pdf")},
			{"report", "--municipality", "dragoer", "--year", "2014", "--out", filepath.Join(dir, lang+".html")},
			{"report", "--municipality", "taarnby", "--year", "2017", "--out", filepath.Join(dir, lang+"-t.pdf")},
			{"report", "--municipality", "dragoer", "--year", "2014", "--issue", "--by", "Kanalstrategigruppen",
				"--out", filepath.Join(dir, lang+"-issued.pdf")},
		}
		for _, args := range runs {
			_, out, errOut := kanal(t, args...)
			for _, words := range [][]string{localetest.KeyShaped(out), localetest.KeyShaped(errOut)} {
				if len(words) > 0 {
					t.Errorf("%s: kanal %s shows catalogue keys: %q\n%s%s", lang, strings.Join(args, " "), words, out, errOut)
				}
			}
		}
		// The runs that succeed did: the reports are written, the
		// accounts and keys made.
		for _, name := range []string{lang + ".pdf", lang + ".html", lang + "-t.pdf", lang + "-issued.pdf"} {
			if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
				t.Errorf("%s: %v", lang, err)
			}
		}
		if _, out, _ := kanal(t, "apikey", "list", "--municipality", "dragoer"); strings.Count(out, "\n") != 2 {
			t.Errorf("%s: the keys made: %q", lang, out)
		}
		tamperAndVerify(t, dsn, lang)
		serveBriefly(t, dsn, lang)
	}
}

// tamperAndVerify makes the counts differ from a recount, and stores a
// duration an older Kanal allowed, so that verify says both.
func tamperAndVerify(t *testing.T, dsn, lang string) {
	t.Helper()
	db, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`UPDATE inquiry_counts SET inquiries = inquiries + 1, referred = referred + 2`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`UPDATE inquiries SET duration_seconds = 200000 WHERE id = (SELECT MIN(id) FROM inquiries)`); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := kanal(t, "rollup", "verify")
	if code != exitFailure || len(localetest.KeyShaped(out+errOut)) > 0 {
		t.Errorf("%s: verify after tampering: exit %d\n%s%s", lang, code, out, errOut)
	}
}

// serveBriefly starts the server on a loopback port, waits for its
// address, greets with demo accounts as a demo start would, and stops it.
func serveBriefly(t *testing.T, dsn, lang string) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	stdout := newLineWriter(`(?m)(http://\S+/)$`)
	var stderr bytes.Buffer
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--db", dsn, "--demo=false", "--addr", "127.0.0.1:0"}, stdout, &stderr)
	}()
	select {
	case <-stdout.found:
	case code := <-done:
		t.Fatalf("%s: serve ended with %d:\n%s", lang, code, stderr.String())
	case <-time.After(time.Minute):
		t.Fatalf("%s: serve said no address:\n%s", lang, stdout.String())
	}
	cancel()
	if code := <-done; code != exitOK {
		t.Errorf("%s: serve stopped with %d", lang, code)
	}
	if words := localetest.KeyShaped(stdout.String()); len(words) > 0 {
		t.Errorf("%s: serve shows catalogue keys: %q", lang, words)
	}

	// What a demo start prints besides: the accounts of every role.
	db, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var accounts []demo.Account
	for _, r := range []auth.Role{auth.Staff, auth.Manager, auth.StrategyGroup, auth.Auditor, auth.Operator} {
		accounts = append(accounts, demo.Account{Email: string(r) + "@kanal.demo", Role: r})
	}
	var out bytes.Buffer
	cfg := config.Config{Lang: lang}
	c := &call{name: "kanal serve", cfg: &cfg, stdout: &out, stderr: io.Discard}
	// and the earlier years still to be written.
	rest := &demoRest{pending: &demo.Pending{}}
	for _, s := range presetStrategies(t) {
		rest.presets = append(rest.presets, &municipality.Current{Version: municipality.Version{Municipality: s.Municipality.ID}, Strategy: s})
		rest.pending.Set(s.Municipality.ID, demo.Years{s.Period.To - 1, s.Period.To - 2})
	}
	greet(context.Background(), c, municipality.NewRegistry(db), &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 8080}, accounts,
		rest, slog.New(slog.NewTextHandler(os.Stderr, nil)))
	if words := localetest.KeyShaped(out.String()); len(words) > 0 || !strings.Contains(out.String(), demo.Password) ||
		!strings.Contains(out.String(), "Dragør Kommune 2013–2014") {
		t.Errorf("%s: the demo accounts: %q\n%s", lang, words, out.String())
	}
}

// presetStrategies are the preset strategies, parsed.
func presetStrategies(t *testing.T) []*strategy.Strategy {
	t.Helper()
	parsed, err := strategies.Parsed()
	if err != nil {
		t.Fatal(err)
	}
	var out []*strategy.Strategy
	for _, id := range slices.Sorted(maps.Keys(parsed)) {
		out = append(out, parsed[id])
	}
	return out
}

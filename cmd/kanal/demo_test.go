package main

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/demo"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/kanaltest"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/locale/localetest"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/store/storetest"
)

func TestDemoGenerate_WritesThroughTheRecorderAndASecondRunAddsNothing(t *testing.T) {
	localetest.FailOnMissing(t)
	dsn := storetest.DSN(t)
	code, out, errOut := kanal(t, "demo", "generate", "--db", dsn, "--municipalities", "2", "--inquiries", "1500")
	if code != exitOK {
		t.Fatalf("exit %d: %s%s", code, out, errOut)
	}
	for _, want := range []string{"2 demokommuner, 1.500 henvendelser i alt", "demo-001 Demokommune 1 (som ", "demo-002 Demokommune 2 (som ",
		"heraf 0 fra en tidligere kørsel", "pr. sekund"} {
		if !strings.Contains(out, want) {
			t.Errorf("the output lacks %q:\n%s", want, out)
		}
	}
	if code, out, _ := kanal(t, "rollup", "verify", "--db", dsn); code != exitOK || strings.Count(out, "svarer til en ny optælling") != 2 {
		t.Fatalf("rollup verify after demo generate: %d %q", code, out)
	}

	t.Setenv("KANAL_LANG", "en")
	code, again, errOut := kanal(t, "demo", "generate", "--db", dsn, "--municipalities", "2", "--inquiries", "1500")
	if code != exitOK || !strings.Contains(again, "Wrote 0 inquiries") || strings.Count(again, "from an earlier run") != 2 ||
		strings.Contains(again, "of which 0 from an earlier run") {
		t.Errorf("a second run: exit %d\n%s%s", code, again, errOut)
	}
}

func TestDemoGenerate_WantsBothNumbers(t *testing.T) {
	localetest.FailOnMissing(t)
	for _, args := range [][]string{
		{"demo"}, {"demo", "generate"}, {"demo", "generate", "--municipalities", "3"},
		{"demo", "generate", "--municipalities", "0", "--inquiries", "10"}, {"demo", "generate", "--inquiries", "-1", "--municipalities", "1"},
	} {
		code, _, errOut := kanal(t, args...)
		if code != exitUsage || !strings.Contains(errOut, "kanal demo generate --municipalities N --inquiries M") {
			t.Errorf("kanal %s: exit %d %q", strings.Join(args, " "), code, errOut)
		}
	}
}

func TestDemoGenerate_EveryFlagHasHelpInBothLanguages(t *testing.T) {
	localetest.FailOnMissing(t)
	t.Setenv("KANAL_LANG", "da")
	da, _ := flagHelp(t, "demo", "generate")
	t.Setenv("KANAL_LANG", "en")
	en, _ := flagHelp(t, "demo", "generate")
	for _, name := range []string{"municipalities", "inquiries", "db"} {
		if da[name] == "" || da[name] == en[name] {
			t.Errorf("--%s: Danish %q, English %q", name, da[name], en[name])
		}
	}
}

// When writing the earlier demo years fails (here: the database is gone),
// the pages are told that the years left are not coming, instead of
// promising them until the next start.
func TestDemoRest_AFailureStopsThePromise(t *testing.T) {
	db, reg := kanaltest.Presets(t)
	cur := kanaltest.Current(t, reg, "dragoer")
	rest := &demoRest{db: db, rec: inquiry.NewRecorder(db), presets: []*municipality.Current{cur}, pending: &demo.Pending{}}
	rest.pending.Set("dragoer", demo.Years{2014, 2013})
	db.Close()
	var out strings.Builder
	rest.write(context.Background(), locale.New(locale.Danish), &out, slog.New(slog.NewTextHandler(io.Discard, nil)), time.Now())
	if !rest.pending.Stopped() || len(rest.pending.Of("dragoer")) == 0 {
		t.Errorf("after a failure: stopped %v, years left %v", rest.pending.Stopped(), rest.pending.Of("dragoer"))
	}
	if !strings.Contains(out.String(), locale.New(locale.Danish).T("cli.demo.stopped")) {
		t.Errorf("the command line was not told: %q", out.String())
	}
}

package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/store"
)

// batchSize is the number of inquiries each write of the backup test
// stores in one transaction: a consistent snapshot holds whole batches.
const batchSize = 7

// A backup taken while another connection keeps writing is a consistent
// snapshot: it holds every batch acknowledged before it began, no part of
// a batch, and counts that agree with its rows; restored into a new path
// it passes kanal rollup verify.
func TestBackup_WhileWritingThenRestoreAndVerify(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	dsn := "sqlite:" + filepath.Join(dir, "kanal.db")
	if code, _, errOut := kanal(t, "strategy", "load", "--db", dsn, "../../strategies/dragoer.yaml"); code != exitOK {
		t.Fatal(errOut)
	}
	db, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	cur, err := municipality.NewRegistry(db).Current(ctx, "dragoer")
	if err != nil {
		t.Fatal(err)
	}
	rec := inquiry.NewRecorder(db)
	var acknowledged atomic.Int64
	stop := make(chan struct{})
	stopped := make(chan error, 1)
	go func() {
		at := time.Date(2014, 3, 3, 9, 0, 0, 0, time.UTC)
		for n := 0; ; n++ {
			select {
			case <-stop:
				stopped <- nil
				return
			default:
			}
			batch := make([]inquiry.Inquiry, batchSize)
			for i := range batch {
				batch[i] = inquiry.Inquiry{OccurredAt: at.Add(time.Duration(n*batchSize+i) * time.Minute), Channel: "phone",
					Type: "interaction", Direction: "inbound", Area: "flytning", Source: "test"}
			}
			if _, err := rec.Record(ctx, cur, batch); err != nil {
				stopped <- err
				return
			}
			acknowledged.Add(batchSize)
		}
	}()
	for acknowledged.Load() < 20*batchSize {
		time.Sleep(5 * time.Millisecond)
	}
	before := acknowledged.Load()
	backup := filepath.Join(dir, "backup", "kanal-backup.db")
	if err := os.MkdirAll(filepath.Dir(backup), 0o755); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := kanal(t, "backup", "--db", dsn, backup)
	close(stop)
	if err := <-stopped; err != nil {
		t.Fatal(err)
	}
	if code != exitOK || !strings.Contains(out, "Sikkerhedskopi skrevet til "+backup) {
		t.Fatalf("backup: exit %d %q %q", code, out, errOut)
	}
	after := acknowledged.Load()
	if after == before {
		t.Fatal("no write went on during the backup; the test proves nothing")
	}
	if info, err := os.Stat(backup); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("the backup's mode: %v %v, want 0600 (it holds password hashes)", info, err)
	}

	restored := "sqlite:" + filepath.Join(dir, "restored", "kanal.db")
	if code, out, errOut := kanal(t, "restore", "--db", restored, backup); code != exitOK || !strings.Contains(out, "er gendannet") {
		t.Fatalf("restore: exit %d %q %q", code, out, errOut)
	}
	if code, out, errOut := kanal(t, "rollup", "verify", "--db", restored); code != exitOK || !strings.Contains(out, "svarer til") {
		t.Fatalf("verify the restored database: exit %d %q %q", code, out, errOut)
	}
	back, err := store.Open(ctx, restored)
	if err != nil {
		t.Fatal(err)
	}
	defer back.Close()
	n, err := inquiry.NewRecorder(back).Count(ctx, "dragoer")
	if err != nil {
		t.Fatal(err)
	}
	if n < before || n > after || n%batchSize != 0 {
		t.Errorf("the backup holds %d inquiries; %d were acknowledged before it began, %d by its end, in batches of %d",
			n, before, after, batchSize)
	}
}

// Neither command overwrites what is there unless told, and a database in
// use is never replaced; a PostgreSQL address is told to use PostgreSQL's
// own tools.
func TestBackupAndRestore_RefuseToOverwrite(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	dsn := "sqlite:" + filepath.Join(dir, "kanal.db")
	if code, _, errOut := kanal(t, "strategy", "load", "--db", dsn, "../../strategies/dragoer.yaml"); code != exitOK {
		t.Fatal(errOut)
	}
	backup := filepath.Join(dir, "backup.db")
	if code, _, errOut := kanal(t, "backup", "--db", dsn, backup); code != exitOK {
		t.Fatal(errOut)
	}
	if code, _, errOut := kanal(t, "backup", "--db", dsn, backup); code != exitFailure || !strings.Contains(errOut, "findes allerede") {
		t.Errorf("a second backup to the same file: exit %d %q", code, errOut)
	}
	if code, _, errOut := kanal(t, "backup", "--db", "sqlite:"+filepath.Join(dir, "none.db"), filepath.Join(dir, "b2.db")); code != exitFailure ||
		!strings.Contains(errOut, "ingen database") || exists(filepath.Join(dir, "none.db")) {
		t.Errorf("a backup of no database: exit %d %q", code, errOut)
	}
	code, _, errOut := kanal(t, "restore", "--db", dsn, backup)
	if code != exitFailure || !strings.Contains(errOut, "--replace") {
		t.Errorf("restore over a database without --replace: exit %d %q", code, errOut)
	}
	live, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	code, _, errOut = kanal(t, "restore", "--db", dsn, "--replace", backup)
	live.Close()
	if code != exitFailure || !strings.Contains(errOut, "i brug") {
		t.Errorf("restore --replace over a database in use: exit %d %q", code, errOut)
	}
	code, out, errOut := kanal(t, "restore", "--db", dsn, "--replace", backup)
	if code != exitOK || !strings.Contains(out, "flyttet til") {
		t.Fatalf("restore --replace over a stopped database: exit %d %q %q", code, out, errOut)
	}
	aside, _ := filepath.Glob(filepath.Join(dir, "kanal.db.before-restore-*"))
	if len(aside) != 1 {
		t.Errorf("the replaced database was not kept aside: %v", aside)
	}
	garbage := writeFile(t, "garbage.db", "not a database")
	if code, _, errOut := kanal(t, "restore", "--db", "sqlite:"+filepath.Join(dir, "new.db"), garbage); code != exitFailure ||
		!strings.Contains(errOut, "ikke en brugbar sikkerhedskopi") || exists(filepath.Join(dir, "new.db")) {
		t.Errorf("restore from a file that is no backup: exit %d %q", code, errOut)
	}
	for _, cmd := range [][]string{{"backup", "--db", "postgres://kanal@db.example/kanal", filepath.Join(dir, "pg.db")},
		{"restore", "--db", "postgres://kanal@db.example/kanal", backup}} {
		code, _, errOut := kanal(t, cmd...)
		if code != exitFailure || !strings.Contains(errOut, "docs/operations.md") || !strings.Contains(errOut, "pg_") {
			t.Errorf("%s of a PostgreSQL address: exit %d %q", cmd[0], code, errOut)
		}
	}
}

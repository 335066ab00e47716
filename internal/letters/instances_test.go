package letters_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/kanaltest"
	"github.com/kanal-dk/kanal/internal/letters"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/store/storetest"
)

// Two instances on one database (two handles, as two processes have):
// both take letters from the same outbox at once, and each letter is sent
// exactly once. The issue: "never sent twice, across restarts and two
// instances on one PostgreSQL".
func TestWorker_TwoInstancesOnOneDatabaseSendEachLetterOnce(t *testing.T) {
	ctx := context.Background()
	dsn := storetest.DSN(t)
	var dbs [2]*store.DB
	for i := range dbs {
		db, err := store.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		if _, err := db.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		dbs[i] = db
	}
	reg := kanaltest.LoadPresets(t, dbs[0])
	cur := kanaltest.Current(t, reg, "dragoer")
	ls := letters.New(dbs[0], inquiry.NewRecorder(dbs[0]), registry)
	var area string
	for _, a := range cur.Strategy.Areas {
		if a.Handles("information") {
			area = a.ID
			break
		}
	}
	const n = 80
	for i := 0; i < n; i++ {
		who := registeredCPR
		if i%4 == 0 {
			who = exemptCPR
		}
		if _, _, err := ls.Send(ctx, cur, letters.Request{ID: fmt.Sprintf("i-%d", i), CPR: who, Title: "Brev", Area: area, Body: "b"}); err != nil {
			t.Fatal(err)
		}
	}
	tr := newTransport()
	var wg sync.WaitGroup
	for _, db := range dbs {
		for k := 0; k < 2; k++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				w := &letters.Worker{DB: db, Recorder: inquiry.NewRecorder(db), Transport: tr, Memo: fakeMemo, Batch: 3,
					Now: func() time.Time { return time.Now() }}
				for {
					got, err := w.RunOnce(ctx)
					if err != nil {
						t.Error(err)
						return
					}
					if got == 0 {
						return
					}
				}
			}()
		}
	}
	wg.Wait()
	if len(tr.sent) != n {
		t.Errorf("%d letters sent, want %d", len(tr.sent), n)
	}
	for id, k := range tr.sent {
		if k != 1 {
			t.Errorf("letter %s sent %d times", id, k)
		}
	}
}

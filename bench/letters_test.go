package bench

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/kanaltest"
	"github.com/kanal-dk/kanal/internal/letters"
	"github.com/kanal-dk/kanal/internal/sf1520"
	"github.com/kanal-dk/kanal/internal/sf1601"
	"github.com/kanal-dk/kanal/internal/store"
)

// lettersPerOp is the load: 10,000 letters through the
// development transport.
const lettersPerOp = 10000

// letterRecipients alternate a citizen registered for Digital Post (Ida
// Testesen) and an exempt one (Fatima Eksempel), so that half go to the
// inbox and half to the print queue.
var letterRecipients = []string{"1203859902", "2511909924"}

// BenchmarkLetters sends 10,000 letters per op as kanal serve does:
// letters.Send accepts each (route decided, stored, inquiry counted, in
// one transaction), then one worker renders each as PDF, builds its MeMo
// message and hands it to the development SF1601 transport until none is
// due. It reports letters per second accepted, sent and end to end, which
// BENCHMARKS.md records per engine. Heavy (about a minute per engine):
// benchmarks do not run in CI, and -short skips it.
func BenchmarkLetters(b *testing.B) {
	if testing.Short() {
		b.Skip("sends 10,000 letters per engine")
	}
	ctx := context.Background()
	people, err := sf1520.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	for _, e := range engines() {
		b.Run(e.name, func(b *testing.B) {
			db, err := store.Open(ctx, e.dsn(b))
			if err != nil {
				b.Fatal(err)
			}
			b.Cleanup(func() { db.Close() })
			if _, err := db.Migrate(ctx); err != nil {
				b.Fatal(err)
			}
			cur := kanaltest.Current(b, kanaltest.LoadPresets(b, db), "dragoer")
			registry := sf1601.NewDevRegistry(people)
			ls := letters.New(db, inquiry.NewRecorder(db), letters.RegistryOf(registry))
			w := &letters.Worker{DB: db, Recorder: inquiry.NewRecorder(db), Transport: letters.KombiTransport{Kombi: sf1601.NewDev(db, registry)}}
			var accepting, sending time.Duration
			op := 0
			for b.Loop() {
				start := time.Now()
				for i := range lettersPerOp {
					_, created, err := ls.Send(ctx, cur, letters.Request{ID: fmt.Sprintf("bench-%d-%d", op, i),
						CPR: letterRecipients[i%len(letterRecipients)], Title: "Din flytning er registreret", Area: "23.05.10",
						Body: "Kære borger\n\nVi har registreret din flytning."})
					if err != nil || !created {
						b.Fatalf("letter %d: created %v, %v", i, created, err)
					}
				}
				accepting += time.Since(start)
				start = time.Now()
				sent := 0
				for {
					n, err := w.RunOnce(ctx)
					if err != nil {
						b.Fatal(err)
					}
					if n == 0 {
						break
					}
					sent += n
				}
				sending += time.Since(start)
				// Honesty: every letter of the op was sent, once, half of
				// them into the inbox.
				var done, inbox int
				if err := db.QueryRow(`SELECT COUNT(*) FROM letters WHERE sent_at IS NOT NULL AND id LIKE $1`, fmt.Sprintf("bench-%d-%%", op)).Scan(&done); err != nil {
					b.Fatal(err)
				}
				if err := db.QueryRow(`SELECT COUNT(*) FROM digital_post_inbox`).Scan(&inbox); err != nil {
					b.Fatal(err)
				}
				if sent != lettersPerOp || done != lettersPerOp || inbox != (op+1)*lettersPerOp/2 {
					b.Fatalf("op %d: the worker sent %d, %d are marked sent, %d in the inbox; want %d, %d, %d",
						op, sent, done, inbox, lettersPerOp, lettersPerOp, (op+1)*lettersPerOp/2)
				}
				op++
			}
			n := float64(op * lettersPerOp)
			b.ReportMetric(n/accepting.Seconds(), "accepted/s")
			b.ReportMetric(n/sending.Seconds(), "sent/s")
			b.ReportMetric(n/(accepting+sending).Seconds(), "letters/s")
		})
	}
}

package main

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/kanal-dk/kanal/internal/callback"
	"github.com/kanal-dk/kanal/internal/casework"
	"github.com/kanal-dk/kanal/internal/contact"
	"github.com/kanal-dk/kanal/internal/delivery"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/letters"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/sf1520"
	"github.com/kanal-dk/kanal/internal/sf1601"
	"github.com/kanal-dk/kanal/internal/store"
)

// deliverEvery is how often a serving Kanal looks for deliveries to the
// case systems that are due; a submission reaches its case system within
// this time when the receiver answers.
const deliverEvery = 5 * time.Second

// runJobs starts what a serving Kanal does besides answering requests:
// delivering submissions to the case systems and sending outbound letters
// (each instance runs the workers; instances on one PostgreSQL lease the
// work between them), and erasing the personal data of cases, questions
// and callbacks past their retention periods. They stop when ctx ends;
// the returned channel closes when all have.
func runJobs(ctx context.Context, db *store.DB, log *slog.Logger) <-chan struct{} {
	worker := &delivery.Worker{DB: db, Log: log}
	cases := casework.New(db, inquiry.NewRecorder(db))
	questions := contact.New(db, inquiry.NewRecorder(db), nil)
	callbacks := callback.New(db, inquiry.NewRecorder(db), nil)
	var wg sync.WaitGroup
	wg.Add(4)
	if lw := lettersWorker(db, log); lw != nil {
		wg.Add(1)
		go func() { defer wg.Done(); lw.Run(ctx, deliverEvery) }()
	}
	go func() {
		defer wg.Done()
		callbacks.RunErasure(ctx, municipality.NewRegistry(db), callback.EraseEvery, log)
	}()
	go func() { defer wg.Done(); questions.RunErasure(ctx, contact.EraseEvery, log) }()
	go func() { defer wg.Done(); worker.Run(ctx, deliverEvery) }()
	go func() { defer wg.Done(); cases.RunErasure(ctx, casework.EraseEvery, log) }()
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	return done
}

// lettersWorker is the outbound letters' worker (docs/letters.md) on the
// development SF1601 transport and registry over the shipped test
// citizens: the letters go to the local Digital Post inbox and print
// queue. Nil, logged, when the test citizens cannot be read.
func lettersWorker(db *store.DB, log *slog.Logger) *letters.Worker {
	file, err := sf1520.Embedded()
	if err != nil {
		log.Error("letters: read the shipped test citizens", "err", err)
		return nil
	}
	dev := sf1601.NewDev(db, sf1601.NewDevRegistry(file))
	return &letters.Worker{DB: db, Recorder: inquiry.NewRecorder(db), Transport: letters.KombiTransport{Kombi: dev},
		Statuses: dev, Log: log}
}

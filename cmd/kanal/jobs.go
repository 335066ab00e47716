package main

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/kanal-dk/kanal/internal/callback"
	"github.com/kanal-dk/kanal/internal/casenotice"
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
// delivering submissions to the case systems, sending outbound letters
// and the cases' receipts and status notices as letters (each instance
// runs the workers; instances on one PostgreSQL lease the work between
// them, and a notice's letter id makes it one letter), and erasing the
// personal data of cases, questions and callbacks past their retention
// periods. They stop when ctx ends;
// the returned channel closes when all have.
func runJobs(ctx context.Context, db *store.DB, registry *municipality.Registry, o jobOptions, log *slog.Logger) <-chan struct{} {
	worker := &delivery.Worker{DB: db, Log: log, AllowPrivate: o.webhooksAllowPrivate}
	cases := casework.New(db, inquiry.NewRecorder(db))
	questions := contact.New(db, inquiry.NewRecorder(db), nil)
	callbacks := callback.New(db, inquiry.NewRecorder(db), nil)
	var wg sync.WaitGroup
	wg.Add(4)
	if file := lettersCitizens(o.citizens, log); file != nil {
		lw := lettersWorker(db, file, log)
		lw.AllowPrivate = o.webhooksAllowPrivate
		notices := &casenotice.Sender{DB: db, Registry: registry, Log: log,
			Letters: letters.New(db, inquiry.NewRecorder(db), letters.RegistryOf(sf1601.NewDevRegistry(file)))}
		wg.Add(2)
		go func() { defer wg.Done(); lw.Run(ctx, deliverEvery) }()
		go func() { defer wg.Done(); notices.Run(ctx, deliverEvery) }()
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

// jobOptions are the settings of kanal serve the jobs follow.
type jobOptions struct {
	// citizens is the registry look-up the server uses (citizenLogin's):
	// the test citizens file of --test-citizens, or nil for the shipped
	// one. The letters' development Digital Post registry reads the same
	// file, so that the worker's route and the API's agree.
	citizens             sf1520.Lookup
	webhooksAllowPrivate bool
}

// lettersCitizens is the test citizens file of the letters' development
// registry: the server's, as the API and the staff pages take it
// (internal/web/api lettersOf), or the shipped one. Nil, logged, when
// that cannot be read.
func lettersCitizens(people sf1520.Lookup, log *slog.Logger) *sf1520.File {
	if file, ok := people.(*sf1520.File); ok {
		return file
	}
	file, err := sf1520.Embedded()
	if err != nil {
		log.Error("letters: read the shipped test citizens", "err", err)
		return nil
	}
	return file
}

// lettersWorker is the outbound letters' worker (docs/letters.md) on the
// development SF1601 transport and registry over the test citizens file:
// the letters go to the local Digital Post inbox and print queue.
func lettersWorker(db *store.DB, file *sf1520.File, log *slog.Logger) *letters.Worker {
	dev := sf1601.NewDev(db, sf1601.NewDevRegistry(file))
	return &letters.Worker{DB: db, Recorder: inquiry.NewRecorder(db), Transport: letters.KombiTransport{Kombi: dev},
		Statuses: dev, Log: log}
}

package main

import (
	"context"
	"fmt"
	"time"

	"github.com/kanal-dk/kanal/internal/demo"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/municipality"
)

// progressEvery is how often demo generate says how far it has come.
const progressEvery = 2 * time.Second

// demoGenerate runs "kanal demo generate --municipalities N --inquiries
// M": N copies of the presets, each as large as a real municipality, get M
// demo inquiries between them through the recorder, with a line of
// progress every few seconds and one per municipality. Run again with the
// same numbers, it continues where a stopped run ended.
func demoGenerate(ctx context.Context, c *call, args []string) error {
	c.cfg.BindDB(c.flags)
	n := c.flags.Int("municipalities", 0, "how many demo municipalities")
	m := c.flags.Int("inquiries", 0, "how many inquiries in all")
	if err := c.parse(args, 0, 0); err != nil {
		return err
	}
	if *n < 1 || *m < 1 {
		return errUsage
	}
	copies, err := demo.Plan(*n, *m)
	if err != nil {
		return err
	}
	db, err := c.openDB(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	tr := c.tr()
	fmt.Fprintf(c.stdout, tr.T("cli.demo.generate.plan"), tr.Int(int64(*n)), tr.Count("cli.count.inquiries", int64(*m)), db)

	start := time.Now()
	lastSaid, written, inFlight := start, 0, 0
	say := func(p demo.Progress) {
		inFlight = p.Written
		if p.Done {
			written, inFlight = written+p.Written, 0
			fmt.Fprintf(c.stdout, tr.T("cli.demo.generate.done"), p.Copy.ID, p.Copy.Name,
				tr.Count("cli.count.inquiries", int64(p.Had+p.Written)), tr.Int(int64(p.Had)))
			return
		}
		if time.Since(lastSaid) < progressEvery {
			return
		}
		lastSaid = time.Now()
		fmt.Fprintf(c.stdout, tr.T("cli.demo.generate.progress"), p.Copy.ID,
			tr.Count("cli.count.inquiries", int64(p.Had+p.Written)), tr.Int(int64(p.Copy.Target)),
			tr.Int(int64(rate(written+p.Written, time.Since(start)))))
	}
	err = demo.Fill(ctx, db, municipality.NewRegistry(db), inquiry.NewRecorder(db), copies, say)
	took, all := time.Since(start), written+inFlight
	fmt.Fprintf(c.stdout, tr.T("cli.demo.generate.total"), tr.Count("cli.count.inquiries", int64(all)),
		tr.Decimal(took.Seconds(), 1), tr.Int(int64(rate(all, took))))
	return err
}

// rate is inquiries a second.
func rate(n int, d time.Duration) float64 {
	if d <= 0 {
		return 0
	}
	return float64(n) / d.Seconds()
}

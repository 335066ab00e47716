package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/kanal-dk/kanal/internal/ingest"
	"github.com/kanal-dk/kanal/internal/inquiry"
)

// importInquiries runs "kanal import inquiries --municipality ID
// FILE.csv": every row is checked and recorded, or named with its problem.
func importInquiries(ctx context.Context, c *call, args []string) error {
	c.cfg.BindDB(c.flags)
	c.cfg.BindRecording(c.flags)
	m := c.flags.String("municipality", "", "the municipality the inquiries belong to, e.g. dragoer")
	if err := c.parse(args, 1, 1); err != nil {
		return err
	}
	if *m == "" {
		return errUsage
	}
	name := c.flags.Arg(0)
	data, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	db, err := c.openDB(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	cur, err := current(ctx, db, *m)
	if err != nil {
		return err
	}
	rec := inquiry.NewRecorder(db)
	rec.HistoryYears = c.cfg.HistoryYears
	res, err := ingest.Import(ctx, rec, cur, data)
	tr := c.tr()
	var fe *ingest.FileError
	if errors.As(err, &fe) {
		fmt.Fprintf(c.stderr, "%s:%d: %s\n", name, fe.Line, tr.T(fe.Key, fe.Args...))
		return errReported
	}
	if err != nil {
		fmt.Fprintf(c.stderr, "%s: %v\n", name, err)
		return errReported
	}
	for _, p := range res.Problems {
		field := ""
		if p.Field != "" {
			field = p.Field + ": "
		}
		fmt.Fprintf(c.stderr, "%s:%d: %s%s\n", name, p.Line, field, tr.T(p.Key, p.Args...))
	}
	if res.Again {
		fmt.Fprintf(c.stdout, tr.T("cli.import.again"), name)
	} else {
		dup := int64(res.Duplicates)
		fmt.Fprintf(c.stdout, tr.T("cli.import.done"), name, tr.Count("cli.count.inquiries", int64(res.Recorded)),
			tr.Plural("cli.import.already", dup, tr.Int(dup)), tr.Count("cli.count.rows", int64(len(rejectedRows(res.Problems)))))
	}
	if len(res.Problems) > 0 {
		return errReported
	}
	return nil
}

func rejectedRows(probs []ingest.Problem) map[int]bool {
	rows := map[int]bool{}
	for _, p := range probs {
		rows[p.Line] = true
	}
	return rows
}

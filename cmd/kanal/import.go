package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/kanal-dk/kanal/internal/config"
	"github.com/kanal-dk/kanal/internal/ingest"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/locale"
)

// importCommand runs "kanal import inquiries --municipality ID FILE.csv".
func importCommand(ctx context.Context, cfg config.Config, args []string, stdout, stderr io.Writer) int {
	tr := locale.New(cfg.Lang)
	if len(args) == 0 || args[0] != "inquiries" {
		fmt.Fprint(stderr, tr.T("cli.import.usage"))
		return exitUsage
	}
	fs := flag.NewFlagSet("kanal import inquiries", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfg.BindDB(fs)
	cfg.BindRecording(fs)
	m := fs.String("municipality", "", "the municipality the inquiries belong to, e.g. dragoer")
	if err := fs.Parse(args[1:]); err != nil {
		return exitUsage
	}
	tr = locale.New(cfg.Lang)
	if fs.NArg() != 1 || *m == "" {
		fmt.Fprint(stderr, tr.T("cli.import.usage"))
		return exitUsage
	}
	name := fs.Arg(0)
	data, err := os.ReadFile(name)
	if err != nil {
		fmt.Fprintln(stderr, "kanal import:", err)
		return exitFailure
	}
	db, err := openDB(ctx, cfg, nil)
	if err != nil {
		fmt.Fprintln(stderr, "kanal import:", err)
		return exitFailure
	}
	defer db.Close()
	cur, ok := current(ctx, db, *m, "kanal import", tr, stderr)
	if !ok {
		return exitFailure
	}
	rec := inquiry.NewRecorder(db)
	rec.HistoryYears = cfg.HistoryYears
	res, err := ingest.Import(ctx, rec, cur, data)
	var fe *ingest.FileError
	if errors.As(err, &fe) {
		fmt.Fprintf(stderr, "%s:%d: %s\n", name, fe.Line, tr.T(fe.Key, fe.Args...))
		return exitFailure
	}
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", name, err)
		return exitFailure
	}
	for _, p := range res.Problems {
		field := ""
		if p.Field != "" {
			field = p.Field + ": "
		}
		fmt.Fprintf(stderr, "%s:%d: %s%s\n", name, p.Line, field, tr.T(p.Key, p.Args...))
	}
	if res.Again {
		fmt.Fprintf(stdout, tr.T("cli.import.again"), name)
	} else {
		dup := int64(res.Duplicates)
		fmt.Fprintf(stdout, tr.T("cli.import.done"), name, tr.Count("cli.count.inquiries", int64(res.Recorded)),
			tr.Plural("cli.import.already", dup, tr.Int(dup)), tr.Count("cli.count.rows", int64(len(rejectedRows(res.Problems)))))
	}
	if len(res.Problems) > 0 {
		return exitFailure
	}
	return exitOK
}

func rejectedRows(probs []ingest.Problem) map[int]bool {
	rows := map[int]bool{}
	for _, p := range probs {
		rows[p.Line] = true
	}
	return rows
}

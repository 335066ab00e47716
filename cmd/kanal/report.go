package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/kanal-dk/kanal/internal/config"
	"github.com/kanal-dk/kanal/internal/council"
	"github.com/kanal-dk/kanal/internal/locale"
)

// reportCommand runs "kanal report --municipality ID --year 2014 --format
// pdf|html --out FILE": the council's yearly report.
func reportCommand(ctx context.Context, cfg config.Config, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("kanal report", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfg.BindDB(fs)
	m := fs.String("municipality", "", "the municipality, e.g. dragoer")
	year := fs.Int("year", 0, "the calendar year; default the last year with counted inquiries")
	format := fs.String("format", "", "pdf or html; default from --out, else pdf")
	out := fs.String("out", "", "the file to write; default aarsrapport-MUNICIPALITY-YEAR.FORMAT")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	tr := locale.New(cfg.Lang)
	if *m == "" || fs.NArg() > 0 {
		fmt.Fprint(stderr, tr.T("cli.report.usage"))
		return exitUsage
	}
	if *format == "" {
		*format = "pdf"
		if ext := strings.ToLower(filepath.Ext(*out)); ext == ".html" || ext == ".htm" {
			*format = "html"
		}
	}
	if *format != "pdf" && *format != "html" {
		fmt.Fprintf(stderr, tr.T("cli.report.bad_format"), *format)
		return exitUsage
	}
	db, err := openDB(ctx, cfg, nil)
	if err != nil {
		fmt.Fprintln(stderr, "kanal report:", err)
		return exitFailure
	}
	defer db.Close()
	cur, ok := current(ctx, db, *m, "kanal report", tr, stderr)
	if !ok {
		return exitFailure
	}
	if *year == 0 {
		if *year, err = council.LastYear(ctx, db, cur.Municipality, time.Now()); err != nil {
			fmt.Fprintln(stderr, "kanal report:", err)
			return exitFailure
		}
	}
	doc, err := council.Make(ctx, db, tr, cur, *year, time.Now())
	if err != nil {
		fmt.Fprintln(stderr, "kanal report:", err)
		return exitFailure
	}
	var buf bytes.Buffer
	if *format == "pdf" {
		err = council.WritePDF(&buf, *doc)
	} else {
		err = council.WriteHTML(&buf, *doc)
	}
	if err != nil {
		fmt.Fprintln(stderr, "kanal report:", err)
		return exitFailure
	}
	if *out == "" {
		*out = fmt.Sprintf("aarsrapport-%s-%d.%s", cur.Municipality, *year, *format)
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		fmt.Fprintln(stderr, "kanal report:", err)
		return exitFailure
	}
	fmt.Fprintf(stdout, tr.T("cli.report.done"), *out, *year, cur.Strategy.Municipality.Name)
	return exitOK
}

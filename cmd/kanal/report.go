package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/kanal-dk/kanal/internal/councilreport"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/measure"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// reportCommand runs "kanal report --municipality ID --year 2014 --format
// pdf|html --out FILE [--issue [--by NAME] [--decisions TEXT]]": the council's yearly report,
// made on the fly (its cover says it is not issued) or, with --issue,
// issued: stored as PDF and HTML exactly as written, never made again.
func reportCommand(ctx context.Context, c *call, args []string) error {
	c.cfg.BindDB(c.flags)
	c.cfg.BindDBRead(c.flags)
	m := c.flags.String("municipality", "", "the municipality, e.g. dragoer")
	year := c.flags.Int("year", 0, "the calendar year; default the last year with counted inquiries")
	format := c.flags.String("format", "", "pdf or html; default from --out, else pdf")
	out := c.flags.String("out", "", "the file to write; default aarsrapport-MUNICIPALITY-YEAR.FORMAT")
	issue := c.flags.Bool("issue", false, "issue the report: store it as issued, PDF and HTML")
	by := c.flags.String("by", "", "who issues the report, as its cover names them; default the command-line user")
	decisions := c.flags.String("decisions", "", "the decisions the council is asked for, as the issued report lists them; paragraphs apart by an empty line")
	if err := c.parse(args, 0, 0); err != nil {
		return err
	}
	if *m == "" {
		return errUsage
	}
	if *format == "" {
		*format = "pdf"
		if ext := strings.ToLower(filepath.Ext(*out)); ext == ".html" || ext == ".htm" {
			*format = "html"
		}
	}
	if *format != "pdf" && *format != "html" {
		return &notice{key: "cli.report.bad_format", args: []any{*format}, usage: true}
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
	readDB, err := openReadDB(ctx, *c.cfg, nil)
	if err != nil {
		return err
	}
	read := db
	if readDB != nil {
		defer readDB.Close()
		read = readDB
	}
	// The counts are read from --db-read when given; an issued report is
	// stored in --db.
	measures := measure.NewSource(read, municipality.NewRegistry(db))
	reports := councilreport.NewReports(db, measures)
	if *year == 0 {
		if *year, err = measures.DefaultYear(ctx, cur.Municipality, time.Now()); err != nil {
			return err
		}
	}
	h, err := measures.History(ctx, cur.Municipality)
	if err != nil {
		return err
	}
	tr := c.tr()
	var data []byte
	if *issue {
		data, err = issueReport(ctx, reports, tr, cur.Municipality, h, *year, *format, *by, *decisions)
	} else {
		data, err = makeReport(ctx, reports, tr, cur.Municipality, h, *year, *format)
	}
	var already *councilreport.AlreadyIssuedError
	if errors.As(err, &already) {
		at := already.Earlier.IssuedAt.In(strategy.Location)
		return &notice{key: "cli.report.already_issued", args: []any{*year, at.Format("2006-01-02 15:04"), already.Earlier.IssuedBy}}
	}
	if err != nil {
		return err
	}
	if *out == "" {
		*out = fmt.Sprintf("aarsrapport-%s-%d.%s", cur.Municipality, *year, *format)
	}
	if err := os.WriteFile(*out, data, 0o644); err != nil {
		return err
	}
	key := "cli.report.done"
	if *issue {
		key = "cli.report.issued"
	}
	fmt.Fprintf(c.stdout, tr.T(key), *out, *year, cur.Strategy.Municipality.Name)
	return nil
}

// makeReport writes the report made now, marked as not issued.
func makeReport(ctx context.Context, reports *councilreport.Reports, tr locale.Printer, m string, h measure.History, year int, format string) ([]byte, error) {
	doc, err := reports.Make(ctx, tr, m, h, year, time.Now(), nil)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if format == councilreport.FormatPDF {
		err = councilreport.WritePDF(&buf, *doc)
	} else {
		err = councilreport.WriteHTML(&buf, *doc)
	}
	return buf.Bytes(), err
}

// issueReport issues the report and returns the stored file of the format,
// exactly as issued.
func issueReport(ctx context.Context, reports *councilreport.Reports, tr locale.Printer, m string, h measure.History, year int, format, by, decisions string) ([]byte, error) {
	actor := cliActor()
	if by == "" {
		by = actor.Name
	}
	is, err := reports.Issue(ctx, councilreport.IssueRequest{Municipality: m, History: h, Year: year, Lang: tr,
		Now: time.Now(), By: by, Actor: actor, Decisions: decisions})
	if err != nil {
		return nil, err
	}
	_, data, err := reports.IssuedFile(ctx, m, is.ID, format)
	return data, err
}

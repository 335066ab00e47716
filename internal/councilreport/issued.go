package councilreport

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/measure"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// A report sent to the council must read the same in ten years as on the
// day it was sent, whatever strategy versions and inquiries come later.
// Issuing it stores the PDF and the HTML exactly as rendered, with the
// issue on their cover; they are served from the stored bytes and never
// made again. The table refuses updates and deletes (migration 0007).

// ErrNoIssued is returned for an issued report that does not exist.
var ErrNoIssued = errors.New("issued report not found")

// AlreadyIssuedError refuses to issue a year's report a second time: the
// council is informed of a year once ("Kommunalbestyrelsen orienteres i
// første kvartal"), and what it was told stays what it was told. Earlier
// is the report issued before.
type AlreadyIssuedError struct {
	Year    int
	Earlier Issued
}

func (e *AlreadyIssuedError) Error() string {
	return fmt.Sprintf("the report for %d was issued already (id %d, %s by %s)", e.Year, e.Earlier.ID,
		e.Earlier.IssuedAt.Format(time.RFC3339), e.Earlier.IssuedBy)
}

// InFirstQuarter reports whether now lies in the first quarter of the
// year after year, when the strategies inform the council of year.
// Issuing at another time is allowed, with a warning.
func InFirstQuarter(year int, now time.Time) bool {
	t := now.In(strategy.Location)
	return t.Year() == year+1 && t.Month() <= time.March
}

// IssuedFor is the report issued for a year, if one is.
func (r *Reports) IssuedFor(ctx context.Context, municipality string, year int) (Issued, bool, error) {
	var is Issued
	err := scanIssued(r.db.QueryRowContext(ctx, `SELECT `+issuedColumns+` FROM issued_reports
		WHERE municipality_id = $1 AND year = $2 ORDER BY issued_at, id LIMIT 1`, municipality, year), &is)
	if errors.Is(err, sql.ErrNoRows) {
		return Issued{}, false, nil
	}
	if err != nil {
		return Issued{}, false, fmt.Errorf("read the report issued for %d: %w", year, err)
	}
	return is, true, nil
}

// Issued is the record of one issued report, without its bytes.
type Issued struct {
	ID           int64
	Municipality string
	Year         int
	Lang         string
	IssuedAt     time.Time
	IssuedBy     string
	// Version is the number of the strategy version it was issued under:
	// the newest at the time.
	Version int
	// PDFSHA256 and HTMLSHA256 fingerprint the stored files.
	PDFSHA256, HTMLSHA256 string
}

// IssueRequest is what issuing needs: the municipality's history, the
// year, the language, when and by whom.
type IssueRequest struct {
	Municipality string
	History      measure.History
	Year         int
	Lang         locale.Printer
	Now          time.Time
	// By names the issuer on the cover (a name or an e-mail); Actor is
	// who the audit log records.
	By    string
	Actor audit.Actor
	// Decisions are the decisions the council is asked for (Issue).
	Decisions string
}

// Issue makes the year's report with the issue on its cover,
// renders it as PDF and HTML, and stores both exactly as rendered, audited
// in the same transaction. A year is issued once: a second time is an
// *AlreadyIssuedError.
func (r *Reports) Issue(ctx context.Context, req IssueRequest) (Issued, error) {
	if earlier, ok, err := r.IssuedFor(ctx, req.Municipality, req.Year); err != nil {
		return Issued{}, err
	} else if ok {
		return Issued{}, &AlreadyIssuedError{Year: req.Year, Earlier: earlier}
	}
	newest := req.History.Newest()
	if newest.ID == 0 {
		return Issued{}, fmt.Errorf("issue the report for %d: the strategy version is not stored", req.Year)
	}
	at := req.Now.UTC().Truncate(time.Second)
	doc, err := r.Make(ctx, req.Lang, req.Municipality, req.History, req.Year, req.Now,
		&Issue{At: at, By: req.By, Version: newest.Number, Decisions: req.Decisions})
	if err != nil {
		return Issued{}, err
	}
	var pdf, html bytes.Buffer
	if err := WritePDF(&pdf, *doc); err != nil {
		return Issued{}, err
	}
	if err := WriteHTML(&html, *doc); err != nil {
		return Issued{}, err
	}
	is := Issued{Municipality: req.Municipality, Year: req.Year, Lang: req.Lang.Lang(), IssuedAt: at, IssuedBy: req.By,
		Version: newest.Number, PDFSHA256: fingerprint(pdf.Bytes()), HTMLSHA256: fingerprint(html.Bytes())}
	var earlier Issued
	err = r.db.InTx(ctx, func(tx *sql.Tx) error {
		// Checked again under a lock on the municipality's row: two
		// instances issuing at once store one report (SQLite's immediate
		// transactions queue writers already).
		if r.db.Engine == store.Postgres {
			if _, err := tx.ExecContext(ctx, `SELECT id FROM municipalities WHERE id = $1 FOR UPDATE`, is.Municipality); err != nil {
				return err
			}
		}
		if err := scanIssued(tx.QueryRowContext(ctx, `SELECT `+issuedColumns+` FROM issued_reports
			WHERE municipality_id = $1 AND year = $2 ORDER BY issued_at, id LIMIT 1`, is.Municipality, is.Year), &earlier); err == nil {
			return &AlreadyIssuedError{Year: is.Year, Earlier: earlier}
		} else if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if err := tx.QueryRowContext(ctx, `INSERT INTO issued_reports (municipality_id, year, lang, issued_at, issued_by,
			strategy_version_id, strategy_version, pdf, pdf_sha256, html, html_sha256)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
			is.Municipality, is.Year, is.Lang, is.IssuedAt, is.IssuedBy, newest.ID, is.Version,
			pdf.Bytes(), is.PDFSHA256, html.Bytes(), is.HTMLSHA256).Scan(&is.ID); err != nil {
			return err
		}
		return audit.Record(ctx, tx, is.Municipality, req.Actor, audit.ReportIssued, strconv.Itoa(is.Year),
			fmt.Sprintf("id %d, version %d, pdf sha256 %s", is.ID, is.Version, is.PDFSHA256))
	})
	var already *AlreadyIssuedError
	if errors.As(err, &already) {
		return Issued{}, err
	}
	if err != nil {
		return Issued{}, fmt.Errorf("store the issued report for %d: %w", req.Year, err)
	}
	return is, nil
}

func fingerprint(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

const issuedColumns = `id, municipality_id, year, lang, issued_at, issued_by, strategy_version, pdf_sha256, html_sha256`

func scanIssued(row interface{ Scan(...any) error }, is *Issued) error {
	return row.Scan(&is.ID, &is.Municipality, &is.Year, &is.Lang, &is.IssuedAt, &is.IssuedBy, &is.Version,
		&is.PDFSHA256, &is.HTMLSHA256)
}

// Issued lists a municipality's issued reports, newest first.
func (r *Reports) Issued(ctx context.Context, municipality string) ([]Issued, error) {
	rows, err := r.db.QueryContext(ctx, `SELECT `+issuedColumns+` FROM issued_reports
		WHERE municipality_id = $1 ORDER BY issued_at DESC, id DESC`, municipality)
	if err != nil {
		return nil, fmt.Errorf("list the issued reports of %s: %w", municipality, err)
	}
	defer rows.Close()
	var out []Issued
	for rows.Next() {
		var is Issued
		if err := scanIssued(rows, &is); err != nil {
			return nil, err
		}
		out = append(out, is)
	}
	return out, rows.Err()
}

// Formats an issued report is stored in.
const (
	FormatPDF  = "pdf"
	FormatHTML = "html"
)

// IssuedFile returns an issued report and its stored bytes in a format,
// exactly as issued.
func (r *Reports) IssuedFile(ctx context.Context, municipality string, id int64, format string) (Issued, []byte, error) {
	column := map[string]string{FormatPDF: "pdf", FormatHTML: "html"}[format]
	if column == "" {
		return Issued{}, nil, fmt.Errorf("%w: format %q", ErrNoIssued, format)
	}
	var is Issued
	var data []byte
	err := r.db.QueryRowContext(ctx, `SELECT `+issuedColumns+`, `+column+` FROM issued_reports
		WHERE municipality_id = $1 AND id = $2`, municipality, id).
		Scan(&is.ID, &is.Municipality, &is.Year, &is.Lang, &is.IssuedAt, &is.IssuedBy, &is.Version,
			&is.PDFSHA256, &is.HTMLSHA256, &data)
	if errors.Is(err, sql.ErrNoRows) {
		return Issued{}, nil, fmt.Errorf("%w: %s %d", ErrNoIssued, municipality, id)
	}
	if err != nil {
		return Issued{}, nil, fmt.Errorf("read the issued report %d of %s: %w", id, municipality, err)
	}
	return is, data, nil
}

// StyleHashOf is the Content-Security-Policy source that allows the inline
// stylesheet of a stored HTML report: the one it was issued with, which
// a later Kanal's stylesheet may differ from.
func StyleHashOf(html []byte) string {
	start := bytes.Index(html, []byte("<style>"))
	end := bytes.Index(html, []byte("</style>"))
	if start < 0 || end < start {
		return ""
	}
	sum := sha256.Sum256(html[start+len("<style>") : end])
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

// Package departmentreport owns the departments' yearly reports on the
// channel strategy (Dragør: "Afdelingerne udarbejder årligt en rapport om
// de iværksatte tiltag i forbindelse med implementering af kanalstrategien
// og de påregnede eller aktuelle effekter af disse tiltag"): the
// department's own texts, stored and versioned per municipality,
// department and year, and the report that joins them to the actions the
// action plan completed in the year and the department's targets against
// its measured values, as a page and as a PDF.
package departmentreport

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/store"
)

// Status is where a department's report stands.
type Status string

// The statuses of a report. A report nobody has saved is NotWritten.
const (
	NotWritten Status = ""
	// Written: saved, still being written by the department.
	Written Status = "written"
	// Submitted: handed to the strategy group for the council report.
	Submitted Status = "submitted"
)

// Texts is one version of a department's own texts for a year.
type Texts struct {
	Municipality string
	Department   string
	Year         int
	// Version counts the saved versions from 1; 0 is a report not saved.
	Version int
	Status  Status
	// Done is what the department did in the year, Effect its comments on
	// the measured effect, NextYear its plan for the next year.
	Done, Effect, NextYear string
	Changed                time.Time
	ChangedBy              string
}

// MaxText is the longest text a field may hold, in characters.
const MaxText = 20000

// FieldError is a text refused at its field; Code names why: "required",
// "too_long" or "status".
type FieldError struct {
	Field, Code string
}

func (e *FieldError) Error() string { return fmt.Sprintf("department report: %s %s", e.Field, e.Code) }

// ErrStale is returned when another version was saved since the one the
// writer started from.
var ErrStale = errors.New("department report: saved by someone else meanwhile")

// Reports stores the departments' texts.
type Reports struct {
	db  *store.DB
	now func() time.Time
}

// New returns the reports in db; now is the clock (time.Now when nil).
func New(db *store.DB, now func() time.Time) *Reports {
	if now == nil {
		now = time.Now
	}
	return &Reports{db: db, now: now}
}

const columns = `municipality_id, department_id, year, version, status, done_text, effect_text, next_year_text, changed_at, changed_by`

func scan(row interface{ Scan(...any) error }) (Texts, error) {
	var t Texts
	var status string
	err := row.Scan(&t.Municipality, &t.Department, &t.Year, &t.Version, &status, &t.Done, &t.Effect, &t.NextYear,
		&t.Changed, &t.ChangedBy)
	t.Status, t.Changed = Status(status), t.Changed.UTC()
	return t, err
}

// Texts is the newest version of a department's texts for a year; when
// none is saved, Texts with Version 0 and status NotWritten.
func (r *Reports) Texts(ctx context.Context, municipality, department string, year int) (Texts, error) {
	t, err := scan(r.db.QueryRowContext(ctx, `SELECT `+columns+` FROM department_reports
		WHERE municipality_id = $1 AND department_id = $2 AND year = $3 ORDER BY version DESC LIMIT 1`,
		municipality, department, year))
	if errors.Is(err, sql.ErrNoRows) {
		return Texts{Municipality: municipality, Department: department, Year: year}, nil
	}
	if err != nil {
		return Texts{}, fmt.Errorf("read the %d report of %s/%s: %w", year, municipality, department, err)
	}
	return t, nil
}

// Versions are every saved version of a department's texts for a year,
// newest first.
func (r *Reports) Versions(ctx context.Context, municipality, department string, year int) ([]Texts, error) {
	return r.list(ctx, `SELECT `+columns+` FROM department_reports
		WHERE municipality_id = $1 AND department_id = $2 AND year = $3 ORDER BY version DESC`,
		municipality, department, year)
}

// All are the newest versions of every saved report of a municipality,
// by year and department.
func (r *Reports) All(ctx context.Context, municipality string) ([]Texts, error) {
	return r.list(ctx, `SELECT `+columns+` FROM department_reports d
		WHERE municipality_id = $1 AND version = (SELECT MAX(version) FROM department_reports n
			WHERE n.municipality_id = d.municipality_id AND n.department_id = d.department_id AND n.year = d.year)
		ORDER BY year, department_id`, municipality)
}

func (r *Reports) list(ctx context.Context, query string, args ...any) ([]Texts, error) {
	rows, err := r.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("list department reports of %v: %w", args[0], err)
	}
	defer rows.Close()
	var out []Texts
	for rows.Next() {
		t, err := scan(rows)
		if err != nil {
			return nil, fmt.Errorf("list department reports of %v: %w", args[0], err)
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// Check refuses texts that cannot be saved, at their field: a status
// other than written or submitted, a text over MaxText, and a report
// submitted without all three texts.
func Check(t Texts) error {
	if t.Status != Written && t.Status != Submitted {
		return &FieldError{Field: "status", Code: "status"}
	}
	for _, f := range []struct {
		field, text string
	}{{"done", t.Done}, {"effect", t.Effect}, {"next_year", t.NextYear}} {
		if utf8.RuneCountInString(f.text) > MaxText {
			return &FieldError{Field: f.field, Code: "too_long"}
		}
		if t.Status == Submitted && strings.TrimSpace(f.text) == "" {
			return &FieldError{Field: f.field, Code: "required"}
		}
	}
	return nil
}

// Save stores t as the next version of the department's texts for the
// year, audited in the same transaction. t.Version is the version the
// writer started from: when another was saved since, ErrStale.
func (r *Reports) Save(ctx context.Context, actor audit.Actor, t Texts) (Texts, error) {
	if err := Check(t); err != nil {
		return Texts{}, err
	}
	if t.Year < 2000 || t.Year > 2100 {
		return Texts{}, &FieldError{Field: "year", Code: "status"}
	}
	base := t.Version
	t.Changed, t.ChangedBy = r.now().UTC().Truncate(time.Microsecond), actor.Name
	err := r.db.InTx(ctx, func(tx *sql.Tx) error {
		var newest int
		if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM department_reports
			WHERE municipality_id = $1 AND department_id = $2 AND year = $3`,
			t.Municipality, t.Department, t.Year).Scan(&newest); err != nil {
			return err
		}
		if newest != base {
			return ErrStale
		}
		t.Version = newest + 1
		if _, err := tx.ExecContext(ctx, `INSERT INTO department_reports (`+columns+`)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
			t.Municipality, t.Department, t.Year, t.Version, string(t.Status), t.Done, t.Effect, t.NextYear,
			t.Changed, t.ChangedBy); err != nil {
			return err
		}
		return audit.Record(ctx, tx, t.Municipality, actor, audit.DepartmentReportSaved,
			t.Department+"/"+strconv.Itoa(t.Year), fmt.Sprintf("version %d, %s", t.Version, t.Status))
	})
	if err != nil {
		if errors.Is(err, ErrStale) {
			return Texts{}, err
		}
		return Texts{}, fmt.Errorf("save the %d report of %s/%s: %w", t.Year, t.Municipality, t.Department, err)
	}
	return t, nil
}

// Due is the last day of a department's report for year: the end of the
// first quarter of the next year, when the council is informed of the
// year (Dragør: "Kommunalbestyrelsen orienteres i første kvartal").
func Due(year int) civil.Date { return civil.NewDate(year+1, time.March, 31) }

// Package answers owns the answer pages of the citizen portal ("Find
// svar"): per municipality and service area one short page written by
// the area's department in plain language, in a restricted Markdown that
// renders to sanitised HTML (markdown.go). Every save is a new version
// with who and when; a page records when it was last reviewed, and pages
// not reviewed for 12 months are listed for their department. The
// package also finds answers and areas by words (search.go) and counts
// the portal's web activity per day and area: views of a page and the
// answers to "Fandt du svaret?" (activity.go).
package answers

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/kanal-dk/kanal/internal/store"
)

// Limits of a page's text.
const (
	TitleMax = 120
	BodyMax  = 20000
)

// StaleAfter is how long a page may go unreviewed before it is listed as
// due: 12 months.
const StaleAfter = 12

// ErrNotFound is the answer for an area without a page.
var ErrNotFound = errors.New("no answer page")

// Content is what the department writes: the title and body in Danish
// and, optionally, in English (both or neither).
type Content struct {
	Title, Body     string
	TitleEN, BodyEN string
}

// HasEnglish reports whether the page has an English version.
func (c Content) HasEnglish() bool { return c.TitleEN != "" }

// In is the title and body in a language: English where there is an
// English version, else Danish.
func (c Content) In(lang string) (title, body, shown string) {
	if lang == "en" && c.HasEnglish() {
		return c.TitleEN, c.BodyEN, "en"
	}
	return c.Title, c.Body, "da"
}

// Page is the current version of an area's answer page.
type Page struct {
	Municipality, Area string
	Version            int
	Content
	Example    bool
	SavedBy    string
	SavedAt    time.Time
	ReviewedBy string
	ReviewedAt time.Time
}

// Version is one saved version of a page.
type Version struct {
	Version int
	Content
	Example bool
	SavedBy string
	SavedAt time.Time
}

// FieldError is a problem with one field of a page: title or body.
// Line is the body's line, 0 for the field as a whole; Key the
// catalogue key of the message and Arg its argument.
type FieldError struct {
	Field string
	Line  int
	Key   string
	Arg   string
}

func (e FieldError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s %q", e.Field, e.Line, e.Key, e.Arg)
	}
	return fmt.Sprintf("%s: %s", e.Field, e.Key)
}

// Invalid is a page Save refused, with every problem.
type Invalid []FieldError

func (e Invalid) Error() string {
	parts := make([]string, len(e))
	for i, f := range e {
		parts[i] = f.Error()
	}
	return "answer page refused: " + strings.Join(parts, "; ")
}

// Answers are the answer pages and the web activity, in the database.
type Answers struct {
	db *store.DB
	// Now is the clock; time.Now when nil.
	Now func() time.Time
}

// New returns the answer pages on db.
func New(db *store.DB) *Answers { return &Answers{db: db} }

func (a *Answers) now() time.Time {
	if a.Now != nil {
		return a.Now().UTC()
	}
	return time.Now().UTC()
}

// Validate returns the problems of a page: the Danish title and body are
// required; the English ones are optional, but one without the other is
// refused.
func Validate(c Content) Invalid {
	bad := validateText("title", "body", c.Title, c.Body)
	if c.TitleEN != "" || c.BodyEN != "" {
		bad = append(bad, validateText("title_en", "body_en", c.TitleEN, c.BodyEN)...)
	}
	return bad
}

// validateText checks one language's title and body, naming the fields.
func validateText(titleField, bodyField, title, body string) Invalid {
	var bad Invalid
	switch {
	case strings.TrimSpace(title) == "":
		bad = append(bad, FieldError{Field: titleField, Key: "answers.error.title_missing"})
	case utf8.RuneCountInString(title) > TitleMax:
		bad = append(bad, FieldError{Field: titleField, Key: "answers.error.title_long", Arg: fmt.Sprint(TitleMax)})
	case store.CheckText(title) != nil:
		bad = append(bad, FieldError{Field: titleField, Key: "answers.error.bad_text"})
	}
	switch {
	case strings.TrimSpace(body) == "":
		bad = append(bad, FieldError{Field: bodyField, Key: "answers.error.body_missing"})
	case utf8.RuneCountInString(body) > BodyMax:
		bad = append(bad, FieldError{Field: bodyField, Key: "answers.error.body_long", Arg: fmt.Sprint(BodyMax)})
	case store.CheckLines(body) != nil:
		bad = append(bad, FieldError{Field: bodyField, Key: "answers.error.bad_text"})
	default:
		for _, p := range Check(body) {
			bad = append(bad, FieldError{Field: bodyField, Line: p.Line, Key: p.Key, Arg: p.Arg})
		}
	}
	return bad
}

// tidy trims what a browser's form adds: spaces around the titles, CRLF
// and trailing blank lines in the bodies.
func (c Content) tidy() Content {
	body := func(s string) string { return strings.TrimRight(strings.ReplaceAll(s, "\r\n", "\n"), "\n ") }
	return Content{Title: strings.TrimSpace(c.Title), Body: body(c.Body),
		TitleEN: strings.TrimSpace(c.TitleEN), BodyEN: body(c.BodyEN)}
}

// Save stores a new version of an area's page and makes it current; a
// save is also a review. It refuses a page Validate finds problems in
// (Invalid) and returns the page as saved.
func (a *Answers) Save(ctx context.Context, municipality, area string, c Content, example bool, by string) (Page, error) {
	c = c.tidy()
	if bad := Validate(c); len(bad) > 0 {
		return Page{}, bad
	}
	return a.save(ctx, municipality, area, c, example, by, a.now().Truncate(time.Second))
}

// SaveAt is Save at a given time, for the demo's pages written in the
// past.
func (a *Answers) SaveAt(ctx context.Context, municipality, area string, c Content, example bool, by string, at time.Time) (Page, error) {
	c = c.tidy()
	if bad := Validate(c); len(bad) > 0 {
		return Page{}, bad
	}
	return a.save(ctx, municipality, area, c, example, by, at.UTC().Truncate(time.Second))
}

func (a *Answers) save(ctx context.Context, municipality, area string, c Content, example bool, by string, at time.Time) (Page, error) {
	p := Page{Municipality: municipality, Area: area, Content: c, Example: example,
		SavedBy: by, SavedAt: at, ReviewedBy: by, ReviewedAt: at}
	err := a.db.InTx(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) + 1 FROM answer_versions
			WHERE municipality_id = $1 AND area_id = $2`, municipality, area).Scan(&p.Version); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO answer_versions
			(municipality_id, area_id, version, title, body, title_en, body_en, example, saved_by, saved_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
			municipality, area, p.Version, c.Title, c.Body, c.TitleEN, c.BodyEN, example, by, at); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO answer_pages (municipality_id, area_id, version, reviewed_by, reviewed_at)
			VALUES ($1, $2, $3, $4, $5)
			ON CONFLICT (municipality_id, area_id) DO UPDATE SET version = excluded.version,
				reviewed_by = excluded.reviewed_by, reviewed_at = excluded.reviewed_at`,
			municipality, area, p.Version, by, at)
		return err
	})
	if err != nil {
		return Page{}, fmt.Errorf("save answer page %s/%s: %w", municipality, area, err)
	}
	return p, nil
}

// Review records that the page was read and needs no change ("Gennemset
// – intet at rette"), without a new version.
func (a *Answers) Review(ctx context.Context, municipality, area, by string) error {
	res, err := a.db.ExecContext(ctx, `UPDATE answer_pages SET reviewed_by = $1, reviewed_at = $2
		WHERE municipality_id = $3 AND area_id = $4`, by, a.now().Truncate(time.Second), municipality, area)
	if err != nil {
		return fmt.Errorf("review answer page %s/%s: %w", municipality, area, err)
	}
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		return ErrNotFound
	}
	return nil
}

const pageColumns = `p.municipality_id, p.area_id, p.version, v.title, v.body, v.title_en, v.body_en, v.example, v.saved_by, v.saved_at, p.reviewed_by, p.reviewed_at
	FROM answer_pages p JOIN answer_versions v
	ON v.municipality_id = p.municipality_id AND v.area_id = p.area_id AND v.version = p.version`

func scanPage(sc interface{ Scan(...any) error }) (Page, error) {
	var p Page
	err := sc.Scan(&p.Municipality, &p.Area, &p.Version, &p.Title, &p.Body, &p.TitleEN, &p.BodyEN, &p.Example, &p.SavedBy, &p.SavedAt, &p.ReviewedBy, &p.ReviewedAt)
	p.SavedAt, p.ReviewedAt = p.SavedAt.UTC(), p.ReviewedAt.UTC()
	return p, err
}

// Get returns an area's current page, or ErrNotFound.
func (a *Answers) Get(ctx context.Context, municipality, area string) (Page, error) {
	p, err := scanPage(a.db.QueryRowContext(ctx, `SELECT `+pageColumns+`
		WHERE p.municipality_id = $1 AND p.area_id = $2`, municipality, area))
	if errors.Is(err, sql.ErrNoRows) {
		return Page{}, ErrNotFound
	}
	if err != nil {
		return Page{}, fmt.Errorf("read answer page %s/%s: %w", municipality, area, err)
	}
	return p, nil
}

// List returns a municipality's current pages by area id.
func (a *Answers) List(ctx context.Context, municipality string) (map[string]Page, error) {
	rows, err := a.db.QueryContext(ctx, `SELECT `+pageColumns+` WHERE p.municipality_id = $1`, municipality)
	if err != nil {
		return nil, fmt.Errorf("list answer pages of %s: %w", municipality, err)
	}
	defer rows.Close()
	out := map[string]Page{}
	for rows.Next() {
		p, err := scanPage(rows)
		if err != nil {
			return nil, fmt.Errorf("list answer pages of %s: %w", municipality, err)
		}
		out[p.Area] = p
	}
	return out, rows.Err()
}

// Versions returns every version of an area's page, the newest first.
func (a *Answers) Versions(ctx context.Context, municipality, area string) ([]Version, error) {
	rows, err := a.db.QueryContext(ctx, `SELECT version, title, body, title_en, body_en, example, saved_by, saved_at FROM answer_versions
		WHERE municipality_id = $1 AND area_id = $2 ORDER BY version DESC`, municipality, area)
	if err != nil {
		return nil, fmt.Errorf("list versions of answer page %s/%s: %w", municipality, area, err)
	}
	defer rows.Close()
	var out []Version
	for rows.Next() {
		var v Version
		if err := rows.Scan(&v.Version, &v.Title, &v.Body, &v.TitleEN, &v.BodyEN, &v.Example, &v.SavedBy, &v.SavedAt); err != nil {
			return nil, err
		}
		v.SavedAt = v.SavedAt.UTC()
		out = append(out, v)
	}
	return out, rows.Err()
}

// Due reports whether a page reviewed at reviewed is due for review at
// now: it was last reviewed 12 months or more ago.
func Due(reviewed, now time.Time) bool {
	return !reviewed.AddDate(0, StaleAfter, 0).After(now)
}

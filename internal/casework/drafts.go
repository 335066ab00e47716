package casework

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/kanal-dk/kanal/internal/inquiry"
)

// DraftDays is how long a draft is kept after it was last saved.
const DraftDays = 30

// Draft is a signed-in citizen's unfinished form.
type Draft struct {
	Form    string
	Step    int
	Answers map[string]string
	Saved   time.Time
}

// cprHash is what a draft is kept under instead of the CPR number: the
// SHA-256 of the municipality and the number as ten digits.
func cprHash(municipality, cpr string) (string, bool) {
	digits, ok := cprDigits(cpr)
	if !ok {
		return "", false
	}
	sum := sha256.Sum256([]byte(municipality + "\x00" + digits))
	return hex.EncodeToString(sum[:]), true
}

// SaveDraft keeps a citizen's draft of a form, replacing an earlier one,
// for DraftDays from now (d.Saved is set to now). A CPR number that is
// none, or answers that cannot be stored, are an *InvalidError.
func (c *Cases) SaveDraft(ctx context.Context, municipality, cpr string, d Draft) error {
	hash, ok := cprHash(municipality, cpr)
	if !ok {
		return &InvalidError{Fields: []inquiry.FieldError{{Field: "cpr", Rule: RuleBadCPR}}}
	}
	check := Submission{Form: d.Form, Answers: d.Answers}
	if err := checkSubmission(&check); err != nil {
		return err
	}
	if d.Step < 0 {
		d.Step = 0
	}
	if d.Answers == nil {
		d.Answers = map[string]string{}
	}
	answers, err := json.Marshal(d.Answers)
	if err != nil {
		return err
	}
	now := c.now()
	_, err = c.db.ExecContext(ctx, `INSERT INTO case_drafts (municipality_id, cpr_hash, form, step, answers, saved_at, expires_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7)
		ON CONFLICT (municipality_id, cpr_hash, form) DO UPDATE SET
			step = excluded.step, answers = excluded.answers, saved_at = excluded.saved_at, expires_at = excluded.expires_at`,
		municipality, hash, d.Form, d.Step, string(answers), now, now.AddDate(0, 0, DraftDays))
	if err != nil {
		return fmt.Errorf("save draft: %w", err)
	}
	return nil
}

// LoadDraft returns the citizen's draft of a form, or nil when there is
// none or it has expired.
func (c *Cases) LoadDraft(ctx context.Context, municipality, cpr, form string) (*Draft, error) {
	hash, ok := cprHash(municipality, cpr)
	if !ok {
		return nil, nil
	}
	d := Draft{Form: form}
	var answers string
	err := c.db.QueryRowContext(ctx, `SELECT step, answers, saved_at FROM case_drafts
		WHERE municipality_id = $1 AND cpr_hash = $2 AND form = $3 AND expires_at > $4`,
		municipality, hash, form, c.now()).Scan(&d.Step, &answers, &d.Saved)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("load draft: %w", err)
	}
	d.Saved = d.Saved.UTC()
	if err := json.Unmarshal([]byte(answers), &d.Answers); err != nil {
		return nil, fmt.Errorf("load draft: answers: %w", err)
	}
	return &d, nil
}

// DeleteDraft removes it.
func (c *Cases) DeleteDraft(ctx context.Context, municipality, cpr, form string) error {
	hash, ok := cprHash(municipality, cpr)
	if !ok {
		return nil
	}
	if _, err := c.db.ExecContext(ctx, `DELETE FROM case_drafts WHERE municipality_id = $1 AND cpr_hash = $2 AND form = $3`,
		municipality, hash, form); err != nil {
		return fmt.Errorf("delete draft: %w", err)
	}
	return nil
}

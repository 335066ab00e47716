package businesscase

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/kanal-dk/kanal/internal/audit"
)

// ErrNotFound is a case the municipality does not have.
var ErrNotFound = errors.New("business case not found")

// Problem is one fault of a case to be saved: the field (title, solution,
// area, or a scenario's name or JSON field with Scenario its index, from
// 0; -1 for the case's own fields), the catalogue key of the message and
// its arguments.
type Problem struct {
	Scenario int
	Field    string
	Key      string
	Args     []any
}

// Invalid is a case refused with its problems.
type Invalid []Problem

func (v Invalid) Error() string {
	var parts []string
	for _, p := range v {
		parts = append(parts, fmt.Sprintf("%d.%s: %s", p.Scenario, p.Field, p.Key))
	}
	return "business case: " + strings.Join(parts, "; ")
}

// The longest texts of a case and the most scenarios one holds.
const (
	MaxText      = 200
	MaxScenarios = 6
)

// Validate returns the case's problems: a title and an area, one to
// MaxScenarios scenarios, each named (names unique) with its input in
// range and assisted figures not negative.
func Validate(c Case) Invalid {
	var bad Invalid
	own := func(field, key string, args ...any) { bad = append(bad, Problem{-1, field, key, args}) }
	if strings.TrimSpace(c.Title) == "" {
		own("title", "businesscase.error.required")
	} else if len([]rune(c.Title)) > MaxText {
		own("title", "businesscase.error.long", MaxText)
	}
	if len([]rune(c.Solution)) > MaxText {
		own("solution", "businesscase.error.long", MaxText)
	}
	if c.Area == "" {
		own("area", "businesscase.error.required")
	}
	if len(c.Scenarios) == 0 || len(c.Scenarios) > MaxScenarios {
		own("scenarios", "businesscase.error.scenarios", MaxScenarios)
	}
	names := map[string]bool{}
	for i, s := range c.Scenarios {
		name := strings.TrimSpace(s.Name)
		switch {
		case name == "":
			bad = append(bad, Problem{i, "name", "businesscase.error.required", nil})
		case names[name]:
			bad = append(bad, Problem{i, "name", "businesscase.error.same_name", nil})
		case len([]rune(name)) > MaxText:
			bad = append(bad, Problem{i, "name", "businesscase.error.long", []any{MaxText}})
		}
		names[name] = true
		if e := s.Input.Check(); e != nil {
			bad = append(bad, Problem{i, e.Field, "businesscase.error." + e.Rule, e.Args})
		}
		for _, f := range []struct {
			field string
			v     float64
		}{{"assisted_volume", s.AssistedVolume}, {"assisted_minutes", s.AssistedMinutes}, {"staff_hour_dkk", s.StaffHourDKK}} {
			if !(f.v >= 0) || f.v > 1e12 {
				bad = append(bad, Problem{i, f.field, "businesscase.error.min", []any{0}})
			}
		}
	}
	return bad
}

// Save stores a new version of the case, audited in the same
// transaction: c.ID zero makes a new case, else a version of c.ID of the
// municipality. It returns the case as saved.
func (cs *Cases) Save(ctx context.Context, c Case, actor audit.Actor) (Case, error) {
	return cs.save(ctx, c, actor, cs.now())
}

// SaveAt is Save at a given time, for the demo's cases written in the
// past.
func (cs *Cases) SaveAt(ctx context.Context, c Case, actor audit.Actor, at time.Time) (Case, error) {
	return cs.save(ctx, c, actor, at)
}

func (cs *Cases) save(ctx context.Context, c Case, actor audit.Actor, at time.Time) (Case, error) {
	c.Title, c.Solution = strings.TrimSpace(c.Title), strings.TrimSpace(c.Solution)
	for i := range c.Scenarios {
		c.Scenarios[i].Name = strings.TrimSpace(c.Scenarios[i].Name)
	}
	if bad := Validate(c); len(bad) > 0 {
		return Case{}, bad
	}
	scenarios, err := json.Marshal(c.Scenarios)
	if err != nil {
		return Case{}, err
	}
	c.Changed, c.ChangedBy = at.UTC().Truncate(time.Second), actor.Name
	err = cs.db.InTx(ctx, func(tx *sql.Tx) error {
		if c.ID == 0 {
			c.Version = 1
			if err := tx.QueryRowContext(ctx, `INSERT INTO business_cases (municipality_id, area, version, demo)
				VALUES ($1, $2, 1, $3) RETURNING id`, c.Municipality, c.Area, c.Demo).Scan(&c.ID); err != nil {
				return err
			}
		} else {
			if err := tx.QueryRowContext(ctx, `UPDATE business_cases SET version = version + 1
				WHERE id = $1 AND municipality_id = $2 RETURNING version, area, demo, COALESCE(approved_version, 0)`,
				c.ID, c.Municipality).Scan(&c.Version, &c.Area, &c.Demo, &c.ApprovedVersion); errors.Is(err, sql.ErrNoRows) {
				return ErrNotFound
			} else if err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO business_case_versions
			(case_id, version, title, solution, scenarios, saved_by, saved_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
			c.ID, c.Version, c.Title, c.Solution, string(scenarios), c.ChangedBy, c.Changed); err != nil {
			return err
		}
		return audit.Record(ctx, tx, c.Municipality, actor, audit.BusinessCaseSaved, strconv.FormatInt(c.ID, 10),
			fmt.Sprintf("version %d, area %s", c.Version, c.Area))
	})
	if err != nil {
		if errors.Is(err, ErrNotFound) {
			return Case{}, err
		}
		return Case{}, fmt.Errorf("save business case %s/%d: %w", c.Municipality, c.ID, err)
	}
	c.Approved, c.ApprovedBy = time.Time{}, ""
	return c, nil
}

// Approve records the strategy group's approval of the case's version
// (which must be its newest: the approver saw those figures), audited.
func (cs *Cases) Approve(ctx context.Context, municipality string, id int64, version int, actor audit.Actor) error {
	at := cs.now().UTC().Truncate(time.Second)
	err := cs.db.InTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE business_cases SET approved_version = version, approved_at = $1, approved_by = $2
			WHERE id = $3 AND municipality_id = $4 AND version = $5`, at, actor.Name, id, municipality, version)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			return ErrNotFound
		}
		return audit.Record(ctx, tx, municipality, actor, audit.BusinessCaseApproved, strconv.FormatInt(id, 10),
			fmt.Sprintf("version %d", version))
	})
	if err != nil && !errors.Is(err, ErrNotFound) {
		return fmt.Errorf("approve business case %s/%d: %w", municipality, id, err)
	}
	return err
}

const caseColumns = `c.id, c.municipality_id, c.area, v.version, v.title, v.solution, v.scenarios, v.saved_by, v.saved_at,
	COALESCE(c.approved_version, 0), c.approved_at, COALESCE(c.approved_by, ''), c.demo
	FROM business_cases c JOIN business_case_versions v ON v.case_id = c.id`

func scanCase(sc interface{ Scan(...any) error }) (Case, error) {
	var c Case
	var scenarios string
	var approved sql.NullTime
	if err := sc.Scan(&c.ID, &c.Municipality, &c.Area, &c.Version, &c.Title, &c.Solution, &scenarios, &c.ChangedBy,
		&c.Changed, &c.ApprovedVersion, &approved, &c.ApprovedBy, &c.Demo); err != nil {
		return Case{}, err
	}
	c.Changed = c.Changed.UTC()
	if err := json.Unmarshal([]byte(scenarios), &c.Scenarios); err != nil {
		return Case{}, fmt.Errorf("read scenarios of business case %d: %w", c.ID, err)
	}
	// The approval is this version's only when it was given to it.
	if approved.Valid && c.ApprovedVersion == c.Version {
		c.Approved = approved.Time.UTC()
	} else {
		c.ApprovedBy = ""
	}
	return c, nil
}

func (cs *Cases) list(ctx context.Context, query string, args ...any) ([]Case, error) {
	rows, err := cs.db.QueryContext(ctx, `SELECT `+caseColumns+` `+query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Case
	for rows.Next() {
		c, err := scanCase(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// All are the municipality's cases, newest version of each, by area and
// number.
func (c *Cases) All(ctx context.Context, municipality string) ([]Case, error) {
	out, err := c.list(ctx, `WHERE c.municipality_id = $1 AND v.version = c.version ORDER BY c.area, c.id`, municipality)
	if err != nil {
		return nil, fmt.Errorf("list business cases of %s: %w", municipality, err)
	}
	return out, nil
}

// Get is a case's newest version, or ErrNotFound.
func (c *Cases) Get(ctx context.Context, municipality string, id int64) (Case, error) {
	out, err := c.list(ctx, `WHERE c.municipality_id = $1 AND c.id = $2 AND v.version = c.version`, municipality, id)
	if err != nil {
		return Case{}, fmt.Errorf("read business case %s/%d: %w", municipality, id, err)
	}
	if len(out) == 0 {
		return Case{}, ErrNotFound
	}
	return out[0], nil
}

// Versions are every version of a case, newest first.
func (c *Cases) Versions(ctx context.Context, municipality string, id int64) ([]Case, error) {
	out, err := c.list(ctx, `WHERE c.municipality_id = $1 AND c.id = $2 ORDER BY v.version DESC`, municipality, id)
	if err != nil {
		return nil, fmt.Errorf("read versions of business case %s/%d: %w", municipality, id, err)
	}
	return out, nil
}

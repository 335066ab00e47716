package plan

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// ErrNotFound is the answer for a department the strategy does not have,
// or a version that was never saved.
var ErrNotFound = errors.New("plan: not found")

// ErrStale is the answer for approving a version that is no longer the
// newest: someone saved the plan after the approver read it.
var ErrStale = errors.New("plan: a newer version was saved")

// ErrStatus is the answer for a step the plan's status does not allow
// (submitting an approved plan).
var ErrStatus = errors.New("plan: not allowed in the plan's status")

// Plans stores the departments' plans.
type Plans struct {
	db  *store.DB
	now func() time.Time
}

// New returns the plans in db; now is the clock (time.Now when nil).
func New(db *store.DB, now func() time.Time) *Plans {
	if now == nil {
		now = time.Now
	}
	return &Plans{db: db, now: now}
}

// document is a version as stored: the plan's content as JSON.
type document struct {
	Deadline string         `json:"deadline,omitempty"`
	Channels []AreaChannels `json:"channels"`
	Targets  []Target       `json:"targets"`
	Barriers []Barrier      `json:"barriers"`
	Actions  []storedAction `json:"actions"`
}

// storedAction is an Action with its dates as text.
type storedAction struct {
	ID        int          `json:"id"`
	Title     string       `json:"title"`
	Owner     string       `json:"owner"`
	Area      string       `json:"area,omitempty"`
	Deadline  string       `json:"deadline"`
	Status    ActionStatus `json:"status"`
	Completed string       `json:"completed,omitempty"`
	Indicator string       `json:"indicator"`
}

func dateText(d civil.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

func parseDate(s string) (civil.Date, error) {
	if s == "" {
		return civil.Date{}, nil
	}
	return civil.ParseDate(s)
}

func encode(p Plan) ([]byte, error) {
	d := document{Deadline: dateText(p.Deadline), Channels: p.Channels, Targets: p.Targets, Barriers: p.Barriers}
	for _, a := range p.Actions {
		d.Actions = append(d.Actions, storedAction{a.ID, a.Title, a.Owner, a.Area, dateText(a.Deadline), a.Status, dateText(a.Completed), a.Indicator})
	}
	return json.Marshal(d)
}

func decode(data []byte, p *Plan) error {
	var d document
	if err := json.Unmarshal(data, &d); err != nil {
		return err
	}
	var err error
	if p.Deadline, err = parseDate(d.Deadline); err != nil {
		return err
	}
	p.Channels, p.Targets, p.Barriers = d.Channels, d.Targets, d.Barriers
	for _, a := range d.Actions {
		x := Action{ID: a.ID, Title: a.Title, Owner: a.Owner, Area: a.Area, Status: a.Status, Indicator: a.Indicator}
		if x.Deadline, err = parseDate(a.Deadline); err != nil {
			return err
		}
		if x.Completed, err = parseDate(a.Completed); err != nil {
			return err
		}
		p.Actions = append(p.Actions, x)
	}
	return nil
}

// Current is the department's newest plan; when none is saved, the plan
// proposed from the strategy s (Version 0: the strategy's default
// channels for the department's areas, no actions).
func (p *Plans) Current(ctx context.Context, s *strategy.Strategy, municipality, department string) (Plan, error) {
	if _, ok := s.Department(department); !ok {
		return Plan{}, ErrNotFound
	}
	all, err := p.saved(ctx, municipality, department)
	if err != nil {
		return Plan{}, err
	}
	if pl, ok := all[department]; ok {
		return pl, nil
	}
	return Propose(s, municipality, department), nil
}

// All are the current plans of every department of the strategy, in the
// strategy's order of departments.
func (p *Plans) All(ctx context.Context, s *strategy.Strategy, municipality string) ([]Plan, error) {
	all, err := p.saved(ctx, municipality, "")
	if err != nil {
		return nil, err
	}
	out := make([]Plan, 0, len(s.Departments))
	for _, d := range s.Departments {
		if pl, ok := all[d.ID]; ok {
			out = append(out, pl)
		} else {
			out = append(out, Propose(s, municipality, d.ID))
		}
	}
	return out, nil
}

// saved reads the newest saved plans of a municipality by department,
// of one department when department is not "".
func (p *Plans) saved(ctx context.Context, municipality, department string) (map[string]Plan, error) {
	rows, err := p.db.QueryContext(ctx, `SELECT h.department_id, h.version, h.status, h.approved_version,
		v.document, v.demo, v.saved_by, v.saved_at
		FROM plans h JOIN plan_versions v ON v.municipality_id = h.municipality_id
			AND v.department_id = h.department_id AND v.version = h.version
		WHERE h.municipality_id = $1 AND ($2 = '' OR h.department_id = $2)`, municipality, department)
	if err != nil {
		return nil, fmt.Errorf("read plans of %s: %w", municipality, err)
	}
	defer rows.Close()
	out := map[string]Plan{}
	for rows.Next() {
		pl := Plan{Municipality: municipality}
		var doc string
		if err := rows.Scan(&pl.Department, &pl.Version, &pl.Status, &pl.ApprovedVersion, &doc, &pl.Demo, &pl.ChangedBy, &pl.Changed); err != nil {
			return nil, fmt.Errorf("read plans of %s: %w", municipality, err)
		}
		if err := decode([]byte(doc), &pl); err != nil {
			return nil, fmt.Errorf("read plan %s/%s v%d: %w", municipality, pl.Department, pl.Version, err)
		}
		pl.Changed = pl.Changed.UTC()
		out[pl.Department] = pl
	}
	return out, rows.Err()
}

// Versions are every saved version of a department's plan, the newest
// first. Status and ApprovedVersion are the plan's as it stands now.
func (p *Plans) Versions(ctx context.Context, municipality, department string) ([]Plan, error) {
	head, err := p.saved(ctx, municipality, department)
	if err != nil {
		return nil, err
	}
	rows, err := p.db.QueryContext(ctx, `SELECT version, document, demo, saved_by, saved_at FROM plan_versions
		WHERE municipality_id = $1 AND department_id = $2 ORDER BY version DESC`, municipality, department)
	if err != nil {
		return nil, fmt.Errorf("list versions of plan %s/%s: %w", municipality, department, err)
	}
	defer rows.Close()
	var out []Plan
	for rows.Next() {
		pl := Plan{Municipality: municipality, Department: department,
			Status: head[department].Status, ApprovedVersion: head[department].ApprovedVersion}
		var doc string
		if err := rows.Scan(&pl.Version, &doc, &pl.Demo, &pl.ChangedBy, &pl.Changed); err != nil {
			return nil, fmt.Errorf("list versions of plan %s/%s: %w", municipality, department, err)
		}
		if err := decode([]byte(doc), &pl); err != nil {
			return nil, fmt.Errorf("read plan %s/%s v%d: %w", municipality, department, pl.Version, err)
		}
		pl.Changed = pl.Changed.UTC()
		out = append(out, pl)
	}
	return out, rows.Err()
}

// Save stores pl as a new version of its department's plan, by actor,
// and makes it the current one in status draft: a changed plan goes back
// to the strategy group. Actions without an ID get one, stable from then
// on. It refuses a plan Validate finds problems in (Invalid) and returns
// the plan as saved. The change is audited in the same transaction.
func (p *Plans) Save(ctx context.Context, s *strategy.Strategy, pl Plan, actor audit.Actor) (Plan, error) {
	return p.save(ctx, s, pl, actor, p.now())
}

// SaveAt is Save at a given time, for the demo's plans written in the
// past.
func (p *Plans) SaveAt(ctx context.Context, s *strategy.Strategy, pl Plan, actor audit.Actor, at time.Time) (Plan, error) {
	return p.save(ctx, s, pl, actor, at)
}

func (p *Plans) save(ctx context.Context, s *strategy.Strategy, pl Plan, actor audit.Actor, at time.Time) (Plan, error) {
	if _, ok := s.Department(pl.Department); !ok {
		return Plan{}, ErrNotFound
	}
	if bad := Validate(s, pl); len(bad) > 0 {
		return Plan{}, bad
	}
	at = at.UTC().Truncate(time.Second)
	pl.Changed, pl.ChangedBy, pl.Status = at, actor.Name, Draft
	next := 1
	for _, a := range pl.Actions {
		next = max(next, a.ID+1)
	}
	pl.Actions = append([]Action(nil), pl.Actions...)
	for i := range pl.Actions {
		if pl.Actions[i].ID == 0 {
			pl.Actions[i].ID = next
			next++
		}
	}
	doc, err := encode(pl)
	if err != nil {
		return Plan{}, err
	}
	err = p.db.InTx(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) + 1 FROM plan_versions
			WHERE municipality_id = $1 AND department_id = $2`, pl.Municipality, pl.Department).Scan(&pl.Version); err != nil {
			return err
		}
		if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(approved_version), 0) FROM plans
			WHERE municipality_id = $1 AND department_id = $2`, pl.Municipality, pl.Department).Scan(&pl.ApprovedVersion); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO plan_versions
			(municipality_id, department_id, version, document, demo, saved_by, saved_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7)`,
			pl.Municipality, pl.Department, pl.Version, string(doc), pl.Demo, actor.Name, at); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO plans
			(municipality_id, department_id, version, status, approved_version, status_by, status_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7)
			ON CONFLICT (municipality_id, department_id) DO UPDATE SET version = excluded.version,
				status = excluded.status, status_by = excluded.status_by, status_at = excluded.status_at`,
			pl.Municipality, pl.Department, pl.Version, string(Draft), pl.ApprovedVersion, actor.Name, at); err != nil {
			return err
		}
		return audit.Record(ctx, tx, pl.Municipality, actor, audit.PlanSaved, pl.Department, "v"+strconv.Itoa(pl.Version))
	})
	if err != nil {
		return Plan{}, fmt.Errorf("save plan %s/%s: %w", pl.Municipality, pl.Department, err)
	}
	return pl, nil
}

// Submit sends the department's current plan to the strategy group for
// approval. Only a saved draft can be submitted.
func (p *Plans) Submit(ctx context.Context, municipality, department string, actor audit.Actor) error {
	return p.setStatus(ctx, municipality, department, 0, Submitted, actor, audit.PlanSubmitted)
}

// Approve approves version of the department's plan; it must be the
// newest (ErrStale otherwise), so that nobody approves what they did not
// read.
func (p *Plans) Approve(ctx context.Context, municipality, department string, version int, actor audit.Actor) error {
	return p.setStatus(ctx, municipality, department, version, Approved, actor, audit.PlanApproved)
}

func (p *Plans) setStatus(ctx context.Context, municipality, department string, version int, to Status, actor audit.Actor, action string) error {
	at := p.now().UTC().Truncate(time.Second)
	err := p.db.InTx(ctx, func(tx *sql.Tx) error {
		var cur int
		var status Status
		err := tx.QueryRowContext(ctx, `SELECT version, status FROM plans WHERE municipality_id = $1 AND department_id = $2`,
			municipality, department).Scan(&cur, &status)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		switch {
		case to == Approved && version != cur:
			return ErrStale
		case to == Submitted && status != Draft:
			return ErrStatus
		case to == Approved && status == Approved:
			return ErrStatus
		}
		q := `UPDATE plans SET status = $1, status_by = $2, status_at = $3 WHERE municipality_id = $4 AND department_id = $5`
		if to == Approved {
			q = `UPDATE plans SET status = $1, status_by = $2, status_at = $3, approved_version = version WHERE municipality_id = $4 AND department_id = $5`
		}
		if _, err := tx.ExecContext(ctx, q, string(to), actor.Name, at, municipality, department); err != nil {
			return err
		}
		return audit.Record(ctx, tx, municipality, actor, action, department, "v"+strconv.Itoa(cur))
	})
	if err != nil {
		return fmt.Errorf("plan %s/%s %s: %w", municipality, department, to, err)
	}
	return nil
}

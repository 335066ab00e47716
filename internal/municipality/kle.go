package municipality

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// The presets' KLE numbers are examples, and a municipality's may be
// mistyped; whether a version's numbers were checked against KL's KLE
// emneplan, and against which plan, is a fact the areas pages state. A
// check is stored with the version it checked (migration 0008), never
// changed, and a later version starts unchecked.

// ErrKLEUnknown is returned when a document has KLE numbers the emneplan
// does not hold; nothing is stored.
var ErrKLEUnknown = errors.New("KLE numbers the subject plan does not hold")

// KLECheck is one check of a strategy version's KLE numbers against KL's
// KLE emneplan.
type KLECheck struct {
	ID           int64
	Municipality string
	VersionID    int64
	Version      int
	// PlanFile is the emneplan's file name, without its directory;
	// PlanPublished its release date (UdgivelsesDato) as the file states
	// it, empty when the file states none.
	PlanFile, PlanPublished string
	CheckedAt               time.Time
	// CheckedBy is the actor who checked, e.g. "cli:anna".
	CheckedBy string
	// Numbers is how many KLE numbers were checked, every one of them in
	// the plan: a check that finds a number the plan does not hold is
	// never stored. Warnings counts the titles that differ from the plan's
	// and the numbers gone out of use.
	Numbers, Warnings int
	// Areas is what the check found for each area, by area id.
	Areas map[string]KLEArea
}

// KLEArea is what a check found for one area's KLE number.
type KLEArea struct {
	KLE string
	// PlanTitle is the plan's title for the number; TitleDiffers tells
	// that the area's title is another.
	PlanTitle    string
	TitleDiffers bool
	// Expired is the date (as the plan writes it) the number went out of
	// use; empty while it is in use.
	Expired string
}

// NewKLECheck checks the KLE numbers of a parsed document against the
// emneplan, as strategy.CheckKLE does, and returns the result to store, or
// ErrKLEUnknown with the numbers the plan does not hold.
func NewKLECheck(sourceName string, data []byte, s *strategy.Strategy, plan *strategy.Emneplan, planPath string) (KLECheck, error) {
	c := KLECheck{Municipality: s.Municipality.ID, PlanFile: filepath.Base(planPath), PlanPublished: plan.Published,
		Numbers: kleNumbers(s), Areas: map[string]KLEArea{}}
	titleDiffers := map[string]bool{}
	var unknown []string
	for _, p := range strategy.CheckKLE(sourceName, data, s, plan) {
		switch {
		case p.Rule == strategy.RuleKLEUnknown:
			unknown = append(unknown, fmt.Sprint(p.Args[0]))
		case p.Rule == strategy.RuleKLETitle:
			titleDiffers[fmt.Sprint(p.Args[1])] = true
		}
		if p.Warning {
			c.Warnings++
		}
	}
	if len(unknown) > 0 {
		return KLECheck{}, fmt.Errorf("%w: %s", ErrKLEUnknown, strings.Join(unknown, ", "))
	}
	for _, a := range s.Areas {
		subject, _ := plan.Subject(a.KLE)
		c.Areas[a.ID] = KLEArea{KLE: a.KLE, PlanTitle: subject.Title, TitleDiffers: titleDiffers[a.KLE], Expired: subject.Expired}
	}
	return c, nil
}

// LoadChecked loads a document as Load does and stores its KLE check
// against the emneplan with the version — the new one, or the newest when
// the document equals it — audited, in the same transaction. A document
// with a KLE number the plan does not hold stores nothing and returns
// ErrKLEUnknown.
func (r *Registry) LoadChecked(ctx context.Context, actor audit.Actor, sourceName string, data []byte,
	plan *strategy.Emneplan, planPath string) (Version, bool, KLECheck, error) {
	return r.loadChecked(ctx, actor, sourceName, data, plan, planPath, 0)
}

// CheckVersion checks a stored version's KLE numbers against the emneplan
// and stores the check with it, as LoadChecked does for a document equal
// to the newest version (the staff pages' check, which uploads only the
// plan). The version must still be the newest: when another has been
// stored since, nothing is stored and ErrStale is returned.
func (r *Registry) CheckVersion(ctx context.Context, actor audit.Actor, municipality string, number int,
	plan *strategy.Emneplan, planPath string) (KLECheck, error) {
	v, data, err := r.Document(ctx, municipality, number)
	if err != nil {
		return KLECheck{}, err
	}
	_, _, check, err := r.loadChecked(ctx, actor, v.SourceName, data, plan, planPath, v.ID)
	return check, err
}

// loadChecked is LoadChecked; a version id, when not 0, is the version
// the document must equal, so that nothing but the check is stored.
func (r *Registry) loadChecked(ctx context.Context, actor audit.Actor, sourceName string, data []byte,
	plan *strategy.Emneplan, planPath string, version int64) (Version, bool, KLECheck, error) {
	s, err := strategy.Parse(sourceName, data)
	if err != nil {
		return Version{}, false, KLECheck{}, err
	}
	check, err := NewKLECheck(sourceName, data, s, plan, planPath)
	if err != nil {
		return Version{}, false, KLECheck{}, err
	}
	check.CheckedAt, check.CheckedBy = time.Now().UTC().Truncate(time.Second), actor.Name
	for _, text := range []string{check.PlanFile, check.PlanPublished} {
		if err := store.CheckText(text); err != nil {
			return Version{}, false, KLECheck{}, fmt.Errorf("the KLE subject plan %q: %w", text, err)
		}
	}
	v, created, err := r.store(ctx, actor, sourceName, data, s, func(tx *sql.Tx, v Version) error {
		if version != 0 && v.ID != version {
			return ErrStale
		}
		check.VersionID, check.Version = v.ID, v.Number
		return insertKLECheck(ctx, tx, actor, &check)
	})
	if err != nil {
		return Version{}, false, KLECheck{}, err
	}
	return v, created, check, nil
}

func insertKLECheck(ctx context.Context, tx *sql.Tx, actor audit.Actor, c *KLECheck) error {
	if err := tx.QueryRowContext(ctx, `INSERT INTO kle_checks (municipality_id, strategy_version_id, strategy_version,
		plan_file, plan_published, checked_at, checked_by, numbers, warnings)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
		c.Municipality, c.VersionID, c.Version, c.PlanFile, c.PlanPublished, c.CheckedAt, c.CheckedBy,
		c.Numbers, c.Warnings).Scan(&c.ID); err != nil {
		return fmt.Errorf("store the KLE check: %w", err)
	}
	for id, a := range c.Areas {
		if _, err := tx.ExecContext(ctx, `INSERT INTO kle_check_areas (check_id, area_id, kle, plan_title, title_differs, expired)
			VALUES ($1, $2, $3, $4, $5, $6)`, c.ID, id, a.KLE, a.PlanTitle, a.TitleDiffers, a.Expired); err != nil {
			return fmt.Errorf("store the KLE check of %s: %w", a.KLE, err)
		}
	}
	return audit.Record(ctx, tx, c.Municipality, actor, audit.KLEChecked, fmt.Sprintf("version %d", c.Version),
		fmt.Sprintf("id %d, plan %s (UdgivelsesDato %s): %d numbers, all in the plan, %d warnings",
			c.ID, c.PlanFile, c.PlanPublished, c.Numbers, c.Warnings))
}

// NewestKLECheck returns the newest check of a strategy version's KLE
// numbers; ok is false when the version was never checked.
func (r *Registry) NewestKLECheck(ctx context.Context, v Version) (c KLECheck, ok bool, err error) {
	c = KLECheck{Municipality: v.Municipality, VersionID: v.ID, Areas: map[string]KLEArea{}}
	err = r.db.QueryRowContext(ctx, `SELECT id, strategy_version, plan_file, plan_published, checked_at, checked_by, numbers, warnings
		FROM kle_checks WHERE municipality_id = $1 AND strategy_version_id = $2
		ORDER BY checked_at DESC, id DESC LIMIT 1`, v.Municipality, v.ID).
		Scan(&c.ID, &c.Version, &c.PlanFile, &c.PlanPublished, &c.CheckedAt, &c.CheckedBy, &c.Numbers, &c.Warnings)
	if errors.Is(err, sql.ErrNoRows) {
		return KLECheck{}, false, nil
	}
	if err != nil {
		return KLECheck{}, false, fmt.Errorf("read the KLE check of version %d of %s: %w", v.Number, v.Municipality, err)
	}
	rows, err := r.db.QueryContext(ctx, `SELECT area_id, kle, plan_title, title_differs, expired
		FROM kle_check_areas WHERE check_id = $1`, c.ID)
	if err != nil {
		return KLECheck{}, false, fmt.Errorf("read the KLE check of version %d of %s: %w", v.Number, v.Municipality, err)
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var a KLEArea
		if err := rows.Scan(&id, &a.KLE, &a.PlanTitle, &a.TitleDiffers, &a.Expired); err != nil {
			return KLECheck{}, false, fmt.Errorf("read the KLE check of version %d of %s: %w", v.Number, v.Municipality, err)
		}
		c.Areas[id] = a
	}
	if err := rows.Err(); err != nil {
		return KLECheck{}, false, fmt.Errorf("read the KLE check of version %d of %s: %w", v.Number, v.Municipality, err)
	}
	return c, true, nil
}

// kleNumbers is how many of the strategy's areas have a KLE number to
// check; the area for what no other area covers has none.
func kleNumbers(s *strategy.Strategy) int {
	n := 0
	for _, a := range s.Areas {
		if a.KLE != "" {
			n++
		}
	}
	return n
}

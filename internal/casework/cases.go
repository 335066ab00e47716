package casework

import (
	"context"
	"time"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/store"
)

// Cases stores cases, drafts and the forms' funnel.
type Cases struct {
	db       *store.DB
	recorder *inquiry.Recorder
	// Now is the clock; tests set it.
	Now func() time.Time
}

// New returns the case store; submissions register their inquiries
// through rec.
func New(db *store.DB, rec *inquiry.Recorder) *Cases {
	return &Cases{db: db, recorder: rec, Now: time.Now}
}

// Submission is what opens a case.
type Submission struct {
	Area string // the area's id
	Type string // the inquiry type to register
	Form string // empty for API cases
	// Channel is the channel the inquiry is registered on (self_service
	// for Kanal's forms); Assisted marks medbetjening.
	Channel    string
	Assisted   bool
	Source     string
	ExternalID string
	CPR, Name  string
	Answers    map[string]string
	Files      []Attachment
	// Run is the funnel run the submission completes (StartRun); empty
	// when there is none.
	Run string
}

// Submit opens a case in one transaction: the case with its reference,
// answer date and first status, the inquiry through the recorder, the
// completed funnel run and the queued delivery to the case system. A
// submission with a Source and ExternalID seen before returns the earlier
// case (created false) and records nothing.
func (c *Cases) Submit(ctx context.Context, cur *municipality.Current, s Submission) (k *Case, created bool, err error) {
	panic("casework.Submit: not built yet")
}

// Get returns a municipality's case by reference (any case, spaced or
// lower-case as read aloud), or ErrNotFound.
func (c *Cases) Get(ctx context.Context, municipality, reference string) (*Case, error) {
	panic("casework.Get: not built yet")
}

// ForCitizen returns a citizen's cases in a municipality, newest first.
func (c *Cases) ForCitizen(ctx context.Context, municipality, cpr string) ([]Case, error) {
	panic("casework.ForCitizen: not built yet")
}

// Filter narrows a case list.
type Filter struct {
	Municipality string
	Department   string // empty: every department
	Area         string
	Status       string
	Reference    string // a part of the reference
	Limit        int
}

// List returns the cases the filter matches, oldest unanswered first.
func (c *Cases) List(ctx context.Context, f Filter) ([]Case, error) {
	panic("casework.List: not built yet")
}

// SetStatus changes a case's status, records the change in the history
// and the audit log (by actor), and marks it for notifying the citizen
// when notify is set.
func (c *Cases) SetStatus(ctx context.Context, municipality, reference, status string, actor audit.Actor, note string, notify bool) error {
	panic("casework.SetStatus: not built yet")
}

// Attachments returns a case's files (personal data; callers audit).
func (c *Cases) Attachments(ctx context.Context, caseID int64) ([]Attachment, error) {
	panic("casework.Attachments: not built yet")
}

// Draft is a signed-in citizen's unfinished form.
type Draft struct {
	Form    string
	Step    int
	Answers map[string]string
	Saved   time.Time
}

// SaveDraft keeps a citizen's draft of a form, replacing an earlier one.
func (c *Cases) SaveDraft(ctx context.Context, municipality, cpr string, d Draft) error {
	panic("casework.SaveDraft: not built yet")
}

// LoadDraft returns the citizen's draft of a form, or nil.
func (c *Cases) LoadDraft(ctx context.Context, municipality, cpr, form string) (*Draft, error) {
	panic("casework.LoadDraft: not built yet")
}

// DeleteDraft removes it.
func (c *Cases) DeleteDraft(ctx context.Context, municipality, cpr, form string) error {
	panic("casework.DeleteDraft: not built yet")
}

// StartRun counts a form started and returns the run's random id, which
// the form's pages carry; no personal data.
func (c *Cases) StartRun(ctx context.Context, municipality, area, form string) (string, error) {
	panic("casework.StartRun: not built yet")
}

// StepRun records that the run reached a step (0-based).
func (c *Cases) StepRun(ctx context.Context, municipality, run string, step int) error {
	panic("casework.StepRun: not built yet")
}

// FunnelRow is one area's forms in one month.
type FunnelRow struct {
	Month     civil.Month
	Area      string
	Form      string
	Started   int
	Completed int
	// AbandonedAt counts the runs left at each step (index = step).
	AbandonedAt []int
}

// Funnel returns the municipality's funnel for the months from..to.
func (c *Cases) Funnel(ctx context.Context, municipality string, from, to civil.Month) ([]FunnelRow, error) {
	panic("casework.Funnel: not built yet")
}

// Erase removes the personal data of every case whose retention period
// ended before now, and of drafts past their time; it returns how many
// cases it erased.
func (c *Cases) Erase(ctx context.Context) (int, error) {
	panic("casework.Erase: not built yet")
}

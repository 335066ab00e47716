// Package casework keeps the cases that self-service submissions open: a
// short reference a citizen can read aloud, the expected answer date, the
// status and its history, the citizen's answers and attachments (personal
// data, erased after the area's retention period), the drafts of signed-in
// citizens and the funnel of started, abandoned and completed forms. A
// submission registers its inquiry through the normal recorder and queues
// its delivery to the case system in the same transaction.
package casework

import (
	"errors"
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
)

// Statuses of a case, in the order a case usually goes through them. Each
// has a text in the catalogue under "case.status.<status>".
const (
	Received        = "received"
	InProgress      = "in_progress"
	AwaitingCitizen = "awaiting_citizen"
	Decided         = "decided"
	Closed          = "closed"
)

// Statuses lists them in order.
var Statuses = []string{Received, InProgress, AwaitingCitizen, Decided, Closed}

// ErrNotFound is a reference no case of the municipality has.
var ErrNotFound = errors.New("no such case")

// Case is one case.
type Case struct {
	ID           int64
	Municipality string
	// Reference is short and read aloud: "K7MF-4QX9".
	Reference  string
	Area       string // the area's id in the strategy
	Department string
	// Form is the Kanal form it came from; empty for a case another
	// vendor's solution reported through the API.
	Form    string
	Channel string
	// Assisted is a form filled in with staff help (medbetjening).
	Assisted bool
	// Source is "portal", "console" or "api:<key name>"; ExternalID the
	// sender's own id (API), unique per source.
	Source, ExternalID string
	Status             string
	SubmittedAt        time.Time
	// AnswerBy is the date the receipt states; zero when the area has no
	// response time.
	AnswerBy    civil.Date
	WorkingDays int
	// Personal data, empty once Erased.
	CPR     string
	Name    string
	Answers map[string]string
	Erased  bool
	History []Change
}

// Change is one status change.
type Change struct {
	Status string
	At     time.Time
	// By is who changed it: a staff member's e-mail, "apikey:NAME",
	// "citizen" or "system".
	By   string
	Note string
	// Notify: the citizen is to be told, by a letter that
	// internal/casenotice sends.
	Notify bool
}

// Attachment is a file a citizen attached.
type Attachment struct {
	Field       string
	Filename    string
	ContentType string
	Data        []byte
}

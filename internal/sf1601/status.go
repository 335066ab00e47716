package sf1601

import (
	"context"
	"time"
)

// StatusKind is what a status message says of a message.
type StatusKind string

const (
	StatusSent      StatusKind = "sent"      // accepted for delivery (Digital Post) or queued for print
	StatusDelivered StatusKind = "delivered" // in the recipient's Digital Post
	StatusFailed    StatusKind = "failed"    // not delivered; Reason says why
	StatusPrinted   StatusKind = "printed"   // printed and posted by the print service
)

// Failure reasons of a failed status.
const (
	ReasonNotRegistered = "not_registered" // Digital Post only, to a recipient who cannot receive it
)

// Status is one status message about a sent message, as the
// Beskedfordeler brings them back to the sender.
type Status struct {
	ID          int64 // the cursor: statuses are read in ID order
	MessageUUID string
	Status      StatusKind
	Channel     Channel // ChannelDigitalPost or ChannelPhysicalPost
	Reason      string  // for failed
	At          time.Time
}

// Beskedfordeler is Serviceplatformen's message distributor as the
// letters' worker reads it: the status messages after a cursor, oldest
// first, at most limit.
type Beskedfordeler interface {
	StatusesAfter(ctx context.Context, after int64, limit int) ([]Status, error)
}

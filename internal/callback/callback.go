// Package callback keeps the callbacks citizens book (tilbagering): slots
// within the phone channel's opening hours from the strategy (closed on
// public holidays and the municipality's closing days), a number of calls
// per slot, the bookings with the citizen's phone number and area, the
// day's list staff work from, its outcomes (done, not answered and tried
// once more, not reached), the counts of unused and late callbacks, and
// the erasure of the phone numbers a few days after each callback closed.
// Completing a callback registers an outbound phone inquiry through the
// inquiry recorder, in the same transaction.
package callback

import (
	"errors"
	"time"
)

// Statuses of a callback.
const (
	// Booked: waiting for its slot.
	Booked = "booked"
	// Retry: the first call was not answered; it is tried once more.
	Retry = "retry"
	// Done: the citizen was called.
	Done = "done"
	// NotReached: the second call was not answered either.
	NotReached = "not_reached"
)

// Statuses lists them in order.
var Statuses = []string{Booked, Retry, Done, NotReached}

// Lead is how far ahead a slot must start to be booked: staff see the
// day's list in time to plan.
const Lead = time.Hour

// BookDays is how many days with phone hours the booking page offers.
const BookDays = 10

// LateAfter is how long after its slot's end a callback may be handled
// before it counts as late.
const LateAfter = 30 * time.Minute

// Source is the inquiry source of the calls a callback registers.
const Source = "callback"

// Errors a booking or an outcome can meet.
var (
	// ErrOutsideHours: the time is not within the phone channel's
	// opening hours on a day it opens.
	ErrOutsideHours = errors.New("outside the phone's opening hours")
	// ErrNotSlotStart: within opening hours but not the start of a slot.
	ErrNotSlotStart = errors.New("not the start of a slot")
	// ErrTooSoon: the slot has begun, is past or starts within Lead.
	ErrTooSoon = errors.New("slot has begun or starts too soon")
	// ErrTooFar: the slot lies beyond the days the page offers.
	ErrTooFar = errors.New("slot too far ahead")
	// ErrFull: the slot has its calls.
	ErrFull = errors.New("slot is full")
	// ErrNotOffered: the strategy offers no callback booking.
	ErrNotOffered = errors.New("callback booking not offered")
	// ErrNotFound: no such callback in the municipality.
	ErrNotFound = errors.New("no such callback")
	// ErrClosed: the callback is done or closed already.
	ErrClosed = errors.New("callback already closed")
)

// Callback is one booking.
type Callback struct {
	ID           int64
	Municipality string
	Area         string
	Department   string
	Start, End   time.Time
	// Phone is the number, 8 digits; empty once erased.
	Phone      string
	Status     string
	BookedAt   time.Time
	FirstTryAt time.Time
	ClosedAt   time.Time
	ClosedBy   string
	InquiryID  int64
	Erased     bool
}

// Open reports whether staff still have to call.
func (c *Callback) Open() bool { return c.Status == Booked || c.Status == Retry }

// Package mail sends Kanal's e-mail: the answers to citizens' questions
// from the contact form. A Sender is either an SMTP server (production,
// KANAL_SMTP_ADDR) or the local outbox, a table the staff pages show
// (demo and development), so that nothing leaves the machine by accident.
package mail

import (
	"context"
	"errors"
	"fmt"
	"net/mail"
	"strings"
)

// Message is one plain-text e-mail. Municipality is whose message it is:
// the outbox lists it under that municipality; SMTP ignores it.
type Message struct {
	Municipality string
	To           string
	Subject      string
	Body         string
}

// Sender sends a message or says why it could not.
type Sender interface {
	Send(ctx context.Context, m Message) error
}

// ErrBadMessage is a message that cannot be sent as it is.
var ErrBadMessage = errors.New("bad message")

// check refuses a message without a single plain address, or with a line
// break in the subject (which would let text become a header).
func check(m Message) error {
	a, err := mail.ParseAddress(m.To)
	if err != nil || a.Name != "" || a.Address != strings.TrimSpace(m.To) {
		return fmt.Errorf("%w: the recipient is not one plain e-mail address", ErrBadMessage)
	}
	if strings.ContainsAny(m.Subject, "\r\n") {
		return fmt.Errorf("%w: the subject has a line break", ErrBadMessage)
	}
	return nil
}

package nemlogin

import (
	"context"
	"crypto/subtle"
	"errors"
	"fmt"

	"github.com/kanal-dk/kanal/internal/cpr"
	"github.com/kanal-dk/kanal/internal/sf1520"
)

// Dev is the development login: instead of a broker, a page of the portal
// lists the citizens of the test citizens file and one picks whom to be.
// Every citizen page says so ("Udviklingslogin – kun til test"). It is
// used only when no citizen OIDC issuer is configured.
type Dev struct {
	people  *sf1520.File
	pickURL func(state string) string
}

// NewDev returns the development login over the citizens of people.
// pickURL gives the address of the portal's pick page for a sign-in's
// state; the page lists people.All() and sends the browser back to the
// callback with the query state=STATE&cpr=DDMMYYSSSS.
func NewDev(people *sf1520.File, pickURL func(state string) string) *Dev {
	return &Dev{people: people, pickURL: pickURL}
}

// People are the citizens one can pick.
func (d *Dev) People() []sf1520.Person { return d.people.All() }

// Start sends the browser to the pick page with a fresh random state.
func (d *Dev) Start(ctx context.Context, returnTo string) (redirect, state string, err error) {
	state = randomToken()
	return d.pickURL(state), state, nil
}

// Finish signs in the picked citizen, if the callback's state is the one
// kept and the number is a citizen of the file.
func (d *Dev) Finish(ctx context.Context, state string, query map[string][]string) (Identity, error) {
	got := first(query, "state")
	if state == "" || subtle.ConstantTimeCompare([]byte(got), []byte(state)) != 1 {
		return Identity{}, ErrState
	}
	n, err := cpr.Parse(first(query, "cpr"))
	if err != nil {
		return Identity{}, fmt.Errorf("development login: %w: %w", ErrUnknownCitizen, err)
	}
	p, err := d.people.PersonLookup(ctx, n.Digits())
	if errors.Is(err, sf1520.ErrNotFound) {
		return Identity{}, fmt.Errorf("development login: %w", ErrUnknownCitizen)
	}
	if err != nil {
		return Identity{}, fmt.Errorf("development login: %w", err)
	}
	return Identity{CPR: p.CPR, Name: p.Name(), Method: MethodDevelopment}, nil
}

// Development is true: this is the development login.
func (d *Dev) Development() bool { return true }

var _ Broker = (*Dev)(nil)

// Package nemlogin signs citizens in through a national-login broker:
// NemLog-in with MitID (NemID before 2021) over OpenID Connect in
// production, and, in a development installation, a clearly marked
// development login where one picks a test citizen.
//
// Errors never hold a CPR number or a name: callers may log them.
package nemlogin

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
)

// Identity is a signed-in citizen.
type Identity struct {
	// CPR is the CPR number as ten digits, DDMMYYSSSS.
	CPR  string
	Name string
	// Method is the login used: "MitID", "NemID" or "Udviklingslogin".
	Method string
}

// Broker is the national-login broker.
type Broker interface {
	// Start begins a sign-in and returns where to send the browser and the
	// state to keep in a short-lived cookie until the callback.
	Start(ctx context.Context, returnTo string) (redirect string, state string, err error)
	// Finish completes a sign-in from the callback's query and the kept
	// state.
	Finish(ctx context.Context, state string, query map[string][]string) (Identity, error)
	// Development reports whether this is the development login.
	Development() bool
}

// MethodDevelopment is the Method of the development login.
const MethodDevelopment = "Udviklingslogin"

// The kinds of error Finish returns; callers tell the citizen by kind
// (errors.Is).
var (
	// ErrState: the callback's state is not the one kept: a stale or
	// forged callback, or the cookie was lost. Start again.
	ErrState = errors.New("the sign-in's state does not match the one kept; start again")
	// ErrDenied: the citizen cancelled, or the broker refused the sign-in.
	ErrDenied = errors.New("the sign-in was cancelled or refused")
	// ErrBroker: the broker answered with an error, or an answer Kanal
	// cannot use (no code, no ID token, a token that does not verify).
	ErrBroker = errors.New("the national-login broker answered with an error")
	// ErrNoCPR: the broker vouched for someone without a CPR number (or
	// sent none), or the number is not one.
	ErrNoCPR = errors.New("the sign-in carries no CPR number")
	// ErrAssurance: the login's level of assurance is below Substantial.
	ErrAssurance = errors.New("the login's level of assurance is too low")
	// ErrUnknownCitizen: the development login's choice is not a citizen
	// of the test citizens file.
	ErrUnknownCitizen = errors.New("not a citizen of the test citizens file")
)

// randomToken is 32 random bytes, URL-safe.
func randomToken() string {
	b := make([]byte, 32)
	rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// first is a query parameter's first value.
func first(query map[string][]string, name string) string {
	if v := query[name]; len(v) > 0 {
		return v[0]
	}
	return ""
}

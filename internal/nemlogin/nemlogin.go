// Package nemlogin signs citizens in through a national-login broker:
// NemLog-in with MitID (NemID before 2021) over OpenID Connect in
// production, and, in a development installation, a clearly marked
// development login where one picks a test citizen.
package nemlogin

import "context"

// Identity is a signed-in citizen.
type Identity struct {
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

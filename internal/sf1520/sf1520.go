// Package sf1520 looks citizens up in the CPR registry through
// Serviceplatformen's service SF1520 (CPR replika opslag), the service
// Danish municipal self-service uses to fill in what the municipality
// already knows. The development implementation reads the test citizens
// file shipped with Kanal, written as SF1520's PersonLookupResponse.
//
// The message format follows the service contract of SF1520's
// PersonBaseDataExtended service, version 4 (see message.go); a production
// client, which needs a Serviceplatformen service agreement and a
// certificate, is not yet part of Kanal.
package sf1520

import (
	"context"
	"errors"
	"strings"
)

// ErrNotFound: the registry has no person with the CPR number asked for.
var ErrNotFound = errors.New("no person with that CPR number")

// Person is what a look-up gives: the citizen's name and address and
// whether they are under name and address protection (navne- og
// adressebeskyttelse).
type Person struct {
	// CPR is the CPR number as ten digits, DDMMYYSSSS.
	CPR        string
	FirstName  string
	MiddleName string
	LastName   string
	Address    Address
	// Protected is navne- og adressebeskyttelse: the address is never
	// shown in a receipt, nor to staff without the right to see it.
	Protected bool
}

// Name is the full name: first, middle and last names.
func (p *Person) Name() string {
	return strings.Join(strings.Fields(p.FirstName+" "+p.MiddleName+" "+p.LastName), " ")
}

// Address is a Danish address.
type Address struct {
	Street     string // street name and house number, floor and door
	PostalCode string
	City       string

	// The parts Street is made of, as the registry gives them: vejnavn,
	// husnummer, etage and sidedør.
	StreetName, HouseNumber, Floor, Door string
}

// Lookup is SF1520's PersonLookup operation.
type Lookup interface {
	// PersonLookup finds the person with a CPR number, written DDMMYYSSSS
	// or DDMMYY-SSSS; ErrNotFound when the registry has none.
	PersonLookup(ctx context.Context, cpr string) (*Person, error)
}

// ErrUnavailable is the answer of Unavailable.
var ErrUnavailable = errors.New("no SF1520 client is configured")

// Unavailable is the look-up of an installation with a real national
// login but no Serviceplatformen client yet (Kanal does not have one): it
// never answers, so forms are not filled in and staff type what the
// registry would have given — the test citizens are never used for real
// citizens.
type Unavailable struct{}

// PersonLookup answers ErrUnavailable.
func (Unavailable) PersonLookup(context.Context, string) (*Person, error) { return nil, ErrUnavailable }

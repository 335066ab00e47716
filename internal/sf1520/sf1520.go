// Package sf1520 looks citizens up in the CPR registry through
// Serviceplatformen's service SF1520 (CPR replika opslag), the service
// Danish municipal self-service uses to fill in what the municipality
// already knows. The development implementation reads the test citizens
// file shipped with Kanal, written as SF1520's PersonLookupResponse.
package sf1520

import "context"

// Person is what a look-up gives: the citizen's name and address and
// whether they are under name and address protection (navne- og
// adressebeskyttelse).
type Person struct {
	CPR       string
	FirstName string
	LastName  string
	Address   Address
	// Protected is navne- og adressebeskyttelse: the address is never
	// shown in a receipt, nor to staff without the right to see it.
	Protected bool
}

// Name is the full name.
func (p *Person) Name() string { return p.FirstName + " " + p.LastName }

// Address is a Danish address.
type Address struct {
	Street     string // street name and house number, floor and door
	PostalCode string
	City       string
}

// Lookup is SF1520's PersonLookup operation.
type Lookup interface {
	PersonLookup(ctx context.Context, cpr string) (*Person, error)
}

package citizen

import (
	"github.com/kanal-dk/kanal/internal/nemlogin"
	"github.com/kanal-dk/kanal/internal/sf1520"
)

// people is a development login that can list whom one may pick
// (nemlogin.Dev: the citizens of the test citizens file).
type people interface {
	People() []sf1520.Person
}

// testCitizens are the people the development login offers; none for a
// broker that cannot list them.
func testCitizens(b nemlogin.Broker) []sf1520.Person {
	if l, ok := b.(people); ok {
		return l.People()
	}
	return nil
}

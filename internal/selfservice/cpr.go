package selfservice

import "github.com/kanal-dk/kanal/internal/cpr"

// ValidCPR reports whether s is a CPR number as cpr.Parse reads one: ten
// digits, optionally with a dash after the sixth, the first six a day
// that exists with the century the seventh digit gives. There is no
// modulus 11 check: numbers without it have been issued since 2007.
func ValidCPR(s string) bool {
	_, err := cpr.Parse(s)
	return err == nil
}

package selfservice_test

import (
	"testing"

	"github.com/kanal-dk/kanal/internal/selfservice"
)

func TestValidCPR(t *testing.T) {
	cases := []struct {
		cpr  string
		want bool
		why  string
	}{
		{"010224-1234", true, "1 February 1924"},
		// Weights 4 3 2 7 6 5 4 3 2 1 give 69, not a multiple of 11: CPR
		// numbers without modulus 11 have been issued since 2007.
		{"0102241234", true, "no dash, and no modulus 11"},
		{"290296-1234", true, "29 February 1996, a leap year"},
		{"290297-1234", false, "29 February 1997 does not exist"},
		{"290200-4000", true, "seventh digit 4 and year 00: 2000, a leap year"},
		{"290200-9000", true, "seventh digit 9 and year 00: 2000"},
		{"290200-5000", true, "seventh digit 5 and year 00: 2000"},
		{"290200-3999", false, "seventh digit 3: 1900, not a leap year"},
		{"310424-1234", false, "April has 30 days"},
		{"320124-1234", false, "day 32"},
		{"000124-1234", false, "day 0"},
		{"011324-1234", false, "month 13"},
		{"010024-1234", false, "month 0"},
		{"01022-41234", false, "the dash after the fifth digit"},
		{"010224 1234", false, "a space for the dash"},
		{"010224-12345", false, "11 digits"},
		{"010224-123", false, "9 digits"},
		{"010224--1234", false, "two dashes"},
		{"", false, "empty"},
		{"０１０２２４１２３４", false, "full-width digits"},
	}
	for _, c := range cases {
		if got := selfservice.ValidCPR(c.cpr); got != c.want {
			t.Errorf("ValidCPR(%q) = %v, want %v (%s)", c.cpr, got, c.want, c.why)
		}
	}
}

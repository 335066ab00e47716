package selfservice

import (
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
)

// ValidCPR reports whether s is shaped like a CPR number: ten digits,
// optionally with a dash after the sixth, the first six a day that exists
// (DDMMYY). The century comes from the seventh digit as the CPR office
// assigns it. There is no modulus 11 check: numbers without it have been
// issued since 2007.
func ValidCPR(s string) bool {
	digits := make([]int, 0, 10)
	for i, c := range s {
		switch {
		case c >= '0' && c <= '9':
			digits = append(digits, int(c-'0'))
		case c == '-' && i == 6 && len(s) == 11:
		default:
			return false
		}
	}
	if len(digits) != 10 {
		return false
	}
	day := digits[0]*10 + digits[1]
	month := digits[2]*10 + digits[3]
	yy := digits[4]*10 + digits[5]
	year := cprCentury(digits[6], yy) + yy
	d := civil.Date{Year: year, Month: time.Month(month), Day: day}
	return month >= 1 && month <= 12 && d.IsValid()
}

// cprCentury is the century of a birth year yy given the CPR number's
// seventh digit (the CPR office's table).
func cprCentury(seventh, yy int) int {
	switch {
	case seventh <= 3:
		return 1900
	case seventh == 4 || seventh == 9:
		if yy <= 36 {
			return 2000
		}
		return 1900
	default: // 5–8
		if yy <= 57 {
			return 2000
		}
		return 1800
	}
}

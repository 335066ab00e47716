// Package cvr reads Danish business numbers (CVR numbers, the Central
// Business Register's numbers): eight digits whose last is a modulus-11
// check digit.
//
// A CVR number identifies a business, which may be a sole trader: this
// package never puts one in an error.
package cvr

import (
	"errors"
	"fmt"
	"strings"
)

// The kinds of error Parse returns; callers translate by kind (errors.Is).
var (
	// ErrFormat: not eight digits, written together or in pairs with spaces.
	ErrFormat = errors.New("a CVR number is eight digits, written together or in pairs with spaces")
	// ErrCheck: eight digits that fail the modulus-11 check every CVR
	// number meets, most often a mistyped digit.
	ErrCheck = errors.New("the CVR number's check digit does not match: a digit is probably mistyped")
)

// weights are the CVR register's modulus-11 weights: the digits weighted
// 2 7 6 5 4 3 2 1 sum to a multiple of 11.
var weights = [8]int{2, 7, 6, 5, 4, 3, 2, 1}

// Number is a CVR number whose form and check digit have been checked.
// The zero Number is no number (IsZero).
type Number struct {
	digits string
}

// Parse reads a CVR number written as eight digits, with spaces between
// them allowed ("12 34 56 78") and spaces around them trimmed; it checks
// the modulus-11 check digit.
func Parse(s string) (Number, error) {
	s = strings.ReplaceAll(strings.TrimSpace(s), " ", "")
	if len(s) != 8 {
		return Number{}, fmt.Errorf("parse CVR number: %w", ErrFormat)
	}
	sum := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return Number{}, fmt.Errorf("parse CVR number: %w", ErrFormat)
		}
		sum += int(s[i]-'0') * weights[i]
	}
	if sum%11 != 0 {
		return Number{}, fmt.Errorf("parse CVR number: %w", ErrCheck)
	}
	return Number{digits: s}, nil
}

// IsZero reports whether n is the zero Number, which Parse never returns.
func (n Number) IsZero() bool { return n.digits == "" }

// Digits is the number as eight digits: the form to store and to send.
func (n Number) Digits() string { return n.digits }

// String is the number as eight digits, as the CVR register writes it.
func (n Number) String() string { return n.digits }

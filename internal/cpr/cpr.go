// Package cpr reads Danish personal identification numbers (CPR numbers,
// personnumre): ten digits DDMMYYSSSS, the birth date and a serial number
// whose first digit, with the year, gives the century.
//
// A CPR number is personal data: this package never puts one in an error.
package cpr

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// The kinds of error Parse returns; callers translate by kind (errors.Is).
var (
	// ErrFormat: not ten digits, written DDMMYYSSSS or DDMMYY-SSSS.
	ErrFormat = errors.New("a CPR number is ten digits, written DDMMYYSSSS or DDMMYY-SSSS")
	// ErrDate: the first six digits are not a date in the century the
	// seventh digit gives.
	ErrDate = errors.New("the first six digits of the CPR number are not a date")
)

// Number is a CPR number whose form and date have been checked. The zero
// Number is no number (IsZero).
type Number struct {
	digits string
}

// Parse reads a CPR number written DDMMYYSSSS or DDMMYY-SSSS, with spaces
// around it trimmed. It checks that the first six digits are a real date in
// the century the seventh digit gives (the CPR office's table), but not the
// modulus-11 check, which CPR numbers have not all met since 2007.
func Parse(s string) (Number, error) {
	s = strings.TrimSpace(s)
	if len(s) == 11 && s[6] == '-' {
		s = s[:6] + s[7:]
	}
	if len(s) != 10 {
		return Number{}, fmt.Errorf("parse CPR number: %w", ErrFormat)
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return Number{}, fmt.Errorf("parse CPR number: %w", ErrFormat)
		}
	}
	n := Number{digits: s}
	if _, ok := n.birthdate(); !ok {
		return Number{}, fmt.Errorf("parse CPR number: %w", ErrDate)
	}
	return n, nil
}

// IsZero reports whether n is the zero Number, which Parse never returns.
func (n Number) IsZero() bool { return n.digits == "" }

// Digits is the number as ten digits, DDMMYYSSSS: the form to store.
func (n Number) Digits() string { return n.digits }

// String is the number as it is written, DDMMYY-SSSS.
func (n Number) String() string {
	if n.IsZero() {
		return ""
	}
	return n.digits[:6] + "-" + n.digits[6:]
}

// Masked is the number with its serial hidden, DDMMYY-xxxx: the birth date
// alone, for a page that only needs to show whose it is.
func (n Number) Masked() string {
	if n.IsZero() {
		return ""
	}
	return n.digits[:6] + "-xxxx"
}

// Birthdate is the date of birth, at midnight UTC.
func (n Number) Birthdate() time.Time {
	t, _ := n.birthdate()
	return t
}

// Modulus11 reports whether the number passes the modulus-11 check that
// every CPR number met until 2007: the digits weighted 4 3 2 7 6 5 4 3 2 1
// sum to a multiple of 11. Numbers without it are valid; this is for
// callers that want to know.
func (n Number) Modulus11() bool {
	if n.IsZero() {
		return false
	}
	weights := [10]int{4, 3, 2, 7, 6, 5, 4, 3, 2, 1}
	sum := 0
	for i, w := range weights {
		sum += int(n.digits[i]-'0') * w
	}
	return sum%11 == 0
}

func (n Number) birthdate() (time.Time, bool) {
	if n.IsZero() {
		return time.Time{}, false
	}
	d := n.digits
	day := num(d[0:2])
	month := num(d[2:4])
	yy := num(d[4:6])
	year := Century(d[6]-'0', yy) + yy
	t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	// time.Date normalises 31 April to 1 May; a real date comes back as
	// it went in.
	if month < 1 || month > 12 || day < 1 || t.Day() != day || t.Month() != time.Month(month) {
		return time.Time{}, false
	}
	return t, true
}

// Century is the century of a birth year from the seventh digit of the CPR
// number and the two-digit year, after the CPR office's table:
//
//	7th digit  year 00–36  year 37–57  year 58–99
//	0–3        1900        1900        1900
//	4, 9       2000        1900        1900
//	5–8        2000        2000        1800
func Century(seventh byte, yy int) int {
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

func num(s string) int { return int(s[0]-'0')*10 + int(s[1]-'0') }

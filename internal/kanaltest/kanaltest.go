// Package kanaltest holds the fixtures Kanal's tests share, so that each
// test states what it needs in one line.
package kanaltest

import "github.com/kanal-dk/kanal/internal/civil"

// Day is the day a test writes as YYYY-MM-DD. A literal that is no day
// is a mistake in the test, and panics.
func Day(s string) civil.Date {
	d, err := civil.ParseDate(s)
	if err != nil {
		panic("kanaltest.Day: " + err.Error())
	}
	return d
}

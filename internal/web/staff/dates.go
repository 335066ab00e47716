package staff

import (
	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// dayInWords writes a day the strategy file gives as YYYY-MM-DD the way
// running text writes it ("1. december 2012"); anything else is shown as
// the file has it.
func dayInWords(l locale.Printer, s string) string {
	d, err := civil.ParseDate(s)
	if err != nil {
		return s
	}
	return l.Date(d)
}

// mandatoryInWords is a copy of an area's mandatory self-service for a
// page, with the day it applies from in words; the strategy itself is
// shared and left as it is.
func mandatoryInWords(l locale.Printer, m *strategy.Mandatory) *strategy.Mandatory {
	if m == nil {
		return nil
	}
	c := *m
	c.Since = dayInWords(l, m.Since)
	return &c
}

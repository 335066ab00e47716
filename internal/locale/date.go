package locale

import (
	"strconv"
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
)

// Date writes a calendar day as the language writes it in running text:
// "1. december 2012" or "1 December 2012". The zero Date is written as a
// dash, the way a table shows a missing value.
func (p Printer) Date(d civil.Date) string {
	if d.IsZero() {
		return "–"
	}
	return p.T("ui.date", d.Day, p.monthName(d.Month), d.Year)
}

// Day writes the Danish calendar day of an instant, as Date does: what a
// page shows of an instant when the time of day does not matter.
func (p Printer) Day(t time.Time) string {
	if t.IsZero() {
		return "–"
	}
	return p.Date(civil.DateOf(t))
}

// DayMonth writes a day of the year without its year: "24. december",
// "24 December" — a closing day that comes back every year, or a day whose
// year the sentence gives.
func (p Printer) DayMonth(t time.Time) string {
	return p.T("ui.day_month", t.Day(), p.monthName(t.Month()))
}

// Month writes a calendar month: "december 2012" or "December 2012".
func (p Printer) Month(m civil.Month) string {
	if m.IsZero() {
		return "–"
	}
	return p.T("ui.month", p.monthName(m.Month), m.Year)
}

// DateTime writes an instant as the language writes a day and a time of
// day, in Danish time whatever zone t is given in: "14. marts 2025 kl.
// 10:15" or "14 March 2025 at 10:15".
func (p Printer) DateTime(t time.Time) string {
	if t.IsZero() {
		return "–"
	}
	t = t.In(civil.Location)
	return p.T("ui.datetime", t.Day(), p.monthName(t.Month()), t.Year(), t.Format("15:04"))
}

func (p Printer) monthName(m time.Month) string { return p.T("month." + strconv.Itoa(int(m))) }

func init() {
	add(map[string]message{
		"ui.date":      {"%d. %s %d", "%d %s %d"},
		"ui.day_month": {"%d. %s", "%d %s"},
		"ui.month":     {"%s %d", "%s %d"},
	})
}

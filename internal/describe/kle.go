package describe

import (
	"strings"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// KLECheck says whether the KLE numbers of the strategy version shown were
// checked against KL's KLE emneplan: against which plan, when, by whom and
// what it found, or that they were not. The presets' numbers are examples,
// so a reader must not take a number shown for a checked one.
type KLECheck struct {
	// Summary is the check as one sentence, or that the version is
	// unchecked and how to check it.
	Summary string
	Checked bool
	check   municipality.KLECheck
	plan    string
	l       locale.Printer
}

// KLEAreaCheck is the check of one area's KLE number: Short for a table
// cell, Long for the area's page, and the warnings the check gave.
type KLEAreaCheck struct {
	Checked     bool
	Short, Long string
	Warnings    []string
}

// NewKLECheck describes the newest check of a version; ok false means the
// version was never checked.
func NewKLECheck(l locale.Printer, v municipality.Version, c municipality.KLECheck, ok bool) KLECheck {
	if !ok {
		return KLECheck{Summary: l.T("kle_check.unchecked_summary", v.Number), l: l}
	}
	k := KLECheck{Checked: true, check: c, l: l, plan: l.T("kle_check.plan_undated", c.PlanFile)}
	if c.PlanPublished != "" {
		k.plan = l.T("kle_check.plan", c.PlanFile, dayInWords(l, c.PlanPublished))
	}
	k.Summary = l.T("kle_check.summary", c.Version, k.plan, l.DateTime(c.CheckedAt.In(strategy.Location)), Actor(l, c.CheckedBy),
		l.Count("cli.count.kle_numbers", int64(c.Numbers)), l.Count("cli.count.warnings", int64(c.Warnings)))
	return k
}

// Area describes the check of one area's KLE number. An area the check
// does not name (which a check of the version shown always does) is
// unchecked.
func (k KLECheck) Area(a *strategy.Area) KLEAreaCheck {
	if a.KLE == "" { // the area for what no area fits has no number to check
		return KLEAreaCheck{Short: k.l.T("kle_check.no_number"), Long: k.l.T("kle_check.no_number_long")}
	}
	found, ok := k.check.Areas[a.ID]
	if !k.Checked || !ok || found.KLE != a.KLE {
		return KLEAreaCheck{Short: k.l.T("kle_check.area_unchecked"), Long: k.l.T("kle_check.area_unchecked_long")}
	}
	c := KLEAreaCheck{Checked: true, Short: k.l.T("kle_check.area", k.plan),
		Long: k.l.T("kle_check.area_long", k.plan, k.l.DateTime(k.check.CheckedAt.In(strategy.Location)))}
	if found.TitleDiffers {
		c.Warnings = append(c.Warnings, k.l.T("kle_check.title_differs", found.KLE, found.PlanTitle))
	}
	if found.Expired != "" {
		c.Warnings = append(c.Warnings, k.l.T("kle_check.expired", found.KLE, dayInWords(k.l, found.Expired)))
	}
	return c
}

// dayInWords writes a day the plan gives as YYYY-MM-DD as running text
// writes it ("1. maj 2024"); anything else as the plan has it.
func dayInWords(l locale.Printer, s string) string {
	d, err := civil.ParseDate(s)
	if err != nil {
		return s
	}
	return l.Date(d)
}

// Actor is who did something, in words: Kanal itself, the command
// line, an API key, or a user's e-mail address.
func Actor(l locale.Printer, actor string) string {
	switch {
	case actor == audit.System.Name:
		return l.T("audit.actor.system")
	case strings.HasPrefix(actor, "cli:"):
		return l.T("audit.actor.cli", strings.TrimPrefix(actor, "cli:"))
	case strings.HasPrefix(actor, "apikey:"):
		return l.T("audit.actor.key", strings.TrimPrefix(actor, "apikey:"))
	}
	return actor
}

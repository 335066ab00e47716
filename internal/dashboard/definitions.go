package dashboard

import (
	"strconv"
	"strings"

	"github.com/kanal-dk/kanal/internal/describe"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/measure"
	"github.com/kanal-dk/kanal/internal/render/table"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// A share means little without what it counts: Dragør's 2014 digital share
// is 56 % with the website's page views and contact forms and 46–49 %
// without, which decides whether the 2015 target is met. So every share
// is shown with its definition, and the page, each export and the council
// report state the rules the figures rest on.

// Definition says in words what a share counts: "Digitale henvendelser fra
// borgerne: henvendelser via Digital selvbetjening eller Digital Post ud af
// alle henvendelser til kommunen undtagen sidevisninger på hjemmesiden."
func Definition(l locale.Printer, s *strategy.Strategy, def strategy.ShareDefinition) string {
	what := "definition.inquiries_by"
	if def.Direction == strategy.Outbound {
		what = "definition.documents_as"
	}
	part := l.T(what, orList(l, describe.ChannelNames(s, def.Counts)))
	whole := l.T(what, orList(l, describe.ChannelNames(s, def.Of)))
	if def.DefaultOf && def.Direction == strategy.Inbound {
		whole = l.T("definition.of.inbound_default")
	}
	text := l.T("definition.share", l.T("measure."+def.Measure), part, whole)
	if def.Types != nil {
		text += " " + l.T("definition.types", orList(l, typeNames(s, l, def.Types)))
	}
	for _, c := range def.Counts {
		if s.UsesSolution(c) {
			text += " " + l.T("definition.sb0_not_digital")
			break
		}
	}
	if def.IsDefault() {
		return text + " " + l.T("definition.default")
	}
	return text + " " + l.T("definition.own")
}

func typeNames(s *strategy.Strategy, l locale.Printer, ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = describe.TypeLabel(s, l, id)
	}
	return out
}

// orList joins names as the language lists alternatives: "A, B eller C".
func orList(l locale.Printer, names []string) string {
	switch len(names) {
	case 0:
		return l.T("definition.no_channel")
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " " + l.T("definition.or") + " " + names[len(names)-1]
}

// PriceYear names a strategy's price level: "prisniveau 2012", or that it
// is not given.
func PriceYear(l locale.Printer, s *strategy.Strategy) string {
	if s.Prices.Year == 0 {
		return l.T("definition.price_year_unknown")
	}
	return l.T("definition.price_year", s.Prices.Year)
}

// PriceYears names the price levels of the versions in force in a period,
// each once: "prisniveau 2012".
func PriceYears(l locale.Printer, spans []measure.Span) string {
	var out []string
	seen := map[string]bool{}
	for _, sp := range spans {
		y := PriceYear(l, sp.Version.Strategy)
		if !seen[y] {
			seen[y] = true
			out = append(out, y)
		}
	}
	return strings.Join(out, "; ")
}

// Prices says which version priced which days of the period, with its
// price level and the staff-hour price.
func Prices(l locale.Printer, spans []measure.Span) string {
	parts := make([]string, len(spans))
	for i, sp := range spans {
		version := l.T("definition.version_single")
		if sp.Version.Number > 0 {
			version = l.T("definition.version", sp.Version.Number)
		}
		parts[i] = l.T("definition.span", version, PriceYear(l, sp.Version.Strategy),
			DayLabel(l, sp.From), DayLabel(l, sp.To))
	}
	return l.T("definition.prices", strings.Join(parts, "; "))
}

// Notes are the definitions and rules the figures of a dashboard use,
// one paragraph each: demo data first, then the shares, page views, SB
// level 0 and the strategy's minimum, the prices and their versions,
// assisted self-service, and the gross potential.
func (ft Set) Notes() []string {
	l, s, d := ft.l, ft.s, ft.d
	var out []string
	if d.Demo {
		out = append(out, l.T("definition.demo"))
	}
	for _, def := range d.Definitions {
		out = append(out, Definition(l, s, def))
	}
	if d.PageViewsCounted {
		out = append(out, l.T("definition.page_views_counted"))
	} else {
		out = append(out, l.T("definition.page_views", l.Int(d.PageViews)))
	}
	out = append(out, l.T("definition.sb0", l.Count("ui.count.inquiries", int64(d.Reporting))))
	if m := s.MinimumSBLevel; m != nil {
		below := []string{}
		for _, a := range d.BelowMinimum() {
			below = append(below, AreaLabel(a.Area))
		}
		list := l.T("definition.none")
		if len(below) > 0 {
			list = strings.Join(below, "; ")
		}
		out = append(out, l.T("definition.sb_minimum", m.Level, m.Text, list))
	}
	out = append(out, Prices(l, d.Spans), l.T("definition.version_rule"))
	for _, n := range d.Skipped {
		out = append(out, l.T("definition.skipped", n))
	}
	out = append(out, ft.assistedNote())
	out = append(out, l.T("definition.gross", PriceYears(l, d.Spans)))
	if n := ft.exampleAreas(); n != "" {
		out = append(out, l.T("definition.example_areas", n))
	}
	return out
}

// exampleAreas lists the areas the figures show whose number or title the
// strategy does not state (marked as examples in the file), for the note
// that says so beside the figures.
func (ft Set) exampleAreas() string {
	var names []string
	for _, a := range ft.s.Areas {
		if a.Example || a.IsExample("kle") || a.IsExample("title") {
			names = append(names, AreaLabel(&a))
		}
	}
	return strings.Join(names, "; ")
}

// assistedNote says how assisted self-service is priced, with the
// staff-hour price of each version in force, marked as an example where
// the strategy gives none.
func (ft Set) assistedNote() string {
	l := ft.l
	var prices []string
	seen := map[string]bool{}
	for _, sp := range ft.d.Spans {
		dkk, example := sp.Version.Strategy.Prices.StaffHour()
		p := l.T("definition.staff_hour", l.Decimal(dkk, describe.Decimals(dkk)))
		if example {
			p += " " + l.T("definition.staff_hour_example")
		}
		if !seen[p] {
			seen[p] = true
			prices = append(prices, p)
		}
	}
	hours := l.Decimal(float64(ft.d.StaffSeconds)/3600, 1)
	return l.T("definition.assisted", strings.Join(prices, "; "), hours, l.Decimal(ft.d.StaffCost, 0))
}

// Definitions is the table of the four shares' definitions, for the page
// and the report.
func (ft Set) Definitions() Table {
	l := ft.l
	tb := newTable("definitions", l.T("definition.caption"), "", l.T("figures.measure"), l.T("definition.heading"))
	for _, def := range ft.d.Definitions {
		tb.Rows = append(tb.Rows, []table.Cell{text(l.T("measure." + def.Measure)), text(Definition(l, ft.s, def))})
	}
	return tb
}

// SelfService is the table of the areas' self-service against the SB
// levels: which count as digital and which are below the strategy's
// minimum.
func (ft Set) SelfService() Table {
	l, s := ft.l, ft.s
	head := []string{l.T("figures.area"), l.T("areas.sb_level"), l.T("figures.self_service.inquiries"),
		l.T("figures.self_service.reporting")}
	if s.MinimumSBLevel != nil {
		head = append(head, l.T("figures.self_service.below", s.MinimumSBLevel.Level))
	}
	tb := newTable("self-service", l.T("figures.self_service.caption"), l.T("figures.self_service.none"), head...)
	for _, a := range ft.d.SelfService {
		level := text("–")
		if a.HasLevel {
			level = text(strconv.Itoa(a.Level))
			if a.Level == strategy.ReportingLevel {
				level = text(l.T("figures.self_service.level0"))
			}
		}
		row := []table.Cell{text(AreaLabel(a.Area)), level, count(l, a.Inquiries), count(l, a.Reporting)}
		if s.MinimumSBLevel != nil {
			row = append(row, text(describe.YesNo(l, a.BelowMinimum)))
		}
		tb.Rows = append(tb.Rows, row)
	}
	return tb
}

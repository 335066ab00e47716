package staff

import (
	"strconv"

	"github.com/kanal-dk/kanal/internal/businesscase"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/render/table"
)

// bcSide is a case's scenarios side by side: the figures and results,
// one column per scenario, and the years of the horizon with each
// scenario's cumulative and cumulative discounted value. The page, the
// XLSX and the PDF show the same two tables.
type bcSide struct {
	Summary table.Table
	Years   table.Table
	// Scenarios are the columns' names, for the page's two-row header.
	Scenarios []string
}

func amount(l locale.Printer, x float64) table.Cell {
	v := businesscase.Kroner(x)
	return table.Cell{Text: kroner(l, x), Value: &v}
}

func count(l locale.Printer, x float64) table.Cell {
	v := businesscase.Kroner(x)
	return table.Cell{Text: l.Decimal(v, 0), Value: &v}
}

func percentCell(l locale.Printer, x float64) table.Cell {
	return table.Cell{Text: l.Decimal(x*100, 1) + " %", Value: &x, Percent: true}
}

// sideBySide lays a case's scenarios out; a scenario whose input is out
// of range (never saved so) shows dashes.
func sideBySide(l locale.Printer, c businesscase.Case) *bcSide {
	out := &bcSide{}
	out.Summary.Caption = l.T("businesscase.side.caption")
	out.Summary.Head = []string{l.T("businesscase.side.figure")}
	results := make([]*businesscase.Result, len(c.Scenarios))
	maxYears := 0
	for i, sc := range c.Scenarios {
		name := sc.Name
		if sc.Chosen {
			name = l.T("businesscase.side.chosen", sc.Name)
		}
		out.Summary.Head = append(out.Summary.Head, name)
		out.Scenarios = append(out.Scenarios, name)
		if r, err := businesscase.Compute(sc.Effective()); err == nil {
			results[i] = &r
			maxYears = max(maxYears, len(r.Years))
		}
	}
	row := func(label string, cell func(sc businesscase.Scenario, r *businesscase.Result) table.Cell) {
		cells := []table.Cell{{Text: label}}
		for i, sc := range c.Scenarios {
			if results[i] == nil {
				cells = append(cells, table.Cell{Text: "–"})
				continue
			}
			cells = append(cells, cell(sc, results[i]))
		}
		out.Summary.Rows = append(out.Summary.Rows, cells)
	}
	row(l.T("businesscase.field.volume"), func(sc businesscase.Scenario, _ *businesscase.Result) table.Cell { return count(l, sc.Input.Volume) })
	row(l.T("businesscase.field.shift"), func(sc businesscase.Scenario, _ *businesscase.Result) table.Cell {
		return percentCell(l, sc.Input.Shift)
	})
	row(l.T("businesscase.field.price_old"), func(sc businesscase.Scenario, _ *businesscase.Result) table.Cell {
		v := sc.Input.PriceOld
		return table.Cell{Text: l.T("businesscase.kroner", l.Decimal(v, 2)), Value: &v}
	})
	row(l.T("businesscase.field.sb_level"), func(sc businesscase.Scenario, _ *businesscase.Result) table.Cell {
		if sc.SBLevel == nil {
			return table.Cell{Text: "–"}
		}
		return table.Cell{Text: strconv.Itoa(*sc.SBLevel)}
	})
	row(l.T("businesscase.field.price_new"), func(sc businesscase.Scenario, _ *businesscase.Result) table.Cell {
		v := sc.Input.PriceNew
		return table.Cell{Text: l.T("businesscase.kroner", l.Decimal(v, 2)), Value: &v}
	})
	row(l.T("businesscase.field.investment"), func(sc businesscase.Scenario, _ *businesscase.Result) table.Cell {
		return amount(l, sc.Input.Investment)
	})
	row(l.T("businesscase.field.running_per_year"), func(sc businesscase.Scenario, _ *businesscase.Result) table.Cell {
		return amount(l, sc.Input.RunningPerYear)
	})
	row(l.T("businesscase.side.staff_cost"), func(sc businesscase.Scenario, _ *businesscase.Result) table.Cell { return amount(l, sc.StaffCost()) })
	row(l.T("businesscase.side.running_total"), func(sc businesscase.Scenario, _ *businesscase.Result) table.Cell {
		return amount(l, sc.Effective().RunningPerYear)
	})
	row(l.T("businesscase.field.years"), func(sc businesscase.Scenario, _ *businesscase.Result) table.Cell {
		return count(l, float64(sc.Input.Years))
	})
	row(l.T("businesscase.field.discount_rate"), func(sc businesscase.Scenario, _ *businesscase.Result) table.Cell {
		return percentCell(l, sc.Input.DiscountRate)
	})
	row(l.T("businesscase.side.moved"), func(_ businesscase.Scenario, r *businesscase.Result) table.Cell { return count(l, r.MovedVolume) })
	row(l.T("businesscase.side.gross"), func(_ businesscase.Scenario, r *businesscase.Result) table.Cell { return amount(l, r.GrossPerYear) })
	row(l.T("businesscase.side.net"), func(_ businesscase.Scenario, r *businesscase.Result) table.Cell { return amount(l, r.NetPerYear) })
	row(l.T("businesscase.side.npv"), func(_ businesscase.Scenario, r *businesscase.Result) table.Cell { return amount(l, r.NPV) })
	row(l.T("businesscase.side.payback"), func(_ businesscase.Scenario, r *businesscase.Result) table.Cell {
		if r.PaybackYears == nil {
			return table.Cell{Text: l.T("businesscase.no_payback")}
		}
		v := businesscase.Hundredths(*r.PaybackYears)
		return table.Cell{Text: l.Decimal(v, 2), Value: &v}
	})
	if c.Demo {
		out.Summary.Notes = append(out.Summary.Notes, l.T("businesscase.demo_note"))
	}
	out.Summary.Notes = append(out.Summary.Notes, l.T("businesscase.formulas"))

	out.Years.Caption = l.T("businesscase.years.caption")
	out.Years.Head = []string{l.T("businesscase.years.year")}
	for _, name := range out.Scenarios {
		out.Years.Head = append(out.Years.Head, l.T("businesscase.years.cumulative", name), l.T("businesscase.years.discounted", name))
	}
	for t := 1; t <= maxYears; t++ {
		cells := []table.Cell{{Text: strconv.Itoa(t)}}
		for i := range c.Scenarios {
			r := results[i]
			if r == nil || t > len(r.Years) {
				cells = append(cells, table.Cell{Text: "–"}, table.Cell{Text: "–"})
				continue
			}
			y := r.Years[t-1]
			cells = append(cells, amount(l, y.Cumulative), amount(l, y.CumulativeDiscounted))
		}
		out.Years.Rows = append(out.Years.Rows, cells)
	}
	out.Years.Notes = []string{l.T("businesscase.years.note")}
	return out
}

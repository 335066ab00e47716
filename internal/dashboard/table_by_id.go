package dashboard

import "strings"

// Table builds the table of an id, and only it: what a download of one
// table needs, without the other tables and the charts. ok is false when
// the set has no table of that id. The comparison between municipalities
// is not in a Set: it needs other municipalities' figures (Comparison).
func (ft Set) Table(id string) (t Table, ok bool) {
	switch id {
	case "key-figures":
		return ft.KeyFigures(), true
	case "definitions":
		return ft.Definitions(), true
	case "targets":
		return ft.Targets(), true
	case "mix":
		return ft.mixTable(), true
	case "channels":
		return ft.channelTable(), true
	case "cost-by-type":
		return ft.CostByType(), true
	case "areas":
		return ft.Areas(), true
	case "self-service":
		return ft.SelfService(), true
	case "savings":
		return ft.savingsTable(), true
	case "without-solution":
		return ft.WithoutSolution(), true
	case "departments":
		return ft.Departments(), true
	}
	for _, ts := range ft.d.Targets {
		if id == "target-"+ts.Target.ID {
			return ft.targetChart(ts).Table, true
		}
	}
	return Table{}, false
}

// NeedsTargets reports whether the table of an id shows the targets, and
// so needs the months since the start of the strategy period that their
// trend is drawn through (measure.Source.Rows); every other table is built
// from the period alone (measure.Source.RowsWithoutTargets).
func NeedsTargets(id string) bool {
	return id == "targets" || strings.HasPrefix(id, "target-")
}

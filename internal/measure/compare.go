package measure

import (
	"sort"

	"github.com/kanal-dk/kanal/internal/strategy"
)

// Compared is one municipality's counts for a comparison.
type Compared struct {
	ID, Name string
	// Strategy is the newest version: its definition of the digital share
	// and its areas. Rows carry the version in force on their days.
	Strategy *strategy.Strategy
	Rows     []Row
	// Department limits the municipality's figures to one department (a
	// manager's own), and so the whole comparison to that department's
	// areas: those the strategy gives it and those it counted inquiries
	// in. The other municipalities are compared on the same areas.
	Department string
}

// ComparedArea is one service area, matched across municipalities by its
// KLE number: each municipality's inbound digital share, by its own
// strategy's definition, in the order of
// Comparison.Municipalities (nil where it has no such inquiries).
type ComparedArea struct {
	KLE, Title string
	Shares     []*float64
	Inbound    []int64
}

// Comparison puts municipalities side by side.
type Comparison struct {
	Municipalities []ComparedMunicipality
	Areas          []ComparedArea
	// Department is the department the comparison is limited to, if any
	// (see Compared.Department): the totals are then its areas'.
	Department string
}

// ComparedMunicipality is one column of a comparison.
type ComparedMunicipality struct {
	ID, Name string
	Totals
}

// Compare computes each municipality's inbound digital share per area
// for the period and inquiry type of a filter. Departments differ between
// municipalities, so the filter's department and area do not apply; a
// municipality's own Department does.
func Compare(list []Compared, f Filter) Comparison {
	var out Comparison
	byKLE := map[string]*ComparedArea{}
	only := departmentAreas(list)
	for i, m := range list {
		if m.Department != "" {
			out.Department = m.Department
		}
		cm := ComparedMunicipality{ID: m.ID, Name: m.Name}
		c := newCounter(m.Strategy)
		perArea := map[string]*Totals{}
		for _, r := range m.Rows {
			if r.Direction != strategy.Inbound || (f.Type != "" && r.Type != f.Type) ||
				(m.Department != "" && r.Department != m.Department) {
				continue
			}
			a, ok := m.Strategy.Area(r.Area)
			if only != nil && (!ok || !only[a.KLE]) {
				continue
			}
			fc := c.fact(r)
			c.count(&cm.Totals, r, fc)
			if !ok {
				continue
			}
			if perArea[a.KLE] == nil {
				perArea[a.KLE] = &Totals{}
				if byKLE[a.KLE] == nil {
					byKLE[a.KLE] = &ComparedArea{KLE: a.KLE, Title: a.Title,
						Shares: make([]*float64, len(list)), Inbound: make([]int64, len(list))}
				}
			}
			c.count(perArea[a.KLE], r, fc)
		}
		for kle, t := range perArea {
			byKLE[kle].Shares[i] = t.InboundDigitalShare()
			byKLE[kle].Inbound[i] = t.Digital.Whole
		}
		out.Municipalities = append(out.Municipalities, cm)
	}
	for _, a := range byKLE {
		out.Areas = append(out.Areas, *a)
	}
	sort.Slice(out.Areas, func(i, j int) bool { return out.Areas[i].KLE < out.Areas[j].KLE })
	return out
}

// departmentAreas are the KLE numbers a comparison is limited to when a
// municipality in it is limited to a department, or nil when none is.
func departmentAreas(list []Compared) map[string]bool {
	var only map[string]bool
	for _, m := range list {
		if m.Department == "" {
			continue
		}
		if only == nil {
			only = map[string]bool{}
		}
		for _, a := range m.Strategy.Areas {
			if a.Department == m.Department {
				only[a.KLE] = true
			}
		}
		for _, r := range m.Rows {
			if a, ok := m.Strategy.Area(r.Area); ok && r.Department == m.Department {
				only[a.KLE] = true
			}
		}
	}
	return only
}

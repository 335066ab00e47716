package staff

import (
	"fmt"
	"strings"

	"github.com/kanal-dk/kanal/internal/describe"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// elsewhere names in words a place of the strategy that a form does not
// show, for a problem found there: »Henvisningen »Udbetaling Danmark« ›
// Områder«. An entry of a list is named by what names it, a field by its
// word (edit.field.*), never by the file's names.
func elsewhere(l locale.Printer, st *strategy.Strategy, path strategy.Path) string {
	if st == nil || len(path) == 0 {
		return l.T("edit.where.strategy")
	}
	var parts []string
	rest := path
	if i, ok := at(path, 1); ok {
		if label, ok := entryLabel(l, st, path[0], i); ok {
			parts, rest = append(parts, label), path[2:]
		}
	}
	if len(parts) == 0 && len(path) >= 3 && path[0] == "prices" && path[1] == "entries" {
		if i, ok := at(path, 2); ok && i < len(st.Prices.Entries) {
			parts = append(parts, l.T("edit.where.price", priceLabel(st, l, st.Prices.Entries[i])))
			rest = path[3:]
		}
	}
	for k, e := range rest {
		switch e := e.(type) {
		case int:
			parts = append(parts, l.T("diff.number", e+1))
		default:
			name := pathElemString(e)
			parts = append(parts, pathWord(l, st, st, rest[:k], name))
		}
	}
	if len(parts) == 0 {
		return l.T("edit.where.strategy")
	}
	return strings.Join(parts, " › ")
}

// at is the path's element k as a list index.
func at(path strategy.Path, k int) (int, bool) {
	if k >= len(path) {
		return 0, false
	}
	i, ok := path[k].(int)
	return i, ok
}

func pathElemString(e any) string { return fmt.Sprint(e) }

// entryLabel names entry i of a top-level list.
func entryLabel(l locale.Printer, st *strategy.Strategy, list any, i int) (string, bool) {
	switch list {
	case "areas":
		if i < len(st.Areas) {
			return l.T("edit.where.area", strategy.AreaLabel(st.Areas[i].KLE, st.Areas[i].Title)), true
		}
	case "targets":
		if i < len(st.Targets) {
			return l.T("edit.where.target", describe.NewTarget(st, l, st.Targets[i]).Measure), true
		}
	case "referrals":
		if i < len(st.Referrals) {
			return l.T("edit.where.referral", st.Referrals[i].Name), true
		}
	case "opening_hours":
		if i < len(st.OpeningHours) {
			oh := st.OpeningHours[i]
			label := describe.ChannelNames(st, []string{oh.Channel})[0]
			if oh.Location != "" {
				label += ", " + oh.Location
			}
			return l.T("edit.where.hours", label), true
		}
	case "departments":
		if i < len(st.Departments) {
			return l.T("edit.where.department", st.Departments[i].Name), true
		}
	case "channels":
		if i < len(st.Channels) {
			return l.T("edit.where.channel", st.Channels[i].Name), true
		}
	case "inquiry_types":
		if i < len(st.InquiryTypes) {
			return l.T("edit.where.type", st.InquiryTypes[i].Name), true
		}
	}
	return "", false
}

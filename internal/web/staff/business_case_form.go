package staff

import (
	"fmt"
	"math"
	"net/url"
	"strconv"
	"strings"

	"github.com/kanal-dk/kanal/internal/businesscase"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// The business case's form: the case's title and solution and one
// fieldset per scenario, plus an empty one to add a scenario. Numbers
// are read in the page's language ("4.000" and "0,6" in Danish); the
// shift and the discount rate are typed as percentages.

// bcFieldDefs are a scenario's fields: the form key (the API's JSON name
// where there is one), its decimals when shown, and whether it is a
// percentage of the stored fraction.
var bcFieldDefs = []struct {
	key      string
	decimals int
	percent  bool
}{
	{"volume", 0, false}, {"shift", 1, true}, {"price_old", 2, false}, {"sb_level", 0, false}, {"price_new", 2, false},
	{"investment", 0, false}, {"running_per_year", 0, false}, {"assisted_volume", 0, false}, {"assisted_minutes", 1, false},
	{"years", 0, false}, {"discount_rate", 2, true},
}

// bcField is one input of a scenario's fieldset.
type bcField struct {
	Key, ID, Name, Value, Error string
}

// bcSlot is one scenario's fieldset.
type bcSlot struct {
	// Index numbers the fieldsets from 0 (the form's names), Number
	// from 1 (the legend).
	Index  int
	Number int
	Name   string
	Chosen bool
	// Blank is the empty fieldset that adds a scenario.
	Blank  bool
	Fields []bcField
	// NameError is the name's problem.
	NameError string
}

// bcForm is the form's values and problems.
type bcForm struct {
	Title, Solution           string
	TitleError, SolutionError string
	Slots                     []bcSlot
	parsed                    []businesscase.Scenario
	staffHour                 float64
}

func slotID(i int, key string) string { return fmt.Sprintf("s%d-%s", i, key) }

// slot is a fieldset with the scenario's values shown in the page's
// language.
func slot(l locale.Printer, i int, sc businesscase.Scenario, blank bool) bcSlot {
	vals := map[string]float64{"volume": sc.Input.Volume, "shift": sc.Input.Shift, "price_old": sc.Input.PriceOld,
		"price_new": sc.Input.PriceNew, "investment": sc.Input.Investment, "running_per_year": sc.Input.RunningPerYear,
		"assisted_volume": sc.AssistedVolume, "assisted_minutes": sc.AssistedMinutes, "years": float64(sc.Input.Years),
		"discount_rate": sc.Input.DiscountRate}
	out := bcSlot{Index: i, Number: i + 1, Name: sc.Name, Chosen: sc.Chosen, Blank: blank}
	for _, d := range bcFieldDefs {
		f := bcField{Key: d.key, ID: slotID(i, d.key), Name: slotID(i, d.key)}
		switch {
		case blank:
		case d.key == "sb_level":
			if sc.SBLevel != nil {
				f.Value = strconv.Itoa(*sc.SBLevel)
			}
		case d.percent:
			f.Value = l.Decimal(vals[d.key]*100, d.decimals)
		default:
			f.Value = l.Decimal(vals[d.key], d.decimals)
		}
		out.Fields = append(out.Fields, f)
	}
	return out
}

// newForm is a new case's form: two scenarios from the figures, the
// expected one (half of the shiftable volume moves) and a cautious one
// (a quarter), at the area's default SB level, over 5 years at 4 %. The
// investment and running cost are left at 0 for the department to fill.
func newForm(l locale.Printer, st *strategy.Strategy, a *strategy.Area, volume, priceOld float64) bcForm {
	level := businesscase.DefaultSBLevel(a)
	priceNew, _ := businesscase.PriceNew(st, level)
	staffHour := 0.0
	if st.Prices.StaffHourDKK != nil {
		staffHour = *st.Prices.StaffHourDKK
	}
	base := businesscase.Scenario{Input: businesscase.Input{Volume: math.Round(volume), PriceOld: math.Round(priceOld*100) / 100,
		PriceNew: priceNew, Years: 5, DiscountRate: 0.04}, SBLevel: &level, StaffHourDKK: staffHour, AssistedMinutes: 10}
	expected, cautious := base, base
	expected.Name, expected.Input.Shift, expected.Chosen = l.T("businesscase.scenario.expected"), 0.5, true
	cautious.Name, cautious.Input.Shift = l.T("businesscase.scenario.cautious"), 0.25
	return bcForm{staffHour: staffHour, Title: a.Title, parsed: []businesscase.Scenario{expected, cautious}}.withSlots(l)
}

// formOf is a saved case's form.
func formOf(l locale.Printer, st *strategy.Strategy, c businesscase.Case) bcForm {
	f := bcForm{Title: c.Title, Solution: c.Solution, parsed: c.Scenarios}
	return f.withSlots(l)
}

// withSlots lays the parsed scenarios out as fieldsets and adds the blank
// one while there is room.
func (f bcForm) withSlots(l locale.Printer) bcForm {
	f.Slots = nil
	for i, sc := range f.parsed {
		f.Slots = append(f.Slots, slot(l, i, sc, false))
	}
	if len(f.parsed) < businesscase.MaxScenarios {
		f.Slots = append(f.Slots, slot(l, len(f.parsed), businesscase.Scenario{}, true))
	}
	return f
}

func (f bcForm) scenarios() []businesscase.Scenario { return f.parsed }

// parseNumber reads a number as people type it in the language: in
// Danish "4.000" and "0,6" (a point before exactly three digits groups
// thousands, any other is a decimal point), in English "4,000" and
// "0.6".
func parseNumber(lang, s string) (float64, error) {
	s = strings.NewReplacer(" ", "", "\u00a0", "", "%", "", "kr.", "", "kr", "").Replace(strings.TrimSpace(s))
	group, point := ".", ","
	if lang == locale.English {
		group, point = ",", "."
	}
	if strings.Contains(s, point) {
		s = strings.ReplaceAll(s, group, "")
		s = strings.Replace(s, point, ".", 1)
	} else if strings.Contains(s, group) {
		parts := strings.Split(s, group)
		thousands := true
		for _, p := range parts[1:] {
			if len(p) != 3 {
				thousands = false
			}
		}
		if thousands {
			s = strings.Join(parts, "")
		} else {
			s = strings.Replace(s, group, ".", 1)
		}
	}
	x, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
		return 0, fmt.Errorf("not a number: %q", s)
	}
	return x, nil
}

// readForm reads the posted form. A fieldset with neither a name nor a
// number is left out, and one marked to be removed; an unreadable number
// is a problem at its field. An empty new price is the strategy's price
// of self-service at the SB level given.
func readForm(l locale.Printer, st *strategy.Strategy, form url.Values) (bcForm, []answerProblem) {
	f := bcForm{Title: form.Get("title"), Solution: form.Get("solution")}
	if st.Prices.StaffHourDKK != nil {
		f.staffHour = *st.Prices.StaffHourDKK
	}
	chosen := form.Get("chosen")
	var problems []answerProblem
	for i := 0; i <= businesscase.MaxScenarios; i++ {
		name := strings.TrimSpace(form.Get(slotID(i, "name")))
		if form.Get(slotID(i, "remove")) != "" {
			continue
		}
		empty := name == ""
		for _, d := range bcFieldDefs {
			if strings.TrimSpace(form.Get(slotID(i, d.key))) != "" {
				empty = false
			}
		}
		if empty {
			continue
		}
		n := len(f.Slots)
		sl := bcSlot{Index: n, Number: n + 1, Name: name, Chosen: chosen == strconv.Itoa(i)}
		sc := businesscase.Scenario{Name: name, Chosen: sl.Chosen, StaffHourDKK: f.staffHour}
		vals := map[string]float64{}
		for _, d := range bcFieldDefs {
			raw := strings.TrimSpace(form.Get(slotID(i, d.key)))
			fd := bcField{Key: d.key, ID: slotID(n, d.key), Name: slotID(n, d.key), Value: raw}
			if raw != "" {
				x, err := parseNumber(l.Lang(), raw)
				switch {
				case err != nil:
					fd.Error = l.T("businesscase.error.number")
				case (d.key == "years" || d.key == "sb_level") && x != math.Trunc(x):
					fd.Error = l.T("businesscase.error.whole")
				case d.key == "sb_level" && (x < 0 || x > 4):
					fd.Error = l.T("businesscase.error.range", 0, 4)
				}
				if d.percent {
					x /= 100
				}
				vals[d.key] = x
			} else if d.key == "sb_level" {
				vals[d.key] = -1
			}
			if fd.Error != "" {
				problems = append(problems, answerProblem{fd.ID, fd.Error})
			}
			sl.Fields = append(sl.Fields, fd)
		}
		sc.Input = businesscase.Input{Volume: vals["volume"], Shift: vals["shift"], PriceOld: vals["price_old"],
			PriceNew: vals["price_new"], Investment: vals["investment"], RunningPerYear: vals["running_per_year"],
			Years: int(vals["years"]), DiscountRate: vals["discount_rate"]}
		sc.AssistedVolume, sc.AssistedMinutes = vals["assisted_volume"], vals["assisted_minutes"]
		if lv := vals["sb_level"]; lv >= 0 && lv <= 4 {
			level := int(lv)
			sc.SBLevel = &level
			if strings.TrimSpace(form.Get(slotID(i, "price_new"))) == "" {
				if p, ok := businesscase.PriceNew(st, level); ok {
					sc.Input.PriceNew = p
					sl.Fields[4].Value = l.Decimal(p, 2)
				}
			}
		}
		f.Slots = append(f.Slots, sl)
		f.parsed = append(f.parsed, sc)
	}
	if len(f.parsed) < businesscase.MaxScenarios {
		f.Slots = append(f.Slots, slot(l, len(f.parsed), businesscase.Scenario{}, true))
	}
	return f, problems
}

// located turns the case's problems into the page's, each at its field's
// id, and marks the fields.
func (f *bcForm) located(l locale.Printer, bad businesscase.Invalid) []answerProblem {
	var out []answerProblem
	for _, p := range bad {
		msg := l.T(p.Key, p.Args...)
		switch {
		case p.Field == "shift" && p.Key == "businesscase.error.range", p.Field == "discount_rate" && p.Key == "businesscase.error.range":
			msg = l.T("businesscase.error.range_percent", 100)
		case p.Field == "years":
			msg = l.T("businesscase.error.years", businesscase.MaxYears)
		}
		switch {
		case p.Scenario < 0 && p.Field == "title":
			f.TitleError = msg
			out = append(out, answerProblem{"title", msg})
		case p.Scenario < 0 && p.Field == "solution":
			f.SolutionError = msg
			out = append(out, answerProblem{"solution", msg})
		case p.Scenario < 0:
			out = append(out, answerProblem{slotID(0, "name"), msg})
		case p.Scenario < len(f.Slots):
			sl := &f.Slots[p.Scenario]
			id := slotID(p.Scenario, p.Field)
			if p.Field == "name" {
				sl.NameError = msg
			}
			for i := range sl.Fields {
				if sl.Fields[i].Key == p.Field {
					sl.Fields[i].Error = msg
				}
			}
			out = append(out, answerProblem{id, msg})
		}
	}
	return out
}

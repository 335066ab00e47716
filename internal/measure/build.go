package measure

import (
	"cmp"
	"slices"
	"sort"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// Dashboard is every figure of the management dashboard for a filter.
type Dashboard struct {
	Strategy *strategy.Strategy
	Filter   Filter
	Totals
	// Definitions are what the four shares of Totals count, in the order
	// of strategy.ShareMeasures; PageViewsCounted tells whether the
	// strategy counts page views as inquiries.
	Definitions      []strategy.ShareDefinition
	PageViewsCounted bool
	// Spans are the strategy versions in force in the period, each with
	// its days: the prices the cost and the potential rest on.
	Spans []Span
	// Demo tells that the counted inquiries read include demo data.
	Demo bool
	// Skipped are stored versions that no longer validate, left out.
	Skipped []int
	// Channels are in the strategy's order, with volume or not.
	Channels    []ChannelFigure
	Areas       []AreaFigure
	Departments []DepartmentFigure
	// SelfService are the areas with a self-service solution or
	// self-service inquiries, with their SB level.
	SelfService []SelfServiceArea
	// Mix is the channel mix per period (day or month): inbound
	// inquiries, or outbound ones when the filter asks for them.
	Mix          []Point
	MixDirection string
	Savings      Savings
	Targets      []TargetStatus
}

// Definition is the definition the dashboard's key figure of a measure
// uses.
func (d *Dashboard) Definition(measure string) strategy.ShareDefinition {
	for _, def := range d.Definitions {
		if def.Measure == measure {
			return def
		}
	}
	return d.Strategy.Share(measure)
}

// Build computes the dashboard from the input's rows. s is the newest
// strategy: it gives the definitions, the areas and departments and their
// names; each row is priced by its own version (Row.In). Build is pure:
// the same rows give the same figures.
func Build(s *strategy.Strategy, f Filter, in Input) *Dashboard {
	c := newCounter(s)
	d := &Dashboard{Strategy: s, Filter: f, MixDirection: strategy.Inbound, Definitions: c.defs,
		PageViewsCounted: c.pageViews, Spans: in.Spans, Demo: in.Demo, Skipped: in.Skipped}
	if f.Direction == strategy.Outbound {
		d.MixDirection = strategy.Outbound
	}
	channels := map[string]*ChannelFigure{}
	for i := range s.Channels {
		d.Channels = append(d.Channels, ChannelFigure{Channel: &s.Channels[i], ByType: map[string]int64{},
			CostByType: map[string]float64{}})
	}
	for i := range d.Channels {
		channels[d.Channels[i].Channel.ID] = &d.Channels[i]
	}
	areas := map[string]*AreaFigure{}
	departments := map[string]*DepartmentFigure{}
	selfService := map[string]*SelfServiceArea{}
	mix := map[period]*Point{}
	for _, r := range in.Period {
		if !f.matches(r.Row) {
			continue
		}
		fc := c.fact(r)
		c.count(&d.Totals, r, fc)
		a := areas[r.Area]
		if a == nil {
			area, _ := s.Area(r.Area)
			if area == nil && r.In != nil {
				// An area removed since: named as the version in force
				// on the inquiry's days names it.
				area, _ = r.In.Area(r.Area)
			}
			if area == nil {
				area = &strategy.Area{ID: r.Area, Title: r.Area}
			}
			a = &AreaFigure{Area: area, ByChannel: map[string]int64{}}
			areas[r.Area] = a
		}
		c.count(&a.Totals, r, fc)
		dep := departments[r.Department]
		if dep == nil {
			department, _ := s.Department(r.Department)
			if department == nil {
				department = &strategy.Department{ID: r.Department, Name: r.Department}
			}
			dep = &DepartmentFigure{Department: department}
			departments[r.Department] = dep
		}
		c.count(&dep.Totals, r, fc)
		if fc.solution && r.Direction == strategy.Inbound {
			ss := selfService[r.Area]
			if ss == nil {
				ss = &SelfServiceArea{Area: a.Area}
				selfService[r.Area] = ss
			}
			ss.Inquiries += r.Inquiries
			if fc.reporting {
				ss.Reporting += r.Inquiries
			}
		}
		if fc.pageView {
			continue
		}
		if ch := channels[r.Channel]; ch != nil {
			if r.Direction == strategy.Inbound {
				ch.Inbound += r.Inquiries
			} else {
				ch.Outbound += r.Inquiries
			}
			ch.Assisted += r.Assisted
			ch.ByType[r.Type] += r.Inquiries
			ch.CostByType[r.Type] += fc.cost
			ch.Cost += fc.cost
		}
		a.ByChannel[r.Channel] += r.Inquiries
		if r.Direction == d.MixDirection {
			p := mix[period{r.Month, r.Day}]
			if p == nil {
				p = &Point{Month: r.Month, Day: r.Day, ByChannel: map[string]int64{}}
				mix[period{r.Month, r.Day}] = p
			}
			p.ByChannel[r.Channel] += r.Inquiries
			p.Total += r.Inquiries
		}
	}
	// Areas and departments in the strategy's order; unknown ones last.
	for i := range s.Areas {
		if a := areas[s.Areas[i].ID]; a != nil {
			d.Areas = append(d.Areas, *a)
			delete(areas, s.Areas[i].ID)
		}
	}
	for _, id := range sortedKeys(areas) {
		d.Areas = append(d.Areas, *areas[id])
	}
	for i := range s.Departments {
		if dep := departments[s.Departments[i].ID]; dep != nil {
			d.Departments = append(d.Departments, *dep)
			delete(departments, s.Departments[i].ID)
		}
	}
	for _, id := range sortedKeys(departments) {
		d.Departments = append(d.Departments, *departments[id])
	}
	for _, p := range mix {
		d.Mix = append(d.Mix, *p)
	}
	slices.SortFunc(d.Mix, func(a, b Point) int { return cmp.Or(a.Month.Compare(b.Month), a.Day.Compare(b.Day)) })
	d.SelfService = selfServiceAreas(s, f, selfService)
	d.Savings = savings(c, f, in.Period)
	if !in.NoTargets {
		d.Targets = targets(c, f, in.Trend)
	}
	return d
}

// period is a row's month and day (zero for a month's row).
type period struct {
	month civil.Month
	day   civil.Date
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// counter counts rows by the newest strategy's definitions.
type counter struct {
	s *strategy.Strategy
	// defs are the definitions of Totals' four shares, in the order of
	// strategy.ShareMeasures.
	defs      []strategy.ShareDefinition
	pageViews bool
}

func newCounter(s *strategy.Strategy) *counter {
	c := &counter{s: s, pageViews: s.CountsPageViews()}
	for _, m := range strategy.ShareMeasures {
		c.defs = append(c.defs, s.Share(m))
	}
	return c
}

// fact is what a row is, beyond its counts.
type fact struct {
	// pageView: inbound page views on the website, which are not
	// inquiries unless the strategy counts them.
	pageView bool
	// solution: the row's channel goes through the area's self-service
	// solution; reporting: that solution was SB level 0 on the row's days.
	solution, reporting bool
	// cost is what the row costs, staff its assisted staff time's part of
	// it; priced is false when there is no price for the channel.
	cost, staff float64
	priced      bool
}

// fact prices a row by the version in force on its days: channel price ×
// volume; self-service by the area's SB level, and on SB level 0 as a
// paper letter; the staff time recorded on self-service (assisted
// self-service: staff help the citizen use the solution) at the staff-hour
// price. Page views are not priced.
func (c *counter) fact(r Row) fact {
	var fc fact
	fc.pageView = r.Direction == strategy.Inbound && r.Channel == strategy.Website && !c.pageViews
	if fc.pageView {
		return fc
	}
	in := r.In
	area, _ := in.Area(r.Area)
	var level *int
	channel := r.Channel
	if in.UsesSolution(r.Channel) {
		fc.solution = true
		if area != nil && area.SelfService != nil {
			level = area.SelfService.SBLevel
		}
		if area.IsReporting() {
			fc.reporting = true
			// "samme ressourceforbrug, som hvis borgeren havde indsendt en
			// skriftlig blanket": priced as a letter where there is a price.
			if _, ok := in.PriceOf(strategy.Letter, r.Type, nil); ok {
				channel, level = strategy.Letter, nil
			}
		}
	}
	p, ok := in.PriceOf(channel, r.Type, level)
	if !ok {
		return fc
	}
	fc.priced = true
	fc.cost = *p.DKK * float64(r.Inquiries)
	if fc.solution {
		hour, _ := in.Prices.StaffHour()
		fc.staff = float64(r.DurationSeconds) * hour / 3600
		fc.cost += fc.staff
	}
	return fc
}

// count adds a row to totals.
func (c *counter) count(t *Totals, r Row, fc fact) {
	n := r.Inquiries
	for _, def := range c.defs {
		if r.Direction != def.Direction || !def.HasType(r.Type) || !def.InWhole(r.Channel) {
			continue
		}
		f := t.fraction(def.Measure)
		f.Whole += n
		if def.InPart(r.Channel) && !fc.reporting {
			f.Part += n
		}
	}
	if fc.pageView {
		t.PageViews += n
		return
	}
	t.Inquiries += n
	t.Resolved += r.Resolved
	t.Guided += r.Guided
	t.Exempt += r.Exempt
	t.Cost += fc.cost
	t.StaffCost += fc.staff
	if fc.solution && fc.priced {
		t.StaffSeconds += r.DurationSeconds
	}
	if !fc.priced {
		t.Unpriced += n
	}
	if r.Direction == strategy.Outbound {
		t.Outbound += n
		return
	}
	t.Inbound += n
	t.InboundAssisted += r.Assisted
	t.Referred += r.Referred
	if fc.reporting {
		t.Reporting += n
	}
}

package report

import (
	"sort"

	"github.com/kanal-dk/kanal/internal/rollup"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// Totals are the headline counts of a period. Digital follows KL's
// counting as the strategy marks its channels: e-mail is written, not
// digital; assisted self-service (medbetjening) is digital and also
// counted on its own.
type Totals struct {
	Inquiries int64

	Inbound         int64
	InboundDigital  int64
	InboundAssisted int64

	Outbound int64
	// OutboundDocuments are outbound inquiries on written channels — the
	// letters, e-mails and Digital Post the Digital Post targets count.
	OutboundDocuments   int64
	OutboundDigitalPost int64

	// Transactions are inbound applications and notifications.
	Transactions        int64
	TransactionsDigital int64

	// Information are inbound information inquiries; Expensive those on
	// the channels Tårnby wants them off: personal attendance, e-mail and
	// paper (every channel that is written or personal and not digital).
	Information          int64
	InformationExpensive int64

	Resolved, Guided, Exempt int64

	// Cost is channel price × volume in DKK; Unpriced counts inquiries on
	// channels without a price, which the cost leaves out.
	Cost     float64
	Unpriced int64
}

// Share is part of whole, or nil when there is nothing to divide.
func Share(part, whole int64) *float64 {
	if whole == 0 {
		return nil
	}
	s := float64(part) / float64(whole)
	return &s
}

// InboundDigitalShare is the digital share of inbound inquiries.
func (t Totals) InboundDigitalShare() *float64 { return Share(t.InboundDigital, t.Inbound) }

// OutboundDigitalPostShare is the Digital Post share of outbound documents.
func (t Totals) OutboundDigitalPostShare() *float64 {
	return Share(t.OutboundDigitalPost, t.OutboundDocuments)
}

// TransactionDigitalShare is the digital share of applications and
// notifications.
func (t Totals) TransactionDigitalShare() *float64 {
	return Share(t.TransactionsDigital, t.Transactions)
}

// ExpensiveInformationShare is the share of information inquiries on the
// expensive channels.
func (t Totals) ExpensiveInformationShare() *float64 {
	return Share(t.InformationExpensive, t.Information)
}

// ResolvedShare is the first-contact resolution rate (straksafklaring).
func (t Totals) ResolvedShare() *float64 { return Share(t.Resolved, t.Inquiries) }

// ChannelFigure is one channel's volume and cost.
type ChannelFigure struct {
	Channel  *strategy.Channel
	Inbound  int64
	Outbound int64
	Assisted int64
	// ByType counts the channel's inquiries per inquiry type, and
	// CostByType prices them.
	ByType     map[string]int64
	CostByType map[string]float64
	Cost       float64
}

// Total is the channel's volume.
func (c ChannelFigure) Total() int64 { return c.Inbound + c.Outbound }

// AreaFigure is one service area's row of the area table.
type AreaFigure struct {
	Area *strategy.Area
	Totals
	// ByChannel counts the area's inquiries per channel id.
	ByChannel map[string]int64
}

// DepartmentFigure is one department's totals.
type DepartmentFigure struct {
	Department *strategy.Department
	Totals
}

// Point is one period of a time series.
type Point struct {
	Period string
	// ByChannel counts the period's inquiries per channel id.
	ByChannel map[string]int64
	Total     int64
}

// Dashboard is every figure of the management dashboard for a filter.
type Dashboard struct {
	Strategy *strategy.Strategy
	Filter   Filter
	Totals
	// Channels are in the strategy's order, with volume or not.
	Channels    []ChannelFigure
	Areas       []AreaFigure
	Departments []DepartmentFigure
	// Mix is the channel mix per period (day or month): inbound
	// inquiries, or outbound ones when the filter asks for them.
	Mix          []Point
	MixDirection string
	Savings      Savings
	Targets      []TargetStatus
}

// Build computes the dashboard from the period's rows and the trend's
// monthly rows. It is pure: the same rows give the same figures.
func Build(s *strategy.Strategy, f Filter, period, trend []rollup.Row) *Dashboard {
	d := &Dashboard{Strategy: s, Filter: f, MixDirection: strategy.Inbound}
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
	mix := map[string]*Point{}
	for _, r := range period {
		if !f.matches(r) {
			continue
		}
		cost, priced := costOf(s, r)
		d.Totals.count(s, r, cost, priced)
		if c := channels[r.Channel]; c != nil {
			if r.Direction == strategy.Inbound {
				c.Inbound += r.Inquiries
			} else {
				c.Outbound += r.Inquiries
			}
			c.Assisted += r.Assisted
			c.ByType[r.Type] += r.Inquiries
			c.CostByType[r.Type] += cost
			c.Cost += cost
		}
		a := areas[r.Area]
		if a == nil {
			area, _ := s.Area(r.Area)
			if area == nil {
				area = &strategy.Area{ID: r.Area, Title: r.Area}
			}
			a = &AreaFigure{Area: area, ByChannel: map[string]int64{}}
			areas[r.Area] = a
		}
		a.Totals.count(s, r, cost, priced)
		a.ByChannel[r.Channel] += r.Inquiries
		dep := departments[r.Department]
		if dep == nil {
			department, _ := s.Department(r.Department)
			if department == nil {
				department = &strategy.Department{ID: r.Department, Name: r.Department}
			}
			dep = &DepartmentFigure{Department: department}
			departments[r.Department] = dep
		}
		dep.Totals.count(s, r, cost, priced)
		if r.Direction == d.MixDirection {
			p := mix[r.Period]
			if p == nil {
				p = &Point{Period: r.Period, ByChannel: map[string]int64{}}
				mix[r.Period] = p
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
	for _, period := range sortedKeys(mix) {
		d.Mix = append(d.Mix, *mix[period])
	}
	d.Savings = savings(s, f, period)
	d.Targets = targets(s, f, trend)
	return d
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// count adds a row to the totals.
func (t *Totals) count(s *strategy.Strategy, r rollup.Row, cost float64, priced bool) {
	c, _ := s.Channel(r.Channel)
	digital := c != nil && c.Digital
	n := r.Inquiries
	t.Inquiries += n
	t.Resolved += r.Resolved
	t.Guided += r.Guided
	t.Exempt += r.Exempt
	t.Cost += cost
	if !priced {
		t.Unpriced += n
	}
	if r.Direction == strategy.Outbound {
		t.Outbound += n
		if c != nil && c.Kind == strategy.KindWritten {
			t.OutboundDocuments += n
			if r.Channel == strategy.DigitalPost {
				t.OutboundDigitalPost += n
			}
		}
		return
	}
	t.Inbound += n
	t.InboundAssisted += r.Assisted
	if digital {
		t.InboundDigital += n
	}
	switch r.Type {
	case strategy.Transaction:
		t.Transactions += n
		if digital {
			t.TransactionsDigital += n
		}
	case strategy.Information:
		t.Information += n
		if expensive(c) {
			t.InformationExpensive += n
		}
	}
}

// expensive marks the channels Tårnby wants information inquiries off:
// personal attendance, e-mail and paper.
func expensive(c *strategy.Channel) bool {
	return c != nil && !c.Digital && (c.Kind == strategy.KindWritten || c.Kind == strategy.KindPersonal)
}

// costOf prices a row: channel price × volume, self-service by the area's
// SB level. It reports false when the strategy has no price for it.
func costOf(s *strategy.Strategy, r rollup.Row) (float64, bool) {
	p, ok := s.PriceOf(r.Channel, r.Type, sbLevel(s, r.Channel, r.Area))
	if !ok {
		return 0, false
	}
	return *p.DKK * float64(r.Inquiries), true
}

// sbLevel is the area's self-service level for a self-service channel.
func sbLevel(s *strategy.Strategy, channel, area string) *int {
	c, ok := s.Channel(channel)
	if !ok || c.Kind != strategy.KindSelfService {
		return nil
	}
	if a, ok := s.Area(area); ok && a.SelfService != nil {
		return a.SelfService.SBLevel
	}
	return nil
}

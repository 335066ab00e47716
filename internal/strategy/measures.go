package strategy

// What the figures count. A share target may say which channels count
// toward its share (Counts), out of which (Of) and for which inquiry types
// (Types); what it leaves out is the measure's default, written from the
// seeds' own words. The rule on self-service levels (SB level 0 is not
// digital self-service) and the staff-hour price of assisted self-service
// live here too, so that every figure, page and report reads them from one
// place.

// ShareDefinition is what one share counts: inquiries in Direction of the
// Types (nil: every type) on the Of channels make its whole, and those of
// them on the Counts channels its part. A channel counts toward the part
// only when it is in the whole as well, so a share never exceeds 100 %.
type ShareDefinition struct {
	Measure   string
	Direction string
	Counts    []string
	Of        []string
	Types     []string
	// DefaultCounts, DefaultOf and DefaultTypes tell which of the three
	// the strategy left to the measure's default.
	DefaultCounts, DefaultOf, DefaultTypes bool
}

// InPart reports whether inquiries on the channel count toward the part.
func (d ShareDefinition) InPart(channel string) bool {
	return contains(d.Counts, channel) && contains(d.Of, channel)
}

// InWhole reports whether inquiries on the channel make the whole.
func (d ShareDefinition) InWhole(channel string) bool { return contains(d.Of, channel) }

// HasType reports whether the share counts inquiries of the type.
func (d ShareDefinition) HasType(typ string) bool { return d.Types == nil || contains(d.Types, typ) }

// IsDefault reports whether the strategy left the whole definition to the
// measure's default.
func (d ShareDefinition) IsDefault() bool { return d.DefaultCounts && d.DefaultOf && d.DefaultTypes }

// ShareMeasures are the share measures, in the order the figures show them.
var ShareMeasures = []string{MeasureInboundDigital, MeasureTransactionDigital, MeasureOutboundDigitalPost, MeasureExpensiveInformation}

// MeasureDirection is the direction a measure counts: the Digital Post
// share counts documents from the municipality, every other share
// inquiries to it.
func MeasureDirection(measure string) string {
	if measure == MeasureOutboundDigitalPost {
		return Outbound
	}
	return Inbound
}

// ShareOf is the definition of a share target: its own Counts, Of and
// Types, the measure's defaults (DefaultCounts, DefaultOf, DefaultTypes)
// for what it leaves out.
func (s *Strategy) ShareOf(t *Target) ShareDefinition {
	return ShareDefinition{Measure: t.Measure, Direction: MeasureDirection(t.Measure),
		Counts: s.TargetCounts(t), Of: s.TargetOf(t), Types: s.TargetTypes(t),
		DefaultCounts: len(t.Counts) == 0, DefaultOf: len(t.Of) == 0, DefaultTypes: len(t.Types) == 0}
}

// DefaultShare is a measure's definition when no target sets one.
func (s *Strategy) DefaultShare(measure string) ShareDefinition {
	return s.ShareOf(&Target{Measure: measure})
}

// Share is the definition the key figures of a measure use: that of the
// strategy's first target of the measure for the whole municipality (one
// without an area), else the measure's default.
func (s *Strategy) Share(measure string) ShareDefinition {
	for i := range s.Targets {
		if t := &s.Targets[i]; t.Measure == measure && t.Area == "" {
			return s.ShareOf(t)
		}
	}
	return s.DefaultShare(measure)
}

// CountsPageViews reports whether the strategy counts page views on its
// website as inquiries: only when its digital share names the website
// among the channels it is out of.
func (s *Strategy) CountsPageViews() bool {
	return s.Share(MeasureInboundDigital).InWhole(Website)
}

// UsesSolution reports whether inquiries on the channel go through a
// service area's self-service solution, so that the area's SB level
// prices them: the channels of kind self-service but the website.
func (s *Strategy) UsesSolution(channel string) bool {
	c, ok := s.Channel(channel)
	return ok && c.Kind == KindSelfService && c.ID != Website
}

// ReportingLevel is SB level 0, "digital indberetning": a form the citizen
// fills in and e-mails. Dragør: "En sådan sagsgang kræver i princippet samme
// ressourceforbrug, som hvis borgeren havde indsendt en skriftlig blanket."
// Self-service on such a solution is not digital self-service and is
// priced as a paper letter.
const ReportingLevel = 0

// SBLevel is the level of the area's self-service solution; false when the
// area has none or its level is not given.
func (a *Area) SBLevel() (int, bool) {
	if a == nil || a.SelfService == nil || a.SelfService.SBLevel == nil {
		return 0, false
	}
	return *a.SelfService.SBLevel, true
}

// IsReporting reports whether the area's solution is digital indberetning
// (SB level 0).
func (a *Area) IsReporting() bool {
	level, ok := a.SBLevel()
	return ok && level == ReportingLevel
}

// BelowMinimum reports whether the area's solution is below the level the
// strategy calls effective (Tårnby: "Digitalisering skal ske på SB niveau 1
// for at være effektiv."); false when the strategy sets no minimum or the
// area has no solution with a level.
func (s *Strategy) BelowMinimum(a *Area) bool {
	level, ok := a.SBLevel()
	return ok && s.MinimumSBLevel != nil && level < s.MinimumSBLevel.Level
}

// ExampleStaffHourDKK prices an hour of staff time when the strategy gives
// no price of its own: an example, shown as one, about what an hour of a
// municipal case worker costs with overhead.
const ExampleStaffHourDKK = 400.0

// StaffHour is the price of an hour of staff time, and whether it is an
// example: the strategy's staff_hour_dkk, else ExampleStaffHourDKK.
func (p Prices) StaffHour() (dkk float64, example bool) {
	if p.StaffHourDKK == nil {
		return ExampleStaffHourDKK, true
	}
	return *p.StaffHourDKK, p.StaffHourDKKExample
}

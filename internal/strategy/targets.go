package strategy

// The channels and inquiry types a share target counts, when the target
// does not say (Target.Counts, Of, Types). They follow the strategies'
// words: Dragør's digital share is "digital selvbetjening" with "Henvendelser
// fra borgere i Digital Post regnes i denne forbindelse for en digital
// henvendelse"; Tårnby's 80 % are applications made "ved hjælp af
// tilgængelige selvbetjeningsløsninger og digital post"; the expensive
// channels are "personlig henvendelse, e-mail og papirpost". Page views on
// the website are not inquiries, so no default counts them.

// DefaultCounts returns the channels whose inquiries count toward a share
// measure (its numerator) when the target names none.
func DefaultCounts(measure string) []string {
	switch measure {
	case MeasureInboundDigital, MeasureTransactionDigital:
		return []string{SelfService, DigitalPost}
	case MeasureOutboundDigitalPost:
		return []string{DigitalPost}
	case MeasureExpensiveInformation:
		return []string{InPerson, Email, Letter}
	}
	return nil
}

// DefaultOf returns the channels of a share measure's denominator when the
// target names none: for the Digital Post share, documents sent as Digital
// Post or as paper letters; for the inbound measures, every inbound channel
// of the strategy but the website, whose "inquiries" are page views.
func DefaultOf(s *Strategy, measure string) []string {
	switch measure {
	case MeasureOutboundDigitalPost:
		return []string{DigitalPost, Letter}
	case MeasureInboundDigital, MeasureTransactionDigital, MeasureExpensiveInformation:
		var of []string
		for _, c := range s.Channels {
			if c.Inbound && c.ID != Website {
				of = append(of, c.ID)
			}
		}
		return of
	}
	return nil
}

// DefaultTypes returns the inquiry types a measure counts when the target
// names none; nil means every type.
func DefaultTypes(measure string) []string {
	switch measure {
	case MeasureTransactionDigital:
		return []string{Transaction}
	case MeasureExpensiveInformation:
		return []string{Information}
	}
	return nil
}

// TargetCounts returns the target's numerator channels, or the default.
func (s *Strategy) TargetCounts(t *Target) []string {
	if len(t.Counts) > 0 {
		return t.Counts
	}
	return DefaultCounts(t.Measure)
}

// TargetOf returns the target's denominator channels, or the default.
func (s *Strategy) TargetOf(t *Target) []string {
	if len(t.Of) > 0 {
		return t.Of
	}
	return DefaultOf(s, t.Measure)
}

// TargetTypes returns the inquiry types the target counts, or the
// default; nil means every type the strategy defines.
func (s *Strategy) TargetTypes(t *Target) []string {
	if len(t.Types) > 0 {
		return t.Types
	}
	return DefaultTypes(t.Measure)
}

package measure

import (
	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// Totals are the headline counts of a period. Page views on the website
// are not inquiries unless the strategy counts them (see
// strategy.CountsPageViews): they are counted apart, in PageViews, and
// left out of every other count and of the cost.
type Totals struct {
	Inquiries int64

	Inbound         int64
	InboundAssisted int64
	Outbound        int64
	PageViews       int64

	// The four shares, each by its definition (strategy.Share): the
	// digital share of inbound inquiries, the Digital Post share of the
	// documents sent, the digital share of applications and notifications
	// (Tårnby's ~80 %), and the share of information inquiries on the
	// expensive channels (Tårnby: personal attendance, e-mail and paper).
	Digital, DigitalPost, Transactions, Expensive Fraction

	// Reporting counts inbound self-service inquiries on areas whose
	// solution was digital indberetning (SB level 0) on the day: not
	// digital, and priced as paper letters.
	Reporting int64

	Resolved, Guided, Exempt int64
	// Referred counts the inbound inquiries staff referred to a place
	// outside the municipality (Udbetaling Danmark, borger.dk's contact
	// centre); they stay counted on the channel the citizen used.
	Referred int64

	// Cost is channel price × volume in DKK, with the staff time of
	// assisted self-service (StaffCost, StaffSeconds) in it; Unpriced
	// counts inquiries on channels without a price, which the cost leaves
	// out.
	Cost         float64
	StaffCost    float64
	StaffSeconds int64
	Unpriced     int64
}

// Fraction is a share's part and whole.
type Fraction struct {
	Part, Whole int64
}

// Share is Part of Whole, nil when nothing was counted.
func (f Fraction) Share() *float64 { return Share(f.Part, f.Whole) }

// Share is part of whole, or nil when there is nothing to divide.
func Share(part, whole int64) *float64 {
	if whole == 0 {
		return nil
	}
	s := float64(part) / float64(whole)
	return &s
}

// InboundDigitalShare is the digital share of inbound inquiries.
func (t Totals) InboundDigitalShare() *float64 { return t.Digital.Share() }

// OutboundDigitalPostShare is the Digital Post share of outbound documents.
func (t Totals) OutboundDigitalPostShare() *float64 { return t.DigitalPost.Share() }

// TransactionDigitalShare is the digital share of applications and
// notifications.
func (t Totals) TransactionDigitalShare() *float64 { return t.Transactions.Share() }

// ExpensiveInformationShare is the share of information inquiries on the
// expensive channels.
func (t Totals) ExpensiveInformationShare() *float64 { return t.Expensive.Share() }

// ResolvedShare is the first-contact resolution rate (straksafklaring).
func (t Totals) ResolvedShare() *float64 { return Share(t.Resolved, t.Inquiries) }

// fraction is the share of a measure.
func (t *Totals) fraction(measure string) *Fraction {
	switch measure {
	case strategy.MeasureInboundDigital:
		return &t.Digital
	case strategy.MeasureTransactionDigital:
		return &t.Transactions
	case strategy.MeasureOutboundDigitalPost:
		return &t.DigitalPost
	}
	return &t.Expensive
}

// Fraction is the share of one of the four measures.
func (t Totals) Fraction(measure string) Fraction { return *t.fraction(measure) }

// AssistedShare is the share of inbound inquiries that were assisted
// self-service (medbetjening).
func (t Totals) AssistedShare() *float64 { return Share(t.InboundAssisted, t.Inbound) }

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

// Point is one period of a time series: a day, or a month when Day is
// zero.
type Point struct {
	Month civil.Month
	Day   civil.Date
	// ByChannel counts the period's inquiries per channel id.
	ByChannel map[string]int64
	Total     int64
}

package describe

import (
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// Order is the strategy's ranked channel order, channel names resolved.
type Order struct {
	Text  string
	Ranks [][]string
}

// NewOrder describes the strategy's channel order; nil when it states none.
func NewOrder(s *strategy.Strategy) *Order {
	if s.ChannelOrder == nil {
		return nil
	}
	o := &Order{Text: s.ChannelOrder.Text}
	for _, rank := range s.ChannelOrder.Ranks {
		o.Ranks = append(o.Ranks, ChannelNames(s, rank))
	}
	return o
}

// MinimumSB is the strategy's minimum self-service level in words.
type MinimumSB struct {
	Level int
	Text  string
}

// NewMinimumSB describes the strategy's minimum SB level; nil when none.
func NewMinimumSB(s *strategy.Strategy) *MinimumSB {
	if s.MinimumSBLevel == nil {
		return nil
	}
	return &MinimumSB{Level: s.MinimumSBLevel.Level, Text: s.MinimumSBLevel.Text}
}

// BelowMinimum reports whether the area's self-service solution is below
// the strategy's minimum SB level, and the warning that says so; false when
// the strategy sets no minimum or the area has no solution with a level.
func BelowMinimum(s *strategy.Strategy, l locale.Printer, a *strategy.Area) (bool, string) {
	if s.MinimumSBLevel == nil || a.SelfService == nil || a.SelfService.SBLevel == nil {
		return false, ""
	}
	level := *a.SelfService.SBLevel
	if level >= s.MinimumSBLevel.Level {
		return false, ""
	}
	return true, l.T("areas.below_minimum", level, s.MinimumSBLevel.Level)
}

// Login names an area's login in words. The national login is named by the
// strategy's period: NemID for Dragør's 2012–2015 and Tårnby's 2016–2018,
// MitID after the change in 2021, both where the period spans it.
func Login(s *strategy.Strategy, l locale.Printer, login string) string {
	if login != strategy.LoginNational {
		return l.T("login." + login)
	}
	first := strategy.NationalLogin(dayOf(s.Period.From, 1, 1))
	last := strategy.NationalLogin(dayOf(s.Period.To, 12, 31))
	if first == last {
		return first
	}
	return l.T("login.either", first, last)
}

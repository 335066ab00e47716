package strategy

// Callback is the strategy's setting for callback booking (tilbagering):
// a citizen books a slot within the phone channel's opening hours and
// leaves a number; staff call back. Dragør's strategy asks for it ("servicen
// bør udvides med længere åbningstider, tilbud om tilbagering og lignende");
// the numbers are the municipality's to choose and, in both presets,
// examples.
type Callback struct {
	// SlotMinutes is a slot's length; slots follow each other from the
	// start of every opening interval.
	SlotMinutes int `yaml:"slot_minutes" json:"slot_minutes"`
	// CallsPerSlot is how many callbacks one slot takes.
	CallsPerSlot int `yaml:"calls_per_slot" json:"calls_per_slot"`
	// EraseAfterDays is how long a phone number is kept after its
	// callback was done or closed as not reached.
	EraseAfterDays int `yaml:"erase_after_days" json:"erase_after_days"`
	// Example marks the values as Kanal's examples, not the strategy's.
	Example bool `yaml:"example" json:"example"`
}

// Default callback values, used where the strategy offers callback on a
// channel (Channel.Callback) but gives no callback setting.
const (
	DefaultSlotMinutes    = 15
	DefaultCallsPerSlot   = 2
	DefaultEraseAfterDays = 7
)

// Limits of the callback setting's values.
const (
	maxSlotMinutes    = 240
	maxCallsPerSlot   = 100
	maxEraseAfterDays = 365
)

// CallbackSetting returns the callback booking's values and whether the
// strategy offers callback booking at all: it does when it has a callback
// setting or its phone channel offers callback, and its phone channel has
// opening hours to book within.
func (s *Strategy) CallbackSetting() (Callback, bool) {
	c := Callback{SlotMinutes: DefaultSlotMinutes, CallsPerSlot: DefaultCallsPerSlot,
		EraseAfterDays: DefaultEraseAfterDays, Example: true}
	offered := false
	if ch, ok := s.Channel(Phone); ok && ch.Callback {
		offered = true
	}
	if s.Callback != nil {
		c, offered = *s.Callback, true
	}
	return c, offered && s.HasHours(Phone)
}

func (v *validator) callback() {
	c := v.s.Callback
	if c == nil {
		return
	}
	p := Path{"callback"}
	for _, f := range []struct {
		name     string
		value    int
		min, max int
	}{
		{"slot_minutes", c.SlotMinutes, 5, maxSlotMinutes},
		{"calls_per_slot", c.CallsPerSlot, 1, maxCallsPerSlot},
		{"erase_after_days", c.EraseAfterDays, 0, maxEraseAfterDays},
	} {
		if f.value < f.min || f.value > f.max {
			v.add(p.with(f.name), RuleCallbackRange, f.value, f.min, f.max)
		}
	}
}

// RuleCallbackRange: a callback value outside its limits.
const RuleCallbackRange = "strategy.callback_range" // value, min, max

package strategy

// Desk is a staffed inbound channel at a location, where staff register
// the inquiries they take: the phone, or the counter at the town hall.
type Desk struct {
	// Key is the channel and the location, "telefon|Rådhuset".
	Key, Label, Channel string
}

// Desks are the strategy's staffed inbound channels at the locations of
// their opening hours; without opening hours, the phone and personal
// attendance, where the strategy has them.
func (s *Strategy) Desks() []Desk {
	var out []Desk
	seen := map[string]bool{}
	for _, oh := range s.OpeningHours {
		c, ok := s.Channel(oh.Channel)
		key := oh.Channel + "|" + oh.Location
		if !ok || !c.Inbound || seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, Desk{Key: key, Label: c.Name + " – " + oh.Location, Channel: oh.Channel})
	}
	if len(out) == 0 {
		for _, id := range []string{Phone, InPerson} {
			if c, ok := s.Channel(id); ok && c.Inbound {
				out = append(out, Desk{Key: id, Label: c.Name, Channel: id})
			}
		}
	}
	return out
}

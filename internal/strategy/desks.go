package strategy

import "strings"

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

// FindAreas finds areas by words of their title or id, or by the start of
// their KLE number: "flyt" and "23.05" both find Flytteanmeldelse. Case
// does not matter, and æ, ø, å match ae, oe, aa, as typed on a keyboard
// without them. An empty query finds every area.
func (s *Strategy) FindAreas(q string) []*Area {
	q = fold(q)
	var out []*Area
	for i := range s.Areas {
		a := &s.Areas[i]
		if q == "" || strings.HasPrefix(a.KLE, q) || strings.Contains(fold(a.Title), q) || strings.Contains(fold(a.ID), q) {
			out = append(out, a)
		}
	}
	return out
}

var folder = strings.NewReplacer("æ", "ae", "ø", "oe", "å", "aa")

// fold lower-cases and spells æ, ø, å the way a keyboard without them does.
func fold(s string) string { return folder.Replace(strings.ToLower(strings.TrimSpace(s))) }

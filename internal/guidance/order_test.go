package guidance_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/kanal-dk/kanal/internal/guidance"
	"github.com/kanal-dk/kanal/internal/locale"
)

// Tårnby: "Prioritering 1. Selvbetjening — kommunens hjemmeside
// 2. Telefon 3. E-mail / Papirpost (digital post) 4. Personlig
// henvendelse". Where no area rule says otherwise, the guidance follows the
// order: among the secondary channels the phone comes first, then Digital
// Post, then personal attendance — although the type's list names personal
// attendance first — and when one is closed, the next in rank.
func TestDecide_FollowsTheStrategysChannelOrder(t *testing.T) {
	s := twoTypes()
	cases := []struct {
		name, area, at, recommended string
		secondary                   []string
		orderReason                 bool
	}{
		// Gravsted has no self-service solution: the secondary channels decide.
		{"the phone, second in rank, while it is open", "gravsted", "2017-03-07 11:00", "phone",
			[]string{"phone", "digital_post", "in_person"}, true},
		{"the phone is closed: Digital Post, the next in rank", "gravsted", "2017-03-07 16:00", "digital_post",
			[]string{"phone", "digital_post", "in_person"}, true},
		{"the area's own rule keeps its order: the counter first", "parkering", "2017-03-07 11:00", "in_person",
			[]string{"in_person", "phone"}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, err := guidance.Decide(s, guidance.Request{Area: c.area, Type: "transaction", At: at(t, c.at)})
			if err != nil {
				t.Fatal(err)
			}
			if a.Recommended != c.recommended || !slices.Equal(a.Secondary, c.secondary) || hasReason(a, "guidance.reason.channel_order") != c.orderReason {
				t.Errorf("recommended %s, secondary %v, order reason %v; want %s, %v, %v\n%s", a.Recommended, a.Secondary,
					hasReason(a, "guidance.reason.channel_order"), c.recommended, c.secondary, c.orderReason,
					strings.Join(guidance.Texts(a.Reasons, locale.New("da")), "\n"))
			}
		})
	}
	t.Run("the reason quotes the strategy's order", func(t *testing.T) {
		a, err := guidance.Decide(s, guidance.Request{Area: "gravsted", Type: "transaction", At: at(t, "2017-03-07 11:00")})
		if err != nil {
			t.Fatal(err)
		}
		text := strings.Join(guidance.Texts(a.Reasons, locale.New("da")), "\n")
		if !strings.Contains(text, "Strategiens prioritering af kanaler gælder: 1. Selvbetjening – kommunens hjemmeside, 2. Telefon") {
			t.Errorf("reasons:\n%s", text)
		}
	})
	t.Run("without an order, the list's own order", func(t *testing.T) {
		s := twoTypes()
		s.ChannelOrder = nil
		a, err := guidance.Decide(s, guidance.Request{Area: "gravsted", Type: "transaction", At: at(t, "2017-03-07 11:00")})
		if err != nil {
			t.Fatal(err)
		}
		if a.Recommended != "in_person" || hasReason(a, "guidance.reason.channel_order") {
			t.Errorf("recommended %s, reasons %v", a.Recommended, a.Reasons)
		}
	})
}

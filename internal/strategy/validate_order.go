package strategy

import "strings"

// channelOrder checks the strategy's ranked channel order (Tårnby: "1.
// Selvbetjening — kommunens hjemmeside, 2. Telefon, 3. E-mail / Papirpost
// (digital post), 4. Personlig henvendelse") and that the inquiry types'
// default channels do not contradict it: a channel listed above another
// (primary above secondary above inappropriate) must not rank below it. An
// area may depart from the order, as the law makes it for passports, which
// need personal attendance.
func (v *validator) channelOrder() {
	o := v.s.ChannelOrder
	if o == nil {
		return
	}
	p := Path{"channel_order"}
	v.required(p, "text", o.Text)
	if len(o.Ranks) == 0 {
		v.add(p.with("ranks"), RuleRequired, "ranks")
	}
	seen := map[string]bool{}
	for i, rank := range o.Ranks {
		if len(rank) == 0 {
			v.add(p.with("ranks", i), RuleOrderEmptyRank, i+1)
		}
		for j, id := range rank {
			switch {
			case v.channels[id] == nil:
				v.add(p.with("ranks", i, j), RuleUnknownChannel, id, v.knownChannels())
			case seen[id]:
				v.add(p.with("ranks", i, j), RuleChannelTwice, id)
			}
			seen[id] = true
		}
	}
	for i := range v.s.InquiryTypes {
		t := &v.s.InquiryTypes[i]
		v.followsOrder(Path{"inquiry_types", i, Inbound}, t.Inbound)
		v.followsOrder(Path{"inquiry_types", i, Outbound}, t.Outbound)
	}
}

// followsOrder reports every channel that a priority lists above a channel
// of a better rank.
func (v *validator) followsOrder(p Path, prio Priority) {
	lists := prio.lists()
	for hi := range lists {
		for j, above := range lists[hi].ids {
			ra, ok := v.s.ChannelOrder.Rank(above)
			if !ok {
				continue
			}
			for lo := hi + 1; lo < len(lists); lo++ {
				for _, below := range lists[lo].ids {
					if rb, ok := v.s.ChannelOrder.Rank(below); ok && ra > rb {
						v.add(p.with(lists[hi].name, j), RuleOrderContradicted, above, ra, below, rb)
					}
				}
			}
		}
	}
}

// referrals checks the places outside the municipality a citizen can be
// referred to. Their ids must differ from the channels', so that nothing
// can count a referral as a contact on a channel of the municipality's own.
func (v *validator) referrals() {
	seen := map[string]bool{}
	open := map[string][]interval{}
	for i := range v.s.Referrals {
		r := &v.s.Referrals[i]
		p := Path{"referrals", i}
		v.id(p, r.ID, seen)
		if v.channels[r.ID] != nil {
			v.add(p.with("id"), RuleReferralIsChannel, r.ID)
		}
		v.required(p, "name", r.Name)
		v.required(p, "helps_with", r.HelpsWith)
		if strings.TrimSpace(r.Contact) == "" && strings.TrimSpace(r.URL) == "" {
			v.add(p, RuleReferralUnreachable)
		}
		if r.URL != "" && !isWebURL(r.URL) {
			v.add(p.with("url"), RuleBadURL, r.URL)
		}
		v.hours(p, "\x00referral|"+r.ID, r.Hours, open)
		for j, ref := range r.Areas {
			if _, ok := v.s.Area(ref); !ok {
				v.add(p.with("areas", j), RuleUnknownArea, ref)
			}
		}
	}
}

func (v *validator) knownReferrals() string {
	if len(v.s.Referrals) == 0 {
		return "–"
	}
	ids := make([]string, len(v.s.Referrals))
	for i, r := range v.s.Referrals {
		ids[i] = r.ID
	}
	return strings.Join(ids, ", ")
}

// minimumSBLevel checks the level below which the strategy calls
// self-service ineffective (Tårnby: "Digitalisering skal ske på SB niveau 1
// for at være effektiv."), with the strategy's sentence.
func (v *validator) minimumSBLevel() {
	m := v.s.MinimumSBLevel
	if m == nil {
		return
	}
	p := Path{"minimum_sb_level"}
	if m.Level < 0 || m.Level > 4 {
		v.add(p.with("level"), RuleBadSBLevel, m.Level)
	}
	v.required(p, "text", m.Text)
}

// formsWithoutIntegration checks the rule that phases out forms without
// back-end integration (Dragør): its sentence is required.
func (v *validator) formsWithoutIntegration() {
	if f := v.s.FormsWithoutIntegration; f != nil {
		v.required(Path{"forms_without_integration"}, "text", f.Text)
	}
}

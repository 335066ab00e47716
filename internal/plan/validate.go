package plan

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/kanal-dk/kanal/internal/store"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// TextMax is the longest text of a field (a reason, a barrier, a title).
const TextMax = 500

// FieldError is a problem with one field of a plan. Field is the form
// field's id ("action-2-title"), Key the catalogue key of the message and
// Arg its argument.
type FieldError struct {
	Field string
	Key   string
	Arg   string
}

func (e FieldError) Error() string {
	if e.Arg != "" {
		return fmt.Sprintf("%s: %s %q", e.Field, e.Key, e.Arg)
	}
	return fmt.Sprintf("%s: %s", e.Field, e.Key)
}

// Invalid is a plan Save refused, with every problem.
type Invalid []FieldError

func (e Invalid) Error() string {
	parts := make([]string, len(e))
	for i, f := range e {
		parts[i] = f.Error()
	}
	return "plan refused: " + strings.Join(parts, "; ")
}

// Field ids of the plan's parts, shared by Validate and the edit forms.
func ChannelField(area, typ, part string) string { return "channel-" + area + "-" + typ + "-" + part }
func TargetField(i int, part string) string      { return fmt.Sprintf("target-%d-%s", i, part) }
func BarrierField(i int, part string) string     { return fmt.Sprintf("barrier-%d-%s", i, part) }
func ActionField(i int, part string) string      { return fmt.Sprintf("action-%d-%s", i, part) }

// Validate returns the problems of a department's plan against the
// strategy s: channels of the department's own areas and types, known
// inbound channels, a reason for every choice that departs from the
// strategy's default; targets of a department measure, a year within the
// strategy's period and a share from 0 to 100 %; barriers of the six
// categories; actions with title, owner, deadline, status and an
// indicator among the department target measures.
func Validate(s *strategy.Strategy, p Plan) Invalid {
	var bad Invalid
	add := func(field, key, arg string) { bad = append(bad, FieldError{field, key, arg}) }
	if _, ok := s.Department(p.Department); !ok {
		add("department", "plans.error.department", p.Department)
		return bad
	}
	if !p.Deadline.IsZero() && !p.Deadline.IsValid() {
		add("deadline", "plans.error.date", "")
	}
	bad = append(bad, validateChannels(s, p)...)
	seen := map[string]bool{}
	for i, t := range p.Targets {
		switch {
		case !IsMeasure(t.Measure):
			add(TargetField(i, "measure"), "plans.error.measure", t.Measure)
		case seen[fmt.Sprint(t.Measure, t.Year)]:
			add(TargetField(i, "year"), "plans.error.target_twice", fmt.Sprint(t.Year))
		}
		seen[fmt.Sprint(t.Measure, t.Year)] = true
		if !s.Period.Contains(t.Year) {
			add(TargetField(i, "year"), "plans.error.year", fmt.Sprintf("%d–%d", s.Period.From, s.Period.To))
		}
		if t.Share < 0 || t.Share > 100 || t.Share != t.Share {
			add(TargetField(i, "share"), "plans.error.share", "")
		}
		if t.Direction != strategy.AtLeast && t.Direction != strategy.AtMost {
			add(TargetField(i, "direction"), "plans.error.direction", "")
		}
	}
	for i, b := range p.Barriers {
		if !slices.Contains(Barriers, b.Category) {
			add(BarrierField(i, "category"), "plans.error.category", b.Category)
		}
		if b.Area != "" && !ownArea(s, p.Department, b.Area) {
			add(BarrierField(i, "area"), "plans.error.area", b.Area)
		}
		checkText(add, BarrierField(i, "text"), b.Text, true)
	}
	for i, a := range p.Actions {
		checkText(add, ActionField(i, "title"), a.Title, true)
		checkText(add, ActionField(i, "owner"), a.Owner, true)
		if a.Area != "" && !ownArea(s, p.Department, a.Area) {
			add(ActionField(i, "area"), "plans.error.area", a.Area)
		}
		if a.Deadline.IsZero() || !a.Deadline.IsValid() {
			add(ActionField(i, "deadline"), "plans.error.deadline", "")
		}
		if !slices.Contains(ActionStatuses, a.Status) {
			add(ActionField(i, "status"), "plans.error.status", string(a.Status))
		}
		if !IsMeasure(a.Indicator) {
			add(ActionField(i, "indicator"), "plans.error.indicator", a.Indicator)
		}
		switch {
		case a.Status == Done && a.Completed.IsZero():
			add(ActionField(i, "completed"), "plans.error.completed_missing", "")
		case a.Status != Done && !a.Completed.IsZero():
			add(ActionField(i, "completed"), "plans.error.completed_not_done", "")
		case !a.Completed.IsZero() && !a.Completed.IsValid():
			add(ActionField(i, "completed"), "plans.error.date", "")
		}
	}
	return bad
}

// validateChannels checks the choices of channels: one per area and type
// of the department, known inbound channels, and the strategy's rule
// that a department picks a primary and a secondary channel — a choice
// other than the strategy's default must say why.
func validateChannels(s *strategy.Strategy, p Plan) Invalid {
	var bad Invalid
	add := func(field, key, arg string) { bad = append(bad, FieldError{field, key, arg}) }
	seen := map[string]bool{}
	for _, c := range p.Channels {
		a, ok := s.Area(c.Area)
		if !ok || a.Department != p.Department || a.Other || !a.Handles(c.Type) || seen[c.Area+"/"+c.Type] {
			add(ChannelField(c.Area, c.Type, "primary"), "plans.error.channel_area", c.Area+"/"+c.Type)
			continue
		}
		seen[c.Area+"/"+c.Type] = true
		if !inbound(s, c.Primary) {
			add(ChannelField(c.Area, c.Type, "primary"), "plans.error.channel", c.Primary)
		}
		if c.Secondary != "" && !inbound(s, c.Secondary) {
			add(ChannelField(c.Area, c.Type, "secondary"), "plans.error.channel", c.Secondary)
		}
		if c.Secondary != "" && c.Secondary == c.Primary {
			add(ChannelField(c.Area, c.Type, "secondary"), "plans.error.same_channel", "")
		}
		if Deviates(s, a, c) && strings.TrimSpace(c.Reason) == "" {
			add(ChannelField(c.Area, c.Type, "reason"), "plans.error.reason", "")
		}
		if c.Reason != "" {
			checkText(add, ChannelField(c.Area, c.Type, "reason"), c.Reason, false)
		}
	}
	return bad
}

func inbound(s *strategy.Strategy, id string) bool {
	ch, ok := s.Channel(id)
	return ok && ch.Inbound
}

func ownArea(s *strategy.Strategy, department, id string) bool {
	a, ok := s.Area(id)
	return ok && a.Department == department && !a.Other
}

// checkText checks a text field: required when asked, not too long, and
// valid text.
func checkText(add func(field, key, arg string), field, text string, required bool) {
	switch {
	case required && strings.TrimSpace(text) == "":
		add(field, "plans.error.required", "")
	case utf8.RuneCountInString(text) > TextMax:
		add(field, "plans.error.long", fmt.Sprint(TextMax))
	case store.CheckText(text) != nil:
		add(field, "plans.error.text", "")
	}
}

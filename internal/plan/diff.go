package plan

import (
	"fmt"
	"strconv"
)

// Change is one difference between two versions of a plan. Part is
// "deadline", "channel", "target", "barrier" or "action"; Kind "added",
// "removed" or "changed"; Key names the item (an area and type, a
// measure and year, an action's title); Old and New are its values in
// short text, "" on the side where it is missing.
type Change struct {
	Part, Kind string
	Key        string
	Old, New   string
	// Before and After are the items themselves (an AreaChannels, a
	// Target, a Barrier, an Action or the deadline's civil.Date), nil on
	// the side where it is missing, for a page to put into words.
	Before, After any
}

// Diff lists what changed from version a to version b, part by part in
// the plan's order: the deadline, the channels, the targets, the
// barriers and the actions (matched by their stable ID).
func Diff(a, b Plan) []Change {
	var out []Change
	if a.Deadline != b.Deadline {
		c := change("deadline", "", dateText(a.Deadline), dateText(b.Deadline))
		if !a.Deadline.IsZero() {
			c.Before = a.Deadline
		}
		if !b.Deadline.IsZero() {
			c.After = b.Deadline
		}
		out = append(out, c)
	}
	out = append(out, diffKeyed("channel", a.Channels, b.Channels,
		func(c AreaChannels) string { return c.Area + "/" + c.Type },
		func(c AreaChannels) string {
			s := c.Primary + " / " + c.Secondary
			if c.Reason != "" {
				s += " (" + c.Reason + ")"
			}
			return s
		})...)
	out = append(out, diffKeyed("target", a.Targets, b.Targets,
		func(t Target) string { return t.Measure + " " + strconv.Itoa(t.Year) },
		func(t Target) string { return t.Direction + " " + strconv.FormatFloat(t.Share, 'f', -1, 64) + " %" })...)
	out = append(out, diffKeyed("barrier", a.Barriers, b.Barriers,
		func(x Barrier) string { return x.Category + "/" + x.Area + ": " + x.Text },
		func(Barrier) string { return "" })...)
	out = append(out, diffKeyed("action", a.Actions, b.Actions,
		func(x Action) string { return "#" + strconv.Itoa(x.ID) },
		func(x Action) string {
			s := fmt.Sprintf("%s; %s; %s; %s; %s", x.Title, x.Owner, dateText(x.Deadline), x.Status, x.Indicator)
			if !x.Completed.IsZero() {
				s += "; " + x.Completed.String()
			}
			return s
		})...)
	return out
}

func change(part, key, old, new string) Change {
	kind := "changed"
	switch {
	case old == "":
		kind = "added"
	case new == "":
		kind = "removed"
	}
	return Change{Part: part, Kind: kind, Key: key, Old: old, New: new}
}

// diffKeyed compares two lists by key: the items only in a are removed,
// those only in b added, those whose value differs changed. A barrier's
// key is its whole text, so an edited barrier shows as removed and added.
func diffKeyed[T any](part string, a, b []T, key func(T) string, value func(T) string) []Change {
	old, items := map[string]string{}, map[string]T{}
	for _, x := range a {
		old[key(x)], items[key(x)] = value(x), x
	}
	var out []Change
	seen := map[string]bool{}
	for _, x := range b {
		k, v := key(x), value(x)
		seen[k] = true
		ov, ok := old[k]
		switch {
		case !ok:
			out = append(out, Change{Part: part, Kind: "added", Key: k, New: v, After: x})
		case ov != v:
			out = append(out, Change{Part: part, Kind: "changed", Key: k, Old: ov, New: v, Before: items[k], After: x})
		}
	}
	for _, x := range a {
		if k := key(x); !seen[k] {
			out = append(out, Change{Part: part, Kind: "removed", Key: k, Old: value(x), Before: x})
		}
	}
	return out
}

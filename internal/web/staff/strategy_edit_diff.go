package staff

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/kanal-dk/kanal/internal/describe"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// showEditIndex lists the strategy forms: targets, prices, hours and
// closing days, and one per area.
func (s *Pages) showEditIndex(w http.ResponseWriter, r *http.Request) error {
	cur, v, err := s.current(r, "strategy")
	if err != nil {
		return err
	}
	v.Title = v.L.T("edit.index.title")
	type areaLink struct{ ID, Label string }
	var areas []areaLink
	for _, a := range cur.Strategy.Areas {
		areas = append(areas, areaLink{a.ID, strategy.AreaLabel(a.KLE, a.Title)})
	}
	return s.render(w, http.StatusOK, "strategy_edit_index", struct {
		view
		Version municipality.Version
		Areas   []areaLink
	}{v, cur.Version, areas})
}

// diffRow is one changed value in words: where, before and now.
type diffRow struct {
	Where, Old, New string
}

// showVersionsDiff compares two versions of the strategy value by value,
// in words (strategy.Compare); by default the newest with the one before.
func (s *Pages) showVersionsDiff(w http.ResponseWriter, r *http.Request) error {
	cur, v, err := s.current(r, "versions")
	if err != nil {
		return err
	}
	versions, err := s.registry.Versions(r.Context(), cur.Municipality)
	if err != nil {
		return err
	}
	notes, err := s.registry.Notes(r.Context(), cur.Municipality)
	if err != nil {
		return err
	}
	to := versionParam(r, "to", cur.Number)
	from := versionParam(r, "from", to-1)
	v.Title = v.L.T("diff.title")
	data := struct {
		view
		Versions         []municipality.Version
		From, To         int
		FromOK, ToOK     bool
		Saved            bool
		FromNote, ToNote *municipality.Note
		Changes          []diffRow
		// Lines is the YAML line diff, for readers of the file.
		Lines string
	}{view: v, Versions: versions, From: from, To: to, Saved: r.URL.Query().Get("saved") != ""}
	for _, ver := range versions {
		if n, ok := notes[ver.ID]; ok {
			if ver.Number == from {
				data.FromNote = &n
			}
			if ver.Number == to {
				data.ToNote = &n
			}
		}
		data.FromOK = data.FromOK || ver.Number == from
		data.ToOK = data.ToOK || ver.Number == to
	}
	if !data.FromOK || !data.ToOK {
		// One version only, or a number that does not exist: the page
		// says so and offers the choice.
		return s.render(w, http.StatusOK, "strategy_edit_diff", data)
	}
	before, beforeDoc, err := s.parsedVersion(r, cur.Municipality, from)
	if err != nil {
		return err
	}
	after, afterDoc, err := s.parsedVersion(r, cur.Municipality, to)
	if err != nil {
		return err
	}
	for _, c := range strategy.Compare(before, after) {
		data.Changes = append(data.Changes, describeChange(v.L, before, after, c))
	}
	data.Lines, err = strategy.LineDiff(fmt.Sprintf("version %d", from), beforeDoc, fmt.Sprintf("version %d", to), afterDoc)
	if err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "strategy_edit_diff", data)
}

func versionParam(r *http.Request, name string, def int) int {
	if n, err := strconv.Atoi(r.URL.Query().Get(name)); err == nil {
		return n
	}
	return def
}

// parsedVersion reads a stored version's document and parses it.
func (s *Pages) parsedVersion(r *http.Request, m string, number int) (*strategy.Strategy, []byte, error) {
	ver, data, err := s.registry.Document(r.Context(), m, number)
	if err != nil {
		return nil, nil, err
	}
	st, err := strategy.Parse(ver.SourceName, data)
	return st, data, err
}

// describeChange puts a change in words: "Område »23.05.10 Flytning« ›
// Søgeord", and its values as the pages write them.
func describeChange(l locale.Printer, before, after *strategy.Strategy, c strategy.Change) diffRow {
	var parts []string
	for i, e := range c.Path {
		switch e := e.(type) {
		case strategy.Item:
			parts = append(parts, "»"+e.Label+"«")
		case int:
			parts = append(parts, l.T("diff.number", e+1))
		default:
			parts = append(parts, pathWord(l, before, after, c.Path[:i], e.(string)))
		}
	}
	row := diffRow{Where: strings.Join(parts, " › "), Old: diffValue(l, c.Old, c.Value), New: diffValue(l, c.New, c.Value)}
	switch c.Kind {
	case strategy.Added:
		row.Where, row.Old, row.New = l.T("diff.added", row.Where), "–", c.New
	case strategy.Removed:
		row.Where, row.Old, row.New = l.T("diff.removed", row.Where), c.Old, "–"
	}
	return row
}

// pathWord names one field of a path in words: the field's name, a year
// of the shares, an inquiry type, a channel.
func pathWord(l locale.Printer, before, after *strategy.Strategy, up strategy.Path, name string) string {
	if len(up) > 0 && up[len(up)-1] == "shares" {
		return l.T("diff.year", name)
	}
	if locale.Has("edit.field." + name) {
		return l.T("edit.field." + name)
	}
	for _, s := range []*strategy.Strategy{after, before} {
		if _, ok := s.InquiryType(name); ok {
			return describe.TypeLabel(s, l, name)
		}
		if c, ok := s.Channel(name); ok {
			return c.Name
		}
	}
	return name
}

func diffValue(l locale.Printer, v string, t strategy.ValueType) string {
	switch {
	case v == "":
		return "–"
	case t == strategy.YesNo:
		return l.T("diff.yes")
	case t == strategy.Number && l.Lang() == locale.Danish:
		return strings.Replace(v, ".", ",", 1)
	}
	return v
}

package staff

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/municipality"
	"github.com/kanal-dk/kanal/internal/strategy"
)

// The strategy forms let the strategy group change what they change most
// — targets, prices, opening hours and closing days, areas — without
// editing YAML. A form is built from the newest version's document; a
// save writes the changed values into that document's node tree
// (strategy.Document), loads the result exactly as an uploaded file is
// loaded, and stores it as the next version with who and why
// (municipality.Registry.Edit). The loader's problems are shown at the
// field they belong to. Whoever may upload a strategy may use the forms.

// editForm is one strategy form: what the page shows and how each field
// writes into the document.
type editForm struct {
	view
	Heading, Lead string
	Action        string
	// Base is the version the form was made from; a save on top of a
	// newer one is refused (municipality.ErrStale).
	Base   int
	Groups []*editGroup
	Reason fieldText
	// Summary lists every problem, linking to its field where it has one.
	Summary []summaryItem
	// Notice is a message that is not about a field (nothing changed,
	// a newer version).
	Notice string
	// Consequences say what a save will do beyond the fields, one
	// sentence each (removing an area); Submit is the button's text when
	// it is not "Gem", and Danger marks a removal.
	Consequences []string
	Submit       string
	Danger       bool
	// Adds links to the forms that add an entry (a target, a price).
	Adds []editLink
	// change, when set, changes the document before the fields are
	// written: a new entry added, an entry removed. A save with it always
	// changes the document.
	change func(*strategy.Document) error
	// gone names the entries a save removes, by id, for the loader's
	// problems about what still refers to them.
	gone map[string]string
	st   *strategy.Strategy
	// source names the form in the version's source name: "form:targets".
	source string
	// tidy, when set, runs after the fields are written: the hours form
	// drops the intervals emptied.
	tidy func(*strategy.Document)
}

// fieldText is a value with its error, for the reason field.
type fieldText struct {
	Value, Error string
}

type summaryItem struct {
	Text, Anchor string
}

// editLink is a link beside a form or a group: add a price, remove this
// target.
type editLink struct {
	Href, Text string
}

// editGroup is a fieldset: one target, one price, one channel's hours.
type editGroup struct {
	ID, Legend, Hint string
	Fields           []*editField
	// Example tells that the group's values are examples as a whole (a
	// price marked example: true); Own that the user ticked them as the
	// municipality's own. unmark takes the marker away.
	Example, Own bool
	Error        string
	// Remove links to the page that removes the group's entry.
	Remove *editLink
	path   strategy.Path
	unmark func(*strategy.Document) error
	// write, when set, writes the group's changed fields together (an
	// area's channels for a type make three lists).
	write func(*strategy.Document) error
}

// Kinds of fields.
const (
	kindText     = "text"
	kindNumber   = "number"
	kindLines    = "lines"    // a list, one value a line
	kindTextarea = "textarea" // a long text
	kindSelect   = "select"
	kindChecks   = "checks" // a list of fixed choices
	kindCheckbox = "checkbox"
)

type editChoice struct {
	Value, Label string
}

// editField is one input.
type editField struct {
	ID, Label, Hint, Kind string
	// Suffix is the unit shown after a number: %, kr.
	Suffix  string
	Options []editChoice
	// Value is the value shown; Checked the chosen choices of kindChecks.
	Value   string
	Checked []string
	// Example tells that the value is an example; Own that the user
	// ticked it as the municipality's own.
	Example, Own bool
	Error        string
	// Narrow marks a short input (a year, a time, an amount).
	Narrow bool

	path strategy.Path
	// original is the value as the form first showed it; a value sent
	// back unchanged is not written.
	original string
	// write puts a changed value into the document; nil writes the
	// field's kind at its path (see writeField).
	write  func(doc *strategy.Document, value string) error
	unmark func(*strategy.Document) error
	// dates makes the field show and read dates as people write them
	// (asDates); the document's are written its own way.
	dates bool
}

// IsChecked reports whether a choice of a kindChecks field is chosen.
func (f *editField) IsChecked(v string) bool { return slices.Contains(f.Checked, v) }

// fieldID is the id and name of the input at path: f-targets-0-shares-2015.
func fieldID(path strategy.Path) string {
	return "f-" + strings.Trim(nonWord.ReplaceAllString(path.String(), "-"), "-")
}

var nonWord = regexp.MustCompile(`[^a-zA-Z0-9_]+`)

// newField makes a field at path with the document's current value.
func newField(doc *strategy.Document, path strategy.Path, kind, label string) *editField {
	f := &editField{ID: fieldID(path), Label: label, Kind: kind, path: path}
	switch kind {
	case kindLines:
		f.Value = joinLines(doc.Strings(path))
	case kindChecks:
		f.Checked = doc.Strings(path)
		f.Value = strings.Join(f.Checked, "\n")
	default:
		f.Value, _ = doc.Scalar(path)
	}
	f.original = f.Value
	return f
}

// editSection builds a form from a document; sections are the targets,
// prices, hours and one area.
type editSection func(r *http.Request, f *editForm, doc *strategy.Document, st *strategy.Strategy) error

// showEdit answers GET for a form.
func (s *Pages) showEdit(w http.ResponseWriter, r *http.Request, build editSection) error {
	f, _, err := s.newEditForm(r, build)
	if err != nil {
		return err
	}
	return s.renderEdit(w, http.StatusOK, f)
}

// newEditForm builds a form from the newest version.
func (s *Pages) newEditForm(r *http.Request, build editSection) (*editForm, *strategy.Document, error) {
	cur, v, err := s.current(r, "strategy")
	if err != nil {
		return nil, nil, err
	}
	_, data, err := s.registry.Document(r.Context(), cur.Municipality, cur.Number)
	if err != nil {
		return nil, nil, err
	}
	doc, err := strategy.ReadDocument(cur.SourceName, data)
	if err != nil {
		return nil, nil, fmt.Errorf("read version %d of %s for editing: %w", cur.Number, cur.Municipality, err)
	}
	f := &editForm{view: v, Base: cur.Number, Action: r.URL.RequestURI(), st: cur.Strategy}
	if err := build(r, f, doc, cur.Strategy); err != nil {
		return nil, nil, err
	}
	f.Title = f.Heading
	return f, doc, nil
}

// saveEdit answers POST for a form: it writes the changed values, loads
// the document as a file is loaded, and stores it as the next version, or
// shows the form again with the problems at their fields.
func (s *Pages) saveEdit(w http.ResponseWriter, r *http.Request, build editSection) error {
	if err := r.ParseForm(); err != nil {
		return err
	}
	f, doc, err := s.newEditForm(r, build)
	if err != nil {
		return err
	}
	l := f.L
	if base, _ := strconv.Atoi(r.PostForm.Get("version")); base != f.Base {
		return s.stale(w, f)
	}
	changed, err := f.apply(doc, r.PostForm)
	if err != nil {
		return err
	}
	f.Reason.Value = strings.TrimSpace(r.PostForm.Get("reason"))
	if !changed {
		f.Notice = l.T("edit.unchanged")
		return s.renderEdit(w, http.StatusUnprocessableEntity, f)
	}
	data, err := doc.Bytes()
	if err != nil {
		return err
	}
	if f.Reason.Value == "" {
		// Nothing is stored without a reason; the loader still says what
		// else is wrong, so that one round fixes all.
		f.Reason.Error = l.T("edit.reason.missing")
		_, err = strategy.Parse(f.source, data)
	} else {
		var v municipality.Version
		v, err = s.registry.Edit(r.Context(), actorOf(r), f.Base, f.source, f.Reason.Value, data)
		if err == nil {
			http.Redirect(w, r, fmt.Sprintf("/m/%s/versions/diff?from=%d&to=%d&saved=1", url.PathEscape(v.Municipality), f.Base, v.Number), http.StatusSeeOther)
			return nil
		}
	}
	var invalid *strategy.Invalid
	switch {
	case errors.Is(err, municipality.ErrStale):
		// Another version was stored between the form's reading and
		// this save: show the newest.
		if f, _, err = s.newEditForm(r, build); err != nil {
			return err
		}
		return s.stale(w, f)
	case errors.As(err, &invalid):
		f.place(invalid.Problems)
	case err != nil:
		return err
	}
	if f.Reason.Error != "" {
		f.Summary = append(f.Summary, summaryItem{Text: f.Reason.Error, Anchor: "reason"})
	}
	return s.renderEdit(w, http.StatusUnprocessableEntity, f)
}

// renderEdit shows a form, its numbers with the reader's decimal mark:
// the document writes 12.5, a Danish reader 12,5 (sent reads both).
func (s *Pages) renderEdit(w http.ResponseWriter, status int, f *editForm) error {
	if f.L.Lang() == locale.Danish {
		for _, g := range f.Groups {
			for _, fd := range g.Fields {
				if fd.Kind == kindNumber && decimalPoint.MatchString(fd.Value) {
					fd.Value = strings.Replace(fd.Value, ".", ",", 1)
				}
			}
		}
	}
	return s.render(w, status, "strategy_edit", f)
}

var decimalPoint = regexp.MustCompile(`^-?[0-9]+\.[0-9]+$`)

// stale shows a form made from the newest version, saying that the
// strategy changed since the user opened it: what they typed is dropped
// rather than written over a change they have not seen.
func (s *Pages) stale(w http.ResponseWriter, f *editForm) error {
	f.Notice = f.L.T("edit.stale", f.Base)
	return s.renderEdit(w, http.StatusConflict, f)
}

// apply writes every field sent back changed into the document and takes
// away the example markers that covered it; it reports whether anything
// changed. The fields keep what was sent, to be shown again. A group's
// fields are written in order, so that a field can depend on one before
// it (the mandatory flag and its law).
func (f *editForm) apply(doc *strategy.Document, form url.Values) (bool, error) {
	changed := false
	if f.change != nil {
		if err := f.change(doc); err != nil {
			return false, err
		}
		changed = true
	}
	for _, g := range f.Groups {
		groupChanged := false
		g.Own = form.Get(g.ID+"-own") != ""
		for _, fd := range g.Fields {
			fd.Own = form.Get(fd.ID+"-own") != ""
			value := sent(fd, form)
			fd.Value = value
			if fd.Kind == kindChecks {
				fd.Checked = splitLines(value)
			}
			if value == fd.original {
				if fd.Own && fd.Example && fd.unmark != nil {
					if err := fd.unmark(doc); err != nil {
						return false, err
					}
					changed = true
				}
				continue
			}
			write := fd.write
			if write == nil {
				write = fd.writeField
			}
			if err := write(doc, value); err != nil {
				return false, err
			}
			if fd.unmark != nil {
				if err := fd.unmark(doc); err != nil {
					return false, err
				}
			}
			changed, groupChanged = true, true
		}
		if groupChanged && g.write != nil {
			if err := g.write(doc); err != nil {
				return false, err
			}
		}
		if g.unmark != nil && g.Example && (groupChanged || g.Own) {
			if err := g.unmark(doc); err != nil {
				return false, err
			}
			changed = true
		}
	}
	if f.tidy != nil {
		f.tidy(doc)
	}
	return changed, nil
}

// sent is a field's value as sent: trimmed, a list one value a line, a
// decimal comma read as the document's point.
func sent(fd *editField, form url.Values) string {
	switch fd.Kind {
	case kindChecks:
		var chosen []string
		for _, o := range fd.Options {
			if slices.Contains(form[fd.ID], o.Value) {
				chosen = append(chosen, o.Value)
			}
		}
		return strings.Join(chosen, "\n")
	case kindLines:
		return joinLines(splitLines(form.Get(fd.ID)))
	case kindCheckbox:
		if form.Get(fd.ID) != "" {
			return "true"
		}
		return ""
	case kindNumber:
		v := strings.TrimSpace(form.Get(fd.ID))
		if decimalComma.MatchString(v) {
			v = strings.Replace(v, ",", ".", 1)
		}
		return v
	}
	return strings.TrimSpace(form.Get(fd.ID))
}

var decimalComma = regexp.MustCompile(`^-?[0-9]+,[0-9]+$`)

func joinLines(lines []string) string { return strings.Join(lines, "\n") }

// splitLines is the non-empty trimmed lines of s.
func splitLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// writeField writes a value of the field's kind at its path; an empty
// value leaves the field out, for the loader to say whether it may be.
func (fd *editField) writeField(doc *strategy.Document, value string) error {
	if value == "" {
		doc.Delete(fd.path)
		return nil
	}
	if fd.Kind == kindLines || fd.Kind == kindChecks {
		lines := splitLines(value)
		if fd.dates {
			for i, l := range lines {
				lines[i] = readDate(l)
			}
		}
		return doc.SetStrings(fd.path, lines)
	}
	if fd.dates {
		value = readDate(value)
	}
	if fd.Kind == kindNumber {
		return doc.SetValue(fd.path, value)
	}
	return doc.SetText(fd.path, value)
}

// place puts each problem of the loader at the field it belongs to, and
// lists them all in the summary in the order of the form.
func (f *editForm) place(problems []strategy.Problem) {
	l := f.L
	var unplaced []summaryItem
	for _, p := range problems {
		msg := problemText(l, p)
		if p.Rule == strategy.RuleUnknownArea && len(p.Args) > 0 && f.gone[fmt.Sprint(p.Args[0])] != "" {
			msg = l.T("edit.rule.area_removed", f.gone[fmt.Sprint(p.Args[0])])
		}
		fd, g := f.fieldFor(p.Path)
		switch {
		case fd != nil:
			if fd.Error == "" {
				fd.Error = msg
			} else if !strings.Contains(fd.Error, msg) {
				fd.Error += " " + msg
			}
		case g != nil:
			g.Error = strings.TrimSpace(g.Error + " " + msg)
		default:
			// A value the form does not show: say where in the file.
			unplaced = append(unplaced, summaryItem{Text: elsewhere(l, f.st, p.Path) + ": " + msg})
		}
	}
	for _, g := range f.Groups {
		if g.Error != "" && len(g.Fields) > 0 {
			f.Summary = append(f.Summary, summaryItem{Text: g.Legend + ": " + g.Error, Anchor: g.Fields[0].ID})
		}
		for _, fd := range g.Fields {
			if fd.Error != "" {
				f.Summary = append(f.Summary, summaryItem{Text: fd.Label + ": " + fd.Error, Anchor: fd.ID})
			}
		}
	}
	f.Summary = append(f.Summary, unplaced...)
}

// fieldFor finds the field a problem's path belongs to: the field at the
// path, else the first field under it (a target with no shares: its first
// share), else the field the path lies under (a search word: the list);
// failing those, the group the path lies under (an area's channels).
func (f *editForm) fieldFor(path strategy.Path) (*editField, *editGroup) {
	p := path.String()
	var under *editField
	for _, g := range f.Groups {
		for _, fd := range g.Fields {
			fp := fd.path.String()
			switch {
			case fp == p:
				return fd, g
			case under == nil && len(p) > 0 && strings.HasPrefix(fp, p) && isBoundary(fp[len(p)]):
				under = fd
			}
		}
	}
	if under != nil {
		return under, nil
	}
	var best *editField
	var bestGroup *editGroup
	for _, g := range f.Groups {
		for _, fd := range g.Fields {
			if fp := fd.path.String(); within(p, fp) && (best == nil || len(fp) > len(best.path.String())) {
				best = fd
			}
		}
		if gp := g.path.String(); g.path != nil && within(p, gp) && best == nil &&
			(bestGroup == nil || len(gp) > len(bestGroup.path.String())) {
			bestGroup = g
		}
	}
	if best != nil {
		return best, nil
	}
	return nil, bestGroup
}

// within reports whether path p lies under path prefix.
func within(p, prefix string) bool {
	return prefix != "" && strings.HasPrefix(p, prefix) && len(p) > len(prefix) && isBoundary(p[len(prefix)])
}

func isBoundary(c byte) bool { return c == '.' || c == '[' }

// problemText is a problem's message in the form's words where the file's
// would speak of YAML ("dkk mangler"), else the file's.
func problemText(l locale.Printer, p strategy.Problem) string {
	switch p.Rule {
	case strategy.RuleRequired:
		return l.T("edit.rule.required")
	case strategy.RuleNotNumber, strategy.RuleNotInteger:
		return l.T("edit.rule.not_number", p.Args...)
	case strategy.RuleBadDate:
		return l.T("edit.rule.bad_date")
	case strategy.RuleBadClosedDay:
		return l.T("edit.rule.bad_closed_day", showDate(fmt.Sprint(p.Args[0])))
	}
	return l.T(p.Rule, p.Args...)
}

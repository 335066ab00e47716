package strategy

import (
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"github.com/pmezard/go-difflib/difflib"
)

// Compare answers "what changed between these two versions?" for people
// who do not read YAML: value by value, each with where it is, the old and
// the new value. Entries of lists are matched by what names them (an id;
// a price by channel, type and SB level; opening hours by channel and
// location), not by their place in the list, so that a new area does not
// make every area after it look changed. Lists of plain values (search
// words, days, closing days) and opening intervals are compared whole.

// Change is one difference between two versions of a strategy.
type Change struct {
	// Path is where the value is; an entry of a list is an Item.
	Path Path
	Kind ChangeKind
	// Old and New are the values as the document writes them (a list as
	// "a, b"); "" where there is none. For an entry added or removed as a
	// whole they are its label.
	Old, New string
	// Value is what sort of value it is, for the page to write it.
	Value ValueType
}

// ChangeKind tells a changed value from an entry added or removed whole.
type ChangeKind int

const (
	Changed ChangeKind = iota
	Added
	Removed
)

// ValueType is the sort of a changed value.
type ValueType int

const (
	Text ValueType = iota
	Number
	YesNo
	List
)

// Item is a path element naming an entry of a list by its key, with a
// label for people (an area's KLE number and title).
type Item struct {
	Key, Label string
}

func (i Item) String() string { return i.Key }

// Compare lists every value that differs between old and new, in the
// order of the document's fields.
func Compare(old, new *Strategy) []Change {
	c := comparison{old: old, new: new}
	c.value(nil, reflect.ValueOf(*old), reflect.ValueOf(*new))
	return c.changes
}

type comparison struct {
	old, new *Strategy
	changes  []Change
}

func (c *comparison) value(path Path, a, b reflect.Value) {
	switch a.Kind() {
	case reflect.Pointer:
		if a.IsNil() && b.IsNil() {
			return
		}
		c.value(path, deref(a), deref(b))
	case reflect.Struct:
		t := a.Type()
		for i := 0; i < t.NumField(); i++ {
			name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
			if name == "" || name == "-" {
				continue
			}
			c.value(path.with(name), a.Field(i), b.Field(i))
		}
	case reflect.Map:
		for _, k := range mapKeys(a, b) {
			p := path.with(fmt.Sprint(k.Interface()))
			av, bv := a.MapIndex(k), b.MapIndex(k)
			if k := a.Type().Elem().Kind(); (k == reflect.Float64 || k == reflect.Int) && (!av.IsValid() || !bv.IsValid()) {
				// A share for a year one side lacks: "–", not 0.
				c.scalar(p, Number, present(av), present(bv))
				continue
			}
			c.value(p, entry(a, k), entry(b, k))
		}
	case reflect.Slice:
		if a.Type().Elem().Kind() == reflect.Struct && c.keyed(a.Type().Elem()) {
			c.entries(path, a, b)
			return
		}
		c.scalar(path, List, formatList(a), formatList(b))
	case reflect.Bool:
		c.scalar(path, YesNo, formatBool(a), formatBool(b))
	case reflect.Int, reflect.Float64:
		c.scalar(path, Number, formatScalar(a), formatScalar(b))
	default:
		c.scalar(path, Text, formatScalar(a), formatScalar(b))
	}
}

func (c *comparison) scalar(path Path, t ValueType, a, b string) {
	if a != b {
		c.changes = append(c.changes, Change{Path: path, Kind: Changed, Old: a, New: b, Value: t})
	}
}

// deref is what a pointer points at, or its type's zero value for nil: a
// value left out compares as empty.
func deref(p reflect.Value) reflect.Value {
	if p.IsNil() {
		return reflect.Zero(p.Type().Elem())
	}
	return p.Elem()
}

// present formats a map's value, or "" when the map lacks it.
func present(v reflect.Value) string {
	if !v.IsValid() {
		return ""
	}
	return strconv.FormatFloat(v.Convert(reflect.TypeOf(0.0)).Float(), 'f', -1, 64)
}

func entry(m, k reflect.Value) reflect.Value {
	if v := m.MapIndex(k); v.IsValid() {
		return v
	}
	return reflect.Zero(m.Type().Elem())
}

// mapKeys are the keys of both maps, sorted.
func mapKeys(a, b reflect.Value) []reflect.Value {
	seen := map[string]reflect.Value{}
	for _, m := range []reflect.Value{a, b} {
		for _, k := range m.MapKeys() {
			seen[fmt.Sprint(k.Interface())] = k
		}
	}
	keys := make([]reflect.Value, 0, len(seen))
	for _, k := range seen {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].Kind() == reflect.Int {
			return keys[i].Int() < keys[j].Int()
		}
		return keys[i].String() < keys[j].String()
	})
	return keys
}

// keyed reports whether entries of type t are matched by key.
func (c *comparison) keyed(t reflect.Type) bool {
	switch t {
	case reflect.TypeOf(Price{}), reflect.TypeOf(OpeningHours{}):
		return true
	}
	_, hasID := t.FieldByName("ID")
	return hasID
}

// key and label of a list entry.
func (c *comparison) item(v reflect.Value, s *Strategy) Item {
	switch e := v.Interface().(type) {
	case Price:
		key := e.Channel + "|" + e.Type + "|"
		label := channelName(s, e.Channel)
		if t, ok := s.InquiryType(e.Type); ok {
			label += ", " + t.Name
		}
		if e.SBLevel != nil {
			key += strconv.Itoa(*e.SBLevel)
			label += ", SB " + strconv.Itoa(*e.SBLevel)
		}
		return Item{Key: key, Label: label}
	case OpeningHours:
		label := channelName(s, e.Channel)
		if e.Location != "" {
			label += ", " + e.Location
		}
		return Item{Key: e.Channel + "|" + e.Location, Label: label}
	case Area:
		return Item{Key: e.ID, Label: AreaLabel(e.KLE, e.Title)}
	case Target:
		return Item{Key: e.ID, Label: e.Text}
	}
	id := v.FieldByName("ID").String()
	label := id
	if f := v.FieldByName("Name"); f.IsValid() && f.String() != "" {
		label = f.String()
	}
	return Item{Key: id, Label: label}
}

func channelName(s *Strategy, id string) string {
	if ch, ok := s.Channel(id); ok && ch.Name != "" {
		return ch.Name
	}
	return id
}

// entries compares two lists whose entries have keys: matched entries
// value by value, the others as added or removed whole. A key given twice
// (which validation refuses) matches by its first entry.
func (c *comparison) entries(path Path, a, b reflect.Value) {
	index := func(list reflect.Value, s *Strategy) ([]Item, map[string]int) {
		items, at := make([]Item, list.Len()), map[string]int{}
		for i := range list.Len() {
			items[i] = c.item(list.Index(i), s)
			if _, dup := at[items[i].Key]; !dup {
				at[items[i].Key] = i
			}
		}
		return items, at
	}
	oldItems, oldAt := index(a, c.old)
	newItems, newAt := index(b, c.new)
	for i, it := range oldItems {
		j, ok := newAt[it.Key]
		switch {
		case oldAt[it.Key] != i:
		case !ok:
			c.changes = append(c.changes, Change{Path: path.with(it), Kind: Removed, Old: it.Label})
		default:
			// The new label: the entry is named as it is now.
			c.value(path.with(newItems[j]), a.Index(i), b.Index(j))
		}
	}
	for j, it := range newItems {
		if _, ok := oldAt[it.Key]; !ok && newAt[it.Key] == j {
			c.changes = append(c.changes, Change{Path: path.with(it), Kind: Added, New: it.Label})
		}
	}
}

func formatBool(v reflect.Value) string {
	if v.Bool() {
		return "true"
	}
	return ""
}

func formatScalar(v reflect.Value) string {
	switch v.Kind() {
	case reflect.Int:
		if v.Int() == 0 {
			return ""
		}
		return strconv.FormatInt(v.Int(), 10)
	case reflect.Float64:
		return strconv.FormatFloat(v.Float(), 'f', -1, 64)
	}
	return v.String()
}

// formatList writes a list as the document's readers would: "a, b", with
// lists of lists and opening intervals separated by "; ".
func formatList(v reflect.Value) string {
	parts := make([]string, 0, v.Len())
	sep := ", "
	for i := range v.Len() {
		e := v.Index(i)
		switch x := e.Interface().(type) {
		case Hours:
			parts = append(parts, strings.Join(x.Days, ", ")+" "+x.From+"–"+x.To)
			sep = "; "
		case []string:
			parts = append(parts, strings.Join(x, ", "))
			sep = "; "
		default:
			parts = append(parts, formatScalar(e))
		}
	}
	return strings.Join(parts, sep)
}

// LineDiff is the unified diff of two strategy documents' YAML lines, for
// readers of the file. Both are written out as a form saves them
// (Document.Bytes) first, so that only what changed shows, not how a file
// loaded whole happened to be laid out.
func LineDiff(oldName string, old []byte, newName string, new []byte) (string, error) {
	var text [2][]string
	for i, doc := range [][]byte{old, new} {
		d, err := ReadDocument("", doc)
		if err != nil {
			return "", err
		}
		d.original = "" // written alike, not each as it was laid out
		data, err := d.Bytes()
		if err != nil {
			return "", err
		}
		text[i] = difflib.SplitLines(string(data))
	}
	return difflib.GetUnifiedDiffString(difflib.UnifiedDiff{
		A: text[0], B: text[1], FromFile: oldName, ToFile: newName, Context: 2,
	})
}

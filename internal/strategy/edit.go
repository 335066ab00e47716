package strategy

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// The strategy forms change a version's document value by value through
// its YAML node tree, so that everything the form does not touch — the
// comments, the order of fields, the example markers of other values —
// survives. The edited document is then written out and loaded like any
// uploaded file (Parse): a form has no rules of its own.

// Document is a strategy file's node tree, to read and change by path.
type Document struct {
	doc  *yaml.Node // the document, which holds the comments at its top
	root *yaml.Node // the mapping at the top of the document
	// original is the text read, whose layout Bytes keeps.
	original string
}

// ReadDocument reads a strategy file into its node tree. A document that
// is not one YAML mapping returns *Invalid.
func ReadDocument(name string, data []byte) (*Document, error) {
	root, probs := parseYAML(data)
	var doc yaml.Node
	if root != nil && root.Kind == yaml.MappingNode {
		// parseYAML found one document: read it again whole, with the
		// comments above its first field, which belong to the document.
		if err := yaml.Unmarshal(data, &doc); err == nil && len(doc.Content) == 1 {
			return &Document{doc: &doc, root: doc.Content[0], original: string(data)}, nil
		}
	}
	if len(probs) == 0 {
		probs = []Problem{{Pos: Pos{1, 1}, Rule: RuleWantMapping}}
	}
	for i := range probs {
		probs[i].File = name
	}
	return nil, &Invalid{Problems: probs}
}

// Bytes writes the document out, indented by two spaces. The YAML encoder
// keeps comments and order but not blank lines or the line breaks inside
// folded texts; those are put back as the document read had them
// (keepLayout), so that a form's save differs from the file read in the
// values changed only. A document whose layout cannot be kept gets a blank
// line before each top-level field that follows an indented block.
func (d *Document) Bytes() ([]byte, error) {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(d.doc); err != nil {
		return nil, fmt.Errorf("write the strategy document: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("write the strategy document: %w", err)
	}
	if kept, ok := keepLayout(d.original, buf.String()); ok {
		return []byte(kept), nil
	}
	lines := strings.SplitAfter(buf.String(), "\n")
	var out strings.Builder
	for i, l := range lines {
		if i > 0 && l != "" && l[0] != ' ' && l[0] != '-' && l[0] != '\n' && strings.HasPrefix(lines[i-1], " ") {
			out.WriteByte('\n')
		}
		out.WriteString(l)
	}
	return []byte(out.String()), nil
}

// ErrNoSuchPath is returned for a path that leads through a value the
// document does not have, such as a list entry past its end.
var ErrNoSuchPath = errors.New("the strategy document has no such place")

// find returns the node at path, or nil.
func (d *Document) find(path Path) *yaml.Node {
	n := d.root
	for _, e := range path {
		if n = child(n, e); n == nil {
			return nil
		}
	}
	return n
}

// child is the value under one path element: a list entry or a field.
func child(n *yaml.Node, e any) *yaml.Node {
	switch e := e.(type) {
	case int:
		if n.Kind == yaml.SequenceNode && e >= 0 && e < len(n.Content) {
			return n.Content[e]
		}
	default:
		if n.Kind == yaml.MappingNode {
			name := pathElem(e)
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == name {
					return n.Content[i+1]
				}
			}
		}
	}
	return nil
}

// Scalar returns the value at path as written, and whether there is one:
// a field left out or set to null has none.
func (d *Document) Scalar(path Path) (string, bool) {
	n := d.find(path)
	if n == nil || n.Kind != yaml.ScalarNode || n.ShortTag() == "!!null" {
		return "", false
	}
	return n.Value, true
}

// Strings returns the values of the list at path; nil when there is none.
func (d *Document) Strings(path Path) []string {
	n := d.find(path)
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	out := make([]string, 0, len(n.Content))
	for _, e := range n.Content {
		out = append(out, e.Value)
	}
	return out
}

// Keys returns the keys of the mapping at path, in the document's order.
func (d *Document) Keys(path Path) []string {
	n := d.find(path)
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	var out []string
	for i := 0; i+1 < len(n.Content); i += 2 {
		out = append(out, n.Content[i].Value)
	}
	return out
}

// Len is the number of entries of the list at path.
func (d *Document) Len(path Path) int {
	if n := d.find(path); n != nil && n.Kind == yaml.SequenceNode {
		return len(n.Content)
	}
	return 0
}

// SetText sets the value at path to a text, which stays a text when it
// looks like a number or a yes ("2015", "true"). Fields missing on the way
// are added at the end of their mapping.
func (d *Document) SetText(path Path, s string) error {
	return d.set(path, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s})
}

// SetValue sets the value at path as typed, without a tag: the loader
// decides what it is, so that a number field's "30 %" is refused there,
// with the loader's message, as it is in a file.
func (d *Document) SetValue(path Path, s string) error {
	return d.set(path, &yaml.Node{Kind: yaml.ScalarNode, Value: s})
}

// SetStrings sets the value at path to a list of texts, written on one
// line ([a, b]) when the list it replaces was, or when it is new.
func (d *Document) SetStrings(path Path, values []string) error {
	list := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
	if old := d.find(path); old != nil && old.Kind == yaml.SequenceNode {
		list.Style = old.Style
	}
	for _, v := range values {
		list.Content = append(list.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v})
	}
	return d.set(path, list)
}

// set puts value at path, keeping the comments of the value it replaces.
func (d *Document) set(path Path, value *yaml.Node) error {
	if len(path) == 0 {
		return ErrNoSuchPath
	}
	parent, err := d.makeMapping(path[:len(path)-1])
	if err != nil {
		return err
	}
	last := path[len(path)-1]
	if i, ok := last.(int); ok {
		if parent.Kind != yaml.SequenceNode || i < 0 || i >= len(parent.Content) {
			return fmt.Errorf("%w: %s", ErrNoSuchPath, path)
		}
		keepComments(value, parent.Content[i])
		parent.Content[i] = value
		return nil
	}
	if parent.Kind != yaml.MappingNode {
		return fmt.Errorf("%w: %s", ErrNoSuchPath, path)
	}
	name := pathElem(last)
	for i := 0; i+1 < len(parent.Content); i += 2 {
		if parent.Content[i].Value == name {
			keepComments(value, parent.Content[i+1])
			parent.Content[i+1] = value
			return nil
		}
	}
	parent.Content = append(parent.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: name}, value)
	return nil
}

func keepComments(n, old *yaml.Node) {
	n.HeadComment, n.LineComment, n.FootComment = old.HeadComment, old.LineComment, old.FootComment
}

// makeMapping returns the node at path, adding a mapping for every field
// missing on the way.
func (d *Document) makeMapping(path Path) (*yaml.Node, error) {
	n := d.root
	for i, e := range path {
		c := child(n, e)
		if c == nil || c.ShortTag() == "!!null" {
			if _, isIndex := e.(int); isIndex || n.Kind != yaml.MappingNode {
				return nil, fmt.Errorf("%w: %s", ErrNoSuchPath, path[:i+1])
			}
			m := &yaml.Node{Kind: yaml.MappingNode}
			if c != nil {
				*c = *m
				m = c
			} else {
				n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: pathElem(e)}, m)
			}
			c = m
		}
		n = c
	}
	return n, nil
}

// Delete removes the field or list entry at path; a path that leads
// nowhere is already deleted.
func (d *Document) Delete(path Path) {
	if len(path) == 0 {
		return
	}
	parent := d.find(path[:len(path)-1])
	if parent == nil {
		return
	}
	switch last := path[len(path)-1].(type) {
	case int:
		if parent.Kind == yaml.SequenceNode && last >= 0 && last < len(parent.Content) {
			parent.Content = slices.Delete(parent.Content, last, last+1)
		}
	default:
		if parent.Kind != yaml.MappingNode {
			return
		}
		name := pathElem(last)
		for i := 0; i+1 < len(parent.Content); i += 2 {
			if parent.Content[i].Value == name {
				parent.Content = slices.Delete(parent.Content, i, i+2)
				return
			}
		}
	}
}

// Append adds a mapping of the given texts to the end of the list at path,
// adding the list when there is none, and returns the new entry's index.
// fields are name, value pairs.
func (d *Document) Append(path Path, fields ...string) (int, error) {
	list := d.find(path)
	if list == nil || list.ShortTag() == "!!null" {
		if err := d.set(path, &yaml.Node{Kind: yaml.SequenceNode}); err != nil {
			return 0, err
		}
		list = d.find(path)
	}
	if list.Kind != yaml.SequenceNode {
		return 0, fmt.Errorf("%w: %s is not a list", ErrNoSuchPath, path)
	}
	entry := &yaml.Node{Kind: yaml.MappingNode}
	for i := 0; i+1 < len(fields); i += 2 {
		entry.Content = append(entry.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: fields[i]},
			&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: fields[i+1]})
	}
	list.Content = append(list.Content, entry)
	return len(list.Content) - 1, nil
}

// A value the staff set themselves is theirs, not an example any more:
// the unmarking below takes away the example marker that covered it, and
// only that one, so that the markers of everything else stay.

// A yes/no marker (a price's example, the closing days' closed_example)
// is taken away with Delete.

// UnmarkField takes field out of the examples list of the entry at path
// (an area's or a target's), leaving out the list once it is empty. An
// area marked an example as a whole (example: true) is marked field by
// field instead, every field of AreaExampleFields but this one.
func (d *Document) UnmarkField(path Path, field string) error {
	if v, ok := d.Scalar(path.with("example")); ok && strings.EqualFold(v, "true") {
		var rest []string
		for _, f := range AreaExampleFields {
			if f != field {
				rest = append(rest, f)
			}
		}
		d.Delete(path.with("example"))
		return d.SetStrings(path.with("examples"), rest)
	}
	list := d.Strings(path.with("examples"))
	if !slices.Contains(list, field) {
		return nil
	}
	list = slices.DeleteFunc(list, func(f string) bool { return f == field })
	if len(list) == 0 {
		d.Delete(path.with("examples"))
		return nil
	}
	return d.SetStrings(path.with("examples"), list)
}

// With is the path with elems added, for callers outside the package.
func (p Path) With(elems ...any) Path { return p.with(elems...) }

// NewID makes an id for a new entry from what names it (an area's title):
// lower case, Danish letters written out (æ ae, ø oe, å aa), words joined
// by hyphens, at most 40 characters, and a number added when taken says
// the id is in use. A name with no letters gives prefix.
func NewID(name, prefix string, taken func(string) bool) string {
	written := map[rune]string{'æ': "ae", 'ø': "oe", 'å': "aa", 'é': "e", 'è': "e", 'ê': "e", 'ü': "u", 'ö': "oe", 'ä': "ae"}
	var words []string
	var word strings.Builder
	for _, r := range strings.ToLower(name) + " " {
		switch {
		case written[r] != "":
			word.WriteString(written[r])
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			word.WriteRune(r)
		case word.Len() > 0:
			words = append(words, word.String())
			word.Reset()
		}
	}
	id := ""
	for _, w := range words {
		if len(id)+1+len(w) > 40 && id != "" {
			break
		}
		id = strings.TrimPrefix(id+"-"+w, "-")
	}
	if !idPattern.MatchString(id) {
		id = strings.TrimSuffix(prefix+"-"+id, "-")
	}
	for n, base := 2, id; taken(id); n++ {
		id = fmt.Sprintf("%s-%d", base, n)
	}
	return id
}

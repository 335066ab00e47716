package letters

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// A letter template is data: a YAML file with an id, a title and a body
// holding merge fields written {{name}}, and the fields the sender fills
// in (name and label). Two fields are Kanal's own: {{navn}}, the
// recipient's name from the registry, and {{dato}}, the day the letter is
// sent. The examples Kanal ships are in templates/, each marked example:
// true; a template that does not hold together is refused with every
// problem at its file:line:col, as package selfservice refuses a form.

// Kanal's own merge fields.
const (
	FieldName = "navn"
	FieldDate = "dato"
)

// Limits of a template and of a merge field's value.
const (
	MaxTemplateFields = 20
	MaxFieldValue     = 2000
)

// Template is a letter template that holds together.
type Template struct {
	ID      string
	Title   string // may hold merge fields
	Body    string
	Example bool
	// Fields are the fields the sender fills in, in the file's order.
	Fields []TemplateField
	File   string
}

// TemplateField is a field the sender fills in.
type TemplateField struct {
	Name, Label string
}

// TemplateProblem is one thing wrong with a template file, at its place.
type TemplateProblem struct {
	File      string
	Line, Col int
	Msg       string
}

func (p TemplateProblem) String() string {
	return fmt.Sprintf("%s:%d:%d: %s", p.File, p.Line, p.Col, p.Msg)
}

// TemplateError is a template file with problems; nothing of it is used.
type TemplateError struct{ Problems []TemplateProblem }

func (e *TemplateError) Error() string {
	s := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		s[i] = p.String()
	}
	return "letter template refused: " + strings.Join(s, "; ")
}

var (
	fieldName   = regexp.MustCompile(`^[a-z][a-z0-9_]{0,39}$`)
	placeholder = regexp.MustCompile(`\{\{\s*([^{}]*?)\s*\}\}`)
)

// LoadTemplate reads a template from YAML, or returns a *TemplateError
// listing every problem at its file:line:col.
func LoadTemplate(name string, data []byte) (*Template, error) {
	r := &templateReader{file: name, data: data}
	t := r.read()
	if len(r.probs) > 0 {
		sort.SliceStable(r.probs, func(i, j int) bool {
			a, b := r.probs[i], r.probs[j]
			return a.Line < b.Line || a.Line == b.Line && a.Col < b.Col
		})
		return nil, &TemplateError{r.probs}
	}
	t.File = name
	return t, nil
}

type templateReader struct {
	file  string
	data  []byte
	probs []TemplateProblem
}

func (r *templateReader) add(line, col int, format string, args ...any) {
	r.probs = append(r.probs, TemplateProblem{r.file, line, col, fmt.Sprintf(format, args...)})
}

func (r *templateReader) read() *Template {
	dec := yaml.NewDecoder(bytes.NewReader(r.data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			r.add(1, 1, "the file is empty")
		} else {
			r.add(1, 1, "not YAML: %v", err)
		}
		return nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		r.add(root.Line, root.Column, "a template is a mapping of id, title, example, fields and body")
		return nil
	}
	t := &Template{}
	var title, body *yaml.Node
	seen := map[string]bool{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if seen[k.Value] {
			r.add(k.Line, k.Column, "%s is given twice", k.Value)
		}
		seen[k.Value] = true
		switch k.Value {
		case "id":
			t.ID = r.scalar(v, "id")
			if t.ID != "" && !fieldName.MatchString(t.ID) {
				r.add(v.Line, v.Column, "the id %q is not lower-case letters, digits and _", t.ID)
			}
		case "title":
			t.Title, title = r.scalar(v, "title"), v
		case "body":
			t.Body, body = r.scalar(v, "body"), v
		case "example":
			if v.Kind != yaml.ScalarNode || (v.Value != "true" && v.Value != "false") {
				r.add(v.Line, v.Column, "example is true or false")
			}
			t.Example = v.Value == "true"
		case "fields":
			t.Fields = r.fields(v)
		default:
			r.add(k.Line, k.Column, "unknown key %q (known: id, title, example, fields, body)", k.Value)
		}
	}
	for _, key := range []string{"id", "title", "body"} {
		if !seen[key] {
			r.add(root.Line, root.Column, "%s is missing", key)
		}
	}
	declared := map[string]bool{FieldName: true, FieldDate: true}
	for _, f := range t.Fields {
		declared[f.Name] = true
	}
	used := map[string]bool{}
	for _, n := range []*yaml.Node{title, body} {
		if n != nil {
			r.placeholders(n, declared, used)
		}
	}
	for _, f := range t.Fields {
		if !used[f.Name] {
			r.add(root.Line, root.Column, "the field %q is declared but not used in the title or body", f.Name)
		}
	}
	return t
}

func (r *templateReader) scalar(v *yaml.Node, key string) string {
	if v.Kind != yaml.ScalarNode || strings.TrimSpace(v.Value) == "" {
		r.add(v.Line, v.Column, "%s is a non-empty text", key)
		return ""
	}
	return v.Value
}

func (r *templateReader) fields(v *yaml.Node) []TemplateField {
	if v.Kind != yaml.SequenceNode {
		r.add(v.Line, v.Column, "fields is a list of name and label")
		return nil
	}
	if len(v.Content) > MaxTemplateFields {
		r.add(v.Line, v.Column, "more than %d fields", MaxTemplateFields)
	}
	var out []TemplateField
	names := map[string]bool{}
	for _, item := range v.Content {
		if item.Kind != yaml.MappingNode {
			r.add(item.Line, item.Column, "a field is a mapping of name and label")
			continue
		}
		var f TemplateField
		for i := 0; i+1 < len(item.Content); i += 2 {
			k, val := item.Content[i], item.Content[i+1]
			switch k.Value {
			case "name":
				f.Name = r.scalar(val, "name")
				switch {
				case f.Name == "":
				case !fieldName.MatchString(f.Name):
					r.add(val.Line, val.Column, "the field name %q is not lower-case letters, digits and _", f.Name)
				case f.Name == FieldName || f.Name == FieldDate:
					r.add(val.Line, val.Column, "the field %q is Kanal's own and filled by Kanal", f.Name)
				case names[f.Name]:
					r.add(val.Line, val.Column, "the field %q is declared twice", f.Name)
				}
				names[f.Name] = true
			case "label":
				f.Label = r.scalar(val, "label")
			default:
				r.add(k.Line, k.Column, "unknown key %q of a field (known: name, label)", k.Value)
			}
		}
		if f.Name == "" || f.Label == "" {
			r.add(item.Line, item.Column, "a field needs a name and a label")
		}
		out = append(out, f)
	}
	return out
}

// placeholders checks each {{field}} of a scalar: declared or Kanal's own;
// an unclosed {{ is a problem too. Each is placed at its line and column.
func (r *templateReader) placeholders(n *yaml.Node, declared, used map[string]bool) {
	s := n.Value
	for _, m := range placeholder.FindAllStringSubmatchIndex(s, -1) {
		name := s[m[2]:m[3]]
		line, col := r.position(n, m[0])
		if !declared[name] {
			r.add(line, col, "the merge field {{%s}} is neither declared under fields nor one of Kanal's own (navn, dato)", name)
		}
		used[name] = true
	}
	rest := placeholder.ReplaceAllString(s, "")
	if i := strings.Index(rest, "{{"); i >= 0 {
		line, col := r.position(n, strings.Index(s, "{{"))
		if j := strings.LastIndex(s, "{{"); j >= 0 && !placeholder.MatchString(s[j:]) {
			line, col = r.position(n, j)
		}
		r.add(line, col, "a merge field is opened with {{ and not closed with }}")
	}
}

// position is the file's line and column of byte offset off of a
// scalar's value: a block scalar (| or >) starts on the next line at the
// indentation of its first content line.
func (r *templateReader) position(n *yaml.Node, off int) (int, int) {
	before := n.Value[:off]
	nl := strings.Count(before, "\n")
	inLine := utf8.RuneCountInString(before[strings.LastIndex(before, "\n")+1:])
	if n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) == 0 {
		col := n.Column + inLine
		if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
			col++
		}
		return n.Line + nl, col
	}
	line := n.Line + 1 + nl
	lines := strings.Split(string(r.data), "\n")
	indent := 0
	for i := n.Line; i < len(lines); i++ { // lines[n.Line] is the first content line
		if t := strings.TrimLeft(lines[i], " "); t != "" {
			indent = len(lines[i]) - len(t)
			break
		}
	}
	return line, indent + inLine + 1
}

//go:embed templates/*.yaml
var templateFiles embed.FS

// Templates are the letter templates Kanal ships, each marked as an
// example, sorted by id. One that does not load is a bug found by the
// tests and is left out rather than stopping the server.
func Templates() []*Template {
	names, _ := fs.Glob(templateFiles, "templates/*.yaml")
	var out []*Template
	for _, name := range names {
		data, err := templateFiles.ReadFile(name)
		if err != nil {
			continue
		}
		if t, err := LoadTemplate(path.Join("internal/letters", name), data); err == nil {
			out = append(out, t)
		}
	}
	slices.SortFunc(out, func(a, b *Template) int { return strings.Compare(a.ID, b.ID) })
	return out
}

// TemplateByID is the shipped template with the id, or nil.
func TemplateByID(id string) *Template {
	for _, t := range Templates() {
		if t.ID == id {
			return t
		}
	}
	return nil
}

// checkFields checks the sender's values against the template: each value
// for a declared field (or navn, when the registry has no name), none
// missing or empty, none too long. Problems name the field as
// fields.<name>.
func (t *Template) checkFields(values map[string]string) []FieldError {
	var errs []FieldError
	declared := map[string]bool{FieldName: true}
	for _, f := range t.Fields {
		declared[f.Name] = true
		if strings.TrimSpace(values[f.Name]) == "" {
			errs = append(errs, FieldError{"fields." + f.Name, "missing_field", []any{f.Name}})
		}
	}
	var names []string
	for name := range values {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		v := values[name]
		switch {
		case !declared[name]:
			errs = append(errs, FieldError{"fields." + name, "unknown_field", []any{fieldLabel(name), t.ID}})
		case utf8.RuneCountInString(v) > MaxFieldValue || !utf8.ValidString(v) || strings.ContainsAny(v, "\x00\r"):
			errs = append(errs, FieldError{"fields." + name, "too_long", []any{MaxFieldValue}})
		}
	}
	return errs
}

// fieldLabel keeps an unknown field's name printable in a message: a
// name that is not a field name is not repeated.
func fieldLabel(name string) string {
	if fieldName.MatchString(name) {
		return name
	}
	return "?"
}

// Merge fills the template's title and body with values, which must hold
// every field (checkFields and Kanal's own fields done).
func (t *Template) Merge(values map[string]string) (title, body string) {
	fill := func(s string) string {
		return placeholder.ReplaceAllStringFunc(s, func(m string) string {
			return values[placeholder.FindStringSubmatch(m)[1]]
		})
	}
	return fill(t.Title), fill(t.Body)
}

package selfservice

import (
	"bytes"
	"errors"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/kanal-dk/kanal/internal/strategy"
)

// Limits of a form's definition.
const (
	// MaxFileBytes is the largest attachment a form may accept: 10 MB.
	MaxFileBytes = 10 << 20
	// MaxFilesCap is the most files one file field may take.
	MaxFilesCap = 10
	// maxLengthCap is the largest max_length a text field may have.
	maxLengthCap = 10000
)

// The keys a form file may hold, at each level, in the order the
// documentation names them.
var (
	formKeys   = []string{"id", "title", "title_en", "intro", "intro_en", "kle", "type", "login", "example", "steps"}
	stepKeys   = []string{"id", "title", "title_en", "fields"}
	fieldKeys  = []string{"id", "kind", "label", "label_en", "help", "help_en", "required", "prefill", "options", "max_length", "min", "max", "accept", "max_bytes", "max_files"}
	optionKeys = []string{"value", "label", "label_en"}
)

// Load reads a form from YAML. It returns either a form whose definition
// holds together or an *Invalid error listing every problem found, each
// at its file:line:col.
func Load(name string, data []byte) (*Form, error) {
	root, p := parseYAML(name, data)
	if p != nil {
		return nil, &Invalid{Problems: []Problem{*p}}
	}
	r := &reader{file: name}
	f := r.form(root)
	if len(r.probs) > 0 {
		sort.SliceStable(r.probs, func(i, j int) bool {
			a, b := r.probs[i], r.probs[j]
			return a.Line < b.Line || a.Line == b.Line && a.Col < b.Col
		})
		return nil, &Invalid{Problems: r.probs}
	}
	f.File = name
	return f, nil
}

// parseYAML parses exactly one YAML document into its node tree.
func parseYAML(name string, data []byte) (*yaml.Node, *Problem) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, &Problem{File: name, Line: 1, Col: 1, Rule: "selfservice.form.empty"}
		}
		return nil, syntaxProblem(name, data, err)
	}
	if len(doc.Content) == 0 {
		return nil, &Problem{File: name, Line: 1, Col: 1, Rule: "selfservice.form.empty"}
	}
	var next yaml.Node
	if err := dec.Decode(&next); !errors.Is(err, io.EOF) {
		if err != nil {
			return nil, syntaxProblem(name, data, err)
		}
		return nil, &Problem{File: name, Line: next.Line, Col: next.Column, Rule: "selfservice.form.many_documents"}
	}
	return doc.Content[0], nil
}

// syntaxProblem places a YAML syntax error. The parser says only a line,
// and not always the line to fix; the strategy reader knows how to find
// the line and column where a document breaks, so the form reader asks it:
// a document that breaks the parser fails there before anything about
// strategies is checked.
func syntaxProblem(name string, data []byte, err error) *Problem {
	var inv *strategy.Invalid
	if _, serr := strategy.Parse(name, data); errors.As(serr, &inv) && len(inv.Problems) > 0 {
		p := inv.Problems[0]
		return &Problem{File: name, Line: p.Pos.Line, Col: p.Pos.Col, Rule: p.Rule, Args: p.Args}
	}
	return &Problem{File: name, Line: 1, Col: 1, Rule: "strategy.syntax", Args: []any{err.Error()}}
}

// reader turns a form's node tree into a Form, collecting problems.
type reader struct {
	file  string
	probs []Problem
}

func (r *reader) add(n *yaml.Node, rule string, args ...any) {
	r.probs = append(r.probs, Problem{File: r.file, Line: n.Line, Col: n.Column, Rule: rule, Args: args})
}

// usable reports whether n can be read: it is present, and no anchor or
// alias (which forms do not need, and which could make a small file
// large).
func (r *reader) usable(n *yaml.Node) bool {
	if n == nil {
		return false
	}
	if n.Kind == yaml.AliasNode || n.Anchor != "" {
		r.add(n, "strategy.alias")
		return false
	}
	return !(n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null")
}

// mapping is a mapping's values by key; it reports a node that is no
// mapping (null too: every mapping of a form is needed), unknown keys and
// keys written twice.
func (r *reader) mapping(n *yaml.Node, known []string) map[string]*yaml.Node {
	if n == nil || n.Kind == yaml.AliasNode || n.Anchor != "" {
		r.usable(n)
		return nil
	}
	if n.Kind != yaml.MappingNode {
		r.add(n, "selfservice.form.want_mapping")
		return nil
	}
	m := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		switch {
		case k.Kind != yaml.ScalarNode || !slices.Contains(known, k.Value):
			r.add(k, "selfservice.form.unknown_key", k.Value, strings.Join(known, ", "))
		case m[k.Value] != nil:
			r.add(k, "selfservice.form.duplicate_key", k.Value)
		default:
			m[k.Value] = v
		}
	}
	return m
}

// text is a scalar's text; "" where it is absent or no scalar.
func (r *reader) text(n *yaml.Node) string {
	if !r.usable(n) {
		return ""
	}
	if n.Kind != yaml.ScalarNode {
		r.add(n, "selfservice.form.want_text")
		return ""
	}
	return n.Value
}

// required is the text of m[key], reporting at at when it is missing.
func (r *reader) required(m map[string]*yaml.Node, key string, at *yaml.Node) string {
	s := r.text(m[key])
	if strings.TrimSpace(s) == "" && (m[key] == nil || m[key].Kind == yaml.ScalarNode) {
		r.add(at, "selfservice.form.missing", key)
	}
	return s
}

func (r *reader) boolean(n *yaml.Node, key string) bool {
	if !r.usable(n) {
		return false
	}
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!bool" {
		if b, err := strconv.ParseBool(strings.ToLower(n.Value)); err == nil {
			return b
		}
	}
	r.add(n, "selfservice.form.want_bool", key)
	return false
}

// integer is a whole number; ok is false where it is absent or wrong.
func (r *reader) integer(n *yaml.Node, key string) (int64, bool) {
	if !r.usable(n) {
		return 0, false
	}
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!int" {
		if i, err := strconv.ParseInt(n.Value, 10, 64); err == nil {
			return i, true
		}
	}
	r.add(n, "selfservice.form.want_int", key)
	return 0, false
}

func (r *reader) list(n *yaml.Node) []*yaml.Node {
	if !r.usable(n) {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		r.add(n, "selfservice.form.want_list")
		return nil
	}
	return n.Content
}

func (r *reader) form(root *yaml.Node) *Form {
	m := r.mapping(root, formKeys)
	if m == nil {
		return nil
	}
	f := &Form{
		ID:      r.id(m, root),
		Title:   r.required(m, "title", root),
		TitleEN: r.text(m["title_en"]),
		Intro:   r.text(m["intro"]),
		IntroEN: r.text(m["intro_en"]),
		AreaKLE: r.required(m, "kle", root),
		Type:    r.required(m, "type", root),
		Login:   r.required(m, "login", root),
		Example: r.boolean(m["example"], "example"),
	}
	if f.AreaKLE != "" && !kleShape.MatchString(f.AreaKLE) {
		r.add(m["kle"], "selfservice.form.bad_kle", f.AreaKLE)
	}
	if f.Type != "" && !slices.Contains(strategy.TypeIDs, f.Type) {
		r.add(m["type"], "selfservice.form.unknown_type", f.Type, strings.Join(strategy.TypeIDs, ", "))
	}
	switch f.Login {
	case "", LoginNone, LoginRequired:
	default:
		r.add(m["login"], "selfservice.form.unknown_login", f.Login)
	}
	if f.Type == strategy.Transaction && f.Login == LoginNone {
		r.add(m["login"], "selfservice.form.transaction_login")
	}
	steps := r.list(m["steps"])
	if empty(m["steps"]) {
		r.add(orNode(m["steps"], root), "selfservice.form.no_steps")
	}
	stepIDs := map[string]*yaml.Node{}
	fieldIDs := map[string]*yaml.Node{}
	for _, n := range steps {
		sm := r.mapping(n, stepKeys)
		if sm == nil {
			continue
		}
		st := Step{
			ID:      r.unique(r.id(sm, n), sm["id"], stepIDs, "selfservice.form.duplicate_step"),
			Title:   r.required(sm, "title", n),
			TitleEN: r.text(sm["title_en"]),
		}
		fields := r.list(sm["fields"])
		if empty(sm["fields"]) {
			r.add(orNode(sm["fields"], n), "selfservice.form.no_fields")
		}
		for _, fn := range fields {
			if fd, ok := r.field(fn, f, fieldIDs); ok {
				st.Fields = append(st.Fields, fd)
			}
		}
		f.Steps = append(f.Steps, st)
	}
	return f
}

// id is m["id"], reported when missing or not shaped like an id.
func (r *reader) id(m map[string]*yaml.Node, at *yaml.Node) string {
	id := r.required(m, "id", at)
	if id != "" && !idShape.MatchString(id) {
		r.add(m["id"], "selfservice.form.bad_id", id)
	}
	return id
}

// unique reports an id seen before, under rule.
func (r *reader) unique(id string, at *yaml.Node, seen map[string]*yaml.Node, rule string) string {
	if id == "" {
		return id
	}
	if first, dup := seen[id]; dup {
		r.add(at, rule, id, first.Line)
	} else {
		seen[id] = at
	}
	return id
}

// empty reports whether a list is absent, null or has no entries.
func empty(n *yaml.Node) bool {
	return n == nil || n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" ||
		n.Kind == yaml.SequenceNode && len(n.Content) == 0
}

func orNode(n, otherwise *yaml.Node) *yaml.Node {
	if n != nil {
		return n
	}
	return otherwise
}

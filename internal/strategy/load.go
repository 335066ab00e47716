package strategy

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// LoadFile reads and parses a strategy file. A read error is returned as is;
// a document with problems as *Invalid.
func LoadFile(name string) (*Strategy, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	return Parse(name, data)
}

// Parse reads a strategy document and validates it. It returns either a
// valid strategy or an *Invalid error listing every problem found, each with
// its position in the file: a broken document never half-loads.
//
// Every problem of the document is reported in one run: a value that cannot
// be read (an unknown field, a list where one value belongs) is reported
// where it stands and then treated as left out, so that the rules still
// check everything else.
func Parse(file string, data []byte) (*Strategy, error) {
	root, probs := parseYAML(data)
	var s Strategy
	if root != nil {
		var sh shaper
		readable := sh.check(root, reflect.TypeOf(Strategy{}), nil)
		probs = sh.probs
		if err := readable.Decode(&s); err != nil {
			// check() keeps only what Decode can take; this is a safety net.
			probs = append(probs, Problem{Pos: pos(root), Rule: RuleSyntax, Args: []any{err.Error()}})
		} else {
			for _, p := range s.Validate() {
				if sh.leftOut(p.Path) {
					continue
				}
				p.Pos = locate(root, p.Path)
				probs = append(probs, p)
			}
		}
	}
	if len(probs) == 0 {
		s.normaliseLogins()
		return &s, nil
	}
	for i := range probs {
		probs[i].File = file
	}
	sort.SliceStable(probs, func(i, j int) bool {
		a, b := probs[i].Pos, probs[j].Pos
		return a.Line < b.Line || a.Line == b.Line && a.Col < b.Col
	})
	return nil, &Invalid{Problems: probs}
}

// parseYAML parses exactly one YAML document into its node tree.
func parseYAML(data []byte) (*yaml.Node, []Problem) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, []Problem{{Pos: Pos{1, 1}, Rule: RuleEmpty}}
		}
		return nil, []Problem{syntaxProblem(data, err)}
	}
	if len(doc.Content) == 0 {
		return nil, []Problem{{Pos: Pos{1, 1}, Rule: RuleEmpty}}
	}
	var next yaml.Node
	if err := dec.Decode(&next); !errors.Is(err, io.EOF) {
		p := Pos{next.Line, next.Column}
		if err != nil {
			return nil, []Problem{syntaxProblem(data, err)}
		}
		return nil, []Problem{{Pos: p, Rule: RuleManyDocuments}}
	}
	return doc.Content[0], nil
}

func pos(n *yaml.Node) Pos { return Pos{n.Line, n.Column} }

// shaper checks that a node tree can be decoded into the strategy's types,
// reporting every unknown field, wrong kind of node and malformed scalar with
// its position. It builds a copy of the tree without them, which decodes
// cleanly, so that the validator can check the rest of the document too.
type shaper struct {
	probs []Problem
	// unread are the paths of values left out of the copy. The validator
	// sees them as absent; what it says about them ("missing") would only
	// repeat the problem already reported there.
	unread []Path
}

// leftOut reports whether path lies at or under a value that was left out.
func (sh *shaper) leftOut(path Path) bool {
	for _, u := range sh.unread {
		if hasPrefix(path, u) {
			return true
		}
	}
	return false
}

func hasPrefix(path, prefix Path) bool {
	if len(path) < len(prefix) {
		return false
	}
	for i, e := range prefix {
		if pathElem(path[i]) != pathElem(e) {
			return false
		}
	}
	return true
}

// pathElem compares path elements by what they name, so that a Key and a
// field of the same name are equal.
func pathElem(e any) string {
	if k, ok := e.(Key); ok {
		return string(k)
	}
	return fmt.Sprint(e)
}

func (sh *shaper) add(at *yaml.Node, path Path, rule string, args ...any) {
	sh.probs = append(sh.probs, Problem{Pos: pos(at), Path: path, Rule: rule, Args: args})
}

// unreadable reports a value that cannot be decoded and returns the null
// node that stands in for it in the copy.
func (sh *shaper) unreadable(n *yaml.Node, path Path, rule string, args ...any) *yaml.Node {
	sh.add(n, path, rule, args...)
	sh.unread = append(sh.unread, path)
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Line: n.Line, Column: n.Column}
}

// check returns n, or the copy of n that can be decoded into a value of type
// t, reporting what it had to leave out.
func (sh *shaper) check(n *yaml.Node, t reflect.Type, path Path) *yaml.Node {
	if n.Kind == yaml.AliasNode || n.Anchor != "" {
		return sh.unreadable(n, path, RuleAlias)
	}
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" {
		return n // absent; Validate decides whether it was required
	}
	switch t.Kind() {
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			return sh.unreadable(n, path, RuleWantMapping)
		}
		fields := yamlFields(t)
		return sh.eachPair(n, path, func(key string, k, v *yaml.Node) *yaml.Node {
			f, ok := fields[key]
			if !ok {
				sh.add(k, path, RuleUnknownField, key, fieldNames(fields))
				return nil
			}
			return sh.check(v, f.Type, path.with(key))
		})
	case reflect.Map:
		if n.Kind != yaml.MappingNode {
			return sh.unreadable(n, path, RuleWantMapping)
		}
		return sh.eachPair(n, path, func(key string, k, v *yaml.Node) *yaml.Node {
			if t.Key().Kind() == reflect.Int && !isInt(k) {
				sh.add(k, path, RuleNotInteger, key)
				return nil
			}
			return sh.check(v, t.Elem(), path.with(key))
		})
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			return sh.unreadable(n, path, RuleWantList)
		}
		c := *n
		c.Content = make([]*yaml.Node, len(n.Content))
		for i, e := range n.Content {
			// An unreadable entry stays as null, so that the entries after
			// it keep their indexes and the validator's paths their places.
			c.Content[i] = sh.check(e, t.Elem(), path.with(i))
		}
		return &c
	default:
		if n.Kind != yaml.ScalarNode {
			return sh.unreadable(n, path, RuleWantValue)
		}
		switch tag := n.ShortTag(); t.Kind() {
		case reflect.Bool:
			if tag != "!!bool" {
				return sh.unreadable(n, path, RuleNotBool, n.Value)
			}
		case reflect.Int:
			if !isInt(n) {
				return sh.unreadable(n, path, RuleNotInteger, n.Value)
			}
		case reflect.Float64:
			if tag != "!!int" && tag != "!!float" {
				return sh.unreadable(n, path, RuleNotNumber, n.Value)
			}
		}
		return n
	}
}

// isInt reports whether a scalar is a whole number that fits an int.
func isInt(n *yaml.Node) bool {
	if n.ShortTag() != "!!int" {
		return false
	}
	_, err := strconv.ParseInt(n.Value, 0, 0)
	return err == nil
}

// eachPair calls fn for every key and value of a mapping node and returns
// the copy of the mapping that holds the values fn returns. A pair fn
// returns nil for is left out, as are duplicate keys and keys that are not
// plain values, which are reported.
func (sh *shaper) eachPair(n *yaml.Node, path Path, fn func(key string, k, v *yaml.Node) *yaml.Node) *yaml.Node {
	c := *n
	c.Content = make([]*yaml.Node, 0, len(n.Content))
	seen := make(map[string]bool, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			sh.add(k, path, RuleWantValue)
			continue
		}
		if seen[k.Value] {
			sh.add(k, path, RuleDuplicateKey, k.Value)
			continue
		}
		seen[k.Value] = true
		if v = fn(k.Value, k, v); v != nil {
			c.Content = append(c.Content, k, v)
		}
	}
	return &c
}

// yamlFields maps a struct's yaml names to its fields.
func yamlFields(t reflect.Type) map[string]reflect.StructField {
	fields := make(map[string]reflect.StructField, t.NumField())
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if name != "" && name != "-" {
			fields[name] = f
		}
	}
	return fields
}

func fieldNames(fields map[string]reflect.StructField) string {
	names := make([]string, 0, len(fields))
	for name := range fields {
		names = append(names, name)
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}

// locate finds the position of path in the node tree. Where the path leads
// to something absent, such as a missing field, it answers with the nearest
// enclosing node that is there.
func locate(n *yaml.Node, path Path) Pos {
	at := pos(n)
	for _, e := range path {
		switch e := e.(type) {
		case int:
			if n.Kind != yaml.SequenceNode || e < 0 || e >= len(n.Content) {
				return at
			}
			n = n.Content[e]
		default:
			if n.Kind != yaml.MappingNode {
				return at
			}
			key, isKey := e.(Key)
			name := fmt.Sprint(e)
			if isKey {
				name = string(key)
			}
			found := false
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == name {
					if isKey {
						return pos(n.Content[i])
					}
					n, found = n.Content[i+1], true
					break
				}
			}
			if !found {
				return at
			}
		}
		at = pos(n)
	}
	return at
}

// normaliseLogins reads "nemid" and "mitid" as the national login: which
// of the two a citizen uses depends on the date (NationalLogin), not on the
// strategy file.
func (s *Strategy) normaliseLogins() {
	for i := range s.Areas {
		if ss := s.Areas[i].SelfService; ss != nil && (ss.Login == LoginNemID || ss.Login == LoginMitID) {
			ss.Login = LoginNational
		}
	}
}

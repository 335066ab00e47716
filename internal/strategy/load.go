package strategy

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"regexp"
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
func Parse(file string, data []byte) (*Strategy, error) {
	root, probs := parseYAML(data)
	if len(probs) == 0 {
		shape(root, reflect.TypeOf(Strategy{}), nil, &probs)
	}
	var s Strategy
	if len(probs) == 0 {
		if err := root.Decode(&s); err != nil {
			// shape() accepts only what Decode can take; this is a safety net.
			probs = append(probs, Problem{Pos: pos(root), Rule: RuleSyntax, Args: []any{err.Error()}})
		}
	}
	if len(probs) == 0 {
		probs = s.Validate()
		for i := range probs {
			probs[i].Pos = locate(root, probs[i].Path)
		}
	}
	if len(probs) == 0 {
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

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): `)

// parseYAML parses exactly one YAML document into its node tree.
func parseYAML(data []byte) (*yaml.Node, []Problem) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, []Problem{{Pos: Pos{1, 1}, Rule: RuleEmpty}}
		}
		return nil, []Problem{syntaxProblem(err)}
	}
	if len(doc.Content) == 0 {
		return nil, []Problem{{Pos: Pos{1, 1}, Rule: RuleEmpty}}
	}
	var next yaml.Node
	if err := dec.Decode(&next); !errors.Is(err, io.EOF) {
		p := Pos{next.Line, next.Column}
		if err != nil {
			return nil, []Problem{syntaxProblem(err)}
		}
		return nil, []Problem{{Pos: p, Rule: RuleManyDocuments}}
	}
	return doc.Content[0], nil
}

func syntaxProblem(err error) Problem {
	msg := err.Error()
	p := Pos{1, 1}
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		p.Line, _ = strconv.Atoi(m[1])
		msg = msg[len(m[0]):]
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	return Problem{Pos: p, Rule: RuleSyntax, Args: []any{msg}}
}

func pos(n *yaml.Node) Pos { return Pos{n.Line, n.Column} }

// shape checks that node n can be decoded into a value of type t, reporting
// every unknown field, wrong kind of node and malformed scalar with its
// position. Decoding after a clean shape check cannot fail.
func shape(n *yaml.Node, t reflect.Type, path Path, probs *[]Problem) {
	add := func(at *yaml.Node, rule string, args ...any) {
		*probs = append(*probs, Problem{Pos: pos(at), Path: path, Rule: rule, Args: args})
	}
	if n.Kind == yaml.AliasNode || n.Anchor != "" {
		add(n, RuleAlias)
		return
	}
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" {
		return // absent; Validate decides whether it was required
	}
	switch t.Kind() {
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			add(n, RuleWantMapping)
			return
		}
		fields := yamlFields(t)
		eachPair(n, path, probs, func(key string, k, v *yaml.Node) {
			f, ok := fields[key]
			if !ok {
				*probs = append(*probs, Problem{Pos: pos(k), Path: path, Rule: RuleUnknownField, Args: []any{key, fieldNames(fields)}})
				return
			}
			shape(v, f.Type, path.with(key), probs)
		})
	case reflect.Map:
		if n.Kind != yaml.MappingNode {
			add(n, RuleWantMapping)
			return
		}
		eachPair(n, path, probs, func(key string, k, v *yaml.Node) {
			if t.Key().Kind() == reflect.Int {
				if k.ShortTag() != "!!int" {
					*probs = append(*probs, Problem{Pos: pos(k), Path: path, Rule: RuleNotInteger, Args: []any{key}})
					return
				}
			}
			shape(v, t.Elem(), path.with(key), probs)
		})
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			add(n, RuleWantList)
			return
		}
		for i, e := range n.Content {
			shape(e, t.Elem(), path.with(i), probs)
		}
	default:
		if n.Kind != yaml.ScalarNode {
			add(n, RuleWantValue)
			return
		}
		switch tag := n.ShortTag(); t.Kind() {
		case reflect.Bool:
			if tag != "!!bool" {
				add(n, RuleNotBool, n.Value)
			}
		case reflect.Int:
			if tag != "!!int" {
				add(n, RuleNotInteger, n.Value)
			} else if _, err := strconv.ParseInt(n.Value, 0, 0); err != nil {
				add(n, RuleNotInteger, n.Value)
			}
		case reflect.Float64:
			if tag != "!!int" && tag != "!!float" {
				add(n, RuleNotNumber, n.Value)
			}
		}
	}
}

// eachPair calls fn for every key and value of a mapping node, reporting
// duplicate keys and keys that are not plain values.
func eachPair(n *yaml.Node, path Path, probs *[]Problem, fn func(key string, k, v *yaml.Node)) {
	seen := make(map[string]bool, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			*probs = append(*probs, Problem{Pos: pos(k), Path: path, Rule: RuleWantValue})
			continue
		}
		if seen[k.Value] {
			*probs = append(*probs, Problem{Pos: pos(k), Path: path, Rule: RuleDuplicateKey, Args: []any{k.Value}})
			continue
		}
		seen[k.Value] = true
		fn(k.Value, k, v)
	}
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

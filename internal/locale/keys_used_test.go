package locale

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// keyShape is how a catalogue key is written: lower-case words joined by
// dots.
var keyShape = regexp.MustCompile(`^[a-z][a-z0-9_]*(\.[a-z0-9_][a-z0-9_-]*)+$`)

// templateString is a quoted string inside a template action.
var templateString = regexp.MustCompile(`"([^"{}]*)"`)

// named says whether s, written in the code, names texts of the catalogue:
// a text, the two forms of a plural (Printer.Plural and Count add ".one"
// and ".other"), or a family of texts whose keys it begins (such as
// "cli.flag", which config joins with a command's words).
func named(s string) bool {
	if _, ok := catalogue[s]; ok {
		return true
	}
	_, one := catalogue[s+".one"]
	_, other := catalogue[s+".other"]
	if one && other {
		return true
	}
	for k := range catalogue {
		if strings.HasPrefix(k, s+".") {
			return true
		}
	}
	return false
}

// Every string in Kanal's code and templates that is written like a key
// and begins like one (figures., cli., auth., …) names texts the
// catalogue has. The tests that render every page and run every command
// catch the keys put together while running ("role." + a role); this
// catches the written ones, on paths no test takes too.
func TestCatalogue_EveryKeyWrittenInTheCodeExists(t *testing.T) {
	prefixes := map[string]bool{}
	for k := range catalogue {
		first, _, _ := strings.Cut(k, ".")
		prefixes[first] = true
	}
	check := func(file string, line int, s string) {
		first, _, _ := strings.Cut(s, ".")
		if keyShape.MatchString(s) && prefixes[first] && !named(s) {
			t.Errorf("%s:%d: %q is not in the catalogue", file, line, s)
		}
	}
	root := filepath.Join("..", "..")
	files, strings_ := 0, 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") && path != root || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		switch {
		case strings.HasSuffix(path, ".go") && !strings.HasSuffix(path, "_test.go"):
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, path, nil, 0)
			if err != nil {
				return err
			}
			files++
			ast.Inspect(f, func(n ast.Node) bool {
				if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
					if s, err := strconv.Unquote(lit.Value); err == nil {
						strings_++
						check(path, fset.Position(lit.Pos()).Line, s)
					}
				}
				return true
			})
		case strings.HasSuffix(path, ".html") && strings.Contains(filepath.ToSlash(path), "/templates/"):
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			files++
			for i, line := range strings.Split(string(data), "\n") {
				for _, action := range strings.Split(line, "{{")[1:] {
					action, _, _ = strings.Cut(action, "}}")
					for _, m := range templateString.FindAllStringSubmatch(action, -1) {
						strings_++
						check(path, i+1, m[1])
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 100 || strings_ < 2000 {
		t.Errorf("read %d files and %d strings; is the walk broken?", files, strings_)
	}
}

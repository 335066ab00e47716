// Package strategies embeds the preset strategy documents that ship with
// Kanal: Dragør Kommune 2012–2015 and Tårnby Kommune 2016–2018.
package strategies

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"

	"github.com/kanal-dk/kanal/internal/strategy"
)

//go:embed *.yaml
var files embed.FS

// Preset is one embedded strategy document.
type Preset struct {
	// Name is the file name inside the repository's strategies/ folder, used
	// in error positions.
	Name string
	Data []byte
}

// Presets returns every embedded strategy document, sorted by file name.
func Presets() []Preset {
	names, err := fs.Glob(files, "*.yaml")
	if err != nil {
		panic(err) // the pattern is constant and valid
	}
	sort.Strings(names)
	out := make([]Preset, 0, len(names))
	for _, name := range names {
		data, err := files.ReadFile(name)
		if err != nil {
			panic(err) // embedded files are always readable
		}
		out = append(out, Preset{Name: path.Join("strategies", name), Data: data})
	}
	return out
}

// Parsed returns every preset parsed and validated, by municipality id.
func Parsed() (map[string]*strategy.Strategy, error) {
	out := map[string]*strategy.Strategy{}
	for _, p := range Presets() {
		s, err := strategy.Parse(p.Name, p.Data)
		if err != nil {
			return nil, fmt.Errorf("preset %s: %w", p.Name, err)
		}
		out[s.Municipality.ID] = s
	}
	return out, nil
}

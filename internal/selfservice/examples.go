package selfservice

import (
	"embed"
	"io/fs"
	"path"
)

//go:embed forms/*.yaml
var exampleFiles embed.FS

// Examples are the forms Kanal ships, read from the binary: real forms
// for three of the preset strategies' areas, each marked as an example.
// An example that does not load is a bug in Kanal, found by its tests;
// it is left out rather than stopping the server.
func Examples() []*Form {
	names, _ := fs.Glob(exampleFiles, "forms/*.yaml")
	var forms []*Form
	for _, name := range names {
		data, err := exampleFiles.ReadFile(name)
		if err != nil {
			continue
		}
		f, err := Load(path.Join("internal/selfservice", name), data)
		if err != nil {
			continue
		}
		forms = append(forms, f)
	}
	return forms
}

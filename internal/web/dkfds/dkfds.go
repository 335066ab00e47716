// Package dkfds holds Det Fælles Designsystem (the npm package dkfds),
// vendored at a pinned version and embedded in the binary, and serves it
// under /static/dkfds/ to every face that uses it: the staff pages now,
// the citizen portal later. Nothing is loaded from a CDN.
//
// What is vendored, from where and under which licences is in README.md
// beside this file; fetch.sh fetches it again.
package dkfds

import (
	"embed"
	"io/fs"
	"net/http"
	"strings"
)

// Version is the vendored release of dkfds.
const Version = "11.2.0"

// Prefix is where the files are served: Prefix + Version + "/css/…".
// The version in the address lets browsers keep the files for a year: a
// new version is a new address. dkfds's style sheet names its fonts and
// icons relatively, so they follow it.
const Prefix = "/static/dkfds/"

// Stylesheet is the address of the minified style sheet.
const Stylesheet = Prefix + Version + "/css/dkfds.min.css"

//go:embed dist
var dist embed.FS

// Files are the vendored files: css/, fonts/ and img/.
func Files() fs.FS {
	sub, err := fs.Sub(dist, "dist")
	if err != nil {
		panic(err) // the folder is embedded at build time
	}
	return sub
}

// Handler serves the files under Prefix + Version + "/", with a year's
// cache; other versions and folder listings are not found.
func Handler() http.Handler {
	base := Prefix + Version + "/"
	files := http.StripPrefix(base, http.FileServerFS(Files()))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.URL.Path, base) || strings.HasSuffix(r.URL.Path, "/") {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		files.ServeHTTP(w, r)
	})
}

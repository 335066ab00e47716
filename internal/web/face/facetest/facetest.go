// Package facetest holds checks every face's templates must pass, for the
// faces' tests.
package facetest

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"
)

// scrollRegion is the opening tag of an element that scrolls its content.
var scrollRegion = regexp.MustCompile(`<[a-z]+ [^>]*class="[^"]*\bscroll\b[^"]*"[^>]*>`)

// ScrollRegionsTakeTheKeyboard checks that every scroll region in the
// templates under dir can be reached and scrolled with the keyboard and is
// named for a screen reader (WCAG 2.1.1 and axe's
// scrollable-region-focusable), whether or not its table is wide today,
// and that at least min were found (so that a changed pattern is noticed).
func ScrollRegionsTakeTheKeyboard(t *testing.T, fsys fs.FS, dir string, min int) {
	t.Helper()
	found := 0
	err := fs.WalkDir(fsys, dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, path)
		if err != nil {
			return err
		}
		for _, tag := range scrollRegion.FindAllString(string(data), -1) {
			found++
			for _, attr := range []string{`tabindex="0"`, `role="region"`} {
				if !strings.Contains(tag, attr) {
					t.Errorf("%s: %s lacks %s", path, tag, attr)
				}
			}
			if !strings.Contains(tag, `aria-label="`) && !strings.Contains(tag, `aria-labelledby="`) {
				t.Errorf("%s: %s has no name (aria-label or aria-labelledby)", path, tag)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if found < min {
		t.Fatalf("found %d scroll regions, want at least %d; is the pattern still right?", found, min)
	}
}

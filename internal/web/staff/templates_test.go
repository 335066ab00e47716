package staff

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"
)

// scrollRegion is the opening tag of an element that scrolls its content.
var scrollRegion = regexp.MustCompile(`<[a-z]+ [^>]*class="[^"]*\bscroll\b[^"]*"[^>]*>`)

// Every scroll region in the staff templates can be reached and scrolled
// with the keyboard and is named for a screen reader (WCAG 2.1.1 and axe's
// scrollable-region-focusable), whether or not its table is wide today.
func TestTemplates_ScrollRegionsTakeTheKeyboard(t *testing.T) {
	found := 0
	err := fs.WalkDir(assets, "templates", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(assets, path)
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
	if found < 5 {
		t.Fatalf("found %d scroll regions; is the pattern still right?", found)
	}
}

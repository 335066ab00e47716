package staff

import (
	"testing"

	"github.com/kanal-dk/kanal/internal/web/face/facetest"
)

// Every scroll region in the staff templates can be reached and scrolled
// with the keyboard and is named for a screen reader.
func TestTemplates_ScrollRegionsTakeTheKeyboard(t *testing.T) {
	facetest.ScrollRegionsTakeTheKeyboard(t, assets, "templates", 5)
}

package citizen

import (
	"testing"

	"github.com/kanal-dk/kanal/internal/web/face/facetest"
)

// Every scroll region in the portal's templates can be reached and
// scrolled with the keyboard and is named for a screen reader, as the
// staff pages' are (the citizen's cases and Digital Post tables had none).
func TestTemplates_ScrollRegionsTakeTheKeyboard(t *testing.T) {
	facetest.ScrollRegionsTakeTheKeyboard(t, templates, "templates", 2)
}

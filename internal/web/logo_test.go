package web

import (
	"context"
	"encoding/base64"
	"regexp"
	"strings"
	"testing"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/kanaltest"
)

// header is the page's header, where the municipality's name and logo are.
var header = regexp.MustCompile(`(?s)<header class="top">.*?</header>`)

// "A favicon and the municipality's name and logo (from the strategy) in
// the header" (issue 13): a strategy that carries a logo has it shown
// beside the municipality's name at the top of its pages, served from the
// page itself; one without shows the name alone.
func TestHeader_ShowsTheMunicipalitysLogoFromTheStrategy(t *testing.T) {
	ts := newTestServer(t, true)
	c := ts.client(t, dragoerGroup)
	before := ts.get(t, c, "/m/dragoer/areas")
	if before.status != 200 || !strings.Contains(header.FindString(before.body), "Dragør Kommune") {
		t.Fatalf("the header does not name the municipality: %d", before.status)
	}
	if strings.Contains(header.FindString(before.body), "data:image") {
		t.Fatal("a logo is shown for a strategy without one")
	}

	svg := `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="40" height="40" fill="#036"/></svg>`
	logo := "data:image/svg+xml;base64," + base64.StdEncoding.EncodeToString([]byte(svg))
	doc := strings.Replace(string(kanaltest.PresetDocument(t, "dragoer")), "  name: Dragør Kommune\n",
		"  name: Dragør Kommune\n  logo: "+logo+"\n", 1)
	if !strings.Contains(doc, "logo: data:") {
		t.Fatal("the preset's name line was not found")
	}
	if _, _, err := ts.registry.Load(context.Background(), audit.System, "dragoer.yaml", []byte(doc)); err != nil {
		t.Fatal(err)
	}
	after := ts.get(t, c, "/m/dragoer/areas")
	if h := header.FindString(after.body); !strings.Contains(h, `<img src="`+logo+`" alt="" height="40">Dragør Kommune`) {
		t.Errorf("the header does not show the logo beside the name:\n%s", h)
	}
	if other := ts.get(t, ts.client(t, operator), "/m/taarnby/areas"); strings.Contains(header.FindString(other.body), "data:image") {
		t.Error("Tårnby's pages show a logo; only Dragør's strategy has one")
	}
}

package main

import (
	"strings"
	"testing"

	"github.com/kanal-dk/kanal/internal/store/storetest"
)

// A test citizens file that cannot be read stops kanal serve before it
// listens, with the file's problem (its line) and what to do, in the
// reader's language — never with the shipped citizens in its place.
func TestServe_RefusesABrokenTestCitizensFile(t *testing.T) {
	broken := writeFile(t, "borgere.xml", "<testborgere>\n<PersonLookupResponse>\n")
	for lang, want := range map[string]string{"da": "Testborgerfilen", "en": "The test citizens file"} {
		t.Setenv("KANAL_LANG", lang)
		code, out, errOut := kanal(t, "serve", "--db", storetest.DSN(t), "--demo=false", "--addr", "127.0.0.1:0", "--test-citizens", broken)
		if code != exitFailure || !strings.Contains(errOut, want) || !strings.Contains(errOut, "borgere.xml") || strings.Contains(out, "http://") {
			t.Errorf("%s: exit %d, stdout %q, stderr:\n%s", lang, code, out, errOut)
		}
	}
}

package staff

import (
	"testing"

	"github.com/kanal-dk/kanal/internal/audit"
	"github.com/kanal-dk/kanal/internal/locale"
)

// The audit page puts into words the details the case and delivery
// writers record (casework, delivery, the case page), in the reader's
// language, instead of showing the recorded English; the expected words
// are written by hand.
func TestDescribeEvent_CaseAndDeliveryDetailsInWords(t *testing.T) {
	for _, c := range []struct {
		action, detail string
		da, en         string
	}{
		{audit.CaseStatusChanged, "received → in_progress", "Modtaget → Under behandling", "Received → In progress"},
		{audit.CaseViewed, "attachment 2", "Bilag 2 hentet", "Attachment 2 downloaded"},
		{audit.CaseErased, "retention 365 days", "Opbevaringstiden var 365 dage", "The retention period was 365 days"},
		{audit.CaseErased, "retention 1 days", "Opbevaringstiden var 1 dag", "The retention period was 1 day"},
		{audit.EndpointSet, "removed", "Adressen er fjernet", "The address was removed"},
		{audit.DeliveryResent, "case.submitted K7MF-4RX9", "Sag K7MF-4RX9", "Case K7MF-4RX9"},
		// A shape the writers do not make is shown as recorded.
		{audit.CaseStatusChanged, "received → lost", "received → lost", "received → lost"},
	} {
		e := audit.Event{Action: c.action, Detail: c.detail}
		if got := describeEvent(locale.New("da"), nil, e).Detail; got != c.da {
			t.Errorf("%s %q in Danish: %q, want %q", c.action, c.detail, got, c.da)
		}
		if got := describeEvent(locale.New("en"), nil, e).Detail; got != c.en {
			t.Errorf("%s %q in English: %q, want %q", c.action, c.detail, got, c.en)
		}
	}
}

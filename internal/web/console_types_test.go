package web

import (
	"html"
	"strings"
	"testing"
)

// Tårnby's transaction is every inquiry about a case ("Transaktions-
// henvendelser er de henvendelser der vedrører en konkret sag eller danner
// baggrund for en kommende sagsbehandling"), so a call about moving is not
// refused at the console: it says that an application or notification
// must be made digitally unless an exemption is recorded, and that a
// question about a case can be answered on the phone. Dragør, with three
// types, still refuses it.
func TestConsole_TwoTypesMandatoryAreaIsNoRefusal(t *testing.T) {
	ts := newTestServer(t, true)
	c := ts.client(t, taarnbyStaff)
	for lang, want := range map[string]string{
		"da": "<p><strong>Er det en ansøgning eller anmeldelse, skal den indgives digitalt, medmindre der registreres en fritagelse. Er det et spørgsmål om en sag, kan det besvares via Telefon.</strong></p>",
		"en": "<p><strong>If it is an application or notification, it must be made digitally unless an exemption is recorded. If it is a question about a case, it can be answered by Telefon.</strong></p>",
	} {
		body := html.UnescapeString(ts.get(t, c, "/m/taarnby/console/guidance?area=flytning&type=transaction&channel=phone", "Accept-Language", lang).body)
		if !strings.Contains(body, want) {
			t.Errorf("%s: the console does not say it:\n%s", lang, body)
		}
		if strings.Contains(body, "afvis") || strings.Contains(body, "refused") {
			t.Errorf("%s: Tårnby's call about moving is called refused:\n%s", lang, body)
		}
	}

	dragoer := ts.client(t, dragoerStaff)
	body := html.UnescapeString(ts.get(t, dragoer, "/m/dragoer/console/guidance?area=flytning&type=transaction&channel=phone").body)
	if !strings.Contains(body, `class="guidance refused"`) ||
		!strings.Contains(body, "Ansøgningen skal indgives digitalt; en ikke-digital ansøgning afvises, medmindre borgeren er fritaget.") ||
		strings.Contains(body, "Er det et spørgsmål om en sag") {
		t.Errorf("Dragør's console no longer refuses a call to apply:\n%s", body)
	}
}

package memo

import (
	"strings"
	"testing"
)

// withActions is the hand-written minimal message with two actions of the
// main document (SELVBETJENING and AFTALE, each with an EntryPoint) and an
// AdditionalDocument after it, in MeMo 1.1's order: MainDocument's Files
// before its Actions; Action's label, actionCode, then EntryPoint.
func withActions(t *testing.T) string {
	t.Helper()
	const end = "</memo:MainDocument>"
	if !strings.Contains(minimal, end) {
		t.Fatal("minimal has no MainDocument end")
	}
	return strings.Replace(minimal, end, `<memo:Action><memo:label>Søg her</memo:label><memo:actionCode>SELVBETJENING</memo:actionCode>`+
		`<memo:EntryPoint><memo:url>https://kanal.example/soeg</memo:url></memo:EntryPoint></memo:Action>`+
		`<memo:Action><memo:label>Book tid</memo:label><memo:actionCode>AFTALE</memo:actionCode>`+
		`<memo:EntryPoint><memo:url>https://kanal.example/book</memo:url></memo:EntryPoint></memo:Action>`+end+
		`<memo:AdditionalDocument><memo:additionalDocumentID>bilag-1</memo:additionalDocumentID><memo:label>bilag.pdf</memo:label>`+
		`<memo:File><memo:encodingFormat>application/pdf</memo:encodingFormat><memo:filename>bilag.pdf</memo:filename>`+
		`<memo:language>da</memo:language><memo:content>JVBERi0=</memo:content></memo:File></memo:AdditionalDocument>`, 1)
}

func TestCheck_ActionsAndAdditionalDocumentsParse(t *testing.T) {
	msg := withActions(t)
	if ps := Check([]byte(msg)); ps != nil {
		t.Fatalf("Check = %v", ps)
	}
	m, err := Parse([]byte(msg))
	if err != nil {
		t.Fatal(err)
	}
	want := []Action{{Label: "Søg her", Code: ActionSelfService, EntryPoint: "https://kanal.example/soeg"},
		{Label: "Book tid", Code: ActionAppointment, EntryPoint: "https://kanal.example/book"}}
	if len(m.Main.Actions) != 2 || m.Main.Actions[0] != want[0] || m.Main.Actions[1] != want[1] {
		t.Errorf("actions %+v", m.Main.Actions)
	}
	if len(m.Additional) != 1 || m.Additional[0].ID != "bilag-1" || string(m.Additional[0].Files[0].Content) != "%PDF-" {
		t.Errorf("additional %+v", m.Additional)
	}
	// Build writes the parsed message back to the same elements.
	again, err := Build(m)
	if err != nil {
		t.Fatal(err)
	}
	back, err := Parse(again)
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Main.Actions) != 2 || back.Main.Actions[1] != want[1] || len(back.Additional) != 1 || back.Additional[0].Label != "bilag.pdf" {
		t.Errorf("round trip lost actions or documents: %+v", back)
	}
}

func TestCheck_FindsBrokenActionsAndDocuments(t *testing.T) {
	for _, tt := range []struct {
		name, old, new, path, msg string
	}{
		{"unknown actionCode", "<memo:actionCode>AFTALE</memo:actionCode>", "<memo:actionCode>BOOKING</memo:actionCode>",
			"/Message/MessageBody/MainDocument/Action/actionCode", "not one of"},
		{"action without label", "<memo:label>Book tid</memo:label>", "", "/Message/MessageBody/MainDocument/Action", "lacks label"},
		{"entry point not http", "https://kanal.example/book", "ftp://kanal.example/book",
			"/Message/MessageBody/MainDocument/Action/EntryPoint/url", "http(s) address"},
		{"EntryPoint before actionCode", "<memo:actionCode>AFTALE</memo:actionCode><memo:EntryPoint><memo:url>https://kanal.example/book</memo:url></memo:EntryPoint>",
			"<memo:EntryPoint><memo:url>https://kanal.example/book</memo:url></memo:EntryPoint><memo:actionCode>AFTALE</memo:actionCode>",
			"/Message/MessageBody/MainDocument/Action", "lacks actionCode"},
		{"additional document without File", "<memo:File><memo:encodingFormat>application/pdf</memo:encodingFormat><memo:filename>bilag.pdf</memo:filename><memo:language>da</memo:language><memo:content>JVBERi0=</memo:content></memo:File>",
			"", "/Message/MessageBody/AdditionalDocument", "lacks File"},
		{"additional document before the main", "", "", "", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			msg := withActions(t)
			var broken string
			if tt.old == "" {
				// Move the AdditionalDocument before the MainDocument.
				i, j := strings.Index(msg, "<memo:AdditionalDocument>"), strings.Index(msg, "</memo:AdditionalDocument>")+len("</memo:AdditionalDocument>")
				add := msg[i:j]
				broken = strings.Replace(msg[:i]+msg[j:], "<memo:MainDocument>", add+"<memo:MainDocument>", 1)
				tt.path, tt.msg = "/Message/MessageBody", "lacks MainDocument"
			} else {
				if !strings.Contains(msg, tt.old) {
					t.Fatal("the test's old text is not in the message")
				}
				broken = strings.Replace(msg, tt.old, tt.new, 1)
			}
			ps := Check([]byte(broken))
			for _, p := range ps {
				if p.Path == tt.path && strings.Contains(p.Msg, tt.msg) {
					return
				}
			}
			t.Errorf("Check found %v, want %s: %s", ps, tt.path, tt.msg)
		})
	}
}

package memo

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

func letter() Message {
	return Message{
		UUID:              "2f1c7a4e-8b3d-4c5e-9f10-1a2b3c4d5e6f",
		Label:             "Afgørelse om boligstøtte",
		LegalNotification: true,
		Sender:            Party{ID: "12345674", IDType: IDTypeCVR, Label: "Dragør Kommune"},
		Recipient:         Party{ID: "1203859902", IDType: IDTypeCPR},
		CaseID:            &CaseID{ID: "K-2026-17", System: "Kanal"},
		KLE:               &KLE{SubjectKey: "27.24.00", Version: "1", ActivityFacet: "G01", Label: "Boligstøtte"},
		Created:           time.Date(2026, 11, 30, 6, 30, 0, 0, time.UTC),
		Main: Document{Label: "Afgørelse", Files: []File{{
			EncodingFormat: "application/pdf", Filename: "afgoerelse.pdf", Language: "da", Content: []byte("%PDF-1.7 test"),
		}}, Actions: []Action{{Label: "Klag over afgørelsen", Code: ActionSelfService, EntryPoint: "https://kanal.example/borger/klage"}}},
		Additional: []Document{{Files: []File{{EncodingFormat: "text/plain", Filename: "bilag.txt", Language: "da", Content: []byte("bilag")}}}},
	}
}

func TestBuild_RoundTripsThroughCheckAndParse(t *testing.T) {
	out, err := Build(letter())
	if err != nil {
		t.Fatal(err)
	}
	if ps := Check(out); ps != nil {
		t.Fatalf("Check(Build(letter)) = %v", ps)
	}
	back, err := Parse(out)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, letter()) {
		t.Errorf("Parse(Build(m)) =\n%+v\nwant\n%+v", back, letter())
	}
}

// The element order below is written by hand from MeMo 1.1 (see
// docs/digital-post.md), not taken from Build.
func TestBuild_WritesMeMoOrderAndPrefixes(t *testing.T) {
	out, err := Build(letter())
	if err != nil {
		t.Fatal(err)
	}
	s := string(out)
	want := []string{
		`<memo:Message xmlns:memo="https://DigitalPost.dk/MeMo-1" xmlns:kle="http://kle-online.dk/" memoVersion="1.1" memoSchVersion="1.1.0">`,
		`<memo:MessageHeader>`, `<memo:messageType>DIGITALPOST</memo:messageType>`,
		`<memo:messageUUID>2f1c7a4e-8b3d-4c5e-9f10-1a2b3c4d5e6f</memo:messageUUID>`,
		`<memo:label>Afgørelse om boligstøtte</memo:label>`,
		`<memo:mandatory>false</memo:mandatory>`, `<memo:legalNotification>true</memo:legalNotification>`,
		`<memo:Sender><memo:senderID>12345674</memo:senderID><memo:idType>CVR</memo:idType><memo:label>Dragør Kommune</memo:label></memo:Sender>`,
		`<memo:Recipient><memo:recipientID>1203859902</memo:recipientID><memo:idType>CPR</memo:idType></memo:Recipient>`,
		`<memo:ContentData><memo:CaseID><memo:caseID>K-2026-17</memo:caseID><memo:caseSystem>Kanal</memo:caseSystem></memo:CaseID>`,
		`<kle:KLEdata><kle:subjectKey>27.24.00</kle:subjectKey><kle:version>1</kle:version><kle:activityFacet>G01</kle:activityFacet><kle:label>Boligstøtte</kle:label></kle:KLEdata>`,
		`<memo:MessageBody><memo:createdDateTime>2026-11-30T06:30:00Z</memo:createdDateTime>`,
		`<memo:MainDocument><memo:label>Afgørelse</memo:label><memo:File><memo:encodingFormat>application/pdf</memo:encodingFormat><memo:filename>afgoerelse.pdf</memo:filename><memo:language>da</memo:language>`,
		// base64 of "%PDF-1.7 test", by hand: JVBERi0xLjcgdGVzdA==
		`<memo:content>JVBERi0xLjcgdGVzdA==</memo:content>`,
		`<memo:Action><memo:label>Klag over afgørelsen</memo:label><memo:actionCode>SELVBETJENING</memo:actionCode><memo:EntryPoint><memo:url>https://kanal.example/borger/klage</memo:url></memo:EntryPoint></memo:Action>`,
		`<memo:AdditionalDocument><memo:File>`,
	}
	at := 0
	for _, w := range want {
		i := strings.Index(s[at:], w)
		if i < 0 {
			t.Fatalf("after offset %d, %s is missing in\n%s", at, w, s)
		}
		at += i + len(w)
	}
}

// A message written by hand after the published examples (a kombi_request's
// memo:Message), with every optional part left out.
const minimal = `<?xml version="1.0" encoding="UTF-8"?>
<memo:Message xmlns:memo="https://DigitalPost.dk/MeMo-1" memoVersion="1.1" memoSchVersion="1.1.0">
 <memo:MessageHeader>
  <memo:messageType>DIGITALPOST</memo:messageType>
  <memo:messageUUID>e4cf3010-d051-43f2-8aa2-c86b05f3af17</memo:messageUUID>
  <memo:label>Test</memo:label>
  <memo:mandatory>false</memo:mandatory>
  <memo:legalNotification>false</memo:legalNotification>
  <memo:Sender>
   <memo:senderID>12345674</memo:senderID>
   <memo:idType>CVR</memo:idType>
   <memo:label>Dragør Kommune</memo:label>
  </memo:Sender>
  <memo:Recipient>
   <memo:recipientID>1203859902</memo:recipientID>
   <memo:idType>CPR</memo:idType>
  </memo:Recipient>
 </memo:MessageHeader>
 <memo:MessageBody>
  <memo:createdDateTime>2026-11-30T10:31:35Z</memo:createdDateTime>
  <memo:MainDocument>
   <memo:File>
    <memo:encodingFormat>text/plain</memo:encodingFormat>
    <memo:filename>Message.txt</memo:filename>
    <memo:language>da</memo:language>
    <memo:content>SGVq</memo:content>
   </memo:File>
  </memo:MainDocument>
 </memo:MessageBody>
</memo:Message>`

func TestCheck_AcceptsHandWrittenMessage(t *testing.T) {
	if ps := Check([]byte(minimal)); ps != nil {
		t.Fatalf("Check(minimal) = %v", ps)
	}
	// The default namespace instead of the prefix is the same XML.
	unprefixed := strings.ReplaceAll(strings.ReplaceAll(minimal, "memo:", ""), "xmlns:memo", "xmlns")
	if ps := Check([]byte(unprefixed)); ps != nil {
		t.Fatalf("Check(unprefixed) = %v", ps)
	}
}

func TestCheck_FindsBrokenMessages(t *testing.T) {
	tests := []struct {
		name     string
		old, new string
		path     string
		msg      string
	}{
		{"wrong namespace", `xmlns:memo="https://DigitalPost.dk/MeMo-1"`, `xmlns:memo="https://DigitalPost.dk/MeMo-2"`, "/", "root is not Message"},
		{"no version attribute", ` memoVersion="1.1"`, ``, "/Message", "memoVersion"},
		{"label before messageUUID",
			"<memo:messageUUID>e4cf3010-d051-43f2-8aa2-c86b05f3af17</memo:messageUUID>\n  <memo:label>Test</memo:label>",
			"<memo:label>Test</memo:label>\n  <memo:messageUUID>e4cf3010-d051-43f2-8aa2-c86b05f3af17</memo:messageUUID>",
			"/Message/MessageHeader", "lacks messageUUID (found label in its place)"},
		{"no Recipient", "<memo:Recipient>\n   <memo:recipientID>1203859902</memo:recipientID>\n   <memo:idType>CPR</memo:idType>\n  </memo:Recipient>", "", "/Message/MessageHeader", "lacks Recipient"},
		{"UUID not version 4", "e4cf3010-d051-43f2", "e4cf3010-d051-13f2", "/Message/MessageHeader/messageUUID", "version-4 UUID"},
		{"dateTime without Z", "2026-11-30T10:31:35Z", "2026-11-30T10:31:35+01:00", "/Message/MessageBody/createdDateTime", "ending in Z"},
		{"dateTime not a date", "2026-11-30T10:31:35Z", "2026-13-30T10:31:35Z", "/Message/MessageBody/createdDateTime", "not an xs:dateTime"},
		{"unknown idType", "<memo:idType>CPR</memo:idType>", "<memo:idType>Personnummer</memo:idType>", "/Message/MessageHeader/Recipient/idType", "not one of"},
		{"CPR of nine digits", "<memo:recipientID>1203859902</memo:recipientID>", "<memo:recipientID>120385990</memo:recipientID>", "/Message/MessageHeader/Recipient/recipientID", "ten digits"},
		{"CVR of seven digits", "<memo:senderID>12345674</memo:senderID>", "<memo:senderID>1234567</memo:senderID>", "/Message/MessageHeader/Sender/senderID", "eight digits"},
		{"content not base64", "<memo:content>SGVq</memo:content>", "<memo:content>not base64!</memo:content>", "/Message/MessageBody/MainDocument/File/content", "not base64"},
		{"boolean as ja", "<memo:mandatory>false</memo:mandatory>", "<memo:mandatory>ja</memo:mandatory>", "/Message/MessageHeader/mandatory", "not one of"},
		{"no File", "<memo:File>\n    <memo:encodingFormat>text/plain</memo:encodingFormat>\n    <memo:filename>Message.txt</memo:filename>\n    <memo:language>da</memo:language>\n    <memo:content>SGVq</memo:content>\n   </memo:File>", "", "/Message/MessageBody/MainDocument", "lacks File"},
		{"unknown element", "<memo:label>Test</memo:label>", "<memo:label>Test</memo:label><memo:colour>red</memo:colour>", "/Message/MessageHeader/colour", "not allowed here"},
		{"language of three letters", "<memo:language>da</memo:language>", "<memo:language>dan</memo:language>", "/Message/MessageBody/MainDocument/File/language", "two-letter"},
		{"messageType unknown", "DIGITALPOST", "BREV", "/Message/MessageHeader/messageType", "not one of"},
		{"element in another namespace", "<memo:mandatory>false</memo:mandatory>", `<mandatory xmlns="urn:other">false</mandatory>`, "/Message/MessageHeader", `mandatory is there in the namespace "urn:other"`},
		{"foreign element after the known ones", "</memo:MessageBody>", `<x:Extra xmlns:x="urn:other"/></memo:MessageBody>`, "/Message/MessageBody/Extra", `in the namespace "urn:other", not MeMo's`},
		{"not well-formed", "</memo:Message>", "", "/", "not well-formed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(minimal, tt.old) {
				t.Fatalf("the test's old text is not in the message")
			}
			broken := strings.Replace(minimal, tt.old, tt.new, 1)
			ps := Check([]byte(broken))
			found := false
			for _, p := range ps {
				if p.Path == tt.path && strings.Contains(p.Msg, tt.msg) {
					found = true
				}
				if strings.Contains(p.String(), "1203859902") || strings.Contains(p.String(), "120385990") {
					t.Errorf("problem %q quotes the recipient", p)
				}
			}
			if !found {
				t.Errorf("Check found %v, want a problem at %s saying %q", ps, tt.path, tt.msg)
			}
		})
	}
}

func TestBuild_RefusesMessageCheckRefuses(t *testing.T) {
	m := letter()
	m.UUID = "not-a-uuid"
	m.Recipient.ID = "120385990"
	_, err := Build(m)
	if !errors.Is(err, ErrInvalid) {
		t.Fatalf("Build error = %v, want ErrInvalid", err)
	}
	if strings.Contains(err.Error(), "120385990") || strings.Contains(err.Error(), "not-a-uuid") {
		t.Errorf("error %q quotes a value", err)
	}
	if !strings.Contains(err.Error(), "messageUUID") || !strings.Contains(err.Error(), "recipientID") {
		t.Errorf("error %q does not name both fields", err)
	}
}

func TestBuild_NoContentDataWithoutCaseOrKLE(t *testing.T) {
	m := letter()
	m.CaseID, m.KLE = nil, nil
	out, err := Build(m)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(out, []byte("ContentData")) {
		t.Errorf("ContentData written without content")
	}
}

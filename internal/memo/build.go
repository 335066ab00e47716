package memo

import (
	"bytes"
	"encoding/base64"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"
)

// The wire form: element names as MeMo spells them, in MeMo's order.
// encoding/xml writes them without a namespace; Build then gives every
// element its prefix, which Serviceplatformen requires.
type wireMessage struct {
	XMLName xml.Name   `xml:"Message"`
	Header  wireHeader `xml:"MessageHeader"`
	Body    *wireBody  `xml:"MessageBody"`
}

type wireHeader struct {
	MessageType       string        `xml:"messageType"`
	MessageUUID       string        `xml:"messageUUID"`
	Label             string        `xml:"label"`
	Mandatory         bool          `xml:"mandatory"`
	LegalNotification bool          `xml:"legalNotification"`
	Sender            wireSender    `xml:"Sender"`
	Recipient         wireRecipient `xml:"Recipient"`
	ContentData       *wireContent  `xml:"ContentData"`
}

type wireSender struct {
	ID     string `xml:"senderID"`
	IDType string `xml:"idType"`
	Label  string `xml:"label"`
}

type wireRecipient struct {
	ID     string `xml:"recipientID"`
	IDType string `xml:"idType"`
	Label  string `xml:"label,omitempty"`
}

type wireContent struct {
	CaseID *wireCaseID `xml:"CaseID"`
	KLE    *wireKLE    `xml:"KLEdata"`
}

type wireCaseID struct {
	ID     string `xml:"caseID"`
	System string `xml:"caseSystem"`
}

type wireKLE struct {
	SubjectKey    string `xml:"subjectKey"`
	Version       string `xml:"version"`
	ActivityFacet string `xml:"activityFacet,omitempty"`
	Label         string `xml:"label"`
}

type wireBody struct {
	Created    string         `xml:"createdDateTime"`
	Main       wireMain       `xml:"MainDocument"`
	Additional []wireAddition `xml:"AdditionalDocument"`
}

type wireMain struct {
	ID      string       `xml:"mainDocumentID,omitempty"`
	Label   string       `xml:"label,omitempty"`
	Files   []wireFile   `xml:"File"`
	Actions []wireAction `xml:"Action"`
}

type wireAddition struct {
	ID      string       `xml:"additionalDocumentID,omitempty"`
	Label   string       `xml:"label,omitempty"`
	Files   []wireFile   `xml:"File"`
	Actions []wireAction `xml:"Action"`
}

type wireFile struct {
	EncodingFormat string `xml:"encodingFormat"`
	Filename       string `xml:"filename"`
	Language       string `xml:"language"`
	Content        string `xml:"content"`
}

type wireAction struct {
	Label      string          `xml:"label"`
	Code       string          `xml:"actionCode"`
	EntryPoint *wireEntryPoint `xml:"EntryPoint"`
}

type wireEntryPoint struct {
	URL string `xml:"url"`
}

// DateTimeLayout is how MeMo's date-times are written: xs:dateTime in UTC
// with a Z, as the schema's pattern ".+Z" asks.
const DateTimeLayout = "2006-01-02T15:04:05Z"

// Build writes m as a MeMo message. It refuses a message Check would
// refuse (the problems joined in the error, never a field's value).
func Build(m Message) ([]byte, error) {
	if problems := characters(m); len(problems) > 0 {
		return nil, fmt.Errorf("build MeMo message: %w", Problems(problems))
	}
	w := wireMessage{Header: wireHeader{
		MessageType:       MessageTypeDigitalPost,
		MessageUUID:       m.UUID,
		Label:             m.Label,
		Mandatory:         m.Mandatory,
		LegalNotification: m.LegalNotification,
		Sender:            wireSender{m.Sender.ID, m.Sender.IDType, m.Sender.Label},
		Recipient:         wireRecipient{m.Recipient.ID, m.Recipient.IDType, m.Recipient.Label},
	}}
	if m.CaseID != nil || m.KLE != nil {
		c := &wireContent{}
		if m.CaseID != nil {
			c.CaseID = &wireCaseID{m.CaseID.ID, m.CaseID.System}
		}
		if m.KLE != nil {
			c.KLE = &wireKLE{m.KLE.SubjectKey, m.KLE.Version, m.KLE.ActivityFacet, m.KLE.Label}
		}
		w.Header.ContentData = c
	}
	body := &wireBody{Created: m.Created.UTC().Format(DateTimeLayout)}
	body.Main = wireMain{ID: m.Main.ID, Label: m.Main.Label, Files: wireFiles(m.Main.Files), Actions: wireActions(m.Main.Actions)}
	for _, d := range m.Additional {
		body.Additional = append(body.Additional, wireAddition{ID: d.ID, Label: d.Label, Files: wireFiles(d.Files), Actions: wireActions(d.Actions)})
	}
	w.Body = body

	plain, err := xml.Marshal(w)
	if err != nil {
		return nil, fmt.Errorf("build MeMo message: %w", err)
	}
	out, err := prefixed(plain)
	if err != nil {
		return nil, fmt.Errorf("build MeMo message: %w", err)
	}
	if problems := Check(out); len(problems) > 0 {
		return nil, fmt.Errorf("build MeMo message: %w", Problems(problems))
	}
	return out, nil
}

func wireFiles(files []File) []wireFile {
	var out []wireFile
	for _, f := range files {
		out = append(out, wireFile{f.EncodingFormat, f.Filename, f.Language, base64.StdEncoding.EncodeToString(f.Content)})
	}
	return out
}

func wireActions(actions []Action) []wireAction {
	var out []wireAction
	for _, a := range actions {
		wa := wireAction{Label: a.Label, Code: a.Code}
		if a.EntryPoint != "" {
			wa.EntryPoint = &wireEntryPoint{URL: a.EntryPoint}
		}
		out = append(out, wa)
	}
	return out
}

// prefixed rewrites the plain marshalled message with MeMo's prefixes:
// memo: everywhere, kle: for KLEdata and its children, and the namespace
// declarations and version attributes on the root.
func prefixed(plain []byte) ([]byte, error) {
	dec := xml.NewDecoder(bytes.NewReader(plain))
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	inKLE := 0
	root := true
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local == "KLEdata" || inKLE > 0 {
				inKLE++
				t.Name.Local = "kle:" + t.Name.Local
			} else {
				t.Name.Local = "memo:" + t.Name.Local
			}
			if root {
				t.Attr = []xml.Attr{
					{Name: xml.Name{Local: "xmlns:memo"}, Value: Namespace},
					{Name: xml.Name{Local: "xmlns:kle"}, Value: KLENamespace},
					{Name: xml.Name{Local: "memoVersion"}, Value: Version},
					{Name: xml.Name{Local: "memoSchVersion"}, Value: SchemaVersion},
				}
				root = false
			}
			tok = t
		case xml.EndElement:
			if inKLE > 0 {
				inKLE--
				t.Name.Local = "kle:" + t.Name.Local
			} else {
				t.Name.Local = "memo:" + t.Name.Local
			}
			tok = t
		}
		if err := enc.EncodeToken(tok); err != nil {
			return nil, err
		}
	}
	if err := enc.Flush(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Parse reads a MeMo message Check accepts back into a Message.
func Parse(data []byte) (Message, error) {
	if problems := Check(data); len(problems) > 0 {
		return Message{}, fmt.Errorf("parse MeMo message: %w", Problems(problems))
	}
	var w wireMessage
	if err := xml.Unmarshal(data, &w); err != nil {
		return Message{}, fmt.Errorf("parse MeMo message: %w", err)
	}
	h := w.Header
	m := Message{
		UUID: h.MessageUUID, Label: h.Label, Mandatory: h.Mandatory, LegalNotification: h.LegalNotification,
		Sender:    Party{h.Sender.ID, h.Sender.IDType, h.Sender.Label},
		Recipient: Party{h.Recipient.ID, h.Recipient.IDType, h.Recipient.Label},
	}
	if c := h.ContentData; c != nil {
		if c.CaseID != nil {
			m.CaseID = &CaseID{c.CaseID.ID, c.CaseID.System}
		}
		if c.KLE != nil {
			m.KLE = &KLE{c.KLE.SubjectKey, c.KLE.Version, c.KLE.ActivityFacet, c.KLE.Label}
		}
	}
	if w.Body == nil {
		return m, nil
	}
	created, err := time.Parse(time.RFC3339, w.Body.Created)
	if err != nil {
		return Message{}, fmt.Errorf("parse MeMo message: createdDateTime: %w", err)
	}
	m.Created = created.UTC()
	if m.Main, err = document(w.Body.Main.ID, w.Body.Main.Label, w.Body.Main.Files, w.Body.Main.Actions); err != nil {
		return Message{}, fmt.Errorf("parse MeMo message: MainDocument: %w", err)
	}
	for i, a := range w.Body.Additional {
		d, err := document(a.ID, a.Label, a.Files, a.Actions)
		if err != nil {
			return Message{}, fmt.Errorf("parse MeMo message: AdditionalDocument %d: %w", i+1, err)
		}
		m.Additional = append(m.Additional, d)
	}
	return m, nil
}

func document(id, label string, files []wireFile, actions []wireAction) (Document, error) {
	d := Document{ID: id, Label: label}
	for i, f := range files {
		content, err := base64.StdEncoding.DecodeString(strings.Join(strings.Fields(f.Content), ""))
		if err != nil {
			return Document{}, fmt.Errorf("File %d: content: %w", i+1, err)
		}
		d.Files = append(d.Files, File{f.EncodingFormat, f.Filename, f.Language, content})
	}
	for _, a := range actions {
		act := Action{Label: a.Label, Code: a.Code}
		if a.EntryPoint != nil {
			act.EntryPoint = a.EntryPoint.URL
		}
		d.Actions = append(d.Actions, act)
	}
	return d, nil
}

// Problems is Check's list as one error.
type Problems []Problem

func (ps Problems) Error() string {
	var s []string
	for _, p := range ps {
		s = append(s, p.String())
	}
	return strings.Join(s, "; ")
}

// Is lets errors.Is(err, ErrInvalid) find a Problems error.
func (ps Problems) Is(target error) bool { return target == ErrInvalid }

// ErrInvalid: the message does not follow MeMo's schema (a Problems error
// says where).
var ErrInvalid = errors.New("the MeMo message does not follow the schema")

// characters finds text XML cannot carry (most control characters,
// invalid UTF-8), which encoding/xml would silently replace.
func characters(m Message) []Problem {
	var ps []Problem
	check := func(path, s string) {
		for i, r := range s {
			if r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD") || !xmlChar(r) {
				ps = append(ps, Problem{Path: path, Msg: "holds a character XML cannot carry"})
				return
			}
		}
	}
	check("/Message/MessageHeader/messageUUID", m.UUID)
	check("/Message/MessageHeader/label", m.Label)
	check("/Message/MessageHeader/Sender/senderID", m.Sender.ID)
	check("/Message/MessageHeader/Sender/label", m.Sender.Label)
	check("/Message/MessageHeader/Recipient/recipientID", m.Recipient.ID)
	check("/Message/MessageHeader/Recipient/label", m.Recipient.Label)
	if m.CaseID != nil {
		check("/Message/MessageHeader/ContentData/CaseID/caseID", m.CaseID.ID)
		check("/Message/MessageHeader/ContentData/CaseID/caseSystem", m.CaseID.System)
	}
	if m.KLE != nil {
		check("/Message/MessageHeader/ContentData/KLEdata/label", m.KLE.Label)
		check("/Message/MessageHeader/ContentData/KLEdata/subjectKey", m.KLE.SubjectKey)
		check("/Message/MessageHeader/ContentData/KLEdata/version", m.KLE.Version)
		check("/Message/MessageHeader/ContentData/KLEdata/activityFacet", m.KLE.ActivityFacet)
	}
	docs := func(path string, d Document) {
		check(path+"/label", d.Label)
		for _, f := range d.Files {
			check(path+"/File/filename", f.Filename)
			check(path+"/File/encodingFormat", f.EncodingFormat)
			check(path+"/File/language", f.Language)
		}
		for _, a := range d.Actions {
			check(path+"/Action/label", a.Label)
			check(path+"/Action/EntryPoint/url", a.EntryPoint)
		}
	}
	docs("/Message/MessageBody/MainDocument", m.Main)
	for _, d := range m.Additional {
		docs("/Message/MessageBody/AdditionalDocument", d)
	}
	return ps
}

// xmlChar reports whether XML 1.0 allows r in text.
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}

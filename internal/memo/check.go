package memo

import (
	"bytes"
	"encoding/base64"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"
)

// Problem is one way a message departs from MeMo's schema: where (the
// element's path and line) and what, never the element's value.
type Problem struct {
	Path string // e.g. /Message/MessageHeader/Sender/idType
	Line int
	Msg  string
}

func (p Problem) String() string {
	if p.Line == 0 {
		return p.Path + ": " + p.Msg
	}
	return fmt.Sprintf("line %d: %s: %s", p.Line, p.Path, p.Msg)
}

// node is an element of the message as read.
type node struct {
	name     xml.Name
	attrs    []xml.Attr
	text     strings.Builder
	children []*node
	line     int
}

// elem describes an element of the schema: a simple one has a value
// check, a complex one a sequence of children.
type elem struct {
	ns, local string
	value     func(string) string // "" when the value is good
	seq       []particle
}

type particle struct {
	e        *elem
	min, max int // max < 0: unbounded
}

func simple(local string, value func(string) string) *elem {
	return &elem{ns: Namespace, local: local, value: value}
}

func complexEl(local string, seq ...particle) *elem {
	return &elem{ns: Namespace, local: local, seq: seq}
}

func one(e *elem) particle      { return particle{e, 1, 1} }
func optional(e *elem) particle { return particle{e, 0, 1} }
func many(e *elem, min int) particle {
	return particle{e, min, -1}
}

var uuidPattern = regexp.MustCompile(`^[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-4[a-fA-F0-9]{3}-[aAbB89][a-fA-F0-9]{3}-[a-fA-F0-9]{12}$`)

func text(max int, required bool) func(string) string {
	return func(s string) string {
		if required && strings.TrimSpace(s) == "" {
			return "is empty"
		}
		if utf8.RuneCountInString(s) > max {
			return fmt.Sprintf("is longer than %d characters", max)
		}
		return ""
	}
}

func oneOf(values ...string) func(string) string {
	return func(s string) string {
		for _, v := range values {
			if s == v {
				return ""
			}
		}
		return "is not one of " + strings.Join(values, ", ")
	}
}

func isUUID(s string) string {
	if !uuidPattern.MatchString(s) {
		return "is not a version-4 UUID"
	}
	return ""
}

func isDateTime(s string) string {
	if !strings.HasSuffix(s, "Z") {
		return "is not an xs:dateTime in UTC (ending in Z)"
	}
	if _, err := time.Parse(time.RFC3339, s); err != nil {
		return "is not an xs:dateTime"
	}
	return ""
}

func isDate(s string) string {
	if _, err := time.Parse("2006-01-02", s); err != nil {
		return "is not an xs:date"
	}
	return ""
}

func isBoolean(s string) string { return oneOf("true", "false", "1", "0")(s) }

func isBase64(s string) string {
	s = strings.Join(strings.Fields(s), "")
	if s == "" {
		return "is empty"
	}
	if _, err := base64.StdEncoding.DecodeString(s); err != nil {
		return "is not base64"
	}
	return ""
}

var languagePattern = regexp.MustCompile(`^[a-z]{2}$`)

func isLanguage(s string) string {
	if !languagePattern.MatchString(s) {
		return "is not a two-letter language code"
	}
	return ""
}

func isMIMEType(s string) string {
	if i := strings.IndexByte(s, '/'); i <= 0 || i == len(s)-1 || len(s) > 256 {
		return "is not a MIME type"
	}
	return ""
}

func isURL(s string) string {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || len(s) > 256 {
		return "is not an http(s) address of at most 256 characters"
	}
	return ""
}

var idTypes = oneOf(IDTypeMyndighedsID, IDTypeCPR, IDTypeCVR, IDTypeOther)

// schema is the part of MeMo 1.1 Kanal writes and checks. Elements MeMo
// has that Kanal never writes (AttentionData, ContactPoint, ForwardData,
// ReplyData, TechnicalDocument, Reservation and ContentData's other
// registers) are refused as unknown: docs/digital-post.md.
var schema = func() *elem {
	str := text(256, true)
	file := complexEl("File",
		one(simple("encodingFormat", isMIMEType)),
		one(simple("filename", str)),
		one(simple("language", isLanguage)),
		one(simple("content", isBase64)))
	action := complexEl("Action",
		one(simple("label", str)),
		one(simple("actionCode", oneOf(ActionAppointment, ActionPayment, ActionSelfService, ActionInformation, ActionSign, ActionConfirm, ActionPrepare, ActionSignUp))),
		optional(simple("startDateTime", isDateTime)),
		optional(simple("endDateTime", isDateTime)),
		optional(complexEl("EntryPoint", one(simple("url", isURL)))))
	kle := &elem{ns: KLENamespace, local: "KLEdata", seq: []particle{
		one(&elem{ns: KLENamespace, local: "subjectKey", value: str}),
		one(&elem{ns: KLENamespace, local: "version", value: str}),
		optional(&elem{ns: KLENamespace, local: "activityFacet", value: text(256, false)}),
		one(&elem{ns: KLENamespace, local: "label", value: str}),
	}}
	header := complexEl("MessageHeader",
		one(simple("messageType", oneOf(MessageTypeDigitalPost, "NEMSMS"))),
		one(simple("messageUUID", isUUID)),
		optional(simple("messageID", str)),
		optional(simple("messageCode", str)),
		one(simple("label", str)),
		optional(simple("notification", text(150, false))),
		optional(simple("additionalNotification", text(256, false))),
		optional(simple("reply", isBoolean)),
		optional(simple("replyByDateTime", isDateTime)),
		optional(simple("doNotDeliverUntilDate", isDate)),
		one(simple("mandatory", isBoolean)),
		one(simple("legalNotification", isBoolean)),
		optional(simple("postType", str)),
		one(complexEl("Sender",
			one(simple("senderID", str)),
			one(simple("idType", idTypes)),
			optional(simple("idTypeLabel", str)),
			one(simple("label", str)))),
		one(complexEl("Recipient",
			one(simple("recipientID", str)),
			one(simple("idType", idTypes)),
			optional(simple("idTypeLabel", str)),
			optional(simple("label", str)))),
		optional(complexEl("ContentData",
			optional(complexEl("CaseID",
				one(simple("caseID", str)),
				one(simple("caseSystem", str)))),
			optional(kle))))
	document := func(local, id string) *elem {
		return complexEl(local,
			optional(simple(id, str)),
			optional(simple("label", str)),
			many(file, 1),
			many(action, 0))
	}
	return complexEl("Message",
		one(header),
		optional(complexEl("MessageBody",
			one(simple("createdDateTime", isDateTime)),
			one(document("MainDocument", "mainDocumentID")),
			many(document("AdditionalDocument", "additionalDocumentID"), 0))))
}()

// Check reports how data departs from MeMo's schema: element names,
// namespaces and order, required elements, the root's version attributes,
// and value formats (UUID, xs:dateTime, booleans, identifier types, CPR
// and CVR recipients' digits, base64 content). No problems: nil.
func Check(data []byte) []Problem {
	root, err := read(data)
	if err != nil {
		line := 0
		var syntax *xml.SyntaxError
		if errors.As(err, &syntax) {
			line = syntax.Line
		}
		return []Problem{{Path: "/", Line: line, Msg: "not well-formed XML: " + errMsg(err)}}
	}
	var ps []Problem
	if root.name.Space != schema.ns || root.name.Local != schema.local {
		return []Problem{{Path: "/", Line: root.line, Msg: fmt.Sprintf("the root is not Message in the namespace %s", Namespace)}}
	}
	for _, name := range []string{"memoVersion", "memoSchVersion"} {
		if attr(root, name) == "" {
			ps = append(ps, Problem{"/Message", root.line, "lacks the attribute " + name})
		}
	}
	ps = append(ps, checkElem(schema, root, "/Message")...)
	ps = append(ps, checkIdentifiers(root)...)
	return ps
}

func errMsg(err error) string {
	var syntax *xml.SyntaxError
	if errors.As(err, &syntax) {
		return syntax.Msg
	}
	return err.Error()
}

func attr(n *node, local string) string {
	for _, a := range n.attrs {
		if a.Name.Space == "" && a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

func read(data []byte) (*node, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	var stack []*node
	var root *node
	for {
		line, _ := dec.InputPos()
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			n := &node{name: t.Name, attrs: t.Attr, line: line}
			if len(stack) == 0 {
				if root != nil {
					return nil, errors.New("more than one root element")
				}
				root = n
			} else {
				parent := stack[len(stack)-1]
				parent.children = append(parent.children, n)
			}
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].text.Write(t)
			}
		}
	}
	if root == nil {
		return nil, errors.New("no root element")
	}
	return root, nil
}

func checkElem(e *elem, n *node, path string) []Problem {
	if e.value != nil {
		if len(n.children) > 0 {
			return []Problem{{path, n.line, "holds elements where a value belongs"}}
		}
		if msg := e.value(strings.TrimSpace(n.text.String())); msg != "" {
			return []Problem{{path, n.line, msg}}
		}
		return nil
	}
	var ps []Problem
	if strings.TrimSpace(n.text.String()) != "" {
		ps = append(ps, Problem{path, n.line, "holds text between its elements"})
	}
	i := 0
	for _, p := range e.seq {
		count := 0
		for i < len(n.children) && (p.max < 0 || count < p.max) && is(n.children[i], p.e) {
			child := n.children[i]
			ps = append(ps, checkElem(p.e, child, path+"/"+p.e.local)...)
			count++
			i++
		}
		if count < p.min {
			ps = append(ps, Problem{path, n.line, fmt.Sprintf("lacks %s%s", p.e.local, where(p.e, n.children, i))})
		}
	}
	for ; i < len(n.children); i++ {
		c := n.children[i]
		msg := fmt.Sprintf("%s is not allowed here (unknown, repeated or out of order)", c.name.Local)
		if known(e, c) == nil && c.name.Space != Namespace && c.name.Space != KLENamespace {
			msg = fmt.Sprintf("%s is in the namespace %q, not MeMo's", c.name.Local, c.name.Space)
		}
		ps = append(ps, Problem{path + "/" + c.name.Local, c.line, msg})
	}
	return ps
}

// where says, for a missing element, what stands in its place, which
// tells a misspelt or misplaced element from a missing one.
func where(e *elem, children []*node, i int) string {
	if i < len(children) {
		c := children[i]
		if c.name.Local == e.local && c.name.Space != e.ns {
			return fmt.Sprintf(" (%s is there in the namespace %q, not %q)", c.name.Local, c.name.Space, e.ns)
		}
		return fmt.Sprintf(" (found %s in its place)", c.name.Local)
	}
	return ""
}

func is(n *node, e *elem) bool { return n.name.Space == e.ns && n.name.Local == e.local }

func known(e *elem, n *node) *elem {
	for _, p := range e.seq {
		if p.e.local == n.name.Local {
			return p.e
		}
	}
	return nil
}

// checkIdentifiers checks what the schema leaves to the services: a CPR
// recipient is ten digits, a CVR recipient or sender eight.
func checkIdentifiers(root *node) []Problem {
	var ps []Problem
	for _, h := range children(root, "MessageHeader") {
		for _, party := range []struct{ el, id string }{{"Sender", "senderID"}, {"Recipient", "recipientID"}} {
			for _, p := range children(h, party.el) {
				idType := value(p, "idType")
				for _, id := range children(p, party.id) {
					v := strings.TrimSpace(id.text.String())
					path := "/Message/MessageHeader/" + party.el + "/" + party.id
					switch {
					case idType == IDTypeCPR && !digits(v, 10):
						ps = append(ps, Problem{path, id.line, "is not ten digits, as a CPR number is"})
					case idType == IDTypeCVR && !digits(v, 8):
						ps = append(ps, Problem{path, id.line, "is not eight digits, as a CVR number is"})
					}
				}
			}
		}
	}
	return ps
}

func children(n *node, local string) []*node {
	var out []*node
	for _, c := range n.children {
		if c.name.Space == Namespace && c.name.Local == local {
			out = append(out, c)
		}
	}
	return out
}

func value(n *node, local string) string {
	for _, c := range children(n, local) {
		return strings.TrimSpace(c.text.String())
	}
	return ""
}

func digits(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

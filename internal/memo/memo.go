// Package memo builds and checks Digital Post messages in the MeMo format
// (Meddelelsesmodellen, version 1.1, namespace https://DigitalPost.dk/MeMo-1):
// the message Kanal hands to Serviceplatformen's SF1601 KombiPostAfsend.
//
// The package is pure: no database, no clock (the caller gives the
// creation time), no network. docs/digital-post.md says which sources the
// element names and order follow and what is uncertain.
package memo

import "time"

// Namespaces of the elements Kanal writes.
const (
	// Namespace is MeMo's own namespace, written with the prefix "memo":
	// Serviceplatformen is known to want exactly that prefix.
	Namespace = "https://DigitalPost.dk/MeMo-1"
	// KLENamespace is the namespace of ContentData's KLEdata.
	KLENamespace = "http://kle-online.dk/"
)

// The version attributes of the root element, MeMo 1.1.
const (
	Version       = "1.1"
	SchemaVersion = "1.1.0"
)

// MessageTypeDigitalPost is the only message type Kanal sends (MeMo also
// knows NEMSMS).
const MessageTypeDigitalPost = "DIGITALPOST"

// Identifier types of Sender and Recipient.
const (
	IDTypeCPR          = "CPR"
	IDTypeCVR          = "CVR"
	IDTypeMyndighedsID = "MyndighedsID"
	IDTypeOther        = "Andet"
)

// Action codes of an Action (MeMo's guide to actions).
const (
	ActionAppointment = "AFTALE"
	ActionPayment     = "BETALING"
	ActionSelfService = "SELVBETJENING"
	ActionInformation = "INFORMATION"
	ActionSign        = "UNDERSKRIV"
	ActionConfirm     = "BEKRAEFT"
	ActionPrepare     = "FORBEREDELSE"
	ActionSignUp      = "TILMELDING"
)

// Message is one Digital Post letter as MeMo carries it.
type Message struct {
	// UUID is the messageUUID, a version-4 UUID in lower case; the
	// recipient's inbox and the Beskedfordeler's status messages know
	// the letter by it.
	UUID              string
	Label             string // the title the inbox shows
	Mandatory         bool
	LegalNotification bool
	Sender            Party
	Recipient         Party
	// CaseID and KLE fill ContentData; both are optional.
	CaseID     *CaseID
	KLE        *KLE
	Created    time.Time // createdDateTime, written in UTC
	Main       Document
	Additional []Document
}

// Party is a Sender or a Recipient: an identifier, its type and a label
// (the Sender's label is required, the Recipient's optional).
type Party struct {
	ID     string
	IDType string
	Label  string
}

// CaseID is the sender's case the letter belongs to.
type CaseID struct {
	ID     string
	System string
}

// KLE is the letter's subject in KL's Emnesystematik.
type KLE struct {
	SubjectKey    string // e.g. 27.24.00
	Version       string
	ActivityFacet string // the handlingsfacet, e.g. G01; may be empty
	Label         string
}

// Document is the main document or an additional one: files and actions.
type Document struct {
	ID      string // mainDocumentID or additionalDocumentID; optional
	Label   string // optional
	Files   []File
	Actions []Action
}

// File is one file of a document, carried base64-encoded.
type File struct {
	EncodingFormat string // a MIME type, e.g. application/pdf
	Filename       string
	Language       string // two letters, e.g. da
	Content        []byte
}

// Action is something the recipient can do from the letter, such as
// opening a self-service form (actionCode SELVBETJENING, an EntryPoint).
type Action struct {
	Label      string
	Code       string
	EntryPoint string // a URL; optional
}

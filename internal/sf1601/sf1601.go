// Package sf1601 is Kanal's side of the national Digital Post through
// Serviceplatformen: SF1601's KombiPostAfsend (send a MeMo message as
// Digital Post, as physical post through the print service, or by
// automatic choice with fallback to print), PostForespoerg (may this
// recipient receive Digital Post?) and the status messages the
// Beskedfordeler brings back.
//
// Each is an interface named after the real service; Dev and DevRegistry
// are the development implementations (a local inbox and print queue in
// Kanal's database, the test citizens file). docs/digital-post.md.
package sf1601

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"time"

	"github.com/kanal-dk/kanal/internal/memo"
)

// Channel is the kombi request's KombiValgKode: how the sender wants the
// message delivered. The values are SF1601's own.
type Channel string

const (
	// ChannelDigitalPost: Digital Post only; a recipient who cannot
	// receive it gets nothing (a failed status).
	ChannelDigitalPost Channel = "Digital Post"
	// ChannelPhysicalPost: on paper through the print service
	// (fjernprint), whatever the recipient's registration.
	ChannelPhysicalPost Channel = "Fysisk Post"
	// ChannelAutomatic: Digital Post when the recipient can receive it,
	// otherwise print.
	ChannelAutomatic Channel = "Automatisk Valg"
)

// Valid reports whether c is one of the channels Kanal sends by (SF1601
// also knows NemSMS, which Kanal does not send).
func (c Channel) Valid() bool {
	return c == ChannelDigitalPost || c == ChannelPhysicalPost || c == ChannelAutomatic
}

// Request is one KombiPostAfsend call.
type Request struct {
	// TransactionID is the call's X-TransaktionsId, a UUID; the message's
	// own identity is the MeMo messageUUID.
	TransactionID string
	// Municipality is Kanal's id of the sending municipality: in
	// production it picks the service agreement and certificate, in
	// development the print queue the letter joins.
	Municipality string
	Channel      Channel
	// Memo is the MeMo message (memo.Build). For print the letter is the
	// main document's PDF file.
	Memo []byte
}

// Receipt is what a send answers: the message, the channel it took
// (Digital Post or physical post, never automatic) and when.
type Receipt struct {
	TransactionID string
	MessageUUID   string
	Channel       Channel
	At            time.Time
}

// KombiPostAfsend is SF1601's sending operation. Send is idempotent per
// MeMo messageUUID: sending the same message again answers the first
// receipt and delivers nothing more.
type KombiPostAfsend interface {
	Send(ctx context.Context, r Request) (Receipt, error)
}

// The kinds of error a KombiPostAfsend returns.
var (
	ErrChannel = errors.New("the channel is not Digital Post, Fysisk Post or Automatisk Valg")
	ErrMemo    = errors.New("the MeMo message does not follow the schema")
	ErrNoPDF   = errors.New("a letter for print needs a PDF file in the MeMo message's main document")
)

// kombiRequest is the body of a KombiPostAfsend call: the channel and the
// MeMo message, which RequestXML inserts as it is.
type kombiRequest struct {
	XMLName xml.Name `xml:"kombi_request"`
	Channel Channel  `xml:"KombiValgKode"`
	Memo    string   `xml:",innerxml"`
}

// RequestXML is the body SF1601 receives for r:
//
//	<kombi_request>
//	  <KombiValgKode>Digital Post</KombiValgKode>
//	  <memo:Message xmlns:memo="https://DigitalPost.dk/MeMo-1" …>…</memo:Message>
//	</kombi_request>
//
// Physical post in production also needs the print service's
// ForsendelseI (urn:oio:fjernprint:1.0.0) with the address; Kanal does not
// build that yet (docs/digital-post.md).
func RequestXML(r Request) ([]byte, error) {
	if !r.Channel.Valid() {
		return nil, fmt.Errorf("kombi request: %w", ErrChannel)
	}
	if ps := memo.Check(r.Memo); len(ps) > 0 {
		return nil, fmt.Errorf("kombi request: %w: %v", ErrMemo, memo.Problems(ps))
	}
	body := r.Memo
	if bytes.HasPrefix(body, []byte("<?xml")) {
		if i := bytes.Index(body, []byte("?>")); i >= 0 {
			body = bytes.TrimSpace(body[i+2:])
		}
	}
	out, err := xml.Marshal(kombiRequest{Channel: r.Channel, Memo: string(body)})
	if err != nil {
		return nil, fmt.Errorf("kombi request: %w", err)
	}
	return append([]byte(xml.Header), out...), nil
}

package casework

import (
	"crypto/sha256"
	"encoding/hex"
	"time"

	"github.com/kanal-dk/kanal/internal/strategy"
)

// EventSubmitted is the delivery event of a new case.
const EventSubmitted = "case.submitted"

// Payload is the JSON a new case is delivered to the case system as
// (docs/cases.md). Attachments are described, not included: the case
// system fetches nothing through it; their SHA-256 lets it check what it
// receives otherwise.
type Payload struct {
	Event        string            `json:"event"`
	Reference    string            `json:"reference"`
	Municipality string            `json:"municipality"`
	Area         PayloadArea       `json:"area"`
	Form         string            `json:"form"`
	Channel      string            `json:"channel"`
	Assisted     bool              `json:"assisted"`
	SubmittedAt  string            `json:"submitted_at"`
	AnswerBy     *string           `json:"answer_by"`
	WorkingDays  *int              `json:"working_days"`
	Citizen      *PayloadCitizen   `json:"citizen,omitempty"`
	Answers      map[string]string `json:"answers"`
	Attachments  []PayloadFile     `json:"attachments"`
}

// PayloadArea names the case's area.
type PayloadArea struct {
	ID    string `json:"id"`
	KLE   string `json:"kle"`
	Title string `json:"title"`
}

// PayloadCitizen is the citizen, when the submission named one.
type PayloadCitizen struct {
	CPR  string `json:"cpr,omitempty"`
	Name string `json:"name,omitempty"`
}

// PayloadFile describes one attachment.
type PayloadFile struct {
	Field       string `json:"field"`
	Filename    string `json:"filename"`
	ContentType string `json:"content_type"`
	Size        int    `json:"size"`
	SHA256      string `json:"sha256"`
}

func newPayload(municipality string, area *strategy.Area, k *Case, files []Attachment) Payload {
	p := Payload{Event: EventSubmitted, Reference: k.Reference, Municipality: municipality,
		Area: PayloadArea{ID: area.ID, KLE: area.KLE, Title: area.Title}, Form: k.Form, Channel: k.Channel,
		Assisted: k.Assisted, SubmittedAt: k.SubmittedAt.UTC().Format(time.RFC3339), Answers: k.Answers,
		Attachments: make([]PayloadFile, 0, len(files))}
	if !k.AnswerBy.IsZero() {
		d, n := k.AnswerBy.String(), k.WorkingDays
		p.AnswerBy, p.WorkingDays = &d, &n
	}
	if k.CPR != "" || k.Name != "" {
		p.Citizen = &PayloadCitizen{CPR: k.CPR, Name: k.Name}
	}
	for _, f := range files {
		sum := sha256.Sum256(f.Data)
		p.Attachments = append(p.Attachments, PayloadFile{Field: f.Field, Filename: f.Filename, ContentType: f.ContentType,
			Size: len(f.Data), SHA256: hex.EncodeToString(sum[:])})
	}
	return p
}

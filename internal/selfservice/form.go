// Package selfservice holds Kanal's self-service forms as data: a form's
// steps and fields, their help texts and checks, which fields are filled in
// from the citizen registry (SF1520) and which attachments they take, the
// service area (by KLE number) and inquiry type a submission belongs to,
// and whether the citizen must sign in. Forms are YAML files; the examples
// ship in the binary. The package is pure: it reads forms and checks
// answers, and stores nothing.
package selfservice

import (
	"github.com/kanal-dk/kanal/internal/strategy"
)

// Login says whether a form needs the citizen to sign in.
const (
	LoginNone     = "none"     // a form that only takes information
	LoginRequired = "required" // a transaction, or a form that shows personal data
)

// Field kinds.
const (
	KindText     = "text"
	KindTextarea = "textarea"
	KindEmail    = "email"
	KindPhone    = "phone"
	KindDate     = "date"
	KindNumber   = "number"
	KindSelect   = "select"
	KindRadio    = "radio"
	KindCheckbox = "checkbox" // one box: yes or no
	KindFile     = "file"
)

// Prefill sources: what the registry (SF1520) fills in for a signed-in
// citizen.
const (
	PrefillName    = "name"
	PrefillAddress = "address"
	PrefillCPR     = "cpr"
)

// Form is one self-service form.
type Form struct {
	ID string
	// Title and Intro in Danish; TitleEN and IntroEN in English (empty
	// falls back to Danish).
	Title, TitleEN string
	Intro, IntroEN string
	// AreaKLE is the KLE number of the service area the form belongs to;
	// the form is offered in every municipality whose strategy has an area
	// with that number.
	AreaKLE string
	// Type is the inquiry type a submission registers (transaction,
	// information, …).
	Type  string
	Login string
	// Example marks a form Kanal ships as an example, not a municipality's
	// own.
	Example bool
	Steps   []Step
	// File is where the form was read from, for messages.
	File string
}

// Step is one page of a form.
type Step struct {
	ID             string
	Title, TitleEN string
	Fields         []Field
}

// Field is one question.
type Field struct {
	ID             string
	Kind           string
	Label, LabelEN string
	Help, HelpEN   string
	Required       bool
	// Prefill names the registry value that fills the field in; the
	// citizen may not change a prefilled CPR number.
	Prefill string
	Options []Option
	// MaxLength limits text; Min and Max limit numbers and dates
	// (dates as YYYY-MM-DD).
	MaxLength int
	Min, Max  string
	// Files: the accepted types (file name endings: pdf, jpg, png), the
	// largest file, and how many.
	Accept   []string
	MaxBytes int64
	MaxFiles int
}

// Option is a choice of a select or radio field.
type Option struct {
	Value          string
	Label, LabelEN string
}

// Answers are a citizen's answers, by field id. Files are not in Answers.
type Answers map[string]string

// FieldError is a problem with one answer: the field's id and a message
// key of the translation catalogue with its arguments.
type FieldError struct {
	Field string
	Key   string
	Args  []any
}

// Load reads a form from YAML. Errors name the file, line and column.
func Load(name string, data []byte) (*Form, error) { panic("selfservice.Load: not built yet") }

// Examples are the forms Kanal ships, read from the binary.
func Examples() []*Form { panic("selfservice.Examples: not built yet") }

// Catalogue is the forms an installation offers.
type Catalogue struct{ forms []*Form }

// NewCatalogue returns a catalogue of the forms.
func NewCatalogue(forms []*Form) *Catalogue { return &Catalogue{forms: forms} }

// For returns the form offered for a strategy's area, or nil.
func (c *Catalogue) For(s *strategy.Strategy, area string) *Form {
	panic("selfservice.Catalogue.For: not built yet")
}

// ByID returns a form by id if the strategy has its area, with the area.
func (c *Catalogue) ByID(s *strategy.Strategy, id string) (*Form, *strategy.Area) {
	panic("selfservice.Catalogue.ByID: not built yet")
}

// CheckStep checks the answers of one step (0-based). Files are checked by
// CheckFile.
func (f *Form) CheckStep(step int, a Answers) []FieldError {
	panic("selfservice.Form.CheckStep: not built yet")
}

// CheckFile checks one attachment of a file field: its name's ending and
// size.
func (f *Form) CheckFile(field, filename string, size int64) *FieldError {
	panic("selfservice.Form.CheckFile: not built yet")
}

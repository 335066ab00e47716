// Package selfservice holds Kanal's self-service forms as data: a form's
// steps and fields, their help texts and checks, which fields are filled in
// from the citizen registry (SF1520) and which attachments they take, the
// service area (by KLE number) and inquiry type a submission belongs to,
// and whether the citizen must sign in. Forms are YAML files; the examples
// ship in the binary. The package is pure: it reads forms and checks
// answers, and stores nothing.
package selfservice

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
	// KindCPR is a CPR number the citizen types in, such as a child's;
	// the citizen's own comes from the registry (prefill: cpr).
	KindCPR = "cpr"
)

// Kinds lists the field kinds in the order the documentation names them.
var Kinds = []string{KindText, KindTextarea, KindEmail, KindPhone, KindDate, KindNumber,
	KindSelect, KindRadio, KindCheckbox, KindFile, KindCPR}

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
	// MaxLength limits text (0: the kind's default, see MaxLengthOf); Min
	// and Max limit whole numbers and dates. A date bound is a day
	// (YYYY-MM-DD), "today", or "today+N" / "today-N" days.
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

// Text is a text in Danish and English, such as a field's label in a
// FieldError's arguments; FieldError.Message picks the language.
type Text struct{ Da, En string }

// In returns the text in lang, falling back to Danish.
func (t Text) In(lang string) string {
	if lang == "en" && t.En != "" {
		return t.En
	}
	return t.Da
}

// String is the Danish text, for a printer that does not know Text.
func (t Text) String() string { return t.Da }

// LabelText is the field's label in both languages.
func (f *Field) LabelText() Text { return Text{f.Label, f.LabelEN} }

// Field finds a field by id, with the index of its step.
func (f *Form) Field(id string) (*Field, int, bool) {
	for s := range f.Steps {
		for i := range f.Steps[s].Fields {
			if f.Steps[s].Fields[i].ID == id {
				return &f.Steps[s].Fields[i], s, true
			}
		}
	}
	return nil, 0, false
}

// FieldError is a problem with one answer: the field's id and a message
// key of the translation catalogue with its arguments.
type FieldError struct {
	Field string
	Key   string
	Args  []any
}

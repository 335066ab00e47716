package selfservice_test

import (
	"reflect"
	"testing"
	"time"

	"github.com/kanal-dk/kanal/internal/civil"
	"github.com/kanal-dk/kanal/internal/locale"
	"github.com/kanal-dk/kanal/internal/selfservice"
)

// checkForm has one field of every kind that CheckStep checks, in one
// step, and a file field in a second.
const checkForm = `
id: check
title: Prøve
kle: "28.09.40"
type: transaction
login: required
steps:
  - id: one
    title: Et
    fields:
      - {id: name, kind: text, label: Navn, label_en: Name, required: true}
      - {id: short, kind: text, label: Kort, max_length: 5}
      - {id: long, kind: text, label: Lang}
      - {id: story, kind: textarea, label: Historie}
      - {id: mail, kind: email, label: E-mail}
      - {id: phone, kind: phone, label: Telefon}
      - {id: start, kind: date, label: Start, min: today, max: today+730}
      - {id: fixed, kind: date, label: Fast, min: 2026-01-01, max: 2026-12-31}
      - {id: count, kind: number, label: Antal, min: "1", max: "12"}
      - id: place
        kind: radio
        label: Plads
        required: true
        options: [{value: vuggestue, label: Vuggestue}, {value: dagpleje, label: Dagpleje}]
      - id: menu
        kind: select
        label: Menu
        options: [{value: a, label: A}, {value: b, label: B}]
      - {id: ok, kind: checkbox, label: Samtykke, required: true}
      - {id: maybe, kind: checkbox, label: Måske}
      - {id: child, kind: cpr, label: Barnets CPR-nummer}
  - id: two
    title: To
    fields:
      - {id: files, kind: file, label: Bilag, accept: [pdf, jpg], max_bytes: 1048576, max_files: 2, required: true}
`

func loadCheckForm(t *testing.T) *selfservice.Form {
	t.Helper()
	f, err := selfservice.Load("check.yaml", []byte(checkForm))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// valid answers every field of step one so that only the case's change
// is wrong.
func valid() selfservice.Answers {
	return selfservice.Answers{"name": "Ida Hansen", "place": "vuggestue", "ok": "on"}
}

func TestCheckStep(t *testing.T) {
	f := loadCheckForm(t)
	today := civil.NewDate(2026, time.November, 30)
	label := func(da string) selfservice.Text { return selfservice.Text{Da: da} }
	cases := []struct {
		name   string
		field  string // the answer changed from valid()
		answer string
		want   []selfservice.FieldError
	}{
		{"valid answers pass", "", "", nil},
		{"a required text left empty", "name", "", []selfservice.FieldError{{Field: "name", Key: "selfservice.check.required", Args: []any{selfservice.Text{Da: "Navn", En: "Name"}}}}},
		{"a required text of spaces is empty", "name", "   ", []selfservice.FieldError{{Field: "name", Key: "selfservice.check.required", Args: []any{selfservice.Text{Da: "Navn", En: "Name"}}}}},
		{"a required radio left empty asks for a choice", "place", "", []selfservice.FieldError{{Field: "place", Key: "selfservice.check.choose", Args: []any{label("Plads")}}}},
		{"a required checkbox left empty asks for a tick", "ok", "", []selfservice.FieldError{{Field: "ok", Key: "selfservice.check.tick", Args: []any{label("Samtykke")}}}},
		{"an optional checkbox may stay empty", "maybe", "", nil},
		{"a checkbox is on or empty", "maybe", "yes", []selfservice.FieldError{{Field: "maybe", Key: "selfservice.check.checkbox", Args: []any{label("Måske")}}}},
		{"max_length counts characters, not bytes", "short", "æøåæø", nil},
		{"one character over max_length", "short", "æøåæøå", []selfservice.FieldError{{Field: "short", Key: "selfservice.check.too_long", Args: []any{label("Kort"), 5, 6}}}},
		{"a text takes 200 characters by default", "long", repeat("a", 200), nil},
		{"a text refuses 201 characters by default", "long", repeat("a", 201), []selfservice.FieldError{{Field: "long", Key: "selfservice.check.too_long", Args: []any{label("Lang"), 200, 201}}}},
		{"a textarea takes 4000 characters", "story", repeat("å", 4000), nil},
		{"a textarea refuses 4001 characters", "story", repeat("å", 4001), []selfservice.FieldError{{Field: "story", Key: "selfservice.check.too_long", Args: []any{label("Historie"), 4000, 4001}}}},
		{"an e-mail address", "mail", "ida@example.dk", nil},
		{"an e-mail address without a domain", "mail", "ida@example", []selfservice.FieldError{{Field: "mail", Key: "selfservice.check.email", Args: []any{label("E-mail")}}}},
		{"an e-mail address without @", "mail", "ida.example.dk", []selfservice.FieldError{{Field: "mail", Key: "selfservice.check.email", Args: []any{label("E-mail")}}}},
		{"an e-mail address with a space", "mail", "ida hansen@example.dk", []selfservice.FieldError{{Field: "mail", Key: "selfservice.check.email", Args: []any{label("E-mail")}}}},
		{"a phone number of 8 digits", "phone", "32123456", nil},
		{"a phone number with spaces", "phone", "32 12 34 56", nil},
		{"a phone number after +45", "phone", "+45 32 12 34 56", nil},
		{"a phone number after 0045", "phone", "0045 32123456", nil},
		{"a phone number of 7 digits", "phone", "3212345", []selfservice.FieldError{{Field: "phone", Key: "selfservice.check.phone", Args: []any{label("Telefon")}}}},
		{"a phone number with a foreign prefix", "phone", "+46 32123456", []selfservice.FieldError{{Field: "phone", Key: "selfservice.check.phone", Args: []any{label("Telefon")}}}},
		{"a phone number with a dash", "phone", "32-12-34-56", []selfservice.FieldError{{Field: "phone", Key: "selfservice.check.phone", Args: []any{label("Telefon")}}}},
		{"a date of today is within min: today", "start", "2026-11-30", nil},
		{"a date before today is before min: today", "start", "2026-11-29", []selfservice.FieldError{{Field: "start", Key: "selfservice.check.date_min", Args: []any{label("Start"), civil.NewDate(2026, time.November, 30)}}}},
		// 2026-11-30 + 730 days: 2027 has 365 days and 2028 is a leap year
		// whose 29 February falls in between, so the 730th day is 2028-11-29.
		{"the last day of today+730", "start", "2028-11-29", nil},
		{"the day after today+730", "start", "2028-11-30", []selfservice.FieldError{{Field: "start", Key: "selfservice.check.date_max", Args: []any{label("Start"), civil.NewDate(2028, time.November, 29)}}}},
		{"a day that does not exist", "start", "2027-02-29", []selfservice.FieldError{{Field: "start", Key: "selfservice.check.date", Args: []any{label("Start")}}}},
		{"a date written the Danish way is not YYYY-MM-DD", "start", "01-12-2026", []selfservice.FieldError{{Field: "start", Key: "selfservice.check.date", Args: []any{label("Start")}}}},
		{"a fixed min", "fixed", "2025-12-31", []selfservice.FieldError{{Field: "fixed", Key: "selfservice.check.date_min", Args: []any{label("Fast"), civil.NewDate(2026, time.January, 1)}}}},
		{"a fixed max", "fixed", "2027-01-01", []selfservice.FieldError{{Field: "fixed", Key: "selfservice.check.date_max", Args: []any{label("Fast"), civil.NewDate(2026, time.December, 31)}}}},
		{"a number within its bounds", "count", "12", nil},
		{"a number below min", "count", "0", []selfservice.FieldError{{Field: "count", Key: "selfservice.check.number_min", Args: []any{label("Antal"), int64(1)}}}},
		{"a number above max", "count", "13", []selfservice.FieldError{{Field: "count", Key: "selfservice.check.number_max", Args: []any{label("Antal"), int64(12)}}}},
		{"a decimal is not a whole number", "count", "2,5", []selfservice.FieldError{{Field: "count", Key: "selfservice.check.number", Args: []any{label("Antal")}}}},
		{"a radio value not among the options", "place", "boernehave", []selfservice.FieldError{{Field: "place", Key: "selfservice.check.option", Args: []any{label("Plads")}}}},
		{"an option's label is not its value", "menu", "A", []selfservice.FieldError{{Field: "menu", Key: "selfservice.check.option", Args: []any{label("Menu")}}}},
		{"a select value among the options", "menu", "b", nil},
		{"a CPR number with a dash", "child", "010224-1234", nil},
		{"a CPR number without a dash", "child", "0102241234", nil},
		{"a CPR number with a day that does not exist", "child", "310424-1234", []selfservice.FieldError{{Field: "child", Key: "selfservice.check.cpr", Args: []any{label("Barnets CPR-nummer")}}}},
		{"a CPR number of 9 digits", "child", "010224-123", []selfservice.FieldError{{Field: "child", Key: "selfservice.check.cpr", Args: []any{label("Barnets CPR-nummer")}}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := valid()
			if c.field != "" {
				a[c.field] = c.answer
			}
			got := f.CheckStep(0, a, today)
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("CheckStep(%s=%q)\n got %#v\nwant %#v", c.field, c.answer, got, c.want)
			}
		})
	}
}

func repeat(s string, n int) string {
	out := ""
	for range n {
		out += s
	}
	return out
}

func TestCheckStep_ReportsEveryWrongFieldInOrder(t *testing.T) {
	f := loadCheckForm(t)
	got := f.CheckStep(0, selfservice.Answers{"mail": "x", "ok": "on"}, civil.NewDate(2026, time.November, 30))
	var fields []string
	for _, e := range got {
		fields = append(fields, e.Field)
	}
	if want := []string{"name", "mail", "place"}; !reflect.DeepEqual(fields, want) {
		t.Errorf("fields with errors %v, want %v", fields, want)
	}
}

func TestCheckStep_AStepThatDoesNotExist(t *testing.T) {
	f := loadCheckForm(t)
	for _, step := range []int{-1, 2} {
		got := f.CheckStep(step, nil, civil.NewDate(2026, time.November, 30))
		if len(got) != 1 || got[0].Key != "selfservice.check.no_step" {
			t.Errorf("step %d: %#v, want one selfservice.check.no_step", step, got)
		}
	}
}

func TestCheckStep_FileFieldsAreLeftToCheckFile(t *testing.T) {
	f := loadCheckForm(t)
	if got := f.CheckStep(1, nil, civil.NewDate(2026, time.November, 30)); got != nil {
		t.Errorf("step two with no answers: %#v, want no errors (files are counted by CheckFileCount)", got)
	}
}

func TestCheckFile(t *testing.T) {
	f := loadCheckForm(t)
	label := selfservice.Text{Da: "Bilag"}
	cases := []struct {
		name, field, file string
		size              int64
		want              *selfservice.FieldError
	}{
		{"a pdf within the size", "files", "skitse.pdf", 1000, nil},
		{"the ending in capitals", "files", "SKITSE.PDF", 1000, nil},
		{"exactly the largest size", "files", "foto.jpg", 1 << 20, nil},
		{"one byte over the largest size", "files", "foto.jpg", 1<<20 + 1, &selfservice.FieldError{Field: "files", Key: "selfservice.check.file_size", Args: []any{label, 1.0, 1.0}}},
		{"a large file in MB to one decimal", "files", "foto.jpg", 5 << 19, &selfservice.FieldError{Field: "files", Key: "selfservice.check.file_size", Args: []any{label, 2.5, 1.0}}},
		{"an empty file", "files", "foto.jpg", 0, &selfservice.FieldError{Field: "files", Key: "selfservice.check.file_empty", Args: []any{label}}},
		{"a type not accepted", "files", "skitse.docx", 1000, &selfservice.FieldError{Field: "files", Key: "selfservice.check.file_type", Args: []any{label, "pdf, jpg"}}},
		{"pdf in the middle of the name", "files", "skitse.pdf.exe", 1000, &selfservice.FieldError{Field: "files", Key: "selfservice.check.file_type", Args: []any{label, "pdf, jpg"}}},
		{"no ending", "files", "pdf", 1000, &selfservice.FieldError{Field: "files", Key: "selfservice.check.file_type", Args: []any{label, "pdf, jpg"}}},
		{"a field that takes no files", "name", "a.pdf", 1000, &selfservice.FieldError{Field: "name", Key: "selfservice.check.no_file_field", Args: []any{"name"}}},
		{"a field that does not exist", "nope", "a.pdf", 1000, &selfservice.FieldError{Field: "nope", Key: "selfservice.check.no_file_field", Args: []any{"nope"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := f.CheckFile(c.field, c.file, c.size)
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("CheckFile(%s, %s, %d)\n got %#v\nwant %#v", c.field, c.file, c.size, got, c.want)
			}
		})
	}
}

func TestCheckFileCount(t *testing.T) {
	f := loadCheckForm(t)
	label := selfservice.Text{Da: "Bilag"}
	cases := []struct {
		n    int
		want *selfservice.FieldError
	}{
		{0, &selfservice.FieldError{Field: "files", Key: "selfservice.check.file_required", Args: []any{label}}},
		{1, nil},
		{2, nil},
		{3, &selfservice.FieldError{Field: "files", Key: "selfservice.check.too_many_files", Args: []any{label, 2, 3}}},
	}
	for _, c := range cases {
		if got := f.CheckFileCount("files", c.n); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%d files: got %#v, want %#v", c.n, got, c.want)
		}
	}
}

func TestFieldError_MessageInBothLanguages(t *testing.T) {
	e := selfservice.FieldError{Field: "start", Key: "selfservice.check.date_min",
		Args: []any{selfservice.Text{Da: "Ønsket startdato", En: "Wanted start date"}, civil.NewDate(2026, time.December, 1)}}
	if got, want := e.Message(locale.New(locale.Danish)), "»Ønsket startdato« må tidligst være 1. december 2026."; got != want {
		t.Errorf("Danish: %q, want %q", got, want)
	}
	if got, want := e.Message(locale.New(locale.English)), "“Wanted start date” can be 1 December 2026 at the earliest."; got != want {
		t.Errorf("English: %q, want %q", got, want)
	}
	size := selfservice.FieldError{Key: "selfservice.check.file_size", Args: []any{selfservice.Text{Da: "Bilag"}, 2.5, 1.0}}
	if got, want := size.Message(locale.New(locale.Danish)), "Filen til »Bilag« fylder 2,5 MB; den må højst fylde 1 MB."; got != want {
		t.Errorf("Danish size: %q, want %q", got, want)
	}
	many := selfservice.FieldError{Key: "selfservice.check.too_many_files", Args: []any{selfservice.Text{Da: "Bilag", En: "Attachments"}, 1, 2}}
	if got, want := many.Message(locale.New(locale.English)), "You have chosen 2 files for “Attachments”; at most 1 can be attached."; got != want {
		t.Errorf("English count: %q, want %q", got, want)
	}
}

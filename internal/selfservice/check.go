package selfservice

import (
	"math"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/kanal-dk/kanal/internal/civil"
)

// Default longest answers, in characters, where a field sets no
// max_length.
const (
	DefaultTextLength     = 200
	DefaultTextareaLength = 4000
	DefaultEmailLength    = 254 // the longest address SMTP carries
)

// MaxLengthOf is the longest answer a field takes, in characters; 0 for
// kinds that have a shape of their own.
func (fd *Field) MaxLengthOf() int {
	if fd.MaxLength > 0 {
		return fd.MaxLength
	}
	switch fd.Kind {
	case KindText:
		return DefaultTextLength
	case KindTextarea:
		return DefaultTextareaLength
	case KindEmail:
		return DefaultEmailLength
	}
	return 0
}

var (
	emailShape = regexp.MustCompile(`^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$`)
	wholeShape = regexp.MustCompile(`^-?\d{1,15}$`)
)

// CheckStep checks the answers of one step (0-based): what is required is
// there, and every answer has its kind's shape and keeps within its
// limits. today places the bounds "today", "today+N" and "today-N" of
// date fields. Files are checked by CheckFile and CheckFileCount.
func (f *Form) CheckStep(step int, a Answers, today civil.Date) []FieldError {
	if step < 0 || step >= len(f.Steps) {
		return []FieldError{{Key: "selfservice.check.no_step", Args: []any{step + 1}}}
	}
	var errs []FieldError
	for i := range f.Steps[step].Fields {
		fd := &f.Steps[step].Fields[i]
		if fd.Kind == KindFile {
			continue
		}
		if key, args := fd.check(a[fd.ID], today); key != "" {
			errs = append(errs, FieldError{Field: fd.ID, Key: key, Args: append([]any{fd.LabelText()}, args...)})
		}
	}
	return errs
}

// check returns the message key and its arguments after the label for a
// wrong answer, or "".
func (fd *Field) check(v string, today civil.Date) (string, []any) {
	if strings.TrimSpace(v) == "" {
		if !fd.Required {
			return "", nil
		}
		switch fd.Kind {
		case KindSelect, KindRadio:
			return "selfservice.check.choose", nil
		case KindCheckbox:
			return "selfservice.check.tick", nil
		}
		return "selfservice.check.required", nil
	}
	if limit := fd.MaxLengthOf(); limit > 0 {
		if n := utf8.RuneCountInString(v); n > limit {
			return "selfservice.check.too_long", []any{limit, n}
		}
	}
	switch fd.Kind {
	case KindEmail:
		if !emailShape.MatchString(strings.TrimSpace(v)) {
			return "selfservice.check.email", nil
		}
	case KindPhone:
		if !ValidPhone(v) {
			return "selfservice.check.phone", nil
		}
	case KindCPR:
		if !ValidCPR(strings.TrimSpace(v)) {
			return "selfservice.check.cpr", nil
		}
	case KindDate:
		return fd.checkDate(strings.TrimSpace(v), today)
	case KindNumber:
		return fd.checkNumber(strings.TrimSpace(v))
	case KindSelect, KindRadio:
		if !slices.ContainsFunc(fd.Options, func(o Option) bool { return o.Value == v }) {
			return "selfservice.check.option", nil
		}
	case KindCheckbox:
		if v != "on" {
			return "selfservice.check.checkbox", nil
		}
	}
	return "", nil
}

func (fd *Field) checkDate(v string, today civil.Date) (string, []any) {
	d, err := civil.ParseDate(v)
	if err != nil {
		return "selfservice.check.date", nil
	}
	if b, ok := parseDateBound(fd.Min); ok && d.Before(b.on(today)) {
		return "selfservice.check.date_min", []any{b.on(today)}
	}
	if b, ok := parseDateBound(fd.Max); ok && d.After(b.on(today)) {
		return "selfservice.check.date_max", []any{b.on(today)}
	}
	return "", nil
}

func (fd *Field) checkNumber(v string) (string, []any) {
	if !wholeShape.MatchString(v) {
		return "selfservice.check.number", nil
	}
	n, _ := strconv.ParseInt(v, 10, 64) // at most 15 digits
	if lo, err := strconv.ParseInt(fd.Min, 10, 64); err == nil && n < lo {
		return "selfservice.check.number_min", []any{lo}
	}
	if hi, err := strconv.ParseInt(fd.Max, 10, 64); err == nil && n > hi {
		return "selfservice.check.number_max", []any{hi}
	}
	return "", nil
}

// ValidPhone reports whether s is a Danish phone number: eight digits,
// optionally after +45 or 0045, with spaces anywhere.
func ValidPhone(s string) bool {
	s = strings.ReplaceAll(s, " ", "")
	if rest, ok := strings.CutPrefix(s, "+45"); ok {
		s = rest
	} else if rest, ok := strings.CutPrefix(s, "0045"); ok && len(rest) == 8 {
		s = rest
	}
	if len(s) != 8 {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// CheckFile checks one attachment of a file field: its name's ending
// (compared without regard to case) and its size.
func (f *Form) CheckFile(field, filename string, size int64) *FieldError {
	fd, _, ok := f.Field(field)
	if !ok || fd.Kind != KindFile {
		return &FieldError{Field: field, Key: "selfservice.check.no_file_field", Args: []any{field}}
	}
	ext := strings.ToLower(strings.TrimPrefix(path.Ext(filename), "."))
	switch {
	case ext == "" || !slices.Contains(fd.Accept, ext):
		return &FieldError{Field: field, Key: "selfservice.check.file_type", Args: []any{fd.LabelText(), strings.Join(fd.Accept, ", ")}}
	case size <= 0:
		return &FieldError{Field: field, Key: "selfservice.check.file_empty", Args: []any{fd.LabelText()}}
	case size > fd.MaxBytes:
		return &FieldError{Field: field, Key: "selfservice.check.file_size", Args: []any{fd.LabelText(), megabytes(size), megabytes(fd.MaxBytes)}}
	}
	return nil
}

// CheckFileCount checks how many files a citizen attached to a file
// field: at least one where the field is required, at most max_files.
func (f *Form) CheckFileCount(field string, n int) *FieldError {
	fd, _, ok := f.Field(field)
	if !ok || fd.Kind != KindFile {
		return &FieldError{Field: field, Key: "selfservice.check.no_file_field", Args: []any{field}}
	}
	switch {
	case n == 0 && fd.Required:
		return &FieldError{Field: field, Key: "selfservice.check.file_required", Args: []any{fd.LabelText()}}
	case n > fd.MaxFiles:
		return &FieldError{Field: field, Key: "selfservice.check.too_many_files", Args: []any{fd.LabelText(), fd.MaxFiles, n}}
	}
	return nil
}

// megabytes is a size in MB (2^20 bytes) to one decimal, at least 0.1.
func megabytes(n int64) float64 {
	return max(math.Round(float64(n)/(1<<20)*10)/10, 0.1)
}

package casework

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/kanal-dk/kanal/internal/cpr"
	"github.com/kanal-dk/kanal/internal/inquiry"
	"github.com/kanal-dk/kanal/internal/store"
)

// ErrUnknownStatus is a status not in Statuses.
var ErrUnknownStatus = errors.New("unknown case status")

// errRepeat rolls back a submission found to repeat an earlier one.
var errRepeat = errors.New("repeated submission")

// InvalidError is a submission or change refused for its fields. Each
// FieldError's Rule is a key in the translation catalogue (inquiry.* or
// case.*) and its Field the submission's field; the values stay out of
// Error, which may reach a log.
type InvalidError struct {
	Fields []inquiry.FieldError
}

func (e *InvalidError) Error() string {
	parts := make([]string, len(e.Fields))
	for i, f := range e.Fields {
		parts[i] = f.Field + ": " + f.Rule
	}
	return "invalid case: " + strings.Join(parts, "; ")
}

// Rules a submission or change can break, besides the inquiry's.
const (
	RuleBadCPR       = "case.bad_cpr"        // cpr
	RuleNotText      = "case.not_text"       // field
	RuleTooLong      = "case.too_long"       // field, maximum
	RuleNoWorkingDay = "case.no_working_day" // none
)

// Limits of what a case stores.
const (
	maxNameLen   = 200
	maxAnswerLen = 10000
	maxNoteLen   = 2000
	maxShortLen  = 200
)

// checkSubmission checks what the inquiry's check does not: the texts only
// the case stores and the CPR number, which it writes as ten digits.
func checkSubmission(s *Submission) error {
	var errs []inquiry.FieldError
	text := func(field, value string, max int, lines bool) {
		check := store.CheckText
		if lines {
			check = store.CheckLines
		}
		switch {
		case check(value) != nil:
			errs = append(errs, inquiry.FieldError{Field: field, Rule: RuleNotText, Args: []any{field}})
		case utf8.RuneCountInString(value) > max:
			errs = append(errs, inquiry.FieldError{Field: field, Rule: RuleTooLong, Args: []any{field, max}})
		}
	}
	text("form", s.Form, maxShortLen, false)
	text("name", s.Name, maxNameLen, false)
	text("run", s.Run, maxShortLen, false)
	for k, v := range s.Answers {
		text("answers."+k, k, maxShortLen, false)
		text("answers."+k, v, maxAnswerLen, true)
	}
	for i, f := range s.Files {
		field := fmt.Sprintf("files[%d]", i)
		text(field+".field", f.Field, maxShortLen, false)
		text(field+".filename", f.Filename, maxShortLen, false)
		text(field+".content_type", f.ContentType, maxShortLen, false)
	}
	if s.CPR != "" {
		n, err := cpr.Parse(s.CPR)
		if err != nil {
			errs = append(errs, inquiry.FieldError{Field: "cpr", Rule: RuleBadCPR})
		} else {
			s.CPR = n.Digits()
		}
	}
	if len(errs) > 0 {
		return &InvalidError{Fields: errs}
	}
	return nil
}

// checkNote checks a status change's note.
func checkNote(note string) error {
	switch {
	case store.CheckLines(note) != nil:
		return &InvalidError{Fields: []inquiry.FieldError{{Field: "note", Rule: RuleNotText, Args: []any{"note"}}}}
	case utf8.RuneCountInString(note) > maxNoteLen:
		return &InvalidError{Fields: []inquiry.FieldError{{Field: "note", Rule: RuleTooLong, Args: []any{"note", maxNoteLen}}}}
	}
	return nil
}

// cprDigits is a CPR number as stored, ten digits.
func cprDigits(s string) (string, bool) {
	n, err := cpr.Parse(s)
	if err != nil {
		return "", false
	}
	return n.Digits(), true
}

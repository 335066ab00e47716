package face

import (
	"errors"
	"fmt"
)

// Errors handlers return, answered by each face's Fail with the status
// they call for.
var (
	ErrNotFound        = errors.New("not found")
	ErrForbidden       = errors.New("forbidden")
	ErrTooManyRequests = errors.New("too many requests")
	ErrNotText         = errors.New("the request holds text that is not valid UTF-8 or holds control characters")
)

// Error is an answer to a request the client can mend: its status, a
// stable code for programs, the field at fault, and the message — either
// Message, already in the reader's language, or the catalogue's text for
// the code with Args. A handler returns it; the face's Fail writes it.
type Error struct {
	Status  int
	Code    string
	Field   string
	Args    []any
	Message string
}

// Fail is an Error with the status, code and the message's arguments.
func Fail(status int, code string, args ...any) *Error {
	return &Error{Status: status, Code: code, Args: args}
}

func (e *Error) Error() string {
	if e.Field != "" {
		return fmt.Sprintf("%d %s (%s)", e.Status, e.Code, e.Field)
	}
	return fmt.Sprintf("%d %s", e.Status, e.Code)
}

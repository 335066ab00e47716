package face

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/kanal-dk/kanal/internal/auth"
	"github.com/kanal-dk/kanal/internal/municipality"
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

// Classify is the status and code an error a handler returned calls for,
// the same in every face: not_found, forbidden, too_large, not_text,
// too_many (with Retry-After set on w), or internal — an error nobody
// expected, which the face logs. An *Error is classified by Fail's
// caller, not here.
func Classify(w http.ResponseWriter, err error) (status int, code string) {
	var tooBig *http.MaxBytesError
	switch {
	case errors.Is(err, ErrNotFound) || errors.Is(err, municipality.ErrNotFound) || errors.Is(err, auth.ErrNotFound):
		return http.StatusNotFound, "not_found"
	case errors.Is(err, ErrForbidden):
		return http.StatusForbidden, "forbidden"
	case errors.As(err, &tooBig):
		return http.StatusRequestEntityTooLarge, "too_large"
	case errors.Is(err, ErrNotText):
		return http.StatusBadRequest, "not_text"
	case errors.Is(err, ErrTooManyRequests):
		w.Header().Set("Retry-After", "30")
		return http.StatusTooManyRequests, "too_many"
	}
	return http.StatusInternalServerError, "internal"
}

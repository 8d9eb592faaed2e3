package fault

import (
	"errors"
	"maps"
	"slices"
	"strings"
)

// Code is what kind of refusal an error is.
type Code string

// The codes. Every adapter answers each the same way (Status).
const (
	Invalid         Code = "invalid"         // the input cannot be taken as given
	NotFound        Code = "not_found"       // no such record, or none the caller may know of
	Conflict        Code = "conflict"        // it clashes with a record that exists (a name taken)
	State           Code = "state"           // not allowed in the record's current state
	Forbidden       Code = "forbidden"       // the caller's role or unit may not do this
	Unauthenticated Code = "unauthenticated" // nobody is signed in, or the session ended
)

// Error is a refusal: its code, a catalogue key for the whole (optional),
// catalogue keys at the fields the input got wrong, arguments for the
// keys' placeholders, and the cause for the log.
type Error struct {
	Code   Code
	Key    string            // catalogue key for the refusal as a whole; "" leaves the code's own
	Fields map[string]string // field → catalogue key
	Args   map[string]any    // placeholders of Key and of the fields' keys
	Err    error             // the cause, for the log; never shown
}

// Error says the code, the keys and the cause, for logs and tests.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(string(e.Code))
	if e.Key != "" {
		b.WriteString(" " + e.Key)
	}
	for _, f := range slices.Sorted(maps.Keys(e.Fields)) {
		b.WriteString(" " + f + "=" + e.Fields[f])
	}
	if e.Err != nil {
		b.WriteString(": " + e.Err.Error())
	}
	return b.String()
}

// Unwrap gives the cause.
func (e *Error) Unwrap() error { return e.Err }

// Is matches a sentinel: a bare code (ErrNotFound) matches every error of
// that code; one with a key matches that code and key.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	if !ok || t.Code != e.Code {
		return false
	}
	return t.Key == "" || t.Key == e.Key
}

// The bare codes, for errors.Is.
var (
	ErrInvalid         = &Error{Code: Invalid}
	ErrNotFound        = &Error{Code: NotFound}
	ErrConflict        = &Error{Code: Conflict}
	ErrState           = &Error{Code: State}
	ErrForbidden       = &Error{Code: Forbidden}
	ErrUnauthenticated = &Error{Code: Unauthenticated}
)

// New is a refusal of code with a catalogue key for the whole.
func New(code Code, key string) *Error { return &Error{Code: code, Key: key} }

// Field is an invalid input at one field.
func Field(field, key string) *Error {
	return &Error{Code: Invalid, Fields: map[string]string{field: key}}
}

// Wrap is a refusal of code caused by err, for the log.
func Wrap(code Code, key string, err error) *Error { return &Error{Code: code, Key: key, Err: err} }

// CodeOf is the code of err, or "" when err is no refusal (an internal
// failure the adapters log and answer 500).
func CodeOf(err error) Code {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return ""
}

// As returns err's refusal, or nil.
func As(err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return nil
}

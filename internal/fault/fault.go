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
// catalogue keys at the fields the input got wrong, the fields' names for
// people, arguments for the keys' placeholders, and the cause for the log.
type Error struct {
	Code   Code
	Key    string            // catalogue key for the refusal as a whole; "" leaves the code's own
	Fields map[string]string // field → catalogue key
	Labels map[string]Label  // field → its name for people; optional (see Label)
	Args   map[string]any    // placeholders of Key and of the fields' keys
	Err    error             // the cause, for the log; never shown
}

// Label is how people know a field: its name and, for a field that sits
// in a part of a larger form, the part's name, both catalogue keys. A
// service names its fields on the refusal because only it knows which
// form or document a field belongs to: "分值" is a field of two parts of
// the scoring scheme, "title" means 事由 on an assessment record and 标题
// on a task. The adapters show each problem under its label, so that a
// client that shows only the message still says where. Args fill the
// name's placeholders (a level of a ladder: "督办阶梯第 {n} 级（{label}）").
type Label struct {
	Key, Group string
	Args       map[string]any
}

// Say words a catalogue key with its name/value pairs in one language
// (i18n.Localizer.T).
type Say func(key string, args ...any) string

// InGroupKey is the catalogue's pattern for a field named with its part,
// "{field}（{group}）".
const InGroupKey = "field.in_group"

// Pairs are the refusal's placeholders as Say takes them, name/value
// pairs in name order.
func (e *Error) Pairs() []any { return pairs(e.Args) }

func pairs(m map[string]any) []any {
	args := make([]any, 0, 2*len(m))
	for _, k := range slices.Sorted(maps.Keys(m)) {
		args = append(args, k, m[k])
	}
	return args
}

// LabelOf words the name of field in say's language, with its part when
// it has one ("配合单位系数（重点攻坚考绩）"); "" when the refusal names
// none.
func (e *Error) LabelOf(say Say, field string) string {
	l, ok := e.Labels[field]
	if !ok || l.Key == "" {
		return ""
	}
	name := say(l.Key, pairs(l.Args)...)
	if l.Group == "" {
		return name
	}
	return say(InGroupKey, "field", name, "group", say(l.Group))
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

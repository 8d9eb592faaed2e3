package intakesvc

import (
	"errors"
	"fmt"
	"strings"

	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/ledgersvc"
)

// ErrForbidden is the ledger's: the caller's role may not do this. The
// API and the pages already answer it with 403.
var ErrForbidden = ledgersvc.ErrForbidden

// Problem is one thing wrong with an input: the field it is about (its
// JSON name: "title", "units", "file"…; "" for the input as a whole) and
// the message catalogue's key (package i18n) that says what is wrong.
type Problem struct {
	Field string
	Key   string
}

// InputError refuses an input; nothing was stored. The API answers 422
// with each problem's message at its field, the pages show the keys.
type InputError struct {
	Problems []Problem
}

func (e *InputError) Error() string {
	keys := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		keys[i] = p.Field + ": " + p.Key
	}
	return "intake: invalid input: " + strings.Join(keys, "; ")
}

// As lets the adapters' one translator read e as fault's refusal: invalid,
// each problem's key at its field (checks keeps one problem a field).
func (e *InputError) As(target any) bool {
	t, ok := target.(**fault.Error)
	if !ok {
		return false
	}
	fields := make(map[string]string, len(e.Problems))
	for _, p := range e.Problems {
		if _, seen := fields[p.Field]; !seen {
			fields[p.Field] = p.Key
		}
	}
	*t = &fault.Error{Code: fault.Invalid, Fields: fields, Err: errors.New(e.Error())}
	return true
}

// invalid is an InputError of one problem.
func invalid(field, key string) *InputError {
	return &InputError{Problems: []Problem{{Field: field, Key: key}}}
}

// ConflictError refuses an operation the plan's state does not allow: a
// review edit of a plan already confirmed, a second confirmation, a
// draft put on the portal. Key is the catalogue's message; Err is the
// store's error (fault.ErrConflict or fault.ErrState), so that callers
// that only know those still answer 409.
type ConflictError struct {
	Key string
	Err error
}

func (e *ConflictError) Error() string { return "intake: " + e.Key + ": " + e.Err.Error() }

func (e *ConflictError) Unwrap() error { return e.Err }

// As lets the adapters' one translator read e as fault's refusal: the
// store's code (conflict or state) with e's key.
func (e *ConflictError) As(target any) bool {
	t, ok := target.(**fault.Error)
	if !ok {
		return false
	}
	code := fault.CodeOf(e.Err)
	if code == "" {
		code = fault.Conflict
	}
	*t = &fault.Error{Code: code, Key: e.Key, Err: e.Err}
	return true
}

// UnitlessError refuses to register a draft until the office confirms it
// knowingly (force): some of its tasks have no responsible unit, so that
// nobody would be told to do them. It also counts the unit names matched
// to no registered unit, whose units would not see their tasks either.
type UnitlessError struct {
	// Tasks are the tasks (not optional) without a unit, in document order.
	Tasks []TaskRef
	// Unmatched counts the unit names matched to no registered unit;
	// UnmatchedTasks are the tasks that hold them.
	Unmatched      int
	UnmatchedTasks []TaskRef
}

// TaskRef names a task of a draft: its id (the review page's card), its
// numbering and its title.
type TaskRef struct {
	ID    int64    `json:"id"`
	Path  []string `json:"path"`
	Title string   `json:"title"`
}

// Name is the task as a person reads it: its path (labels joined by ".",
// as the review page writes them) and title.
func (t TaskRef) Name() string {
	return strings.TrimSpace(strings.Join(t.Path, ".") + " " + t.Title)
}

func (e *UnitlessError) Error() string {
	names := make([]string, len(e.Tasks))
	for i, t := range e.Tasks {
		names[i] = t.Name()
	}
	return fmt.Sprintf("intake: %d tasks without a responsible unit (%s), %d unit names unmatched in %d tasks",
		len(e.Tasks), strings.Join(names, "; "), e.Unmatched, len(e.UnmatchedTasks))
}

// DocumentError says an uploaded document could not be read or parsed.
// Err is the reader's own explanation, which names the file and what was
// expected; when Key is set (the parser failed on it) the catalogue's
// message is what a person reads, and Err is for the log.
type DocumentError struct {
	Name string
	Key  string
	Err  error
}

func (e *DocumentError) Error() string { return e.Err.Error() }

func (e *DocumentError) Unwrap() error { return e.Err }

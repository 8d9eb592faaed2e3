package intakesvc

import (
	"strings"

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

// invalid is an InputError of one problem.
func invalid(field, key string) *InputError {
	return &InputError{Problems: []Problem{{Field: field, Key: key}}}
}

// ConflictError refuses an operation the plan's state does not allow: a
// review edit of a plan already confirmed, a second confirmation, a
// draft put on the portal. Key is the catalogue's message; Err is the
// store's error (store.ErrConflict or store.ErrState), so that callers
// that only know those still answer 409.
type ConflictError struct {
	Key string
	Err error
}

func (e *ConflictError) Error() string { return "intake: " + e.Key + ": " + e.Err.Error() }

func (e *ConflictError) Unwrap() error { return e.Err }

// UnitlessError refuses to register a draft whose tasks have no
// responsible unit until the office confirms it knowingly (force).
type UnitlessError struct {
	Tasks []string // each task's path and title, e.g. "二/(一)/3 建立台账"
}

func (e *UnitlessError) Error() string {
	return "intake: tasks without a responsible unit: " + strings.Join(e.Tasks, "; ")
}

// DocumentError says an uploaded document could not be read or parsed.
// Err is the reader's own explanation, which names the file and what was
// expected.
type DocumentError struct {
	Name string
	Err  error
}

func (e *DocumentError) Error() string { return e.Err.Error() }

func (e *DocumentError) Unwrap() error { return e.Err }

package web

import (
	"errors"
	"fmt"
	"time"
)

// Errors the services behind Deps return, wrapped if they like, for the
// pages to answer the right way. Adapters translate their own domain errors
// into these.
var (
	// ErrSignedOut: no valid session; the page sends the person to sign in.
	ErrSignedOut = errors.New("web: not signed in")
	// ErrBadCredentials: wrong user name or password (or a disabled account).
	ErrBadCredentials = errors.New("web: bad credentials")
	// ErrForbidden: the signed-in user may not do this; answered with 403.
	ErrForbidden = errors.New("web: forbidden")
	// ErrNotFound: no such object; answered with 404.
	ErrNotFound = errors.New("web: not found")
)

// LockedError says the account is locked after repeated failed sign-ins
// until Until.
type LockedError struct {
	Until time.Time
}

func (e *LockedError) Error() string {
	return fmt.Sprintf("web: account locked until %s", e.Until.Format(time.RFC3339))
}

// ValidationError says which fields of a submitted form are wrong. Fields
// maps a form field name ("username", or "" for the form as a whole) to an
// i18n catalogue key such as "error.username_taken": services return keys,
// never sentences, so the page shows the catalogue's wording in the
// reader's language.
type ValidationError struct {
	Fields map[string]string
}

func (e *ValidationError) Error() string {
	return fmt.Sprintf("web: invalid input: %v", e.Fields)
}

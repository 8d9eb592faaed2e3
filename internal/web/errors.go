package web

import (
	"errors"
	"fmt"
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

// Sign-in refusals beyond a wrong name or password.
var (
	// ErrTOTPRequired: the password was right; the account needs its
	// authenticator code too.
	ErrTOTPRequired = errors.New("web: authenticator code required")
	// ErrTOTPInvalid: the password was right, the code was not.
	ErrTOTPInvalid = errors.New("web: wrong authenticator code")
	// ErrBusy: too many sign-ins at once or from one place.
	ErrBusy = errors.New("web: busy")
	// ErrTOTPEnrolment: the signed-in user's role requires a second
	// factor not yet set up; every page but the enrolment sends them
	// there. Auth.Current returns it together with the user.
	ErrTOTPEnrolment = errors.New("web: second factor to set up")
)

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

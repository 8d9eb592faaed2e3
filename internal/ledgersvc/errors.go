package ledgersvc

import "errors"

// ErrForbidden is returned when the principal may not see or do what it asked.
var ErrForbidden = errors.New("ledgersvc: forbidden")

package ledgersvc

import "github.com/duban/duban/internal/fault"

// ErrForbidden is returned when the principal may not see or do what it
// asked. It is fault's forbidden code, so every adapter answers it alike.
var ErrForbidden = fault.ErrForbidden

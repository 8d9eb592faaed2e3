package fault

import "net/http"

// Status is the HTTP status of err: the one table both the pages and the
// API answer from. An error that is no refusal is 500.
func Status(err error) int {
	switch CodeOf(err) {
	case Invalid:
		// Problems at named fields are the form's to show at each field;
		// an input refused as a whole is a bad request.
		if e := As(err); len(e.Fields) > 0 {
			return http.StatusUnprocessableEntity
		}
		return http.StatusBadRequest
	case NotFound:
		return http.StatusNotFound
	case Conflict, State:
		return http.StatusConflict
	case Forbidden:
		return http.StatusForbidden
	case Unauthenticated:
		return http.StatusUnauthorized
	}
	return http.StatusInternalServerError
}

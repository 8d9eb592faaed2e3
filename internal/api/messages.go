package api

import (
	"github.com/duban/duban/internal/auth"
)

// passwordProblem is a password rule broken, as a 400 from the catalogue.
func passwordProblem(key string, p auth.Policy) error {
	switch key {
	case auth.PwTooShort:
		return errInvalid("api.problem.password_short", "n", p.MinLength)
	case auth.PwTooSimple:
		return errInvalid("api.problem.password_simple", "n", p.MinClasses)
	case auth.PwHasUsername:
		return errInvalid("api.problem.password_username")
	case auth.PwAllSameChars:
		return errInvalid("api.problem.password_same")
	}
	return errBadRequestf(key)
}

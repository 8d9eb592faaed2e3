package api

import (
	"errors"
	"maps"
	"net/http"
	"slices"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/httpauth"
)

// principalOf is who calls, as the services take them: the principal and the
// audit actor; errUnauthenticated for nobody. What they may do is the
// service's to decide.
func principalOf(r *http.Request) (authz.Principal, audit.Actor, error) {
	c := httpauth.From(r.Context())
	if c == nil || c.User == nil {
		return authz.Principal{}, audit.Actor{}, errUnauthenticated
	}
	return c.Principal(), httpauth.Actor(r), nil
}

// refused passes administration's coded refusals to fail in the form it
// answers today: forbidden and unauthenticated as its own errors, the
// problems at fields as catalogue messages. It is the generic reading of
// fault.Error that fail is to learn; once it has, this goes.
func refused(err error) error {
	e := fault.As(err)
	if e == nil {
		return err
	}
	switch {
	case e.Code == fault.Unauthenticated:
		return errors.Join(errUnauthenticated, err)
	case e.Code == fault.Forbidden:
		return errors.Join(errForbidden, err)
	case e.Code == fault.Invalid && (len(e.Fields) > 0 || e.Key != ""):
		problems := []error{errBadRequest}
		if e.Key != "" {
			problems = append(problems, errInvalid(e.Key))
		}
		for _, f := range slices.Sorted(maps.Keys(e.Fields)) {
			problems = append(problems, errInvalid(e.Fields[f]))
		}
		return errors.Join(problems...)
	}
	return err
}

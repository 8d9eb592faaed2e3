package api

import (
	"net/http"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
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

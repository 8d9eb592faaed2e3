package webdeps

import (
	"github.com/duban/duban/internal/auth"
	"github.com/duban/duban/internal/signin"
	"github.com/duban/duban/internal/store"
	"github.com/duban/duban/internal/web"
)

// Deps holds what the services need; Web gives the pages their Deps.
type Deps struct {
	Store  *store.DB
	Signin *signin.Service
	Policy auth.Policy
}

// Web returns the web.Deps backed by d.
func (d *Deps) Web() web.Deps {
	return web.Deps{
		Auth:  &Auth{Signin: d.Signin},
		Setup: &setup{d},
		Users: &users{d},
		Units: &unitService{d},
		Audit: &auditLog{d},
		Now:   d.Signin.Now,
	}
}

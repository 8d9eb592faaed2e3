package api

import (
	"net/http"
	"time"

	"github.com/duban/duban/internal/httpauth"
	"github.com/duban/duban/internal/records"
)

// tokenCreate exchanges a username and password for an API token.
func (h *Handler) tokenCreate(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Username string `json:"username"`
		Password string `json:"password"`
		Name     string `json:"name"`
	}
	if err := readJSON(r, &in); err != nil {
		fail(w, r, err)
		return
	}
	if in.Name == "" {
		in.Name = "api"
	}
	token, _, err := h.Signin.Login(r.Context(), in.Username, in.Password, httpauth.ClientIP(r), records.SessionAPI, in.Name)
	if err != nil {
		fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, map[string]any{
		"token":      token,
		"expires_at": h.Signin.Now().Add(h.Signin.Policy.TokenLifetime).UTC().Truncate(time.Second),
	})
}

// logout revokes the token or session the request was made with.
func (h *Handler) logout(w http.ResponseWriter, r *http.Request) {
	c := httpauth.From(r.Context())
	if c == nil {
		fail(w, r, errUnauthenticated)
		return
	}
	if err := h.Signin.Logout(r.Context(), httpauth.Actor(r), c.Token); err != nil {
		fail(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// meGet describes the caller.
func (h *Handler) meGet(w http.ResponseWriter, r *http.Request) {
	c := httpauth.From(r.Context())
	if c == nil {
		fail(w, r, errUnauthenticated)
		return
	}
	writeJSON(w, http.StatusOK, viewUser(localizer(r), c.User, h.Signin.Now()))
}

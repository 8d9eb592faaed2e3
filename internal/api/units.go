package api

import (
	"net/http"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/httpauth"
	"github.com/duban/duban/internal/records"
)

// unitList returns the unit registry.
func (h *Handler) unitList(w http.ResponseWriter, r *http.Request) {
	if _, err := allowed(r, authz.UnitRead); err != nil {
		fail(w, r, err)
		return
	}
	units, err := h.Store.FindUnits(r.Context())
	if err != nil {
		fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, list[records.Unit]{Items: nonNilSlice(units), Total: len(units)})
}

type unitInput struct {
	Name     *string   `json:"name"`
	ParentID *int64    `json:"parent_id"`
	Kind     *string   `json:"kind"`
	Aliases  *[]string `json:"aliases"`
	Email    *string   `json:"email"`
}

// unitCreate registers a unit.
func (h *Handler) unitCreate(w http.ResponseWriter, r *http.Request) {
	if _, err := allowed(r, authz.UnitWrite); err != nil {
		fail(w, r, err)
		return
	}
	var in unitInput
	if err := readJSON(r, &in); err != nil {
		fail(w, r, err)
		return
	}
	c := records.UnitCreate{Kind: records.UnitOther}
	if in.Name != nil {
		c.Name = *in.Name
	}
	if in.ParentID != nil {
		c.ParentID = *in.ParentID
	}
	if in.Kind != nil {
		c.Kind = *in.Kind
	}
	if in.Aliases != nil {
		c.Aliases = *in.Aliases
	}
	if in.Email != nil {
		c.Email = *in.Email
	}
	u, err := h.Store.CreateUnit(r.Context(), httpauth.Actor(r), c)
	reply(w, r, http.StatusCreated, u, err)
}

// unitUpdate renames, moves or re-aliases a unit.
func (h *Handler) unitUpdate(w http.ResponseWriter, r *http.Request) {
	_, id, ok := begin(w, r, authz.UnitWrite)
	if !ok {
		return
	}
	var in unitInput
	if err := readJSON(r, &in); err != nil {
		fail(w, r, err)
		return
	}
	u, err := h.Store.UpdateUnit(r.Context(), httpauth.Actor(r), id, records.UnitUpdate{Name: in.Name, ParentID: in.ParentID, Kind: in.Kind, Aliases: in.Aliases, Email: in.Email})
	reply(w, r, http.StatusOK, u, err)
}

func nonNilSlice[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

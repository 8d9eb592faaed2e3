package api

import (
	"net/http"

	"github.com/duban/duban/internal/records"
)

// unitList returns the unit registry.
func (h *Handler) unitList(w http.ResponseWriter, r *http.Request) {
	p, _, err := principalOf(r)
	if err != nil {
		fail(w, r, err)
		return
	}
	units, err := h.Admin.Units(r.Context(), p)
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
	// MembersGroupID links a catch-all unit to the group it stands for
	// (分解下达); 0 unlinks. Updates only.
	MembersGroupID *int64 `json:"members_group_id"`
}

// unitCreate registers a unit; with no kind it is of kind "other".
func (h *Handler) unitCreate(w http.ResponseWriter, r *http.Request) {
	p, actor, err := principalOf(r)
	if err != nil {
		fail(w, r, err)
		return
	}
	var in unitInput
	if err := readJSON(r, &in); err != nil {
		fail(w, r, err)
		return
	}
	var c records.UnitCreate
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
	u, err := h.Admin.CreateUnit(r.Context(), p, actor, c)
	reply(w, r, http.StatusCreated, u, err)
}

// unitUpdate renames, moves or re-aliases a unit: the fields given, the
// others as they are.
func (h *Handler) unitUpdate(w http.ResponseWriter, r *http.Request) {
	p, actor, id, ok := h.callOn(w, r)
	if !ok {
		return
	}
	var in unitInput
	if err := readJSON(r, &in); err != nil {
		fail(w, r, err)
		return
	}
	u, err := h.Admin.UpdateUnit(r.Context(), p, actor, id, records.UnitUpdate{Name: in.Name, ParentID: in.ParentID,
		Kind: in.Kind, Aliases: in.Aliases, Email: in.Email, MembersGroupID: in.MembersGroupID})
	reply(w, r, http.StatusOK, u, err)
}

func nonNilSlice[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

package web

import (
	"net/http"
	"strconv"
	"strings"
)

// unitEdit shows a unit's form filled with its current values.
func (h *Handler) unitEdit(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if err := h.d.Units.MayWrite(r.Context()); err != nil {
		h.fail(w, r, err)
		return
	}
	u, err := h.d.Units.Get(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.renderUnitForm(w, r, http.StatusOK, UnitFormPage{ID: id, Form: UnitForm{
		Name: u.Name, ParentID: u.ParentID, Kind: u.Kind, Aliases: strings.Join(u.Aliases, "\n"), Email: u.Email,
		MembersGroupID: u.MembersGroupID,
	}})
}

// parentParam reads ?parent= of the new-unit link.
func parentParam(r *http.Request) (int64, error) {
	return strconv.ParseInt(r.URL.Query().Get("parent"), 10, 64)
}

package web

import "net/http"

// unitNew shows an empty unit form. ?parent= preselects the parent, for
// the "add a unit under this one" link of the tree.
func (h *Handler) unitNew(w http.ResponseWriter, r *http.Request) {
	if err := h.d.Units.MayWrite(r.Context()); err != nil {
		h.fail(w, r, err)
		return
	}
	form := UnitForm{Kind: "department"}
	if p, err := parentParam(r); err == nil {
		form.ParentID = p
	}
	h.renderUnitForm(w, r, http.StatusOK, UnitFormPage{IsNew: true, Form: form})
}

package web

import "net/http"

// unitUpdate saves a unit's name, parent, kind and aliases.
func (h *Handler) unitUpdate(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if !parseForm(w, r) {
		return
	}
	form := readUnitForm(r)
	if err := h.checkParent(r, id, &form); err != nil {
		h.fail(w, r, err)
		return
	}
	if !form.Errors.Any() {
		err := h.d.Units.Update(r.Context(), id, form.input())
		if err == nil {
			flash(w, r, "success", "units.saved", "name", form.Name)
			redirect(w, r, "/units")
			return
		}
		fe, ok := validationErrors(r, err)
		if !ok {
			h.fail(w, r, err)
			return
		}
		form.Errors = fe
	}
	h.renderUnitForm(w, r, http.StatusUnprocessableEntity, UnitFormPage{ID: id, Form: form})
}

package web

import "net/http"

// unitCreate adds a unit to the registry.
func (h *Handler) unitCreate(w http.ResponseWriter, r *http.Request) {
	if !parseForm(w, r) {
		return
	}
	form := readUnitForm(r)
	if !form.Errors.Any() {
		_, err := h.d.Units.Create(r.Context(), form.input())
		if err == nil {
			flash(w, r, "success", "units.created", "name", form.Name)
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
	h.renderUnitForm(w, r, http.StatusUnprocessableEntity, UnitFormPage{IsNew: true, Form: form})
}

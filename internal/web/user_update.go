package web

import "net/http"

// userUpdate saves an account's names, role and units.
func (h *Handler) userUpdate(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if !parseForm(w, r) {
		return
	}
	form := readUserForm(r)
	if !form.Errors.Any() {
		err := h.d.Users.Update(r.Context(), id, form.input())
		if err == nil {
			flash(w, r, "success", "users.saved", "name", form.Username)
			redirect(w, r, "/users")
			return
		}
		fe, ok := validationErrors(r, err)
		if !ok {
			h.fail(w, r, err)
			return
		}
		form.Errors = fe
	}
	h.renderUserForm(w, r, http.StatusUnprocessableEntity, UserFormPage{ID: id, Form: form})
}

package web

import (
	"errors"
	"net/http"
)

// setupSubmit creates the first administrator. The form checks what it
// can (required fields, the two passwords equal); password rules are the
// service's and come back as a *ValidationError.
func (h *Handler) setupSubmit(w http.ResponseWriter, r *http.Request) {
	if !parseForm(w, r) {
		return
	}
	token := r.PathValue("token")
	form := SetupForm{
		Username:    field(r, "username"),
		DisplayName: field(r, "display_name"),
		Errors:      FieldErrors{},
	}
	password, confirm := r.PostFormValue("password"), r.PostFormValue("confirm")
	checkText(form.Errors, "username", form.Username, true)
	checkText(form.Errors, "display_name", form.DisplayName, true)
	if password == "" {
		form.Errors.add("password", "error.required")
	}
	if password != confirm {
		form.Errors.add("confirm", "error.password_mismatch")
	}
	if !form.Errors.Any() {
		err := h.d.Setup.CreateAdmin(r.Context(), token, SetupInput{
			Username: form.Username, DisplayName: form.DisplayName, Password: password,
		})
		if err == nil {
			flash(w, "success", "setup.done", "name", form.Username)
			http.Redirect(w, r, "/signin", http.StatusSeeOther)
			return
		}
		if errors.Is(err, ErrNotFound) {
			h.render(w, r, http.StatusNotFound, "setup", SetupPage{Page: h.basePage(w, r, ""), Token: token, Invalid: true})
			return
		}
		fe, ok := validationErrors(r, err)
		if !ok {
			h.serverError(w, r, err)
			return
		}
		form.Errors = fe
	}
	h.render(w, r, http.StatusUnprocessableEntity, "setup", SetupPage{Page: h.basePage(w, r, ""), Token: token, Form: form})
}

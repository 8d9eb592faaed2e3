package web

import (
	"errors"
	"net/http"
)

// setupSubmit creates the three administrators and shows the one-time
// passwords of the security and audit administrators, once. The form
// checks what it can (required fields, the two passwords equal); password
// rules are the service's and come back as a *ValidationError. A user
// name left empty for the other two is their role's code.
func (h *Handler) setupSubmit(w http.ResponseWriter, r *http.Request) {
	if !parseForm(w, r) {
		return
	}
	token := r.PathValue("token")
	form := SetupForm{
		Username:    field(r, "username"),
		DisplayName: field(r, "display_name"),
		SecAdmin:    field(r, "secadmin_username"),
		AuditAdmin:  field(r, "auditadmin_username"),
		Errors:      FieldErrors{},
	}
	if form.SecAdmin == "" {
		form.SecAdmin = RoleSecAdmin
	}
	if form.AuditAdmin == "" {
		form.AuditAdmin = RoleAuditAdmin
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
		made, err := h.d.Setup.CreateAdmin(r.Context(), token, SetupInput{
			Username: form.Username, DisplayName: form.DisplayName, Password: password,
			SecAdmin: form.SecAdmin, AuditAdmin: form.AuditAdmin,
		})
		if err == nil {
			h.render(w, r, http.StatusOK, "setup", SetupPage{Page: h.basePage(w, r, ""), Token: token, Form: form, Made: made})
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

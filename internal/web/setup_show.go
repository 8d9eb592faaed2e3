package web

import (
	"errors"
	"net/http"
)

// SetupPage is the data of the first-run page that creates the first
// administrator through the one-time link.
type SetupPage struct {
	Page
	Token   string
	Invalid bool // the link is unknown, spent or expired
	Form    SetupForm
	// Made are the security and audit administrators the setup created,
	// with their one-time passwords: set once the setup is done.
	Made []SetupAccount
}

// SetupForm is the first-run form's values and errors. Passwords are
// never sent back to the browser.
type SetupForm struct {
	Username    string
	DisplayName string
	SecAdmin    string
	AuditAdmin  string
	Errors      FieldErrors
}

// setupShow shows the first-run form, or explains that the link no longer
// works; a spent link is the normal state after setup, not a 404.
func (h *Handler) setupShow(w http.ResponseWriter, r *http.Request) {
	token := r.PathValue("token")
	data := SetupPage{Token: token, Form: SetupForm{SecAdmin: RoleSecAdmin, AuditAdmin: RoleAuditAdmin}}
	status := http.StatusOK
	if err := h.d.Setup.Check(r.Context(), token); err != nil {
		if !errors.Is(err, ErrNotFound) {
			h.serverError(w, r, err)
			return
		}
		data.Invalid, status = true, http.StatusNotFound
	}
	data.Page = h.basePage(w, r, "")
	h.render(w, r, status, "setup", data)
}

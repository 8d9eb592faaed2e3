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
}

// SetupForm is the first-run form's values and errors. Passwords are
// never sent back to the browser.
type SetupForm struct {
	Username    string
	DisplayName string
	Errors      FieldErrors
}

// setupShow shows the first-run form, or explains that the link no longer
// works; a spent link is the normal state after setup, not a 404.
func (h *Handler) setupShow(w http.ResponseWriter, r *http.Request) {
	token := r.PathValue("token")
	data := SetupPage{Token: token}
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

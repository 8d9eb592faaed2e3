package web

import (
	"context"
	"net/http"
)

// Password is a signed-in person's change of their own password. The
// person is in ctx.
type Password interface {
	// Change checks old, sets new and ends the person's other sessions;
	// this one stays. A wrong old password, a new one breaking the rules
	// or used lately come back as a *ValidationError at "old" or "new".
	Change(ctx context.Context, old, new string) error
}

// MePasswordPage is the form for changing one's own password.
type MePasswordPage struct {
	Page
	Errors FieldErrors
}

// mePasswordShow shows the form; a person signed in with a one-time
// password is sent here until they have changed it.
func (h *Handler) mePasswordShow(w http.ResponseWriter, r *http.Request) {
	h.render(w, r, http.StatusOK, "me_password", MePasswordPage{Page: h.basePage(w, r, "/me/password")})
}

// mePasswordSubmit changes the password and goes home with a message;
// passwords are never sent back to the browser.
func (h *Handler) mePasswordSubmit(w http.ResponseWriter, r *http.Request) {
	if !parseForm(w, r) {
		return
	}
	old, next, confirm := r.PostFormValue("old"), r.PostFormValue("new"), r.PostFormValue("confirm")
	errs := FieldErrors{}
	if old == "" {
		errs.add("old", "error.required")
	}
	if next == "" {
		errs.add("new", "error.required")
	}
	if next != confirm {
		errs.add("confirm", "error.password_mismatch")
	}
	if !errs.Any() {
		err := h.d.Password.Change(r.Context(), old, next)
		if err == nil {
			flash(w, r, "success", "me.password.done")
			redirect(w, r, "/")
			return
		}
		fe, ok := validationErrors(r, err)
		if !ok {
			h.fail(w, r, err)
			return
		}
		errs = fe
	}
	h.render(w, r, http.StatusUnprocessableEntity, "me_password", MePasswordPage{Page: h.basePage(w, r, "/me/password"), Errors: errs})
}

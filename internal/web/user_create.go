package web

import "net/http"

// UserSecretPage shows a one-time password after an account is created or
// its password reset. It is the only time the password is visible, so it
// is shown directly, not carried through a redirect.
type UserSecretPage struct {
	Page
	// Account is the account the password belongs to. (Not "User": that
	// would shadow Page.User, the person signed in, in the layout.)
	Account  UserView
	Password string
	Created  bool // a new account, not a reset
}

// userCreate makes an account and shows its initial password.
func (h *Handler) userCreate(w http.ResponseWriter, r *http.Request) {
	if !parseForm(w, r) {
		return
	}
	form := readUserForm(r)
	if form.Errors.Any() {
		h.renderUserForm(w, r, http.StatusUnprocessableEntity, UserFormPage{IsNew: true, Form: form})
		return
	}
	u, password, err := h.d.Users.Create(r.Context(), form.input())
	if err != nil {
		if fe, ok := validationErrors(r, err); ok {
			form.Errors = fe
			h.renderUserForm(w, r, http.StatusUnprocessableEntity, UserFormPage{IsNew: true, Form: form})
			return
		}
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "user_secret", UserSecretPage{
		Page: h.basePage(w, r, "/users"), Account: u, Password: password, Created: true,
	})
}

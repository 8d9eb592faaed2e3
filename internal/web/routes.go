package web

// routes registers every page. Paths of a form and of its submission are
// the same (GET and POST /users/new), so a re-rendered form's URL and its
// language switch still lead to a page.
func (h *Handler) routes() {
	m := h.mux
	m.HandleFunc("GET /static/{path...}", h.assets.serve)
	m.HandleFunc("/", h.notFound)

	m.HandleFunc("GET /signin", h.signInShow)
	m.HandleFunc("POST /signin", h.signInSubmit)
	m.HandleFunc("POST /signout", h.signOutSubmit)
	m.HandleFunc("GET /{$}", h.signedIn(h.homeShow))

	if h.d.Setup != nil {
		m.HandleFunc("GET /setup/{token}", h.setupShow)
		m.HandleFunc("POST /setup/{token}", h.setupSubmit)
	}
	if h.d.Users != nil {
		m.HandleFunc("GET /users", h.signedIn(h.userList))
		m.HandleFunc("GET /users/new", h.signedIn(h.userNew))
		m.HandleFunc("POST /users/new", h.signedIn(h.userCreate))
		m.HandleFunc("GET /users/{id}/edit", h.signedIn(h.userEdit))
		m.HandleFunc("POST /users/{id}/edit", h.signedIn(h.userUpdate))
		m.HandleFunc("POST /users/{id}/disable", h.signedIn(h.userDisable))
		m.HandleFunc("POST /users/{id}/enable", h.signedIn(h.userEnable))
		m.HandleFunc("POST /users/{id}/unlock", h.signedIn(h.userUnlock))
		m.HandleFunc("POST /users/{id}/reset-password", h.signedIn(h.userResetPassword))
	}
	if h.d.Units != nil {
		m.HandleFunc("GET /units", h.signedIn(h.unitList))
		m.HandleFunc("GET /units/new", h.signedIn(h.unitNew))
		m.HandleFunc("POST /units/new", h.signedIn(h.unitCreate))
		m.HandleFunc("GET /units/{id}/edit", h.signedIn(h.unitEdit))
		m.HandleFunc("POST /units/{id}/edit", h.signedIn(h.unitUpdate))
	}
	if h.d.Audit != nil {
		m.HandleFunc("GET /audit", h.signedIn(h.auditList))
		m.HandleFunc("GET /audit/export.csv", h.signedIn(h.auditExport))
	}
}

package web

import (
	"errors"
	"log/slog"
	"net/http"
	"net/url"
)

// ErrorPage is the data of the 403, 404 and 500 pages.
type ErrorPage struct {
	Page
	Status int
}

// fail is the one place that turns an error from a service into a
// response: sign-in for ErrSignedOut, 403, 404, or a logged 500.
func (h *Handler) fail(w http.ResponseWriter, r *http.Request, err error) {
	switch {
	case errors.Is(err, ErrTOTPEnrolment):
		redirect(w, r, "/me/totp")
	case errors.Is(err, ErrSignedOut):
		h.toSignIn(w, r)
	case errors.Is(err, ErrForbidden):
		h.errorPage(w, r, http.StatusForbidden)
	case errors.Is(err, ErrNotFound):
		h.errorPage(w, r, http.StatusNotFound)
	default:
		h.serverError(w, r, err)
	}
}

// serverError logs err once, with the request it broke, and shows the 500
// page, which says nothing about the cause.
func (h *Handler) serverError(w http.ResponseWriter, r *http.Request, err error) {
	slog.ErrorContext(r.Context(), "web: request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	h.errorPage(w, r, http.StatusInternalServerError)
}

// errorPage shows the page for status 403, 404 or 500.
func (h *Handler) errorPage(w http.ResponseWriter, r *http.Request, status int) {
	if _, ok := CurrentUserFrom(r.Context()); !ok {
		// Pages outside signedIn (404 for an unknown path) still show
		// the navigation to someone signed in, so they are not stranded.
		if u, err := h.d.Auth.Current(r); err == nil {
			r = r.WithContext(WithCurrentUser(r.Context(), u))
		}
	}
	h.render(w, r, status, "error", ErrorPage{Page: h.basePage(w, r, "/"), Status: status})
}

// toSignIn sends someone who is not signed in to the sign-in page, coming
// back to where they were going if that was a page.
func (h *Handler) toSignIn(w http.ResponseWriter, r *http.Request) {
	target := "/signin"
	if r.Method == http.MethodGet && r.URL.Path != "/" {
		target += "?next=" + url.QueryEscape(r.URL.RequestURI())
	}
	redirect(w, r, target)
}

// notFound answers every path no route claims.
func (h *Handler) notFound(w http.ResponseWriter, r *http.Request) {
	h.errorPage(w, r, http.StatusNotFound)
}

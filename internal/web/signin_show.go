package web

import (
	"errors"
	"net/http"
	"net/url"
	"strings"
)

// SignInPage is the data of the sign-in page.
type SignInPage struct {
	Page
	Username string
	Next     string // where to go after signing in; a local path
	// Error is "", "required", "bad_credentials", "totp_required",
	// "totp_invalid" or "busy".
	Error string
	// AskCode puts the authenticator code first: the password was right
	// and the account has a second factor.
	AskCode bool
}

// signInShow shows the sign-in form, or goes home if already signed in.
func (h *Handler) signInShow(w http.ResponseWriter, r *http.Request) {
	_, err := h.d.Auth.Current(r)
	if errors.Is(err, ErrTOTPEnrolment) {
		redirect(w, r, "/me/totp")
		return
	}
	if err == nil {
		redirect(w, r, safeNext(r.URL.Query().Get("next")))
		return
	}
	h.render(w, r, http.StatusOK, "signin", SignInPage{
		Page: h.basePage(w, r, ""),
		Next: safeNext(r.URL.Query().Get("next")),
	})
}

// safeNext returns next if it is a path on this site, else "/". Anything
// else would make the sign-in page an open redirect.
func safeNext(next string) string {
	if next == "" || !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.ContainsAny(next, "\\\r\n\t") {
		return "/"
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil {
		return "/"
	}
	return next
}

package web

import (
	"net/http"

	"github.com/duban/duban/internal/i18n"
)

// HomePage is the data of the workbench (工作台), a placeholder until the
// ledger's pages exist: a greeting, what the role is for, and its pages.
type HomePage struct {
	Page
	Intro string     // what this role does here
	Cards []HomeCard // the role's pages
}

// HomeCard is a shortcut to one of the role's pages.
type HomeCard struct {
	Label string
	Desc  string
	Href  string
}

// homeShow shows the signed-in user's workbench.
func (h *Handler) homeShow(w http.ResponseWriter, r *http.Request) {
	u, _ := CurrentUserFrom(r.Context())
	loc := i18n.FromContext(r.Context())
	data := HomePage{Page: h.basePage(w, r, ""), Intro: loc.T(homeIntroKey(u.Role))}
	for _, e := range navByRole[u.Role] {
		if e != navHome {
			data.Cards = append(data.Cards, HomeCard{Label: loc.T(e.key), Desc: loc.T(e.key + ".desc"), Href: e.href})
		}
	}
	h.render(w, r, http.StatusOK, "home", data)
}

// homeIntroKey is the catalogue key of the workbench text for role.
func homeIntroKey(role string) string {
	if role == RoleNone {
		return "home.intro.none"
	}
	return "home.intro." + role
}

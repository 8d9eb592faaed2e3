package web

import (
	"net/http"
	"strings"

	"github.com/duban/duban/internal/i18n"
)

// The portal's pages are public: no sign-in, the layout without the
// navigation of the signed-in.

// PortalHomePage, PortalPlanPage and PortalTaskPage are the portal's pages.
type PortalHomePage struct {
	Page
	*PortalHome
}

type PortalPlanPage struct {
	Page
	*PortalPlan
}

type PortalTaskPage struct {
	Page
	*PortalTask
}

func (h *Handler) portalHome(w http.ResponseWriter, r *http.Request) {
	v, err := h.d.Portal.Home(r.Context(), strings.TrimSpace(r.URL.Query().Get("q")))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "portal", PortalHomePage{Page: h.publicPage(w, r), PortalHome: v})
}

func (h *Handler) portalPlan(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v, err := h.d.Portal.Plan(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "portal_plan", PortalPlanPage{Page: h.publicPage(w, r), PortalPlan: v})
}

func (h *Handler) portalTask(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v, err := h.d.Portal.Task(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "portal_task", PortalTaskPage{Page: h.publicPage(w, r), PortalTask: v})
}

func (h *Handler) portalData(w http.ResponseWriter, r *http.Request) {
	var d *Download
	var err error
	switch r.PathValue("file") {
	case "tasks.csv":
		d, err = h.d.Portal.Data(r.Context(), "csv")
	case "tasks.json":
		d, err = h.d.Portal.Data(r.Context(), "json")
	case "decisions.csv", "decisions.json", "commitments.csv", "commitments.json":
		if h.d.Decisions == nil {
			err = ErrNotFound
			break
		}
		d, err = h.d.Decisions.Data(r.Context(), r.PathValue("file"))
	default:
		err = ErrNotFound
	}
	h.download(w, r, d, err)
}

func (h *Handler) portalFeed(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	d, err := h.d.Portal.Feed(r.Context(), id)
	h.download(w, r, d, err)
}

// publicPage is the layout's data for a public page: signed in or not,
// the reader sees the page as the public does; the signed-in keep their
// navigation.
func (h *Handler) publicPage(w http.ResponseWriter, r *http.Request) Page {
	p := h.basePage(w, r, "")
	p.Public = true
	if u, err := h.d.Auth.Current(r); err == nil {
		p.User = &u
		p.Nav = navFor(i18n.FromContext(r.Context()), u.Role, r.URL.Path)
	}
	return p
}

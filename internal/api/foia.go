package api

import (
	"net/http"
	"strconv"

	"github.com/duban/duban/internal/authz"
)

// foiaReady is ready for the FOIA desk.
func (h *Handler) foiaReady(w http.ResponseWriter, r *http.Request, action authz.Action) (authz.Principal, bool) {
	return h.ready(w, r, action, h.FOIA != nil)
}

// foiaList is the office's desk: the open requests with their clocks run
// to today, the nearest deadline first; with concluded=1 the latest
// concluded ones instead, newest first, up to limit (50 by default, at
// most 500).
func (h *Handler) foiaList(w http.ResponseWriter, r *http.Request) {
	p, ok := h.foiaReady(w, r, authz.FOIARead)
	if !ok {
		return
	}
	concluded := false
	if v := r.URL.Query().Get("concluded"); v != "" {
		var err error
		if concluded, err = strconv.ParseBool(v); err != nil {
			fail(w, r, errBadRequestf("concluded 应为 1 或 0"))
			return
		}
	}
	limit, err := queryInt(r, "limit")
	if err != nil {
		fail(w, r, err)
		return
	}
	if limit == 0 {
		limit = 50
	}
	open, done, err := h.FOIA.List(r.Context(), min(limit, 500))
	if err != nil {
		fail(w, r, err)
		return
	}
	shown := open
	if concluded {
		shown = done
	}
	items := make([]foiaView, len(shown))
	for i := range shown {
		items[i] = viewFOIA(&shown[i], p, !concluded, localizer(r).T)
	}
	writeJSON(w, http.StatusOK, list[foiaView]{Items: items, Total: len(items)})
}

// foiaGet returns one request with its steps and its clock.
func (h *Handler) foiaGet(w http.ResponseWriter, r *http.Request) {
	p, ok := h.foiaReady(w, r, authz.FOIARead)
	if !ok {
		return
	}
	id, err := pathID(r)
	if err != nil {
		fail(w, r, err)
		return
	}
	v, err := h.FOIA.Find(r.Context(), id)
	if err != nil {
		fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, detailFOIA(v, p, localizer(r).T))
}

package api

import (
	"net/http"
	"strconv"
)

// foiaList is the office's desk: the open requests with their clocks run
// to today, the nearest deadline first; with concluded=1 the latest
// concluded ones instead, newest first, up to limit (50 by default, at
// most 500).
func (h *Handler) foiaList(w http.ResponseWriter, r *http.Request) {
	p, ok := signedIn(w, r, h.FOIA != nil)
	if !ok {
		return
	}
	concluded := false
	if v := r.URL.Query().Get("concluded"); v != "" {
		var err error
		if concluded, err = strconv.ParseBool(v); err != nil {
			fail(w, r, errInvalid("api.problem.concluded"))
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
	open, done, err := h.FOIA.Requests(r.Context(), p, min(limit, 500))
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
		items[i] = viewFOIA(localizer(r), &shown[i], p, !concluded)
	}
	writeJSON(w, http.StatusOK, list[foiaView]{Items: items, Total: len(items)})
}

// foiaGet returns one request with its steps and its clock.
func (h *Handler) foiaGet(w http.ResponseWriter, r *http.Request) {
	p, id, ok := signedInFor(w, r, h.FOIA != nil)
	if !ok {
		return
	}
	v, err := h.FOIA.Find(r.Context(), p, id)
	if err != nil {
		fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, detailFOIA(localizer(r), v, p))
}

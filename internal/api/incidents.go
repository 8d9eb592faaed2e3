package api

import (
	"net/http"
)

// incidentList lists the incidents of the last 30 days the caller may
// read, the latest first, with their clocks; a liaison sees only their
// units'.
func (h *Handler) incidentList(w http.ResponseWriter, r *http.Request) {
	p, ok := signedIn(w, r, h.Incidents != nil)
	if !ok {
		return
	}
	recent, err := h.Incidents.List(r.Context(), p, 30)
	if err != nil {
		fail(w, r, err)
		return
	}
	items := []incidentView{}
	for i := range recent {
		items = append(items, viewIncident(localizer(r), &recent[i]))
	}
	writeJSON(w, http.StatusOK, list[incidentView]{Items: items, Total: len(items)})
}

// incidentGet returns one incident with its clocks. Another unit's
// incident is not found for a liaison: its existence is none of theirs.
func (h *Handler) incidentGet(w http.ResponseWriter, r *http.Request) {
	p, id, ok := signedInFor(w, r, h.Incidents != nil)
	if !ok {
		return
	}
	v, err := h.Incidents.Find(r.Context(), p, id)
	if err != nil {
		fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, viewIncident(localizer(r), v))
}

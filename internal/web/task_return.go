package web

import "net/http"

// taskReturn returns a 销号 application to the unit with a reason; the
// unit goes on reporting.
func (h *Handler) taskReturn(w http.ResponseWriter, r *http.Request) {
	h.decide(w, r, false)
}

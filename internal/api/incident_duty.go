package api

import (
	"net/http"

	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/httpauth"
)

// dutyInput is a disclosure duty done: the authoritative information
// published, or the press conference held.
type dutyInput struct {
	Kind     string `json:"kind"`     // authoritative or press
	DoneAt   string `json:"done_at"`  // RFC 3339; "" is now
	Evidence string `json:"evidence"` // the address of what was published, or the conference
}

// incidentDuty records that a duty was done, by the office or the
// responsible unit's liaison. Another unit's liaison is refused (403);
// the first record of a duty stands (409 for a second).
func (h *Handler) incidentDuty(w http.ResponseWriter, r *http.Request) {
	p, id, ok := signedInFor(w, r, h.Incidents != nil)
	if !ok {
		return
	}
	var in dutyInput
	if !decoded(w, r, &in) {
		return
	}
	at, ok := instantOf(in.DoneAt)
	if !ok {
		fail(w, r, fault.Field("done_at", "api.problem.rfc3339"))
		return
	}
	v, err := h.Incidents.Fulfil(r.Context(), p, httpauth.Actor(r), id, in.Kind, at, in.Evidence)
	if err != nil {
		fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, viewIncident(localizer(r), v))
}

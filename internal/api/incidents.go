package api

import (
	"net/http"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/emergencysvc"
	"github.com/duban/duban/internal/fault"
)

// incidentReady is ready for the incidents' desk.
func (h *Handler) incidentReady(w http.ResponseWriter, r *http.Request, action authz.Action) (authz.Principal, bool) {
	return h.ready(w, r, action, h.Incidents != nil)
}

// seesIncident is the pages' rule: a liaison sees, and records duties
// of, only their units' incidents; the other roles all that action
// allows them.
func seesIncident(p authz.Principal, action authz.Action, unit int64) bool {
	return p.Role != authz.Liaison || authz.Can(p, action, authz.Resource{Units: []int64{unit}})
}

// incidentList lists the incidents of the last 30 days, the latest first,
// with their clocks; a liaison sees only their units'.
func (h *Handler) incidentList(w http.ResponseWriter, r *http.Request) {
	p, ok := h.incidentReady(w, r, authz.IncidentRead)
	if !ok {
		return
	}
	recent, err := h.Incidents.Recent(r.Context(), 30)
	if err != nil {
		fail(w, r, err)
		return
	}
	items := []incidentView{}
	for i := range recent {
		if seesIncident(p, authz.IncidentRead, recent[i].UnitID) {
			items = append(items, viewIncident(&recent[i]))
		}
	}
	writeJSON(w, http.StatusOK, list[incidentView]{Items: items, Total: len(items)})
}

// incidentGet returns one incident with its clocks. Another unit's
// incident is not found for a liaison, as on the pages: its existence is
// none of theirs.
func (h *Handler) incidentGet(w http.ResponseWriter, r *http.Request) {
	p, ok := h.incidentReady(w, r, authz.IncidentRead)
	if !ok {
		return
	}
	v, ok := h.incident(w, r)
	if !ok {
		return
	}
	if !seesIncident(p, authz.IncidentRead, v.UnitID) {
		fail(w, r, fault.ErrNotFound)
		return
	}
	writeJSON(w, http.StatusOK, viewIncident(v))
}

// incident finds the incident of the path; on failure it has answered.
func (h *Handler) incident(w http.ResponseWriter, r *http.Request) (*emergencysvc.View, bool) {
	id, err := pathID(r)
	if err != nil {
		fail(w, r, err)
		return nil, false
	}
	v, err := h.Incidents.Find(r.Context(), id)
	if err != nil {
		fail(w, r, err)
		return nil, false
	}
	return v, true
}

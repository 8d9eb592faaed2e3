package api

import (
	"net/http"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/httpauth"
)

// dutyInput is a disclosure duty done: the authoritative information
// published, or the press conference held.
type dutyInput struct {
	Kind     string `json:"kind"`     // authoritative or press
	DoneAt   string `json:"done_at"`  // RFC 3339; "" is now
	Evidence string `json:"evidence"` // the address of what was published, or the conference
}

// dutyFields name the duty's fields, as the page labels them and as
// emergencysvc's problems begin.
var dutyFields = fields{{"kind", "事项"}, {"done_at", "完成时间"}, {"evidence", "佐证"}}

// incidentDuty records that a duty was done, by the office or the
// responsible unit's liaison. As on the pages, another unit's liaison is
// refused (403); the first record of a duty stands (422 for a second).
func (h *Handler) incidentDuty(w http.ResponseWriter, r *http.Request) {
	p, ok := h.incidentReady(w, r, authz.IncidentFulfil)
	if !ok {
		return
	}
	v, ok := h.incident(w, r)
	if !ok {
		return
	}
	if !seesIncident(p, authz.IncidentFulfil, v.UnitID) {
		fail(w, r, errForbidden)
		return
	}
	var in dutyInput
	if err := readInput(r, &in, dutyFields.label); err != nil {
		fail(w, r, err)
		return
	}
	at, ok := instantOf(in.DoneAt)
	if !ok {
		writeProblems(w, "完成情况有误：", []problem{{"done_at", "完成时间", "请按 RFC 3339 填写，如 2026-03-05T14:30:00+08:00"}})
		return
	}
	v, err := h.Incidents.Fulfil(r.Context(), httpauth.Actor(r), v.ID, in.Kind, at, in.Evidence)
	answerIncident(w, r, http.StatusOK, "完成情况有误：", dutyFields, v, err)
}

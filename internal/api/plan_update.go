package api

import (
	"net/http"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/httpauth"
	"github.com/duban/duban/internal/records"
)

// planUpdate corrects a draft's own fields: title, 文号, issuer, date
// (issued_on, an ISO date or "") and year; the fields left out keep their
// values.
func (h *Handler) planUpdate(w http.ResponseWriter, r *http.Request) {
	c, id, ok := begin(w, r, authz.PlanWrite)
	if !ok {
		return
	}
	var in struct {
		Title     *string `json:"title"`
		DocNumber *string `json:"doc_number"`
		Issuer    *string `json:"issuer"`
		IssuedOn  *string `json:"issued_on"`
		Year      *int    `json:"year"`
	}
	if err := readJSON(r, &in); err != nil {
		fail(w, r, err)
		return
	}
	p, err := h.Intake.UpdatePlan(r.Context(), c.Principal(), httpauth.Actor(r), id, records.PlanUpdate{Title: in.Title,
		DocNumber: in.DocNumber, Issuer: in.Issuer, IssuedOn: in.IssuedOn, Year: in.Year})
	if err != nil {
		intakeFail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, p)
}

// planDelete throws a draft away with its tasks (204); a confirmed plan
// cannot be (409).
func (h *Handler) planDelete(w http.ResponseWriter, r *http.Request) {
	c, id, ok := begin(w, r, authz.PlanWrite)
	if !ok {
		return
	}
	if err := h.Intake.Discard(r.Context(), c.Principal(), httpauth.Actor(r), id); err != nil {
		intakeFail(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

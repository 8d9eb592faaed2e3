package api

import (
	"net/http"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/httpauth"
	"github.com/duban/duban/internal/ledgersvc"
)

// planReview returns a plan with its source text and every task's unit
// names matched against the registry.
func (h *Handler) planReview(w http.ResponseWriter, r *http.Request) {
	_, id, ok := begin(w, r, authz.PlanWrite)
	if !ok {
		return
	}
	rv, err := h.Ledger.Review(r.Context(), id)
	reply(w, r, http.StatusOK, rv, err)
}

// planConfirm ends the review: the plan's tasks are registered (挂号) and
// their units see them.
func (h *Handler) planConfirm(w http.ResponseWriter, r *http.Request) {
	_, id, ok := begin(w, r, authz.PlanWrite)
	if !ok {
		return
	}
	if err := h.Store.ConfirmPlan(r.Context(), httpauth.Actor(r), id); err != nil {
		fail(w, r, err)
		return
	}
	p, err := h.Store.FindPlanByID(r.Context(), id)
	if err != nil {
		fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, ledgersvc.PlanOf(p))
}

// planPublish puts a confirmed plan on the public portal ({"public":
// true}) or takes it off ({"public": false}).
func (h *Handler) planPublish(w http.ResponseWriter, r *http.Request) {
	_, id, ok := begin(w, r, authz.PlanWrite)
	if !ok {
		return
	}
	var in struct {
		Public bool `json:"public"`
	}
	if err := readJSON(r, &in); err != nil {
		fail(w, r, err)
		return
	}
	if err := h.Store.PublishPlan(r.Context(), httpauth.Actor(r), id, in.Public); err != nil {
		fail(w, r, err)
		return
	}
	p, err := h.Store.FindPlanByID(r.Context(), id)
	if err != nil {
		fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, ledgersvc.PlanOf(p))
}

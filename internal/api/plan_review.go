package api

import (
	"errors"
	"io"
	"net/http"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/httpauth"
)

// planReview returns a plan with its source text, every task's unit names
// matched against the registry, the parse's warnings and the counts of
// tasks without unit or deadline.
func (h *Handler) planReview(w http.ResponseWriter, r *http.Request) {
	c, id, ok := begin(w, r, authz.PlanWrite)
	if !ok {
		return
	}
	rv, err := h.Intake.Review(r.Context(), c.Principal(), id)
	if err != nil {
		intakeFail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, rv)
}

// planConfirm ends the review: the plan's tasks are registered (挂号) and
// their units see them. A draft with tasks that have no unit is refused
// (409, naming them) unless the body says {"force": true}.
func (h *Handler) planConfirm(w http.ResponseWriter, r *http.Request) {
	c, id, ok := begin(w, r, authz.PlanWrite)
	if !ok {
		return
	}
	var in struct {
		Force bool `json:"force"`
	}
	if err := readOptionalJSON(r, &in); err != nil {
		fail(w, r, err)
		return
	}
	p, err := h.Intake.Confirm(r.Context(), c.Principal(), httpauth.Actor(r), id, in.Force)
	if err != nil {
		intakeFail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, p)
}

// planPublish puts a confirmed plan on the public portal ({"public":
// true}) or takes it off ({"public": false}). A plan whose tasks hold
// personal data is refused (409, naming them and what each holds) unless
// the body says {"confirm_pii": true}.
func (h *Handler) planPublish(w http.ResponseWriter, r *http.Request) {
	c, id, ok := begin(w, r, authz.PlanWrite)
	if !ok {
		return
	}
	var in struct {
		Public     bool `json:"public"`
		ConfirmPII bool `json:"confirm_pii"`
	}
	if err := readJSON(r, &in); err != nil {
		fail(w, r, err)
		return
	}
	p, err := h.Intake.Publish(r.Context(), c.Principal(), httpauth.Actor(r), id, in.Public, in.ConfirmPII)
	if err != nil {
		intakeFail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, p)
}

// readOptionalJSON is readJSON for a body that may be left out.
func readOptionalJSON(r *http.Request, v any) error {
	err := readJSON(r, v)
	if errors.Is(err, io.EOF) {
		return nil
	}
	return err
}

package api

import (
	"net/http"
	"strconv"

	"github.com/duban/duban/internal/commitsvc"
	"github.com/duban/duban/internal/httpauth"
	"github.com/duban/duban/internal/records"
)

// commitmentList lists the commitments with their standing today.
func (h *Handler) commitmentList(w http.ResponseWriter, r *http.Request) {
	p, ok := signedIn(w, r, h.Commitments != nil)
	if !ok {
		return
	}
	items, err := h.Commitments.List(r.Context(), p)
	reply(w, r, http.StatusOK, list[records.Commitment]{Items: items, Total: len(items)}, err)
}

// commitmentCreate registers a commitment (the office).
func (h *Handler) commitmentCreate(w http.ResponseWriter, r *http.Request) {
	p, ok := signedIn(w, r, h.Commitments != nil)
	if !ok {
		return
	}
	var in commitsvc.Input
	if !decoded(w, r, &in) {
		return
	}
	c, err := h.Commitments.Create(r.Context(), p, httpauth.Actor(r), in)
	if err != nil {
		fail(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/v1/commitments/"+strconv.FormatInt(c.ID, 10))
	writeJSON(w, http.StatusCreated, c)
}

// commitmentProgress adds to a commitment's public history: progress,
// fulfilled, or broken with its reason and rectification.
func (h *Handler) commitmentProgress(w http.ResponseWriter, r *http.Request) {
	p, id, ok := signedInFor(w, r, h.Commitments != nil)
	if !ok {
		return
	}
	var in commitsvc.ProgressInput
	if !decoded(w, r, &in) {
		return
	}
	c, err := h.Commitments.Progress(r.Context(), p, httpauth.Actor(r), id, in)
	reply(w, r, http.StatusCreated, c, err)
}

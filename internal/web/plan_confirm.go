package web

import (
	"fmt"
	"net/http"
)

// planConfirm ends the review: the tasks are registered (挂号) and every
// responsible unit sees them. The form asks first (data-confirm).
func (h *Handler) planConfirm(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if err := h.d.Plans.Confirm(r.Context(), id, false); err != nil {
		if _, invalid := validationErrors(r, err); invalid {
			flash(w, "error", "review.confirm_failed")
			redirect(w, r, fmt.Sprintf("/plans/%d/review", id))
			return
		}
		h.fail(w, r, err)
		return
	}
	flash(w, "success", "review.confirmed")
	redirect(w, r, fmt.Sprintf("/tasks?plan=%d", id))
}

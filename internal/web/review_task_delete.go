package web

import (
	"fmt"
	"net/http"
)

// reviewTaskDelete removes a task from the draft (DeleteTask): something
// the importer took for a task that is none. The card asks first, in a
// disclosure with a second button, so it works without script.
func (h *Handler) reviewTaskDelete(w http.ResponseWriter, r *http.Request) {
	planID, taskID, ok := h.reviewIDs(w, r)
	if !ok {
		return
	}
	if err := h.d.Plans.DeleteTask(r.Context(), planID, taskID); err != nil {
		h.reviewRefused(w, r, planID, err, placeOnCard(taskID, "delete"))
		return
	}
	flash(w, r, "success", "review.task_deleted")
	redirect(w, r, fmt.Sprintf("/plans/%d/review#tasks-title", planID))
}

package web

import (
	"fmt"
	"net/http"
	"strconv"
)

// reviewTaskMerge appends the next task to this one (MergeTasks): the
// importer cut one item in two. The card names the task it takes in and
// asks first.
func (h *Handler) reviewTaskMerge(w http.ResponseWriter, r *http.Request) {
	planID, taskID, ok := h.reviewIDs(w, r)
	if !ok {
		return
	}
	with, err := strconv.ParseInt(field(r, "with"), 10, 64)
	if err != nil || with <= 0 || with == taskID {
		h.reviewRefused(w, r, planID, &ValidationError{Fields: map[string]string{"with": "error.invalid"}}, placeOnCard(taskID, "merge"))
		return
	}
	if err := h.d.Plans.MergeTasks(r.Context(), planID, taskID, with); err != nil {
		h.reviewRefused(w, r, planID, err, placeOnCard(taskID, "merge"))
		return
	}
	flash(w, r, "success", "review.tasks_merged")
	redirect(w, r, fmt.Sprintf("/plans/%d/review#task-%d", planID, taskID))
}

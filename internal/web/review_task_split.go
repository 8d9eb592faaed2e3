package web

import (
	"fmt"
	"net/http"
	"strconv"
)

// reviewTaskSplit cuts a task in two before the sentence posted as at
// (SplitTask): the importer ran two items together. The new task follows
// it on the page.
func (h *Handler) reviewTaskSplit(w http.ResponseWriter, r *http.Request) {
	planID, taskID, ok := h.reviewIDs(w, r)
	if !ok {
		return
	}
	at, err := strconv.Atoi(field(r, "at"))
	if err != nil || at < 1 {
		h.reviewRefused(w, r, planID, &ValidationError{Fields: map[string]string{"at": "error.invalid"}}, placeOnCard(taskID, "split"))
		return
	}
	added, err := h.d.Plans.SplitTask(r.Context(), planID, taskID, at)
	if err != nil {
		h.reviewRefused(w, r, planID, err, placeOnCard(taskID, "split"))
		return
	}
	flash(w, "success", "review.task_split")
	redirect(w, r, fmt.Sprintf("/plans/%d/review#task-%d", planID, added))
}

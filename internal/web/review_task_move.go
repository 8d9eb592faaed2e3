package web

import (
	"fmt"
	"net/http"
	"strconv"
)

// reviewTaskMove moves a task to just after the chosen one (MoveTask),
// with a new numbering when one is typed: a task the importer put under
// the wrong heading.
func (h *Handler) reviewTaskMove(w http.ResponseWriter, r *http.Request) {
	planID, taskID, ok := h.reviewIDs(w, r)
	if !ok {
		return
	}
	posted := MovePage{Path: field(r, "path"), Errors: FieldErrors{}}
	after, err := strconv.ParseInt(field(r, "after"), 10, 64)
	if err != nil || after < 0 || after == taskID {
		posted.Errors.add("after", "error.invalid")
	}
	posted.After = after
	var path []string
	if posted.Path != "" {
		path = taskPath(posted.Path)
	}
	if !posted.Errors.Any() {
		err = h.d.Plans.MoveTask(r.Context(), planID, taskID, after, path)
		if err == nil {
			flash(w, r, "success", "review.task_moved")
			redirect(w, r, fmt.Sprintf("/plans/%d/review#task-%d", planID, taskID))
			return
		}
		fe, invalid := validationErrors(r, err)
		if !invalid {
			h.fail(w, r, err)
			return
		}
		posted.Errors = fe
	}
	h.showMove(w, r, http.StatusUnprocessableEntity, planID, taskID, &posted)
}

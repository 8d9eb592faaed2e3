package web

import (
	"fmt"
	"net/http"

	"github.com/duban/duban/internal/ledgersvc"
)

// MovePage is the form that moves a task of a draft elsewhere in the
// list (移动任务), optionally renumbering it.
type MovePage struct {
	Page
	Plan   ledgersvc.Plan
	Task   TaskRef
	Order  []TaskRef // the other tasks, in order
	After  int64     // the task it follows now (or as posted); 0 for first
	Path   string    // the new numbering as typed; "" keeps it
	Errors FieldErrors
}

// reviewTaskMoveForm shows the move form of a task, placed where it is.
func (h *Handler) reviewTaskMoveForm(w http.ResponseWriter, r *http.Request) {
	planID, taskID, ok := h.reviewIDs(w, r)
	if !ok {
		return
	}
	h.showMove(w, r, http.StatusOK, planID, taskID, nil)
}

// showMove renders the move form of a task; posted, when not nil, is a
// refused form to show again with its errors.
func (h *Handler) showMove(w http.ResponseWriter, r *http.Request, status int, planID, taskID int64, posted *MovePage) {
	rv, err := h.d.Plans.Review(r.Context(), planID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if rv.Status != "draft" {
		flash(w, r, "error", "review.error.not_draft")
		redirect(w, r, fmt.Sprintf("/tasks?plan=%d", planID))
		return
	}
	data := MovePage{Plan: rv.Plan, Errors: FieldErrors{}}
	found := false
	var prev int64
	for _, t := range taskOrder(rv) {
		if t.ID == taskID {
			data.Task, data.After, found = t, prev, true
			continue
		}
		data.Order = append(data.Order, t)
		prev = t.ID
	}
	if !found {
		h.fail(w, r, ErrNotFound)
		return
	}
	if posted != nil {
		data.After, data.Path, data.Errors = posted.After, posted.Path, posted.Errors
	}
	data.Page = h.basePage(w, r, fmt.Sprintf("/plans/%d/tasks/%d/move", planID, taskID))
	h.render(w, r, status, "review_move", data)
}

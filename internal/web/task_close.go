package web

import (
	"net/http"
	"strconv"
)

// taskClose verifies a 销号 application and closes the task (已销号);
// from now on it is read-only.
func (h *Handler) taskClose(w http.ResponseWriter, r *http.Request) {
	h.decide(w, r, true)
}

// decide settles the task's open 销号 application. A refusal the service
// explains (no reason, the task moved on) comes back on the task page.
func (h *Handler) decide(w http.ResponseWriter, r *http.Request, close bool) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if !parseForm(w, r) {
		return
	}
	reason := field(r, "reason")
	err = h.d.Tasks.Decide(r.Context(), id, close, reason)
	if err == nil {
		key := "task.closed_done"
		if !close {
			key = "task.returned_done"
		}
		flash(w, r, "success", key)
		redirect(w, r, "/tasks/"+strconv.FormatInt(id, 10))
		return
	}
	fe, ok := validationErrors(r, err)
	if !ok {
		h.fail(w, r, err)
		return
	}
	h.renderTask(w, r, http.StatusUnprocessableEntity, func(p *TaskPage) { p.Decide = DecideForm{Reason: reason, Errors: fe} })
}

package web

import (
	"net/http"
	"strconv"
)

// taskTakeOver is 提级督办 from the task's page: the office takes over the
// task's supervision. The post carries no input, so a refusal (taken
// over already, no longer open) is a conflict with the task as it
// stands: 409, the page again with the reason.
func (h *Handler) taskTakeOver(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if !parseForm(w, r) {
		return
	}
	err = h.d.Tasks.TakeOver(r.Context(), id)
	if err == nil {
		flash(w, r, "success", "takeover.done")
		redirect(w, r, "/tasks/"+strconv.FormatInt(id, 10))
		return
	}
	fe, ok := validationErrors(r, err)
	if !ok {
		h.fail(w, r, err)
		return
	}
	h.renderTask(w, r, http.StatusConflict, func(p *TaskPage) { p.Alert = fe[""] })
}

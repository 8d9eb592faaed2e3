package web

import (
	"net/http"
	"strconv"
)

// taskIssue issues a 督办单 on the task by hand, from its page. The post
// carries no input, so a refusal (the task has no unit to address, is no
// longer open, already had one today) is a conflict with the task as it
// stands: 409, the page again with the reason.
func (h *Handler) taskIssue(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if !parseForm(w, r) {
		return
	}
	err = h.d.Tasks.IssueNotice(r.Context(), id)
	if err == nil {
		flash(w, r, "success", "task.issued")
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

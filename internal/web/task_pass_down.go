package web

import (
	"errors"
	"net/http"
	"strconv"
)

// taskPassDown passes a task assigned to a catch-all unit down to the
// members of the group it stands for (分解下达), one sub-task each, and
// goes back to the task's 任务分解 card; a refusal is flashed there.
func (h *Handler) taskPassDown(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if !parseForm(w, r) {
		return
	}
	n, err := h.d.Subtasks.PassDown(r.Context(), id)
	var ve *ValidationError
	switch {
	case err == nil:
		flash(w, r, "success", "passdown.done", "n", strconv.Itoa(n))
	case errors.As(err, &ve) && ve.Fields[""] != "":
		flash(w, r, "error", ve.Fields[""])
	default:
		h.fail(w, r, err)
		return
	}
	redirect(w, r, "/tasks/"+strconv.FormatInt(id, 10)+"#subtasks")
}

package web

import (
	"net/http"
	"strconv"
	"strings"
)

// taskCloseRequest applies for 销号 with the evidence that the task is
// done; the office verifies it next (待核验).
func (h *Handler) taskCloseRequest(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if !parseUpload(w, r) {
		return
	}
	form := CloseForm{Text: strings.TrimSpace(r.PostFormValue("text")), Errors: FieldErrors{}}
	files, ok := uploads(r, "files")
	if !ok {
		form.Errors.add("files", "error.too_many_files")
	}
	if !form.Errors.Any() {
		err := h.d.Tasks.RequestClose(r.Context(), id, CloseInput{Text: form.Text, Files: files})
		if err == nil {
			flash(w, r, "success", "task.close_requested")
			redirect(w, r, "/tasks/"+strconv.FormatInt(id, 10))
			return
		}
		fe, ok := validationErrors(r, err)
		if !ok {
			h.fail(w, r, err)
			return
		}
		form.Errors = fe
	}
	h.taskFormAgain(w, r, "close_form", func(p *TaskPage) { p.Close = form })
}

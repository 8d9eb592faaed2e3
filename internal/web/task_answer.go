package web

import (
	"net/http"
	"strconv"
)

// taskAnswer records a unit's 整改反馈 to a 督办单 of the task. A refusal
// (no text, answered meanwhile) comes back on the task page beside the
// notice it was meant for.
func (h *Handler) taskAnswer(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if !parseUpload(w, r) {
		return
	}
	key, text := field(r, "key"), field(r, "text")
	files, ok := uploads(r, "files")
	if !ok {
		h.renderTask(w, r, http.StatusUnprocessableEntity, func(p *TaskPage) {
			p.Answer = AnswerForm{Key: key, Text: text, Errors: FieldErrors{"files": "error.too_many_files"}}
		})
		return
	}
	err = h.d.Tasks.Answer(r.Context(), id, key, text, files)
	if err == nil {
		flash(w, r, "success", "task.answered")
		redirect(w, r, "/tasks/"+strconv.FormatInt(id, 10))
		return
	}
	fe, ok := validationErrors(r, err)
	if !ok {
		h.fail(w, r, err)
		return
	}
	h.renderTask(w, r, http.StatusUnprocessableEntity, func(p *TaskPage) { p.Answer = AnswerForm{Key: key, Text: text, Errors: fe} })
}

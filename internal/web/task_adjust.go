package web

import "net/http"

// taskAdjust is the office's 调整: the form carries the task as shown,
// and the service keeps what was not changed.
func (h *Handler) taskAdjust(w http.ResponseWriter, r *http.Request) {
	id, ok := h.changeForm(w, r)
	if !ok {
		return
	}
	form := AdjustForm{Title: field(r, "title"), Text: field(r, "text"), Requirement: field(r, "requirement"), Due: field(r, "due"),
		Lead: field(r, "lead"), Coop: field(r, "coop"), Reason: field(r, "reason")}
	in := AdjustEdit{Title: &form.Title, Text: &form.Text, Requirement: &form.Requirement, Reason: form.Reason,
		Lead: splitNames(form.Lead), Coop: splitNames(form.Coop), UnitsSet: true}
	if form.Due != "" {
		in.Due = &form.Due
	}
	if err := h.d.Changes.Adjust(r.Context(), id, in); err != nil {
		h.changeRefused(w, r, err, func(c *ChangeForms, fe FieldErrors) { form.Errors = fe; c.Adjust = form })
		return
	}
	changeDone(w, r, id, "adjust.done")
}

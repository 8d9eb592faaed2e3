package web

import "net/http"

// taskExtensionDecide is the office's 同意 or 不同意 on a request.
func (h *Handler) taskExtensionDecide(w http.ResponseWriter, r *http.Request) {
	id, ok := h.changeForm(w, r)
	if !ok {
		return
	}
	approve := field(r, "decision") == "approve"
	form := ExtensionDecideForm{Comment: field(r, "comment")}
	if err := h.d.Changes.DecideExtension(r.Context(), id, approve, form.Comment); err != nil {
		h.changeRefused(w, r, err, func(c *ChangeForms, fe FieldErrors) { form.Errors = fe; c.Decide = form })
		return
	}
	changeDone(w, r, id, map[bool]string{true: "extension.approved_done", false: "extension.refused_done"}[approve])
}

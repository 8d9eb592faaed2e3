package web

import "net/http"

// taskExtensionRequest is a unit's 延期申请.
func (h *Handler) taskExtensionRequest(w http.ResponseWriter, r *http.Request) {
	id, ok := h.changeForm(w, r)
	if !ok {
		return
	}
	form := ExtensionForm{NewDue: field(r, "new_due"), Reason: field(r, "reason")}
	if err := h.d.Changes.RequestExtension(r.Context(), id, form.NewDue, form.Reason); err != nil {
		h.changeRefused(w, r, err, func(c *ChangeForms, fe FieldErrors) { form.Errors = fe; c.Extension = form })
		return
	}
	changeDone(w, r, id, "extension.requested_done")
}

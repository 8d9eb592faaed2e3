package web

import "net/http"

// taskRevoke is the office's 撤销, confirmed in the browser first.
func (h *Handler) taskRevoke(w http.ResponseWriter, r *http.Request) {
	id, ok := h.changeForm(w, r)
	if !ok {
		return
	}
	form := RevokeForm{Reason: field(r, "reason")}
	if err := h.d.Changes.Revoke(r.Context(), id, form.Reason); err != nil {
		h.changeRefused(w, r, err, func(c *ChangeForms, fe FieldErrors) { form.Errors = fe; c.Revoke = form })
		return
	}
	changeDone(w, r, id, "revoke.done")
}

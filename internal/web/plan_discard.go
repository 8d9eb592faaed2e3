package web

import "net/http"

// planDiscard throws a draft away with its tasks (Discard): the wrong
// file, or one to upload again after fixing it. The review page asks
// first, in a disclosure with a second button.
func (h *Handler) planDiscard(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if err := h.d.Plans.Discard(r.Context(), id); err != nil {
		h.reviewRefused(w, r, id, err, func(p *ReviewPage, fe FieldErrors) { p.DiscardError = fe.first() })
		return
	}
	flash(w, r, "success", "review.discarded")
	redirect(w, r, "/plans")
}

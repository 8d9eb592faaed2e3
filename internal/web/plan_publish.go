package web

import (
	"net/http"
	"strconv"
)

// planPublish puts a plan on the public portal (政务公开) or takes it off;
// the form asks first (data-confirm).
func (h *Handler) planPublish(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if !parseForm(w, r) {
		return
	}
	public := r.PostFormValue("public") == "1"
	if err := h.d.Plans.Publish(r.Context(), id, public); err != nil {
		h.fail(w, r, err)
		return
	}
	if public {
		flash(w, "success", "plans.published")
	} else {
		flash(w, "success", "plans.unpublished")
	}
	redirect(w, r, "/plans#plan-"+strconv.FormatInt(id, 10))
}

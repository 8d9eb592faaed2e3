package web

import (
	"net/http"
	"strconv"
)

// planRename renames a plan from its row in the plan list: a registered
// plan keeps what was registered, but the office may correct the name
// people know it by (a plan named by its file at import). A refused name
// comes back in the row's open form.
func (h *Handler) planRename(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if !parseForm(w, r) {
		return
	}
	form := RenameForm{ID: id, Title: field(r, "title"), Errors: FieldErrors{}}
	err = h.d.Plans.Rename(r.Context(), id, form.Title)
	if err == nil {
		flash(w, r, "success", "plans.renamed")
		redirect(w, r, "/plans#plan-"+strconv.FormatInt(id, 10))
		return
	}
	fe, ok := validationErrors(r, err)
	if !ok {
		h.fail(w, r, err)
		return
	}
	form.Errors = fe
	h.renderPlans(w, r, http.StatusUnprocessableEntity, UploadForm{}, form)
}

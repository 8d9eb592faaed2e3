package web

import (
	"net/http"
	"strconv"
)

// reviewUnitCreate registers an unknown unit name of a task on the spot
// (新建单位) and saves the task's form with the name now linked to it.
// The unit is made with kind "other": the office can place it in the tree
// later, and the task needs only that it exists.
func (h *Handler) reviewUnitCreate(w http.ResponseWriter, r *http.Request) {
	planID, taskID, ok := h.reviewIDs(w, r)
	if !ok {
		return
	}
	row := r.PostFormValue("create_unit")
	if _, err := strconv.Atoi(row); err != nil {
		h.fail(w, r, ErrNotFound)
		return
	}
	name := field(r, "units."+row+".name")
	form, in := readReviewTask(r)
	checkText(form.Errors, "units", name, true)
	if form.Errors.Any() {
		h.reviewFormAgain(w, r, planID, taskID, form)
		return
	}
	// Save the form first: it checks that the user may change the task,
	// so nobody creates a unit through a form they may not send, and the
	// edits made so far are kept whatever happens next.
	if !h.reviewSave(w, r, planID, taskID, form, in) {
		return
	}
	id, err := h.d.Units.Create(r.Context(), UnitInput{Name: name, Kind: "other"})
	if fe, invalid := validationErrors(r, err); invalid {
		// Most likely someone registered the name meanwhile: show why.
		form.Errors = FieldErrors{"units": fe["name"]}
		if form.Errors["units"] == "" {
			form.Errors["units"] = "error.invalid"
		}
		h.reviewFormAgain(w, r, planID, taskID, form)
		return
	} else if err != nil {
		h.fail(w, r, err)
		return
	}
	for i := range in.Units {
		if in.Units[i].Name == name && in.Units[i].UnitID == 0 {
			in.Units[i].UnitID = id
		}
	}
	if !h.reviewSave(w, r, planID, taskID, form, in) {
		return
	}
	h.reviewAnswer(w, r, planID, taskID, "review.unit_created", name)
}

package web

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/duban/duban/internal/ledgersvc"
)

// UnitlessPage asks whether to register a draft some of whose tasks have
// no responsible unit: nobody would be told to do them.
type UnitlessPage struct {
	Page
	Plan  ledgersvc.Plan
	Tasks []string // each task's path and title, as the service names them
}

// planConfirm ends the review: the tasks are registered (挂号) and every
// responsible unit sees them. The banner's form asks first (data-confirm);
// when tasks have no unit the service refuses, and the page that names
// them asks again, posting force=1 (仍然挂号).
func (h *Handler) planConfirm(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if !parseForm(w, r) {
		return
	}
	force := r.PostFormValue("force") == "1"
	err = h.d.Plans.Confirm(r.Context(), id, force)
	var unitless *UnitlessError
	switch {
	case err == nil:
		flash(w, "success", "review.confirmed")
		redirect(w, r, fmt.Sprintf("/tasks?plan=%d", id))
	case errors.As(err, &unitless):
		h.showUnitless(w, r, id, unitless.Tasks)
	default:
		fe, invalid := validationErrors(r, err)
		if !invalid {
			h.fail(w, r, err)
			return
		}
		key := fe.first()
		if key == "error.invalid" {
			key = "review.confirm_failed"
		}
		flash(w, "error", key)
		redirect(w, r, fmt.Sprintf("/plans/%d/review", id))
	}
}

// showUnitless shows the question about the tasks without a unit. It is
// a question, not an error, hence 200.
func (h *Handler) showUnitless(w http.ResponseWriter, r *http.Request, id int64, tasks []string) {
	rv, err := h.d.Plans.Review(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	data := UnitlessPage{Plan: rv.Plan, Tasks: tasks}
	data.Page = h.basePage(w, r, fmt.Sprintf("/plans/%d/review", id))
	h.render(w, r, http.StatusOK, "plan_unitless", data)
}

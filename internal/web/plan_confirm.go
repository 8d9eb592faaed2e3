package web

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/duban/duban/internal/ledgersvc"
)

// UnitlessPage asks whether to register a draft some of whose tasks have
// no responsible unit (nobody would be told to do them) or unit names
// matched to no registered unit (that unit would not see the task).
type UnitlessPage struct {
	Page
	Plan  ledgersvc.Plan
	Tasks []UnitlessTask // without a unit
	// Unmatched counts the unit names not in the registry, held by
	// UnmatchedTasks.
	Unmatched      int
	UnmatchedTasks []UnitlessTask
}

// UnitlessTask is a task the question names (path and title), linked to
// its card on the review page.
type UnitlessTask struct {
	Name string
	Href string
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
		flash(w, r, "success", "review.confirmed")
		redirect(w, r, fmt.Sprintf("/tasks?plan=%d", id))
	case errors.As(err, &unitless):
		h.showUnitless(w, r, id, unitless)
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
		flash(w, r, "error", key)
		redirect(w, r, fmt.Sprintf("/plans/%d/review", id))
	}
}

// showUnitless shows the question about the tasks without a unit and the
// unit names not in the registry. It is a question, not an error, hence
// 200. Each task links to its card by id: two tasks may share a path and
// a title.
func (h *Handler) showUnitless(w http.ResponseWriter, r *http.Request, id int64, e *UnitlessError) {
	rv, err := h.d.Plans.Review(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	data := UnitlessPage{Plan: rv.Plan, Tasks: unitlessTasks(id, e.Tasks), Unmatched: e.Unmatched,
		UnmatchedTasks: unitlessTasks(id, e.UnmatchedTasks)}
	data.Page = h.basePage(w, r, fmt.Sprintf("/plans/%d/review", id))
	h.render(w, r, http.StatusOK, "plan_unitless", data)
}

func unitlessTasks(plan int64, refs []TaskRef) []UnitlessTask {
	out := make([]UnitlessTask, len(refs))
	for i, t := range refs {
		out[i] = UnitlessTask{Name: strings.TrimSpace(t.Path + " " + t.Title), Href: fmt.Sprintf("/plans/%d/review#task-%d", plan, t.ID)}
	}
	return out
}

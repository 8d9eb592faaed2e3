package web

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/duban/duban/internal/ledgersvc"
)

// UnitlessPage asks whether to register a draft some of whose tasks have
// no responsible unit: nobody would be told to do them.
type UnitlessPage struct {
	Page
	Plan  ledgersvc.Plan
	Tasks []UnitlessTask
}

// UnitlessTask is a task without a unit as the service names it (path
// and title), with its card on the review page when it is found there.
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
	cards := map[string]int64{}
	for _, t := range rv.Tasks {
		cards[strings.Join(t.Path, "/")+" "+t.Title] = t.ID
	}
	data := UnitlessPage{Plan: rv.Plan}
	for _, name := range tasks {
		ut := UnitlessTask{Name: name}
		if tid, ok := cards[name]; ok {
			ut.Href = fmt.Sprintf("/plans/%d/review#task-%d", id, tid)
		}
		data.Tasks = append(data.Tasks, ut)
	}
	data.Page = h.basePage(w, r, fmt.Sprintf("/plans/%d/review", id))
	h.render(w, r, http.StatusOK, "plan_unitless", data)
}

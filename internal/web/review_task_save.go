package web

import (
	"fmt"
	"net/http"
	"strconv"
)

// ReviewSaved is what a save sends back to htmx: the task's form with its
// feedback, and the banner's new counts (swapped out of band).
type ReviewSaved struct {
	Form   ReviewTaskForm
	Banner ReviewBanner
}

// reviewTaskSave saves one task's review form. The draft is kept as it
// is saved, so the office can leave and resume the review later.
func (h *Handler) reviewTaskSave(w http.ResponseWriter, r *http.Request) {
	planID, taskID, ok := h.reviewIDs(w, r)
	if !ok {
		return
	}
	form, in := readReviewTask(r)
	if form.Errors.Any() {
		h.reviewFormAgain(w, r, planID, taskID, form)
		return
	}
	if h.reviewSave(w, r, planID, taskID, form, in) {
		h.reviewAnswer(w, r, planID, taskID, "", "")
	}
}

// reviewSave saves a task's form. When the service refuses it, the form
// has been shown again with the reasons (or the error page) and ok is false.
func (h *Handler) reviewSave(w http.ResponseWriter, r *http.Request, planID, taskID int64, form ReviewTaskForm, in TaskEdit) bool {
	err := h.d.Plans.UpdateTask(r.Context(), planID, taskID, in)
	if err == nil {
		return true
	}
	fe, ok := validationErrors(r, err)
	if !ok {
		h.fail(w, r, err)
		return false
	}
	form.Errors = fe
	h.reviewFormAgain(w, r, planID, taskID, form)
	return false
}

// reviewIDs reads the plan and task of the path and the posted form.
func (h *Handler) reviewIDs(w http.ResponseWriter, r *http.Request) (int64, int64, bool) {
	planID, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return 0, 0, false
	}
	taskID, err := strconv.ParseInt(r.PathValue("task"), 10, 64)
	if err != nil || taskID <= 0 {
		h.fail(w, r, ErrNotFound)
		return 0, 0, false
	}
	return planID, taskID, parseForm(w, r)
}

// reviewAnswer answers a successful save: htmx gets the task's fresh card
// and the banner; a plain post goes back to the task on the review page.
func (h *Handler) reviewAnswer(w http.ResponseWriter, r *http.Request, planID, taskID int64, notice, arg string) {
	if !isHTMX(r) {
		if notice == "" {
			notice = "review.saved"
		}
		flash(w, r, "success", notice, "name", arg)
		redirect(w, r, fmt.Sprintf("/plans/%d/review#task-%d", planID, taskID))
		return
	}
	rv, err := h.d.Plans.Review(r.Context(), planID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	registry, err := h.d.Units.List(r.Context())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	form, ok := reviewCard(rv, registry, taskID)
	if !ok {
		h.fail(w, r, ErrNotFound)
		return
	}
	form.Saved, form.Notice, form.Arg = true, notice, arg
	banner := reviewBanner(rv)
	banner.OOB = true
	h.renderFragment(w, r, http.StatusOK, "plan_review", "review_saved", ReviewSaved{Form: form, Banner: banner})
}

// reviewFormAgain shows a form that could not be saved with its errors:
// to htmx in place, otherwise within the whole review page. The card
// keeps what the form does not post: the numbering, the document's words,
// its tools and warnings.
func (h *Handler) reviewFormAgain(w http.ResponseWriter, r *http.Request, planID, taskID int64, form ReviewTaskForm) {
	rv, err := h.d.Plans.Review(r.Context(), planID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	registry, err := h.d.Units.List(r.Context())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	stored, ok := reviewCard(rv, registry, taskID)
	if !ok {
		h.fail(w, r, ErrNotFound)
		return
	}
	form.ID, form.PlanID, form.Registry = taskID, planID, registry
	form.Path, form.Text, form.SplitParts, form.Next, form.Warnings = stored.Path, stored.Text, stored.SplitParts, stored.Next, stored.Warnings
	form = form.withBlanks()
	if isHTMX(r) {
		h.renderFragment(w, r, http.StatusUnprocessableEntity, "plan_review", "review_task", form)
		return
	}
	h.showReview(w, r, http.StatusUnprocessableEntity, rv, fmt.Sprintf("/plans/%d/review", planID), func(p *ReviewPage) {
		for i := range p.Tasks {
			if p.Tasks[i].ID == taskID {
				p.Tasks[i] = form
			}
		}
	})
}

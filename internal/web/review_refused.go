package web

import (
	"errors"
	"fmt"
	"net/http"
	"sort"
)

// reviewRefused answers a review step that was refused, by the form's own
// checks or by the service. A *ValidationError is shown on the review
// page, where place puts it, with status 422; but when the plan is no
// longer a draft (confirmed, or discarded meanwhile, perhaps in another
// tab) the person is told so where the plan now is. Anything else is for
// fail (403, 404, 500).
func (h *Handler) reviewRefused(w http.ResponseWriter, r *http.Request, planID int64, err error, place func(*ReviewPage, FieldErrors)) {
	fe, ok := validationErrors(r, err)
	if !ok {
		h.fail(w, r, err)
		return
	}
	rv, rerr := h.d.Plans.Review(r.Context(), planID)
	switch {
	case errors.Is(rerr, ErrNotFound):
		flash(w, r, "error", "review.error.gone")
		redirect(w, r, "/plans")
		return
	case rerr != nil:
		h.fail(w, r, rerr)
		return
	case rv.Status != "draft":
		flash(w, r, "error", "review.error.not_draft")
		redirect(w, r, fmt.Sprintf("/tasks?plan=%d", planID))
		return
	}
	h.showReview(w, r, http.StatusUnprocessableEntity, rv, fmt.Sprintf("/plans/%d/review", planID), func(p *ReviewPage) { place(p, fe) })
}

// placeOnCard shows a refused tool (split, merge, delete) open on the
// card of task, with the first of the reasons.
func placeOnCard(task int64, tool string) func(*ReviewPage, FieldErrors) {
	return func(p *ReviewPage, fe FieldErrors) {
		for i := range p.Tasks {
			if p.Tasks[i].ID == task {
				p.Tasks[i].Tool, p.Tasks[i].ToolError = tool, fe.first()
			}
		}
	}
}

// first is the error of the form as a whole, else that of the first
// field by name: one reason, the same every time.
func (fe FieldErrors) first() string {
	if k, ok := fe[""]; ok {
		return k
	}
	names := make([]string, 0, len(fe))
	for n := range fe {
		names = append(names, n)
	}
	sort.Strings(names)
	if len(names) == 0 {
		return ""
	}
	return fe[names[0]]
}

// Other lists, in a stable order, the messages of the errors on fields
// other than known ones (and of the form as a whole): a service may
// refuse a field the form does not show, and the person must still see
// why.
func (fe FieldErrors) Other(known ...string) []string {
	var names []string
	for n := range fe {
		isKnown := false
		for _, k := range known {
			isKnown = isKnown || n == k
		}
		if !isKnown {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = fe[n]
	}
	return out
}

package web

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/duban/duban/internal/ledgersvc"
)

// ReviewPage is the data of a draft plan's review (审核): the source text
// beside one form per extracted task.
type ReviewPage struct {
	Page
	Plan     ledgersvc.Plan
	Source   string
	Tasks    []ReviewTaskForm
	Banner   ReviewBanner
	Registry []UnitView // every registered unit, for the unit selects
}

// ReviewBanner counts what is left to look at; a save refreshes it.
type ReviewBanner struct {
	PlanID  int64
	Tasks   int
	Unknown int  // unit names matched to no registered unit
	Flagged int  // tasks with such names
	OOB     bool // sent beside a saved task, for htmx to swap out of band
}

// planReview shows a draft under review. A plan already confirmed has
// nothing to review and leads to its task list.
func (h *Handler) planReview(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	rv, err := h.d.Plans.Review(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if rv.Status != "draft" {
		http.Redirect(w, r, fmt.Sprintf("/tasks?plan=%d", id), http.StatusSeeOther)
		return
	}
	registry, err := h.d.Units.List(r.Context())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	data := ReviewPage{Plan: rv.Plan, Source: strings.TrimSpace(rv.SourceText), Banner: reviewBanner(rv), Registry: registry}
	for i := range rv.Tasks {
		data.Tasks = append(data.Tasks, reviewTaskForm(rv.ID, &rv.Tasks[i], registry))
	}
	data.Page = h.basePage(w, r, "")
	h.render(w, r, http.StatusOK, "plan_review", data)
}

func reviewBanner(rv *ledgersvc.Review) ReviewBanner {
	b := ReviewBanner{PlanID: rv.ID, Tasks: len(rv.Tasks), Unknown: rv.Unknown}
	for _, t := range rv.Tasks {
		for _, m := range t.UnitMatches {
			if m.UnitID == 0 {
				b.Flagged++
				break
			}
		}
	}
	return b
}

// findReviewTask is the task of a review, or nil.
func findReviewTask(rv *ledgersvc.Review, id int64) *ledgersvc.ReviewTask {
	for i := range rv.Tasks {
		if rv.Tasks[i].ID == id {
			return &rv.Tasks[i]
		}
	}
	return nil
}

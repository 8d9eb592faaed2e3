package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/duban/duban/internal/ledgersvc"
)

// ReviewPage is the data of a draft plan's review (审核): what the check
// found, the plan's own fields, the source text line by line beside one
// card per extracted task, and the form that adds a task.
type ReviewPage struct {
	Page
	Plan     ledgersvc.Plan
	PlanForm PlanForm
	Lines    []SourceLine
	// DocWarnings are about the document (an annex that gave no task…),
	// each linked to its source line; TaskWarnings are about the tasks,
	// grouped by kind, each linked to its card.
	DocWarnings  []WarningView
	TaskWarnings []WarningGroup
	Tasks        []ReviewTaskForm
	Order        []TaskRef // every task in order, for "after which task"
	Add          AddTaskForm
	Banner       ReviewBanner
	Registry     []UnitView // every registered unit, for the unit selects
	// DiscardError is why throwing the draft away was refused.
	DiscardError string
}

// ReviewBanner counts what is left to look at; a save refreshes it.
type ReviewBanner struct {
	PlanID     int64
	Tasks      int
	Unknown    int  // distinct unit names matched to no registered unit
	Flagged    int  // tasks with such names
	NoUnit     int  // tasks with no unit at all
	NoDeadline int  // tasks with no deadline or cadence
	OOB        bool // sent beside a saved task, for htmx to swap out of band
}

// AllMatched reports whether every task has a unit and every unit name
// is registered: only then may the banner say so.
func (b ReviewBanner) AllMatched() bool { return b.Tasks > 0 && b.Unknown == 0 && b.NoUnit == 0 }

// NoneHasUnit reports whether no task of the draft has a unit yet: the
// banner says that plainly rather than counting every task as missing one.
func (b ReviewBanner) NoneHasUnit() bool { return b.Tasks > 0 && b.NoUnit == b.Tasks }

// Flags reports whether something about the units still needs the office.
func (b ReviewBanner) Flags() bool { return b.Unknown > 0 || b.NoUnit > 0 || b.Tasks == 0 }

// planReview shows a draft under review. A plan already confirmed has
// nothing to review and leads to its task list. ?after= opens the form
// that adds a task, placed after that task.
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
		redirect(w, r, fmt.Sprintf("/tasks?plan=%d", id))
		return
	}
	var adjust func(*ReviewPage)
	if after, err := strconv.ParseInt(r.URL.Query().Get("after"), 10, 64); err == nil && after >= 0 {
		adjust = func(p *ReviewPage) { p.Add.After, p.Add.Open = after, true }
	}
	h.showReview(w, r, http.StatusOK, rv, "", adjust)
}

// showReview renders the review page of rv. adjust, when not nil, puts a
// refused form's values and errors in place; langPath is as for basePage.
func (h *Handler) showReview(w http.ResponseWriter, r *http.Request, status int, rv *ledgersvc.Review, langPath string, adjust func(*ReviewPage)) {
	registry, err := h.d.Units.List(r.Context())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	data := newReviewPage(rv, registry)
	if adjust != nil {
		adjust(&data)
	}
	data.Page = h.basePage(w, r, langPath)
	h.render(w, r, status, "plan_review", data)
}

// newReviewPage builds the review of rv with its forms as stored.
func newReviewPage(rv *ledgersvc.Review, registry []UnitView) ReviewPage {
	lines := sourceLines(rv.SourceText)
	ws := reviewWarnings(rv, len(lines))
	flagged := map[int]bool{}
	for _, d := range ws.doc {
		flagged[d.Line] = true
	}
	for i := range lines {
		lines[i].Flag = flagged[lines[i].N]
	}
	data := ReviewPage{Plan: rv.Plan, PlanForm: planForm(rv.Plan), Lines: lines, DocWarnings: ws.doc, TaskWarnings: withUnmatched(ws.groups, unmatchedNames(rv)),
		Tasks: reviewForms(rv, registry, ws.byTask), Order: taskOrder(rv), Add: newAddTaskForm(), Banner: reviewBanner(rv), Registry: registry}
	if n := len(data.Order); n > 0 {
		data.Add.After = data.Order[n-1].ID // a task found missing is most often the last
	} else {
		data.Add.After = 0
	}
	return data
}

// reviewForms builds every task's card, with its tools.
func reviewForms(rv *ledgersvc.Review, registry []UnitView, warnings map[int64][]string) []ReviewTaskForm {
	order := taskOrder(rv)
	out := make([]ReviewTaskForm, 0, len(rv.Tasks))
	for i := range rv.Tasks {
		f := reviewTaskForm(rv.ID, &rv.Tasks[i], registry)
		f.SplitParts = splitParts(rv.Tasks[i].Text)
		if i+1 < len(order) {
			f.Next = &order[i+1]
		}
		f.Warnings = warnings[f.ID]
		out = append(out, f)
	}
	return out
}

// taskOrder lists the tasks of rv in their order.
func taskOrder(rv *ledgersvc.Review) []TaskRef {
	out := make([]TaskRef, len(rv.Tasks))
	for i, t := range rv.Tasks {
		out[i] = TaskRef{ID: t.ID, Path: strings.Join(t.Path, "."), Title: t.Title}
	}
	return out
}

// reviewBanner counts what the review still has to look at. Unknown
// counts distinct names, as the group it links to lists them (one name
// in five tasks is one unit to choose or create), not rv.Unknown's
// occurrences.
func reviewBanner(rv *ledgersvc.Review) ReviewBanner {
	b := ReviewBanner{PlanID: rv.ID, Tasks: len(rv.Tasks), NoUnit: rv.NoUnit, NoDeadline: rv.NoDeadline}
	names := unmatchedNames(rv)
	b.Unknown = len(names)
	flagged := map[int64]bool{}
	for _, n := range names {
		for _, t := range n.Tasks {
			flagged[t.ID] = true
		}
	}
	b.Flagged = len(flagged)
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

// reviewCard is the card of task id as the review page shows it, with
// its tools and warnings, or false when the draft has no such task.
func reviewCard(rv *ledgersvc.Review, registry []UnitView, id int64) (ReviewTaskForm, bool) {
	ws := reviewWarnings(rv, len(sourceLines(rv.SourceText))) // the line count decides the links
	for _, f := range reviewForms(rv, registry, ws.byTask) {
		if f.ID == id {
			return f, true
		}
	}
	return ReviewTaskForm{}, false
}

package web

import (
	"net/http"

	"github.com/duban/duban/internal/ledgersvc"
)

// TaskListPage is the data of the task list (任务清单).
type TaskListPage struct {
	Page
	Filter     TaskFilterForm
	Tasks      []ledgersvc.Task
	Total      int
	First      int // 1-based number of the first task shown; 0 if none
	Last       int
	PrevHref   string
	NextHref   string
	ExportHref string
	Plans      []Option
	Units      []UnitOption
	PlanTitles map[int64]string
	// SortHrefs links each sort order with the other filters kept.
	SortHrefs map[string]string
	// Statuses, Lights and Sorts are the codes the selects offer.
	Statuses, Lights, Sorts []string
	Sources                 []string
}

// taskList shows one page of the ledger, filtered and sorted. An htmx
// filter request gets only the results, which it swaps in and pushes to
// the address bar.
func (h *Handler) taskList(w http.ResponseWriter, r *http.Request) {
	form, filter := readTaskFilter(r.URL.Query())
	page, err := h.d.Tasks.List(r.Context(), filter)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	tasks, total := page.Items, page.Total
	data := TaskListPage{Filter: form, Tasks: tasks, Total: total, ExportHref: form.href("/tasks/export.xlsx", 0),
		PlanTitles: map[int64]string{}, SortHrefs: map[string]string{},
		Statuses: LedgerStatuses, Lights: LedgerLights, Sorts: TaskSorts,
		Sources: TaskSources}
	if len(tasks) > 0 {
		// Numbered by the page, which a cursor's page does not skip by.
		at := (form.Page - 1) * taskPageSize
		data.First, data.Last = at+1, at+len(tasks)
	}
	if form.Page > 1 {
		prev := form
		prev.Cursor = "" // a cursor leads forward only: back is by page number
		data.PrevHref = prev.href("/tasks", form.Page-1)
	}
	if page.NextCursor != "" {
		next := form
		next.Cursor = page.NextCursor
		data.NextHref = next.href("/tasks", form.Page+1)
	}
	for _, s := range TaskSorts {
		f := form
		f.Sort = s
		data.SortHrefs[s] = f.href("/tasks", 0)
	}
	if err := h.taskListOptions(r, &data); err != nil {
		h.fail(w, r, err)
		return
	}
	if isHTMX(r) {
		h.renderFragment(w, r, http.StatusOK, "tasks", "task_results", data)
		return
	}
	data.Page = h.basePage(w, r, "")
	h.render(w, r, http.StatusOK, "tasks", data)
}

// taskListOptions fills the plan and unit selects and the plan titles.
func (h *Handler) taskListOptions(r *http.Request, data *TaskListPage) error {
	if h.d.Plans != nil {
		plans, err := h.d.Plans.List(r.Context())
		if err != nil {
			return err
		}
		for _, p := range plans {
			data.PlanTitles[p.ID] = p.Title
			if p.Status == "draft" {
				continue // its tasks are under review, not in the ledger
			}
			data.Plans = append(data.Plans, Option{Value: itoa(p.ID), Label: p.Title, Selected: p.ID == data.Filter.Plan})
		}
	}
	if h.d.Units != nil {
		units, err := h.d.Units.List(r.Context())
		if err != nil {
			return err
		}
		for _, u := range unitTree(units) {
			data.Units = append(data.Units, UnitOption{ID: u.ID, Name: u.Name, Depth: u.Depth, Selected: u.ID == data.Filter.Unit})
		}
	}
	return nil
}

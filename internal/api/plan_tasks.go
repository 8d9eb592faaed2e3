package api

import (
	"fmt"
	"github.com/duban/duban/internal/basepath"
	"net/http"
	"slices"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/httpauth"
	"github.com/duban/duban/internal/intakesvc"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
)

// newTaskInput is a task added to a draft, in the parser's own form
// (plan-json): units and lead_units are names, matched to the registry as
// an import's are.
type newTaskInput struct {
	After      int64               `json:"after"` // the task it follows; 0 or absent puts it first
	Path       []string            `json:"path"`  // absent: derived from the task it follows
	Title      string              `json:"title"`
	Text       string              `json:"text"`
	Units      []string            `json:"units"`
	LeadUnits  []string            `json:"lead_units"`
	Deadlines  []plandoc.Deadline  `json:"deadlines"`
	Targets    []plandoc.Target    `json:"targets"`
	Milestones []plandoc.Milestone `json:"milestones"`
	Weight     *float64            `json:"weight"`
}

// planTaskCreate adds a task to a draft and answers 201 with it.
func (h *Handler) planTaskCreate(w http.ResponseWriter, r *http.Request) {
	c, id, ok := begin(w, r, authz.PlanWrite)
	if !ok {
		return
	}
	var in newTaskInput
	if err := readJSON(r, &in); err != nil {
		fail(w, r, err)
		return
	}
	links := make([]records.UnitLink, 0, len(in.Units)+len(in.LeadUnits))
	for _, u := range in.Units {
		links = append(links, records.UnitLink{Name: u, Lead: slices.Contains(in.LeadUnits, u)})
	}
	for _, u := range in.LeadUnits {
		if !slices.Contains(in.Units, u) {
			links = append(links, records.UnitLink{Name: u, Lead: true})
		}
	}
	task, err := h.Intake.AddTask(r.Context(), c.Principal(), httpauth.Actor(r), id, intakesvc.NewTask{After: in.After,
		Path: in.Path, Title: in.Title, Text: in.Text, Units: links, Deadlines: in.Deadlines, Targets: in.Targets,
		Milestones: in.Milestones, Weight: in.Weight})
	if err != nil {
		intakeFail(w, r, err)
		return
	}
	w.Header().Set("Location", basepath.For(r, fmt.Sprintf("/api/v1/tasks/%d", task.ID)))
	writeJSON(w, http.StatusCreated, task)
}

// planTaskDelete removes a task from a draft (204).
func (h *Handler) planTaskDelete(w http.ResponseWriter, r *http.Request) {
	c, plan, task, ok := beginTask(w, r)
	if !ok {
		return
	}
	if err := h.Intake.DeleteTask(r.Context(), c, httpauth.Actor(r), plan, task); err != nil {
		intakeFail(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// planTaskSplit cuts a task of a draft in two before sentence "at" of its
// text and answers 201 with the new second part.
func (h *Handler) planTaskSplit(w http.ResponseWriter, r *http.Request) {
	c, plan, task, ok := beginTask(w, r)
	if !ok {
		return
	}
	var in struct {
		At int `json:"at"`
	}
	if err := readJSON(r, &in); err != nil {
		fail(w, r, err)
		return
	}
	rest, err := h.Intake.SplitTask(r.Context(), c, httpauth.Actor(r), plan, task, in.At)
	if err != nil {
		intakeFail(w, r, err)
		return
	}
	w.Header().Set("Location", basepath.For(r, fmt.Sprintf("/api/v1/tasks/%d", rest.ID)))
	writeJSON(w, http.StatusCreated, rest)
}

// planTaskMerge appends task "with" to the task and answers with it.
func (h *Handler) planTaskMerge(w http.ResponseWriter, r *http.Request) {
	c, plan, task, ok := beginTask(w, r)
	if !ok {
		return
	}
	var in struct {
		With int64 `json:"with"`
	}
	if err := readJSON(r, &in); err != nil {
		fail(w, r, err)
		return
	}
	merged, err := h.Intake.MergeTasks(r.Context(), c, httpauth.Actor(r), plan, task, in.With)
	if err != nil {
		intakeFail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, merged)
}

// planTaskMove puts the task right after task "after" (0 or absent:
// first), with a new path when "path" is given, and answers with it.
func (h *Handler) planTaskMove(w http.ResponseWriter, r *http.Request) {
	c, plan, task, ok := beginTask(w, r)
	if !ok {
		return
	}
	var in struct {
		After int64    `json:"after"`
		Path  []string `json:"path"`
	}
	if err := readJSON(r, &in); err != nil {
		fail(w, r, err)
		return
	}
	moved, err := h.Intake.MoveTask(r.Context(), c, httpauth.Actor(r), plan, task, in.After, in.Path)
	if err != nil {
		intakeFail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, moved)
}

// beginTask checks that the caller may edit plans and reads the plan and
// task of the path. On failure it has answered already.
func beginTask(w http.ResponseWriter, r *http.Request) (p authz.Principal, plan, task int64, ok bool) {
	c, plan, ok := begin(w, r, authz.PlanWrite)
	if !ok {
		return p, 0, 0, false
	}
	task, err := pathInt(r, "task")
	if err != nil {
		fail(w, r, err)
		return p, 0, 0, false
	}
	return c.Principal(), plan, task, true
}

package api

import (
	"net/http"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/httpauth"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
)

// taskUpdate applies the office's corrections to a task: at review, or
// later to change an assignment. Only the office changes assignments; the
// rules are the review page's (intakesvc.UpdateTask).
func (h *Handler) taskUpdate(w http.ResponseWriter, r *http.Request) {
	c, id, ok := begin(w, r, authz.TaskAssign)
	if !ok {
		return
	}
	var in struct {
		Title       *string              `json:"title"`
		Text        *string              `json:"text"`
		Goal        *string              `json:"goal"`
		Owner       *string              `json:"owner"`
		Requirement *string              `json:"requirement"`
		Measure     *string              `json:"measure"`
		Weight      *float64             `json:"weight"`
		ClearWeight bool                 `json:"clear_weight"`
		Units       *[]records.UnitLink  `json:"units"`
		Deadlines   *[]plandoc.Deadline  `json:"deadlines"`
		Targets     *[]plandoc.Target    `json:"targets"`
		Milestones  *[]plandoc.Milestone `json:"milestones"`
	}
	if err := readJSON(r, &in); err != nil {
		fail(w, r, err)
		return
	}
	up := records.TaskUpdate{Title: in.Title, Text: in.Text, Goal: in.Goal, Owner: in.Owner, Requirement: in.Requirement,
		Measure: in.Measure, Units: in.Units, Deadlines: in.Deadlines, Targets: in.Targets, Milestones: in.Milestones}
	if in.Weight != nil || in.ClearWeight {
		up.Weight = &in.Weight
	}
	t, err := h.Intake.UpdateTask(r.Context(), c.Principal(), httpauth.Actor(r), 0, id, up)
	if err != nil {
		intakeFail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, t)
}

package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/httpauth"
	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/intakesvc"
	"github.com/duban/duban/internal/subtasksvc"
)

// subtaskList is a task's breakdown: its sub-tasks with their progress
// and the parent's rolled-up percent (subtasksvc.List).
func (h *Handler) subtaskList(w http.ResponseWriter, r *http.Request) {
	c, id, ok := begin(w, r, authz.TaskRead)
	if !ok {
		return
	}
	b, err := h.Subtasks.List(r.Context(), c.Principal(), id)
	reply(w, r, http.StatusOK, b, err)
}

// subtaskBody is a split: {"subtasks": [...]}, or the list alone.
type subtaskBody struct {
	Subtasks []subtasksvc.Input `json:"subtasks"`
}

// UnmarshalJSON takes the object or a bare list of sub-tasks.
func (b *subtaskBody) UnmarshalJSON(data []byte) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if t := bytes.TrimSpace(data); len(t) > 0 && t[0] == '[' {
		return dec.Decode(&b.Subtasks)
	}
	var o struct {
		Subtasks []subtasksvc.Input `json:"subtasks"`
	}
	err := dec.Decode(&o)
	b.Subtasks = o.Subtasks
	return err
}

// subtaskCreate splits a task into sub-tasks, all or none
// (subtasksvc.Split), and answers with the task's breakdown.
func (h *Handler) subtaskCreate(w http.ResponseWriter, r *http.Request) {
	c, id, ok := begin(w, r, authz.TaskSplit)
	if !ok {
		return
	}
	var in subtaskBody
	if err := readJSON(r, &in); err != nil {
		fail(w, r, err)
		return
	}
	if _, err := h.Subtasks.Split(r.Context(), c.Principal(), httpauth.Actor(r), id, in.Subtasks); err != nil {
		fail(w, r, err)
		return
	}
	b, err := h.Subtasks.List(r.Context(), c.Principal(), id)
	reply(w, r, http.StatusCreated, b, err)
}

// taskPassDown passes a task assigned to a catch-all unit down to the
// members of its group, one sub-task each (subtasksvc.PassDown), and
// answers with the task's breakdown; run twice it adds nobody twice.
func (h *Handler) taskPassDown(w http.ResponseWriter, r *http.Request) {
	c, id, ok := begin(w, r, authz.TaskAssign)
	if !ok {
		return
	}
	if _, err := h.Subtasks.PassDown(r.Context(), c.Principal(), httpauth.Actor(r), id); err != nil {
		fail(w, r, err)
		return
	}
	b, err := h.Subtasks.List(r.Context(), c.Principal(), id)
	reply(w, r, http.StatusOK, b, err)
}

// workPlanRead reads a unit's 落实计划 (multipart, "file") into proposed
// sub-tasks for review; nothing is stored (subtasksvc.ReadWorkPlan).
func (h *Handler) workPlanRead(w http.ResponseWriter, r *http.Request) {
	c, id, ok := begin(w, r, authz.TaskSplit)
	if !ok {
		return
	}
	l, _ := i18n.FromRequest(r)
	r.Body = http.MaxBytesReader(w, r.Body, intakesvc.MaxBytes+1<<20)
	file, header, err := r.FormFile("file")
	if err != nil {
		fail(w, r, errBadRequestf(l.T("plans.error.no_file")))
		return
	}
	defer file.Close()
	data, err := io.ReadAll(file)
	if err != nil {
		fail(w, r, errors.Join(errBadRequest, err))
		return
	}
	pr, err := h.Subtasks.ReadWorkPlan(r.Context(), c.Principal(), httpauth.Actor(r), id, header.Filename, data)
	if err != nil {
		intakeFail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, pr)
}

// workPlanConfirm creates the reviewed rows of a 落实计划 as sub-tasks,
// all or none ({"file", "sha256", "subtasks": [...]}), and answers with
// the task's breakdown.
func (h *Handler) workPlanConfirm(w http.ResponseWriter, r *http.Request) {
	c, id, ok := begin(w, r, authz.TaskSplit)
	if !ok {
		return
	}
	var in struct {
		File     string             `json:"file"`
		SHA256   string             `json:"sha256"`
		Subtasks []subtasksvc.Input `json:"subtasks"`
	}
	if err := readJSON(r, &in); err != nil {
		fail(w, r, err)
		return
	}
	src := subtasksvc.Source{Name: in.File, SHA256: in.SHA256}
	if _, err := h.Subtasks.ConfirmWorkPlan(r.Context(), c.Principal(), httpauth.Actor(r), id, src, in.Subtasks); err != nil {
		fail(w, r, err)
		return
	}
	b, err := h.Subtasks.List(r.Context(), c.Principal(), id)
	reply(w, r, http.StatusCreated, b, err)
}

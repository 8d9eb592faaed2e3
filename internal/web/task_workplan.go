package web

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/duban/duban/internal/records"
)

// WorkPlanPage is a unit's 落实计划 read into proposed sub-tasks, for the
// unit to review (units, deadlines, weights; a row unticked is dropped)
// and confirm, all or none.
type WorkPlanPage struct {
	Page
	TaskID    int64
	TaskTitle string
	TaskPath  []string
	TaskDue   string
	File, SHA string
	Units     []records.Unit
	Form      SplitForm
}

// taskWorkPlan reads an uploaded 落实计划 and shows its review; a file
// that cannot be read (or gives no task) is named on the task's page.
func (h *Handler) taskWorkPlan(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	var name string
	var data []byte
	file, header, err := r.FormFile("file")
	if err == nil {
		defer file.Close()
		name = filepath.Base(header.Filename)
		if data, err = io.ReadAll(io.LimitReader(file, maxPlanBytes+1)); err != nil {
			h.fail(w, r, fmt.Errorf("web: reading upload: %w", err))
			return
		}
	}
	pr, err := h.d.Subtasks.ReadWorkPlan(r.Context(), id, name, data)
	if err != nil {
		up := UploadForm{Name: name}
		var de *DocumentError
		if errors.As(err, &de) {
			up.Error, up.Detail = "plans.error.unreadable", de.Message
		} else if fe, ok := validationErrors(r, err); ok {
			up.Error = firstOf(fe["file"], fe[""])
		} else {
			h.fail(w, r, err)
			return
		}
		h.renderTask(w, r, http.StatusUnprocessableEntity, func(p *TaskPage) { p.WorkPlan = up })
		return
	}
	form := SplitForm{Errors: FieldErrors{}}
	for i, row := range pr.Rows {
		weight := ""
		if row.Weight != nil {
			weight = strconv.FormatFloat(*row.Weight, 'f', -1, 64)
		}
		form.Rows = append(form.Rows, SubtaskRow{N: i + 1, Title: row.Title, Text: row.Text, Unit: unitValue(row.UnitID), Due: row.Due,
			Weight: weight, Keep: true, Item: row.Item, Path: strings.Join(row.Path, "."), UnitNamed: row.UnitNamed, Notes: row.Notes})
	}
	h.renderWorkPlan(w, r, http.StatusOK, id, pr.File, pr.SHA256, pr.Units, form)
}

// taskWorkPlanConfirm creates the kept rows of a reviewed 落实计划 as
// sub-tasks, all or none; a refusal shows the review again with each
// problem at its row.
func (h *Handler) taskWorkPlanConfirm(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if !parseForm(w, r) {
		return
	}
	form := SplitForm{Rows: formRows(r), Errors: FieldErrors{}}
	file, sha := field(r, "file"), field(r, "sha256")
	var kept []SubtaskRow
	for _, row := range form.Rows {
		if row.Keep {
			kept = append(kept, row)
		}
	}
	err = h.d.Subtasks.ConfirmWorkPlan(r.Context(), id, file, sha, kept)
	if err == nil {
		flash(w, r, "success", "subtasks.done", "n", strconv.Itoa(len(kept)))
		redirect(w, r, "/tasks/"+strconv.FormatInt(id, 10)+"#subtasks")
		return
	}
	fe, ok := validationErrors(r, err)
	if !ok {
		h.fail(w, r, err)
		return
	}
	form.Errors = renumber(fe, kept)
	b, err := h.d.Subtasks.Breakdown(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.renderWorkPlan(w, r, http.StatusUnprocessableEntity, id, file, sha, b.Units, form)
}

// renderWorkPlan shows a 落实计划's review.
func (h *Handler) renderWorkPlan(w http.ResponseWriter, r *http.Request, status int, id int64, file, sha string, units []records.Unit, form SplitForm) {
	t, err := h.d.Tasks.Get(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	data := &WorkPlanPage{TaskID: id, TaskTitle: t.Title, TaskPath: t.Path, TaskDue: t.Due, File: file, SHA: sha, Units: units, Form: form}
	data.Page = h.basePage(w, r, "/tasks/"+strconv.FormatInt(id, 10))
	h.render(w, r, status, "task_workplan", data)
}

func unitValue(id int64) string {
	if id == 0 {
		return ""
	}
	return strconv.FormatInt(id, 10)
}

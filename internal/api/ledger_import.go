package api

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/httpauth"
	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/report"
	"github.com/duban/duban/internal/store"
)

// rowProblem is one bad row of a refused sheet.
type rowProblem struct {
	Row     int    `json:"row"`
	Cell    string `json:"cell,omitempty"`
	Column  string `json:"column"`
	Message string `json:"message"`
}

// progressImport takes a sheet of progress updates (the exported ledger
// with 进展情况 and 完成比例 filled in; multipart field "file") and records
// them all or none. Rows naming a task the caller may not report on, or
// one that is closed or awaiting verification, are errors like a bad
// percent; rows whose text repeats the task's latest report are unchanged
// rows of the export and are skipped.
func (h *Handler) progressImport(w http.ResponseWriter, r *http.Request) {
	c, err := allowed(r, authz.TaskReport)
	if err != nil {
		fail(w, r, err)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, 64<<20)
	file, header, err := r.FormFile("file")
	if err != nil {
		fail(w, r, errBadRequestf("需要上传字段 file (multipart field file)"))
		return
	}
	defer file.Close()
	p := c.Principal()
	tasks := map[int64]*store.Task{}
	updates, err := report.ReadProgressFor(file, header.Filename, func(id int64) bool {
		t, err := h.Store.FindTaskByID(r.Context(), id)
		if err != nil || !authz.Can(p, authz.TaskReport, authz.Resource{Units: t.UnitIDs}) ||
			(t.Status != string(ledger.Registered) && t.Status != string(ledger.InProgress)) {
			return false
		}
		tasks[id] = t
		return true
	})
	var sheetErr *report.SheetError
	if errors.As(err, &sheetErr) {
		problems := make([]rowProblem, len(sheetErr.Errors))
		for i, e := range sheetErr.Errors {
			problems[i] = rowProblem{Row: e.Row, Cell: e.Cell, Column: e.Column, Message: e.Message}
		}
		writeJSON(w, http.StatusUnprocessableEntity, map[string]any{
			"error": map[string]string{"code": "sheet_rows", "message": fmt.Sprintf("%s: %d 处错误，未导入任何数据", header.Filename, len(problems))},
			"rows":  problems})
		return
	}
	if err != nil {
		fail(w, r, errors.Join(errBadRequest, err))
		return
	}
	var items []store.ProgressItem
	skipped := 0
	for _, u := range updates {
		t := tasks[u.TaskID]
		if latest, err := h.Store.FindProgress(r.Context(), u.TaskID); err == nil && len(latest) > 0 && latest[0].Text == u.Text {
			skipped++
			continue
		}
		in := store.ProgressInput{UnitID: reportingUnit(p, t), Text: u.Text, Percent: u.Percent}
		if t.Every != "" {
			if per, err := ledger.PeriodOf(t.Every, h.Ledger.Today()); err == nil {
				in.Period = per.Key
			}
		}
		items = append(items, store.ProgressItem{TaskID: u.TaskID, ProgressInput: in})
	}
	if _, err := h.Store.AddProgressBatch(r.Context(), httpauth.Actor(r), items); err != nil {
		fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]int{"imported": len(items), "skipped": skipped})
}

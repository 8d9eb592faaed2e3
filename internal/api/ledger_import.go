package api

import (
	"errors"
	"net/http"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/httpauth"
	"github.com/duban/duban/internal/report"
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
		fail(w, r, errInvalid("api.problem.file_field"))
		return
	}
	defer file.Close()
	res, err := h.Ledger.ImportProgress(r.Context(), c.Principal(), httpauth.Actor(r), file, header.Filename)
	var sheetErr *report.SheetError
	if errors.As(err, &sheetErr) {
		problems := make([]rowProblem, len(sheetErr.Errors))
		loc := localizer(r)
		for i, e := range sheetErr.Errors {
			problems[i] = rowProblem{Row: e.Row, Cell: e.Cell, Column: e.Column, Message: e.Message}
			if msg := loc.T(e.Key, e.Args...); e.Key != "" && msg != e.Key {
				problems[i].Message = msg // the catalogue words it in the caller's language
			}
		}
		writeJSON(w, http.StatusUnprocessableEntity, map[string]any{
			"error": map[string]string{"code": "sheet_rows", "message": loc.T("api.problem.sheet_rows", "file", header.Filename, "n", len(problems))},
			"rows":  problems})
		return
	}
	var fileErr *report.FileError
	if errors.As(err, &fileErr) {
		fail(w, r, errors.Join(errBadRequest, err))
		return
	}
	reply(w, r, http.StatusOK, res, err)
}

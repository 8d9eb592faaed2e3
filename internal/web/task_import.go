package web

import (
	"errors"
	"net/http"
	"strconv"
)

// SheetRowsError is a progress sheet refused whole: every bad row, as the
// unit's clerk should read it (第 12 行「完成比例」：…).
type SheetRowsError struct {
	File string
	Rows []string
}

func (e *SheetRowsError) Error() string {
	return e.File + ": " + strconv.Itoa(len(e.Rows)) + " bad rows"
}

// TaskImportPage lists the rows that kept a sheet from being imported.
type TaskImportPage struct {
	Page
	File string
	Rows []string
}

// taskImport takes the exported ledger back with 进展情况 and 完成比例 filled
// in and records every row, or none: a sheet with one bad row is refused
// and the page lists every bad row, so the unit fixes them all at once.
func (h *Handler) taskImport(w http.ResponseWriter, r *http.Request) {
	if !parseUpload(w, r) {
		return
	}
	files, _ := uploads(r, "file")
	if len(files) != 1 {
		flash(w, r, "error", "tasks.import.no_file")
		redirect(w, r, "/tasks")
		return
	}
	imported, skipped, err := h.d.Tasks.ImportProgress(r.Context(), files[0])
	var rows *SheetRowsError
	switch {
	case errors.As(err, &rows):
		h.render(w, r, http.StatusUnprocessableEntity, "task_import", TaskImportPage{Page: h.basePage(w, r, "/tasks"), File: rows.File, Rows: rows.Rows})
		return
	case errors.Is(err, ErrBadFile):
		flash(w, r, "error", "tasks.import.bad_file", "file", files[0].Name)
	case err != nil:
		h.fail(w, r, err)
		return
	default:
		flash(w, r, "success", "tasks.imported", "imported", strconv.Itoa(imported), "skipped", strconv.Itoa(skipped))
	}
	redirect(w, r, "/tasks")
}

// ErrBadFile: an upload that is not the expected kind of file.
var ErrBadFile = errors.New("web: not the expected file")

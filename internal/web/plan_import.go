package web

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
)

// maxPlanBytes is the largest plan document, the reader's own limit.
const maxPlanBytes = 64 << 20

// planImport reads an uploaded plan, keeps it as a draft and opens its
// review. A document already imported leads to its plan instead. The
// service checks the user first, then the file (none chosen, wrong kind,
// unreadable), so only the office ever learns what is wrong with one.
func (h *Handler) planImport(w http.ResponseWriter, r *http.Request) {
	var up UploadForm
	var data []byte
	file, header, err := r.FormFile("file")
	if err == nil {
		defer file.Close()
		up.Name = filepath.Base(header.Filename)
		if data, err = io.ReadAll(io.LimitReader(file, maxPlanBytes+1)); err != nil {
			h.fail(w, r, fmt.Errorf("web: reading upload: %w", err))
			return
		}
	}
	id, existed, err := h.d.Plans.Import(r.Context(), up.Name, data)
	var de *DocumentError
	switch {
	case errors.As(err, &de):
		up.Error, up.Detail = "plans.error.unreadable", de.Message
		h.renderPlanList(w, r, http.StatusUnprocessableEntity, up)
		return
	case err != nil:
		fe, ok := validationErrors(r, err)
		if !ok {
			h.fail(w, r, err)
			return
		}
		up.Error = firstOf(fe["file"], fe[""])
		h.renderPlanList(w, r, http.StatusUnprocessableEntity, up)
		return
	}
	if existed {
		flash(w, r, "info", "plans.existed", "name", up.Name)
	} else {
		flash(w, r, "success", "plans.imported", "name", up.Name)
	}
	// The review page sends a confirmed plan on to its task list.
	redirect(w, r, fmt.Sprintf("/plans/%d/review", id))
}

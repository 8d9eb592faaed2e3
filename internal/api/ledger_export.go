package api

import (
	"bytes"
	"mime"
	"net/http"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/httpauth"
)

// ledgerExport downloads the ledger of the tasks matching the list's
// filters as .xlsx (ledgersvc.Export, which records it in the audit log).
// The sheet is built whole before the first byte goes out, so a failure
// mid-way answers with an error rather than a truncated file.
func (h *Handler) ledgerExport(w http.ResponseWriter, r *http.Request) {
	c, err := allowed(r, authz.TaskRead)
	if err != nil {
		fail(w, r, err)
		return
	}
	f, err := h.taskFilter(r)
	if err != nil {
		fail(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := h.Ledger.Export(r.Context(), c.Principal(), httpauth.Actor(r), f, &buf); err != nil {
		fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": "执行台账.xlsx"}))
	w.Write(buf.Bytes())
}

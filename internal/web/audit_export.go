package web

import (
	"encoding/csv"
	"log/slog"
	"net/http"
	"strconv"
	"strings"

	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/workday"
)

// auditExport streams the entries matching the viewer's filter as CSV,
// UTF-8 with a byte-order mark so that Excel on Chinese Windows opens it
// without garbling.
func (h *Handler) auditExport(w http.ResponseWriter, r *http.Request) {
	form, filter := readAuditFilter(r.URL.Query())
	if form.Errors.Any() {
		http.Error(w, http.StatusText(http.StatusBadRequest), http.StatusBadRequest)
		return
	}
	loc := i18n.FromContext(r.Context())
	name := "duban-audit-" + h.d.Now().In(workday.Zone).Format("20060102-150405") + ".csv"
	started := false
	var cw *csv.Writer
	err := h.d.Audit.Each(r.Context(), filter, func(e AuditView) error {
		if !started {
			// Headers go out with the first entry, so an error found
			// before it (ErrForbidden) can still become a proper page.
			started = true
			cw = startCSV(w, loc, name)
		}
		return cw.Write([]string{
			strconv.FormatInt(e.Seq, 10), formatTime(e.At, "2006-01-02 15:04:05"),
			cell(e.Actor), cell(e.IP), cell(e.Action), cell(e.Object), cell(e.Before), cell(e.After), e.Hash,
		})
	})
	if err != nil {
		if !started {
			h.fail(w, r, err)
			return
		}
		// Half a file has gone out; all that is left is to log it.
		slog.ErrorContext(r.Context(), "web: audit export broke off", "err", err)
		return
	}
	if !started {
		cw = startCSV(w, loc, name)
	}
	cw.Flush()
}

func startCSV(w http.ResponseWriter, loc i18n.Localizer, name string) *csv.Writer {
	hd := w.Header()
	hd.Set("Content-Type", "text/csv; charset=utf-8")
	hd.Set("Content-Disposition", `attachment; filename="`+name+`"`)
	hd.Set("Cache-Control", "no-store")
	w.Write([]byte("\ufeff"))
	cw := csv.NewWriter(w)
	cw.Write([]string{
		loc.T("audit.col.seq"), loc.T("audit.col.at"), loc.T("audit.col.actor"), loc.T("audit.col.ip"),
		loc.T("audit.col.action"), loc.T("audit.col.object"), loc.T("audit.col.before"), loc.T("audit.col.after"),
		loc.T("audit.col.hash"),
	})
	return cw
}

// cell defuses text that a spreadsheet would run as a formula (=, +, -, @
// and the control characters that precede them): the export must not turn
// a user name into a command on the auditor's machine.
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

package api

import (
	"encoding/csv"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/workday"
)

// auditList pages through the audit log, newest first.
func (h *Handler) auditList(w http.ResponseWriter, r *http.Request) {
	p, _, err := principalOf(r)
	if err != nil {
		fail(w, r, err)
		return
	}
	f, err := auditFilter(r)
	if err != nil {
		fail(w, r, err)
		return
	}
	entries, total, err := h.Admin.Audit(r.Context(), p, f)
	if err != nil {
		fail(w, r, err)
		return
	}
	items := make([]auditView, len(entries))
	for i, e := range entries {
		items[i] = viewAudit(e)
	}
	writeJSON(w, http.StatusOK, list[auditView]{Items: items, Total: total})
}

// auditVerify checks the hash chain of the whole log.
func (h *Handler) auditVerify(w http.ResponseWriter, r *http.Request) {
	p, _, err := principalOf(r)
	if err != nil {
		fail(w, r, err)
		return
	}
	n, problems, err := h.Admin.VerifyAudit(r.Context(), p)
	if err != nil {
		fail(w, r, err)
		return
	}
	msgs := make([]string, len(problems))
	for i, p := range problems {
		msgs[i] = p.String()
	}
	writeJSON(w, http.StatusOK, map[string]any{"entries": n, "intact": len(problems) == 0, "problems": msgs})
}

// auditExport downloads every selected entry as CSV, oldest first (UTF-8
// with BOM, so that Excel shows the Chinese text); the service records
// the export before it reads.
func (h *Handler) auditExport(w http.ResponseWriter, r *http.Request) {
	p, actor, err := principalOf(r)
	if err != nil {
		fail(w, r, err)
		return
	}
	f, err := auditFilter(r)
	if err != nil {
		fail(w, r, err)
		return
	}
	loc := localizer(r)
	var cw *csv.Writer
	start := func() {
		// The head goes out with the first entry, so that a refusal
		// before it is still a proper error answer.
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="audit.csv"`)
		w.Header().Set("Cache-Control", "no-store")
		w.Write([]byte("\ufeff"))
		cw = csv.NewWriter(w)
		cw.Write([]string{loc.T("audit.col.seq"), loc.T("audit.col.at"), loc.T("audit.col.actor"), loc.T("audit.col.ip"),
			loc.T("audit.col.action"), loc.T("audit.col.object_type"), loc.T("audit.col.object"), loc.T("audit.col.before"),
			loc.T("audit.col.after"), loc.T("audit.col.hash")})
	}
	err = h.Admin.ExportAudit(r.Context(), p, actor, f, func(e audit.Entry) error {
		if cw == nil {
			start()
		}
		return cw.Write([]string{strconv.FormatInt(e.Seq, 10), e.At.In(workday.Zone).Format("2006-01-02 15:04:05"),
			csvSafe(e.Actor), csvSafe(e.IP), csvSafe(e.Action), csvSafe(e.ObjectType), csvSafe(e.ObjectID),
			csvSafe(e.Before), csvSafe(e.After), e.Hash})
	})
	switch {
	case err != nil && cw == nil:
		fail(w, r, err)
		return
	case err != nil:
		// Half a file has gone out; all that is left is to log it.
		slog.ErrorContext(r.Context(), "api: audit export broke off", "err", err)
		return
	case cw == nil:
		start()
	}
	cw.Flush()
}

// csvSafe keeps a spreadsheet from running a cell that starts like a
// formula (=, +, -, @ and the control characters that precede them).
func csvSafe(s string) string {
	if s != "" && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r') {
		return "'" + s
	}
	return s
}

func auditFilter(r *http.Request) (records.AuditFilter, error) {
	q := r.URL.Query()
	f := records.AuditFilter{Actor: q.Get("actor"), Action: q.Get("action")}
	var err error
	if f.Limit, err = queryInt(r, "limit"); err != nil {
		return f, err
	}
	if f.Offset, err = queryInt(r, "offset"); err != nil {
		return f, err
	}
	for _, key := range []string{"from", "to"} {
		v := q.Get(key)
		if v == "" {
			continue
		}
		t, err := time.ParseInLocation("2006-01-02", v, workday.Zone)
		if err != nil {
			return f, errInvalid("api.problem.date", "key", key)
		}
		if key == "from" {
			f.From = t
		} else {
			f.To = t
		}
	}
	return f, nil
}

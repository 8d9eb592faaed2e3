package api

import (
	"encoding/csv"
	"net/http"
	"strconv"
	"time"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/httpauth"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/workday"
)

// auditList pages through the audit log, newest first.
func (h *Handler) auditList(w http.ResponseWriter, r *http.Request) {
	if _, err := allowed(r, authz.AuditRead); err != nil {
		fail(w, r, err)
		return
	}
	f, err := auditFilter(r)
	if err != nil {
		fail(w, r, err)
		return
	}
	entries, total, err := h.Store.FindAudit(r.Context(), f)
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
	if _, err := allowed(r, authz.AuditRead); err != nil {
		fail(w, r, err)
		return
	}
	n, problems, err := h.Store.VerifyAudit(r.Context())
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

// auditExport downloads the selected entries as CSV (UTF-8 with BOM, so
// that Excel shows the Chinese text), and records that it was exported.
func (h *Handler) auditExport(w http.ResponseWriter, r *http.Request) {
	if _, err := allowed(r, authz.AuditRead); err != nil {
		fail(w, r, err)
		return
	}
	f, err := auditFilter(r)
	if err != nil {
		fail(w, r, err)
		return
	}
	f.Limit = 100000
	entries, _, err := h.Store.FindAudit(r.Context(), f)
	if err != nil {
		fail(w, r, err)
		return
	}
	if err := h.Store.RecordEvent(r.Context(), httpauth.Actor(r), "audit.export", "audit", "", map[string]any{"entries": len(entries)}); err != nil {
		fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="audit.csv"`)
	w.Write([]byte("\ufeff"))
	cw := csv.NewWriter(w)
	cw.Write([]string{"序号", "时间", "操作人", "来源IP", "操作", "对象类型", "对象", "变更前", "变更后", "哈希"})
	for _, e := range entries {
		cw.Write([]string{strconv.FormatInt(e.Seq, 10), e.At.In(workday.Zone).Format("2006-01-02 15:04:05"), e.Actor, e.IP,
			e.Action, e.ObjectType, e.ObjectID, csvSafe(e.Before), csvSafe(e.After), e.Hash})
	}
	cw.Flush()
}

// csvSafe keeps a spreadsheet from running a cell that starts like a formula.
func csvSafe(s string) string {
	if s != "" && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@') {
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
	for key, dst := range map[string]*time.Time{"from": &f.From, "to": &f.To} {
		if v := q.Get(key); v != "" {
			t, err := time.ParseInLocation("2006-01-02", v, workday.Zone)
			if err != nil {
				return f, errBadRequestf(key + " 应为 YYYY-MM-DD")
			}
			*dst = t
		}
	}
	return f, nil
}

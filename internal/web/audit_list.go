package web

import "net/http"

// AuditPage is the data of the audit log viewer.
type AuditPage struct {
	Page
	Filter     AuditFilterForm
	Entries    []AuditRow
	Total      int
	First      int // 1-based number of the first entry shown; 0 if none
	Last       int
	PrevHref   string // "" on the first page
	NextHref   string // "" on the last page
	ExportHref string
}

// AuditRow is one entry with its before/after comparison.
type AuditRow struct {
	AuditView
	Diff []DiffLine
}

// auditList shows one page of the audit log. An htmx filter request gets
// only the results, which it swaps in and pushes to the address bar.
func (h *Handler) auditList(w http.ResponseWriter, r *http.Request) {
	form, filter := readAuditFilter(r.URL.Query())
	entries, total, err := h.d.Audit.Find(r.Context(), filter)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	data := AuditPage{Filter: form, Total: total, ExportHref: form.href("/audit/export.csv", 0)}
	for _, e := range entries {
		data.Entries = append(data.Entries, AuditRow{AuditView: e, Diff: auditDiff(e.Before, e.After)})
	}
	if len(entries) > 0 {
		data.First = filter.Offset + 1
		data.Last = filter.Offset + len(entries)
	}
	if form.Page > 1 {
		data.PrevHref = form.href("/audit", form.Page-1)
	}
	if filter.Offset+len(entries) < total {
		data.NextHref = form.href("/audit", form.Page+1)
	}
	if isHTMX(r) {
		h.renderFragment(w, r, http.StatusOK, "audit", "audit_results", data)
		return
	}
	data.Page = h.basePage(w, r, "")
	h.render(w, r, http.StatusOK, "audit", data)
}

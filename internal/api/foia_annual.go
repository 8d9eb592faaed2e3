package api

import (
	"net/http"
	"strconv"

	"github.com/duban/duban/internal/foia"
)

// annualRow is one row of the annual report's table: its label, its
// depth (一、 (一) 1.), and the counts by applicant column, total last.
type annualRow struct {
	Label  string `json:"label"`
	Depth  int    `json:"depth"`
	Counts []int  `json:"counts"`
}

// foiaAnnual is the third table of a year's 政府信息公开工作年度报告 (收到和
// 处理政府信息公开申请情况), counted from the records; this year by
// default, the year in China. The portal publishes it to everyone; the
// API serves those who read requests (foiasvc.AnnualFor). A year without
// a report is refused (400), never another year's table.
func (h *Handler) foiaAnnual(w http.ResponseWriter, r *http.Request) {
	p, ok := signedIn(w, r, h.FOIA != nil)
	if !ok {
		return
	}
	year := 0
	if v := r.URL.Query().Get("year"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			fail(w, r, errInvalid("api.problem.year"))
			return
		}
		year = n
	}
	year, rows, err := h.FOIA.AnnualFor(r.Context(), p, year)
	if err != nil {
		refuse(w, r, err)
		return
	}
	loc := localizer(r)
	columns := make([]string, 0, len(foia.Applicants)+1)
	for _, a := range foia.Applicants {
		columns = append(columns, loc.Code("foia.applicant", string(a), foia.ApplicantLabel(a)))
	}
	out := make([]annualRow, len(rows))
	for i, row := range rows {
		out[i] = annualRow{Label: loc.Code("foia.report.row", strconv.Itoa(i), row.Label), Depth: row.Depth, Counts: row.Counts[:]}
	}
	writeJSON(w, http.StatusOK, map[string]any{"year": year, "columns": append(columns, loc.T("foia.report.total")), "rows": out})
}

package api

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/foia"
	"github.com/duban/duban/internal/workday"
)

// annualRow is one row of the annual report's table: its label, its
// depth (一、 (一) 1.), and the counts by applicant column, total last.
type annualRow struct {
	Label  string `json:"label"`
	Depth  int    `json:"depth"`
	Counts []int  `json:"counts"`
}

// firstYear is when the Regulations took effect: no report before it.
const firstYear = 2008

// foiaAnnual is the third table of a year's 政府信息公开工作年度报告 (收到和
// 处理政府信息公开申请情况), counted from the records; this year by
// default, the year in China.
func (h *Handler) foiaAnnual(w http.ResponseWriter, r *http.Request) {
	if _, ok := h.foiaReady(w, r, authz.FOIARead); !ok {
		return
	}
	now := h.FOIA.Now().In(workday.Zone).Year()
	year := now
	if v := r.URL.Query().Get("year"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < firstYear || n > now {
			fail(w, r, errBadRequestf(fmt.Sprintf("year 应为 %d 至 %d 之间的年份", firstYear, now)))
			return
		}
		year = n
	}
	rows, err := h.FOIA.Annual(r.Context(), year)
	if err != nil {
		fail(w, r, err)
		return
	}
	columns := make([]string, 0, len(foia.Applicants)+1)
	for _, a := range foia.Applicants {
		columns = append(columns, foia.ApplicantLabel(a))
	}
	out := make([]annualRow, len(rows))
	for i, row := range rows {
		out[i] = annualRow{Label: row.Label, Depth: row.Depth, Counts: row.Counts[:]}
	}
	writeJSON(w, http.StatusOK, map[string]any{"year": year, "columns": append(columns, "总计"), "rows": out})
}

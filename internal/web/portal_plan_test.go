package web

import (
	"strings"
	"testing"

	"github.com/duban/duban/internal/i18n"
)

// TestPortalPlanCells: a published plan's tasks show their number as the
// document writes it, in the text's face; the status does not wrap; an
// empty unit, date or percentage reads "—", not a blank cell.
func TestPortalPlanCells(t *testing.T) {
	anon := Page{Lang: i18n.ZhCN, Public: true}
	zero := 0.0
	rows := []PortalTaskRow{
		{ID: 1, PlanID: 1, Path: "二（一）1", Title: "加强政治建设", Units: "市政府党组", Due: "2026-10-25", Status: "overdue", Light: "red", Percent: &zero},
		{ID: 2, PlanID: 1, Path: "", Title: "建立督查工作年度报告制度", Status: "assigned", Light: "green"},
	}
	out := renderSample(t, i18n.ZhCN, "portal_plan", PortalPlanPage{Page: anon, PortalPlan: &PortalPlan{PortalPlanRow: PortalPlanRow{ID: 1, Title: "方案"}, Tasks: rows}})
	for _, want := range []string{
		`<span class="seq seq-doc">二（一）1</span> <a href="/public/tasks/1">加强政治建设</a>`,
		`<td data-label="状态" class="nowrap"><span class="light light-red" aria-hidden="true"></span> `,
		`<td data-label="完成比例" class="num nowrap">0%</td>`,
		`<td data-label="责任单位"><span class="muted">—</span></td>`,
		`<td data-label="时限" class="nowrap"><span class="muted">—</span></td>`,
		`<td data-label="完成比例" class="num nowrap"><span class="muted">—</span></td>`,
		`<td data-label="重点任务"><a href="/public/tasks/2">建立督查工作年度报告制度</a></td>`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("page lacks %s", want)
		}
	}
}

// TestLedgerPagesNumberAsTheDocument: the task list and a task's page
// number a task as the plan does, 二（二）8, not 二.(二).8.
func TestLedgerPagesNumberAsTheDocument(t *testing.T) {
	samples := samplePages()
	for page, want := range map[string]string{
		"tasks": `<td data-label="序号" class="nowrap seq seq-doc">二（二）8</td>`,
		"task":  `<h1><span class="seq seq-doc">二（二）8</span> 完善行政决策机制</h1>`,
	} {
		out := renderSample(t, i18n.ZhCN, page, samples[page][0])
		if !strings.Contains(out, want) {
			t.Errorf("%s lacks %s", page, want)
		}
		if strings.Contains(out, "二.(二).8") {
			t.Errorf("%s shows the stored path", page)
		}
	}
}

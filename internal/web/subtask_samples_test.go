package web

import (
	"github.com/duban/duban/internal/ledgersvc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/subtasksvc"
)

// subtaskSamples are the task page with its breakdown (split, a sub-task,
// a refused split and upload) and the 落实计划's review.
func subtaskSamples(p Page) map[string][]any {
	units := []records.Unit{{ID: 3, Name: "市法制办"}, {ID: 4, Name: "<b>市司法局</b>"}}
	pct := func(v float64) *float64 { return &v }
	kid := func(id int64, title string, percent *float64, status string) ledgersvc.Task {
		return ledgersvc.Task{TaskEntry: ledgersvc.TaskEntry{ID: id, Path: []string{"一", "1", "1"}, Title: title, LeadUnits: []string{"市法制办"}, Units: []string{"市法制办"},
			Due: "2026-06-30", ParentID: 2, PartWeight: 1.5}, TaskState: ledgersvc.TaskState{Percent: percent, LedgerStatus: status, Light: "green"}}
	}
	page := func(b *subtasksvc.Breakdown, split SplitForm, up UploadForm) TaskPage {
		d := sampleDetail("in_progress")
		return TaskPage{Page: p, Task: d, Timeline: timeline(d), Report: ReportForm{Targets: map[int]string{}, Errors: FieldErrors{}},
			Close: CloseForm{Errors: FieldErrors{}}, Decide: DecideForm{Errors: FieldErrors{}}, Answer: AnswerForm{Errors: FieldErrors{}},
			Breakdown: b, Split: split, WorkPlan: up}
	}
	blank := SplitForm{Rows: []SubtaskRow{{N: 1}, {N: 2}, {N: 3}}, Errors: FieldErrors{}}
	split := &subtasksvc.Breakdown{TaskID: 2, RollUp: pct(75), CanSplit: true, Units: units,
		Subtasks: []ledgersvc.Task{kid(7, "起草<b>办法</b>", pct(100), "in_progress"), kid(8, "组织实施", nil, "not_started")}}
	refused := SplitForm{Rows: []SubtaskRow{{N: 1, Title: "x", Unit: "3", Due: "2027-01-01", Weight: "0"}, {N: 2}, {N: 3}, {N: 4}},
		Errors: FieldErrors{"": "subtasks.error.not_open", "subtasks": "subtasks.error.none", "subtasks.1.due": "subtasks.error.after_parent",
			"subtasks.1.weight": "subtasks.error.weight", "subtasks.1.unit": "subtasks.error.unit_not_of_task", "subtasks.1.title": "error.required"}}
	bad := UploadForm{Name: "计划.docx", Error: "plans.error.unreadable", Detail: "计划.docx: .docx 文件已损坏"}
	parent := kid(2, "完善决策机制", pct(40), "in_progress")
	review := SplitForm{Errors: FieldErrors{"": "subtasks.error.in_plan", "subtasks.2.unit": "error.required"}, Rows: []SubtaskRow{
		{N: 1, Title: "起草规定", Unit: "3", Due: "2026-06-30", Keep: true, Item: 1, Path: "一"},
		{N: 2, Title: "评估", Due: "2026-12-31", Keep: false, Item: 3, Path: "三", UnitNamed: "市发改委",
			Notes: []string{"subtasks.note.unit_not_of_task", "subtasks.note.due_of_task", "subtasks.note.due_capped"}}}}
	return map[string][]any{
		"task": {
			page(split, blank, UploadForm{}),
			page(&subtasksvc.Breakdown{TaskID: 2, CanSplit: true, Units: units}, refused, bad),
			page(&subtasksvc.Breakdown{TaskID: 7, Parent: &parent}, blank, UploadForm{}),
			page(&subtasksvc.Breakdown{TaskID: 2, RollUp: pct(75), Subtasks: split.Subtasks}, blank, UploadForm{}),
		},
		"task_workplan": {
			WorkPlanPage{Page: p, TaskID: 2, TaskTitle: "完善<b>决策</b>机制", TaskPath: []string{"一", "1"}, TaskDue: "2026-12-31",
				File: "落实计划.docx", SHA: "ab", Units: units, Form: review},
			WorkPlanPage{Page: p, TaskID: 2, File: "x.txt", Form: SplitForm{Errors: FieldErrors{}}},
		},
	}
}

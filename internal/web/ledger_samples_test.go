package web

import (
	"testing"
	"time"

	"github.com/duban/duban/internal/ledgersvc"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/supervise"
	"github.com/duban/duban/internal/units"
)

// sampleTasks are ledger tasks in every status, for the list, the task
// page and the workbench.
func sampleTasks() []ledgersvc.Task {
	pct := 40.0
	at := time.Date(2026, 2, 27, 3, 0, 0, 0, time.UTC)
	base := ledgersvc.Task{TaskEntry: ledgersvc.TaskEntry{PlanID: 1, Path: []string{"二", "(二)", "8"}, Title: "完善行政决策机制", Units: []string{"市法制办", "各县（市、区）政府"},
		LeadUnits: []string{"市法制办"}, UnitIDs: []int64{3}, Due: "2026-12-31", Every: "quarter",
		Deadlines: []plandoc.Deadline{{Text: "每季度", Every: "quarter"}, {Text: "2026年底前", Due: "2026-12-31"}}},
		TaskState: ledgersvc.TaskState{NextDue: "2026-03-31"}}
	var out []ledgersvc.Task
	for i, st := range []struct{ status, light, workflow string }{
		{"not_started", "green", "registered"}, {"in_progress", "green", "in_progress"}, {"due_soon", "yellow", "in_progress"},
		{"overdue", "red", "registered"}, {"pending", "green", "pending"}, {"closed", "blue", "closed"}, {"draft", "gray", "draft"},
	} {
		t := base
		t.ID, t.Seq, t.LedgerStatus, t.Status, t.Light, t.Workflow = int64(i+1), i, st.status, st.status, st.light, st.workflow
		if st.workflow != "registered" {
			t.Percent, t.LastReportAt = &pct, &at
		}
		out = append(out, t)
	}
	return out
}

// sampleDetail is a task page with every part filled: milestones, targets,
// obligations, reports with attachments, a pending 销号 application.
func sampleDetail(workflow string) *TaskDetail {
	t := sampleTasks()[1]
	t.Workflow = workflow
	t.Goal, t.Owner, t.Requirement, t.Measure = "重大决策全部依法履行程序", "分管副主任", "按季度报送", "建立目录管理"
	t.Targets = []plandoc.Target{{Text: "每年确定10个左右重点课题", Value: 10, Unit: "个"}}
	t.Milestones = []plandoc.Milestone{{Text: "制定办法", Due: "2026-06-30"}, {Text: "全面实施", Due: "2026-12-31"}}
	done := time.Date(2026, 2, 1, 2, 0, 0, 0, time.UTC)
	t.MilestoneDone = []*time.Time{&done, nil}
	at := time.Date(2026, 2, 27, 3, 0, 0, 0, time.UTC)
	pct := 40.0
	att := []records.Attachment{{ID: 7, Filename: "会议纪要.pdf", Size: 123456}}
	d := &TaskDetail{PlanTitle: "嘉兴市人民政府“两强三提高”建设行动计划实施方案", CanReport: workflow == "in_progress",
		CanDecide: workflow == "pending", CanIssue: workflow == "in_progress", CurrentPeriod: "2026-Q1"}
	if workflow == "in_progress" {
		d.Matter = &MatterRecord{Kind: "instruction", KindName: "领导批示", Source: "instruction", SourceText: "<b>请财政局研究</b>", Leader: "张市长",
			Meeting: "<i>常务会议</i>", MinutesNo: "〔2026〕12号", MinutesOn: "2026-12-01", LetterRef: "交办〔2026〕3号", ReportBack: true,
			CreatedBy: "ducha", CreatedAt: at, CanReport: true, Attachments: att}
	}
	d.Detail = ledgersvc.Detail{Task: t,
		Progress:      []records.Progress{{ID: 5, TaskID: t.ID, Author: "赵敏", Period: "2026-Q1", Text: "已起草办法。\n第二行", Percent: &pct, Targets: map[int]float64{0: 4}, CreatedAt: at, Attachments: att}},
		CloseRequests: []records.CloseRequest{{ID: 9, TaskID: t.ID, Text: "已全部完成", CreatedAt: at, Attachments: att}, {ID: 8, TaskID: t.ID, Text: "第一次申请", Decision: "returned", Reason: "材料不全", CreatedAt: at}},
		History: []records.TaskEvent{{ID: 1, At: at, Actor: "ducha", Kind: "registered"}, {ID: 2, At: at, Actor: "fazhiban", Kind: "progress", RefID: 5},
			{ID: 3, At: at, Actor: "fazhiban", Kind: "close_request", RefID: 8}, {ID: 4, At: at, Actor: "ducha", Kind: "returned", RefID: 8},
			{ID: 5, At: at, Actor: "fazhiban", Kind: "close_request", RefID: 9}, {ID: 6, At: at, Actor: "ducha", Kind: "edited"}},
		Obligations: []ledgersvc.Obligation{{Period: "2025-Q4", Label: "2025年第四季度", End: "2025-12-31", Owed: true},
			{Period: "2026-Q1", Label: "2026年第一季度", End: "2026-03-31", Reported: true}}}
	on := time.Date(2026, 4, 7, 0, 0, 0, 0, time.UTC)
	d.Supervision = []SupervisionItem{
		{Key: "t2/notice/blue/2026-03-31", Kind: "notice", Title: "蓝色督办单<b>", On: on, Deadline: on.AddDate(0, 0, 7), Explain: "蓝色督办单：…<script>x</script>"},
		{Kind: "press", Title: "催办", On: on.AddDate(0, 0, -5), CaughtUp: true, Explain: "催办：…"},
		{Kind: "notice", Title: "蓝色督办单", On: on.AddDate(0, 0, -20), Deadline: on.AddDate(0, 0, -13), Answered: true, Answer: "已整改<i>"},
	}
	if workflow == "closed" {
		d.History = append(d.History, records.TaskEvent{ID: 7, At: at, Actor: "ducha", Kind: "closed", RefID: 9})
		d.CloseRequests[0].Decision = "closed"
	}
	return d
}

// ledgerSamples are the sample data of the ledger's pages.
func ledgerSamples(p Page) map[string][]any {
	at := time.Date(2026, 4, 7, 1, 0, 0, 0, time.UTC)
	plans := []ledgersvc.Plan{
		{ID: 2, Title: "某方案", DocNumber: "嘉政发〔2018〕23号", SourceName: "方案.docx", Status: "draft", TaskCount: 71, ImportedAt: testNow},
		{ID: 1, Title: "另一方案", SourceName: "b.txt", Status: "confirmed", TaskCount: 12, ImportedAt: testNow},
	}
	registry := []UnitView{{ID: 3, Name: "市法制办"}, {ID: 4, Name: "市司法局"}}
	rt := &ledgersvc.ReviewTask{Task: sampleTasks()[6], UnitMatches: []ledgersvc.UnitMatch{
		{Name: "市法制办", Lead: true, UnitID: 3, How: "name"}, {Name: "市府法制", How: "", Suggestions: []units.Suggestion{{UnitID: 3, Name: "市法制办", Score: .8}}},
		{Name: "法制办公室", UnitID: 3, How: "alias"}}}
	rt.Targets = []plandoc.Target{{Text: "课题", Value: 10, Unit: "个"}}
	rt.Milestones = []plandoc.Milestone{{Text: "制定", Due: "2026-06-30"}}
	form := reviewTaskForm(2, rt, registry)
	saved := form
	saved.Saved, saved.Notice, saved.Arg = true, "review.unit_created", "市府法制"
	tooled := form
	tooled.ID, tooled.SplitParts, tooled.Next, tooled.Warnings = 9, splitParts("第一句。第二句；第三句（责任单位：市司法局）"), &TaskRef{ID: 10, Path: "二.2", Title: "下一项"}, []string{"review.warning.kind.no_deadline"}
	tooled.Tool, tooled.ToolError = "split", "error.invalid"
	bad := form
	bad.Errors = FieldErrors{"": "error.invalid", "title": "error.required", "units": "error.unit_name_taken", "deadlines": "error.date_invalid",
		"targets": "error.number_invalid", "milestones": "error.required", "weight": "error.number_invalid", "goal": "error.text_too_long"}
	tasks := sampleTasks()
	filter, _ := readTaskFilter(nil)
	list := TaskListPage{Page: p, Filter: filter, Tasks: tasks, Total: 120, First: 51, Last: 57, PrevHref: "/tasks", NextHref: "/tasks?page=3",
		ExportHref: "/tasks/export.xlsx", Plans: []Option{{Value: "1", Label: "另一方案", Selected: true}}, Units: []UnitOption{{ID: 3, Name: "市法制办"}},
		PlanTitles: map[int64]string{1: "另一方案"}, SortHrefs: map[string]string{"plan": "/tasks", "due": "/tasks?sort=due", "report": "/tasks?sort=report"},
		Statuses: LedgerStatuses, Lights: LedgerLights, Sorts: TaskSorts}
	filtered := list
	filtered.Filter = TaskFilterForm{Plan: 1, Status: "overdue", Light: "red", From: "2026-01-01", To: "bad", Q: "决策", Sort: "due", Errors: FieldErrors{"due_to": "error.date_invalid"}}
	empty := TaskListPage{Page: p, Filter: filter, SortHrefs: map[string]string{}, Sorts: TaskSorts}
	taskPage := func(workflow string) TaskPage {
		d := sampleDetail(workflow)
		tp := TaskPage{Page: p, Task: d, Timeline: timeline(d), Periods: periodOptions(d, "2026-Q1"), MaxFileBytes: 20 << 20,
			Report: ReportForm{Targets: map[int]string{}, Errors: FieldErrors{}}, Close: CloseForm{Errors: FieldErrors{}}, Decide: DecideForm{Errors: FieldErrors{}}}
		tp.Milestones = []MilestoneView{{Text: "制定办法", Due: "2026-06-30", DoneAt: d.MilestoneDone[0]}, {Text: "全面实施"}}
		v := 4.0
		tp.Targets = []TargetView{{Text: "课题", Value: 10, Unit: "个", Reached: &v}, {Text: "其他", Value: 1}}
		if workflow == "pending" {
			tp.Pending = &d.CloseRequests[0]
		}
		return tp
	}
	withErrors := taskPage("in_progress")
	withErrors.Report = ReportForm{Text: "x", Percent: "120", Done: []int{1}, Targets: map[int]string{0: "abc"},
		Errors: FieldErrors{"": "error.task_state", "text": "error.text_too_long", "percent": "error.percent_range", "files": "error.file_type", "targets": "error.number_invalid", "milestones": "error.invalid"}}
	withErrors.Close = CloseForm{Text: "y", Errors: FieldErrors{"text": "error.required", "files": "error.too_many_files"}}
	decideErr := taskPage("pending")
	decideErr.Decide = DecideForm{Errors: FieldErrors{"reason": "error.required"}}
	withBanner := p
	withBanner.CalendarMissing = "2027、2028"
	answerErr := taskPage("in_progress")
	answerErr.Answer = AnswerForm{Key: "t2/notice/blue/2026-03-31", Text: "<x>", Errors: FieldErrors{"": "error.answered", "text": "error.text_too_long"}}
	closed := taskPage("closed")
	closed.Alert = "error.task_state"
	return map[string][]any{
		"plans": {
			PlanListPage{Page: p, Plans: plans, CanImport: true},
			PlanListPage{Page: p, CanImport: true, Upload: UploadForm{Name: "a.pdf", Error: "plans.error.unreadable", Detail: "a.pdf: 应为 .txt、.docx…"}},
			PlanListPage{Page: p, Plans: plans},
		},
		"plan_review": {
			ReviewPage{Page: p, Plan: plans[0], PlanForm: planForm(plans[0]), Lines: sourceLines("嘉兴市人民政府\n\n一、总体要求"),
				DocWarnings:  []WarningView{{Key: "plans.warning.unread_annex", Label: "review.warning.kind.unread_annex", Href: "#src-L3", Line: 3, Excerpt: "附件1"}, {Key: "review.warning.other_text", Label: "review.warning.other"}},
				TaskWarnings: []WarningGroup{{Kind: "no_unit", Label: "review.warning.kind.no_unit", Items: []WarningView{{Href: "#task-7", Path: "二.1", Title: "某任务"}, {Path: "三"}}}},
				Tasks:        []ReviewTaskForm{form, saved, bad, tooled}, Order: []TaskRef{{ID: 7, Path: "二.1", Title: "某任务"}},
				Add:    AddTaskForm{After: 7, Open: true, Errors: FieldErrors{"title": "error.required", "after": "error.invalid", "x": "error.invalid"}}.withRows(),
				Banner: ReviewBanner{PlanID: 2, Tasks: 71, Unknown: 3, Flagged: 2, NoUnit: 4, NoDeadline: 5}, Registry: registry, DiscardError: "error.plan_confirmed"},
			ReviewPage{Page: p, Plan: plans[0], PlanForm: PlanForm{Year: "x", Errors: FieldErrors{"year": "plans.error.year", "": "error.invalid"}},
				Add: newAddTaskForm(), Banner: ReviewBanner{PlanID: 2}},
		},
		"review_move": {
			MovePage{Page: p, Plan: plans[0], Task: TaskRef{ID: 7, Path: "二.1", Title: "某任务"}, Order: []TaskRef{{ID: 8, Path: "二.2", Title: "另一任务"}}, After: 8, Errors: FieldErrors{}},
			MovePage{Page: p, Plan: plans[0], Task: TaskRef{ID: 7}, Path: "x", Errors: FieldErrors{"after": "error.invalid", "path": "error.too_long", "": "error.invalid"}},
		},
		"plan_personal": {
			PersonalDataPage{Page: p, PlanID: 3, Tasks: []PersonalDataRow{{Name: "<b>方案</b>", Kinds: []string{"pii.kind.name"}},
				{Name: "二.1 核查身份证****************34", Href: "/tasks/7", Kinds: []string{"pii.kind.id_number", "pii.kind.mobile"}}}},
		},
		"plan_unitless": {
			UnitlessPage{Page: p, Plan: plans[0], Tasks: []UnitlessTask{{Name: "二/(一)/3 建立台账", Href: "/plans/2/review#task-3"}, {Name: "三/1 <b>x</b>"}}},
		},
		"tasks": {list, filtered, empty},
		"task":  {taskPage("in_progress"), taskPage("pending"), taskPage("closed"), withErrors, decideErr, answerErr, closed, taskPage("registered")},
		"desk": {
			DeskPage{Page: p, DeskView: &DeskView{Overdue: 1,
				Notices: []OpenNotice{{Key: "t2/notice/x", Label: "黄色督办单", TaskID: 2, TaskTitle: "<b>任务</b>", PlanID: 1, PlanTitle: "方案",
					Units: "市法制办（牵头）、市财政局", On: at, Deadline: at.AddDate(0, 0, -1), Overdue: true}},
				ByUnit: []UnitNotices{{Unit: "市法制办", Open: 1, Overdue: 1}, {Unit: "市财政局", Open: 1}}},
				LateProposals: []ProposalRow{{ID: 3, Kind: "人大代表建议", Number: "12", Title: "<b>学位</b>", LeadUnit: "市教育局", Due: "2026-11-09", Late: true}}},
			DeskPage{Page: withBanner, DeskView: &DeskView{}},
		},
		"inbox": {
			InboxPage{Page: p, InboxView: &InboxView{CanResend: true,
				Messages: []Message{{ID: 3, Channel: "inbox", Unit: "市法制办", Title: "蓝色督办单：<b>任务</b>", Text: "限期整改至 2026-04-14", Link: "/tasks/2", Created: at}},
				Failed:   []Message{{ID: 4, Channel: "dingtalk", Title: "催办", Error: "dingtalk: 310000 <keywords not in content>", Created: at}}}},
			InboxPage{Page: p, InboxView: &InboxView{}, Alert: "inbox.error.not_dead"},
			InboxPage{Page: p, InboxView: &InboxView{CanResend: true}},
		},
		"task_import": {TaskImportPage{Page: p, File: "台账.xlsx", Rows: []string{"第 5 行「完成比例」：完成比例应在 0–100 之间，填写的是「120%」", "第 9 行「任务编号」：<script>alert(1)</script>"}}},
	}
}

// TestLedgerDynamicKeysExist checks the keys the ledger's templates build
// from codes: statuses, lights, cadences, plan states, history events,
// sort orders.
func TestLedgerDynamicKeysExist(t *testing.T) {
	for _, s := range append(LedgerStatuses, "draft") {
		hasEverywhere(t, ledgerStatusKey(s), "ledgerStatusKey")
	}
	for _, l := range append(LedgerLights, "gray") {
		hasEverywhere(t, lightKey(l), "lightKey")
	}
	for _, c := range append(Cadences, "") {
		hasEverywhere(t, cadenceKey(c), "cadenceKey")
	}
	for _, s := range []string{"draft", "confirmed"} {
		hasEverywhere(t, planStatusKey(s), "planStatusKey")
	}
	for _, k := range []string{records.EventRegistered, records.EventEdited, records.EventProgress, records.EventCloseRequest, records.EventClosed, records.EventReturned, records.EventAnswer, records.EventSplit} {
		hasEverywhere(t, eventKey(k), "eventKey")
	}
	for _, k := range supervise.Kinds {
		hasEverywhere(t, supervisionKey(string(k)), "supervisionKey")
	}
	for _, c := range []string{"inbox", "email", "webhook", "dingtalk", "wecom"} {
		hasEverywhere(t, channelKey(c), "channelKey")
	}
	for _, s := range TaskSorts {
		hasEverywhere(t, "tasks.sort."+s, "task_results")
	}
	for _, k := range []string{"plans.existed", "plans.imported", "review.saved", "review.unit_created", "review.confirmed", "review.confirm_failed",
		"task.reported", "task.answered", "error.answered", "task.issued", "error.issued_today", "task.close_requested", "task.closed_done", "task.returned_done", "plans.error.no_file", "plans.error.type", "plans.error.unreadable",
		"error.plan_no_tasks", "error.plan_confirmed", "error.task_state", "error.percent_range", "error.file_type", "error.file_too_large",
		"error.file_empty", "error.too_many_files", "error.text_too_long", "error.unit_name_taken", "error.number_invalid"} {
		hasEverywhere(t, k, "flash or validation key")
	}
}

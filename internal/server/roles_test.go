package server

import (
	"bytes"
	"context"
	"encoding/base32"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/services"

	"github.com/duban/duban/internal/assess"
	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/auth"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/commitsvc"
	"github.com/duban/duban/internal/emergencysvc"
	"github.com/duban/duban/internal/files"
	"github.com/duban/duban/internal/foiasvc"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/store"
	"github.com/duban/duban/internal/store/storetest"
	"github.com/duban/duban/internal/supervise"
	"github.com/duban/duban/internal/workday"
	"github.com/duban/duban/internal/xlsxout"
)

// fixture is a server with one account per role, two liaisons of two
// different units, a plan whose tasks belong to those units, and a
// bystander account for the user-administration calls to act on.
type fixture struct {
	draftPlan  int64
	draftTasks []int64 // the draft's two tasks, in order
	srv        http.Handler
	db         *store.DB
	services   *services.Services
	tokens     map[string]string // caller name → bearer token
	users      map[string]int64
	unitA      int64
	unitB      int64
	taskA      int64
	bystander  int64
	foiaID     int64 // a request received today, for the step and reply calls
	incident   int64 // an incident of 市法制办's, for the duty call
	attachment int64 // a file of task A's progress (seedReads)
	ticketA    int64 // a 12345 ticket of 市法制办's (seedReads)
	change     int64 // a calendar change (seedReads)
	group      int64 // a unit group of 市法制办 (createGroup)
	matterA    int64 // a 领导批示 of 市法制办's (seedReads)
	passDown   int64 // a task of 市法制办 standing for a group of 市财政局 (linkCatchAll)
	decision   int64 // a 重大行政决策 of 市法制办's (enterDecision)
	commitment int64 // a public commitment of 市法制办's (registerCommitment)
}

var callers = []string{"anonymous", "sysadmin", "secadmin", "auditadmin", "office", "leader", "liaisonA", "liaisonB"}

func newFixture(t testing.TB, kind string) *fixture {
	t.Helper()
	ctx := context.Background()
	db := storetest.Open(t, kind)
	f := &fixture{db: db, tokens: map[string]string{}, users: map[string]int64{}}
	sys := audit.System
	a, _ := db.CreateUnit(ctx, sys, records.UnitCreate{Name: "市法制办", Kind: records.UnitDepartment})
	b, _ := db.CreateUnit(ctx, sys, records.UnitCreate{Name: "市财政局", Kind: records.UnitDepartment})
	f.unitA, f.unitB = a.ID, b.ID
	plan := &plandoc.Plan{Title: "方案", Year: 2026, Tasks: []plandoc.Task{
		{Path: []string{"1"}, Title: "甲任务", Units: []string{"市法制办"}},
		{Path: []string{"2"}, Title: "乙任务", Units: []string{"市财政局"}},
	}}
	planID, _, err := db.ImportPlan(ctx, records.PlanImport{SourceName: "p.txt", SourceSHA256: strings.Repeat("ab", 32), Format: "text", Plan: plan})
	if err != nil {
		t.Fatal(err)
	}
	tasks, _, _ := db.FindTasks(ctx, records.TaskFilter{PlanID: planID})
	f.taskA = tasks[0].ID

	roles := map[string]authz.Role{"sysadmin": authz.SysAdmin, "secadmin": authz.SecAdmin, "auditadmin": authz.AuditAdmin,
		"office": authz.Office, "leader": authz.Leader, "liaisonA": authz.Liaison, "liaisonB": authz.Liaison, "bystander": authz.Leader}
	units := map[string][]int64{"liaisonA": {a.ID}, "liaisonB": {b.ID}}
	fs, err := files.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	// The services as cli builds them, over the fixture's database.
	f.services = services.New(db, services.Options{Policy: auth.DefaultPolicy, Files: fs})
	svc := f.services.Signin
	for name, role := range roles {
		u, err := db.CreateUser(ctx, sys, records.UserCreate{Username: name, PasswordHash: fixtureHash, Role: role, Units: units[name]})
		if err != nil {
			t.Fatal(err)
		}
		f.users[name] = u.ID
		if f.tokens[name], err = svc.Issue(ctx, sys, u.ID, records.SessionAPI, "test", "127.0.0.1"); err != nil {
			t.Fatal(err)
		}
	}
	f.bystander = f.users["bystander"]
	if err := f.services.Calendar.Load(ctx); err != nil {
		t.Fatal(err)
	}
	f.srv = New(Deps{Store: db, Services: f.services, Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	f.srv = contractChecked(t, f.srv, f.tokens["office"])
	return f
}

// call makes a request as caller and returns the status.
func (f *fixture) call(t *testing.T, caller, method, path string, body io.Reader, contentType string) int {
	t.Helper()
	req := httptest.NewRequest(method, path, body)
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if tok := f.tokens[caller]; tok != "" {
		req.Header.Set("Authorization", "Bearer "+tok)
	}
	rec := httptest.NewRecorder()
	f.srv.ServeHTTP(rec, req)
	return rec.Code
}

func planUpload(t *testing.T) (io.Reader, string) {
	data, err := os.ReadFile("../../demo/seeds/004_0b88acb7f72e79cc.txt")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, _ := mw.CreateFormFile("file", "004.txt")
	fw.Write(data)
	mw.Close()
	return &buf, mw.FormDataContentType()
}

// workPlanUpload is a unit's 落实计划 of two items, as a multipart upload.
func workPlanUpload(*testing.T) (io.Reader, string) {
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, _ := mw.CreateFormFile("file", "落实计划.txt")
	fw.Write([]byte("落实计划\n一、起草实施细则（市法制办负责，2026年6月底前完成）\n二、组织培训（市法制办负责，2026年9月底前完成）\n"))
	mw.Close()
	return &buf, mw.FormDataContentType()
}

// registryUpload is an .xlsx of one unit to register, as the import
// template has it.
func registryUpload(t *testing.T) (io.Reader, string) {
	data, err := xlsxout.Write([]xlsxout.Sheet{{Name: "单位", Header: []string{"单位名称*", "上级单位", "类型"}, Rows: [][]any{{"市统计局", "", "市直部门"}}}})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, _ := mw.CreateFormFile("file", "registry.xlsx")
	fw.Write(data)
	mw.Close()
	return &buf, mw.FormDataContentType()
}

// endpoint is one state-changing call of the write matrix.
type endpoint struct {
	name, method string
	path         func(f *fixture) string
	body         func(t *testing.T) (io.Reader, string)
	allowed      []string
	prepare      func(t *testing.T, f *fixture)                     // puts the system in the state the call needs
	jsonFor      func(f *fixture) string                            // a JSON body naming what prepare made, instead of body
	bodyFor      func(t *testing.T, f *fixture) (io.Reader, string) // a body naming the fixture's records, instead of body
	// refused is what a signed-in caller not allowed gets, by caller;
	// 403 for any caller not named.
	refused map[string]string
}

// writeEndpoints are every state-changing call of the API, with who may
// make it.
func writeEndpoints() []endpoint {
	jsonBody := func(s string) func(*testing.T) (io.Reader, string) {
		return func(*testing.T) (io.Reader, string) { return strings.NewReader(s), "application/json" }
	}
	return append([]endpoint{
		{"create unit", "POST", func(*fixture) string { return "/api/v1/units" }, jsonBody(`{"name":"新单位","kind":"department"}`), []string{"sysadmin", "office"}, nil, nil, nil, nil},
		{"update unit", "PATCH", func(f *fixture) string { return fmt.Sprintf("/api/v1/units/%d", f.unitA) }, jsonBody(`{"aliases":["市政府法制办公室"]}`), []string{"sysadmin", "office"}, nil, nil, nil, nil},
		{name: "merge units", method: "POST", path: func(f *fixture) string { return fmt.Sprintf("/api/v1/units/%d/merge", f.unitB) },
			jsonFor: func(f *fixture) string { return fmt.Sprintf(`{"into":%d}`, f.unitA) }, allowed: []string{"sysadmin", "office"}},
		{name: "create unit group", method: "POST", path: func(*fixture) string { return "/api/v1/unit-groups" },
			jsonFor: func(f *fixture) string { return fmt.Sprintf(`{"name":"县市区","members":[%d]}`, f.unitA) }, allowed: []string{"sysadmin", "office"}},
		{name: "update unit group", method: "PUT", path: func(f *fixture) string { return fmt.Sprintf("/api/v1/unit-groups/%d", f.group) },
			jsonFor: func(f *fixture) string {
				return fmt.Sprintf(`{"name":"市直部门","members":[%d,%d]}`, f.unitA, f.unitB)
			},
			allowed: []string{"sysadmin", "office"}, prepare: createGroup},
		{name: "delete unit group", method: "DELETE", path: func(f *fixture) string { return fmt.Sprintf("/api/v1/unit-groups/%d", f.group) },
			body: jsonBody(``), allowed: []string{"sysadmin", "office"}, prepare: createGroup},
		{name: "import units", method: "POST", path: func(*fixture) string { return "/api/v1/units/import" }, body: registryUpload,
			allowed: []string{"sysadmin", "office"}},
		{"import plan", "POST", func(*fixture) string { return "/api/v1/plans" }, planUpload, []string{"office"}, nil, nil, nil, nil},
		{"create user", "POST", func(*fixture) string { return "/api/v1/users" }, jsonBody(`{"username":"newcomer","password":"Strong#Pass9"}`), []string{"sysadmin"}, nil, nil, nil, nil},
		{"update user", "PATCH", func(f *fixture) string { return fmt.Sprintf("/api/v1/users/%d", f.bystander) }, jsonBody(`{"display_name":"改名"}`), []string{"sysadmin"}, nil, nil, nil, nil},
		{"grant role", "PUT", func(f *fixture) string { return fmt.Sprintf("/api/v1/users/%d/grant", f.bystander) }, jsonBody(`{"role":"office"}`), []string{"secadmin"}, nil, nil, nil, nil},
		{"unlock", "POST", func(f *fixture) string { return fmt.Sprintf("/api/v1/users/%d/unlock", f.bystander) }, jsonBody(``), []string{"secadmin"}, nil, nil, nil, nil},
		{name: "reset a lost second factor", method: "POST", path: func(f *fixture) string { return fmt.Sprintf("/api/v1/users/%d/totp/reset", f.bystander) },
			body: jsonBody(``), allowed: []string{"sysadmin"}, prepare: func(t *testing.T, f *fixture) {
				beginTOTPForAll(t, f)
				if err := f.db.ConfirmTOTP(context.Background(), audit.System, f.bystander, 1, nil); err != nil {
					t.Fatal(err)
				}
			}},
		{"logout everywhere", "POST", func(f *fixture) string { return fmt.Sprintf("/api/v1/users/%d/logout-all", f.bystander) }, jsonBody(``), []string{"sysadmin"}, nil, nil, nil, nil},
		{name: "correct task", method: "PATCH", path: func(f *fixture) string { return fmt.Sprintf("/api/v1/tasks/%d", f.taskA) },
			body: jsonBody(`{"goal":"年底前全面完成"}`), allowed: []string{"office"}},
		{name: "confirm plan", method: "POST", path: func(f *fixture) string { return fmt.Sprintf("/api/v1/plans/%d/confirm", f.draftPlan) },
			body: jsonBody(``), allowed: []string{"office"}, prepare: importDraft},
		{name: "correct a draft's title", method: "PATCH", path: func(f *fixture) string { return fmt.Sprintf("/api/v1/plans/%d", f.draftPlan) },
			body: jsonBody(`{"title":"新标题","issued_on":"2026-03-01"}`), allowed: []string{"office"}, prepare: importDraft},
		{name: "rename a registered plan", method: "PATCH", path: func(*fixture) string { return "/api/v1/plans/1" },
			body: jsonBody(`{"title":"改名后的方案"}`), allowed: []string{"office"}},
		{name: "discard a draft", method: "DELETE", path: func(f *fixture) string { return fmt.Sprintf("/api/v1/plans/%d", f.draftPlan) },
			body: jsonBody(``), allowed: []string{"office"}, prepare: importDraft},
		{name: "add a task to a draft", method: "POST", path: func(f *fixture) string { return fmt.Sprintf("/api/v1/plans/%d/tasks", f.draftPlan) },
			body: jsonBody(`{"title":"新增任务","units":["市法制办"],"after":0}`), allowed: []string{"office"}, prepare: importDraft},
		{name: "delete a draft's task", method: "DELETE", path: func(f *fixture) string {
			return fmt.Sprintf("/api/v1/plans/%d/tasks/%d", f.draftPlan, f.draftTasks[1])
		}, body: jsonBody(``), allowed: []string{"office"}, prepare: importDraft},
		{name: "split a draft's task", method: "POST", path: func(f *fixture) string {
			return fmt.Sprintf("/api/v1/plans/%d/tasks/%d/split", f.draftPlan, f.draftTasks[0])
		}, body: jsonBody(`{"at":1}`), allowed: []string{"office"}, prepare: importDraft},
		{name: "merge a draft's tasks", method: "POST", path: func(f *fixture) string {
			return fmt.Sprintf("/api/v1/plans/%d/tasks/%d/merge", f.draftPlan, f.draftTasks[0])
		}, jsonFor: func(f *fixture) string { return fmt.Sprintf(`{"with":%d}`, f.draftTasks[1]) }, allowed: []string{"office"},
			prepare: importDraft},
		{name: "move a draft's task", method: "POST", path: func(f *fixture) string {
			return fmt.Sprintf("/api/v1/plans/%d/tasks/%d/move", f.draftPlan, f.draftTasks[1])
		}, body: jsonBody(`{"after":0,"path":["0"]}`), allowed: []string{"office"}, prepare: importDraft},
		{name: "report progress", method: "POST", path: func(f *fixture) string { return fmt.Sprintf("/api/v1/tasks/%d/progress", f.taskA) },
			body: jsonBody(`{"text":"已完成初稿","percent":30}`), allowed: []string{"liaisonA"}},
		{name: "report with attachment", method: "POST", path: func(f *fixture) string { return fmt.Sprintf("/api/v1/tasks/%d/progress", f.taskA) },
			body: reportUpload, allowed: []string{"liaisonA"}},
		{name: "apply for 销号", method: "POST", path: func(f *fixture) string { return fmt.Sprintf("/api/v1/tasks/%d/close-request", f.taskA) },
			body: jsonBody(`{"text":"任务已完成"}`), allowed: []string{"liaisonA"}},
		{name: "close task", method: "POST", path: func(f *fixture) string { return fmt.Sprintf("/api/v1/tasks/%d/close", f.taskA) },
			body: jsonBody(``), allowed: []string{"office"}, prepare: applyForClose},
		{name: "return application", method: "POST", path: func(f *fixture) string { return fmt.Sprintf("/api/v1/tasks/%d/return", f.taskA) },
			body: jsonBody(`{"reason":"佐证材料不足"}`), allowed: []string{"office"}, prepare: applyForClose},
		{name: "answer a 督办单", method: "POST", path: func(f *fixture) string { return fmt.Sprintf("/api/v1/tasks/%d/supervision/answer", f.taskA) },
			body: jsonBody(`{"key":"notice-a","text":"已完成整改"}`), allowed: []string{"liaisonA"}, prepare: issueNotice},
		{name: "ask for an extension", method: "POST", path: func(f *fixture) string { return fmt.Sprintf("/api/v1/tasks/%d/extension", f.taskA) },
			body: jsonBody(`{"new_due":"2099-06-30","reason":"需与省厅协调"}`), allowed: []string{"liaisonA"}},
		{name: "decide an extension", method: "POST", path: func(f *fixture) string { return fmt.Sprintf("/api/v1/tasks/%d/extension/decide", f.taskA) },
			body: jsonBody(`{"approve":true,"comment":"同意"}`), allowed: []string{"office"}, prepare: askExtension},
		{name: "adjust a task", method: "POST", path: func(f *fixture) string { return fmt.Sprintf("/api/v1/tasks/%d/adjust", f.taskA) },
			body: jsonBody(`{"due":"2099-03-31","requirement":"按月报送","reason":"市政府常务会议调整"}`), allowed: []string{"office"}},
		{name: "take over a task (提级督办)", method: "POST", path: func(f *fixture) string { return fmt.Sprintf("/api/v1/tasks/%d/takeover", f.taskA) },
			body: jsonBody(`{}`), allowed: []string{"office"}},
		{name: "revoke a task", method: "POST", path: func(f *fixture) string { return fmt.Sprintf("/api/v1/tasks/%d/revoke", f.taskA) },
			body: jsonBody(`{"reason":"任务已由上级取消"}`), allowed: []string{"office"}},
		// 任务分解 and 落实计划: the office, or a liaison of the task's lead
		// unit (task A has one unit, which leads it).
		{name: "split a task into sub-tasks", method: "POST", path: func(f *fixture) string { return fmt.Sprintf("/api/v1/tasks/%d/subtasks", f.taskA) },
			jsonFor: func(f *fixture) string {
				return fmt.Sprintf(`{"subtasks":[{"title":"起草实施细则","unit_id":%d,"due":"2026-12-31","weight":2}]}`, f.unitA)
			}, allowed: []string{"office", "liaisonA"}},
		{name: "pass a task down to a catch-all unit's members", method: "POST",
			path: func(f *fixture) string { return fmt.Sprintf("/api/v1/tasks/%d/pass-down", f.passDown) },
			body: jsonBody(``), allowed: []string{"office"}, prepare: linkCatchAll},
		{name: "read a 落实计划", method: "POST", path: func(f *fixture) string { return fmt.Sprintf("/api/v1/tasks/%d/workplan", f.taskA) },
			body: workPlanUpload, allowed: []string{"office", "liaisonA"}},
		{name: "confirm a 落实计划", method: "POST", path: func(f *fixture) string { return fmt.Sprintf("/api/v1/tasks/%d/workplan/confirm", f.taskA) },
			jsonFor: func(f *fixture) string {
				return fmt.Sprintf(`{"file":"落实计划.txt","sha256":"","subtasks":[{"title":"起草实施细则","unit_id":%d,"due":"2026-06-30"}]}`, f.unitA)
			}, allowed: []string{"office", "liaisonA"}},
		{name: "set a plan's supervision rules", method: "PUT", path: func(*fixture) string { return "/api/v1/supervision/rules/0" },
			body:    jsonBody(`{"remind_workdays":5,"press_after_missed":true,"ladder":[{"name":"blue","label":"蓝色督办单","rectify_workdays":5,"after_workdays":2}],"report_day":25}`),
			allowed: []string{"office"}},
		{name: "clear a plan's supervision rules", method: "DELETE", path: func(*fixture) string { return "/api/v1/supervision/rules/0" },
			body: jsonBody(``), allowed: []string{"office"}, prepare: storeRules},
		{name: "publish a plan", method: "POST", path: func(*fixture) string { return "/api/v1/plans/1/publish" },
			body: jsonBody(`{"public":true}`), allowed: []string{"office"}},
		{name: "save a scheme draft", method: "PUT", path: func(*fixture) string { return "/api/v1/assessment/scheme" },
			body: jsonScheme, allowed: []string{"office"}},
		{name: "publish the scheme", method: "POST", path: func(*fixture) string { return "/api/v1/assessment/scheme/publish" },
			body: jsonBody(``), allowed: []string{"office"}, prepare: saveSchemeDraft},
		{name: "add a record", method: "POST", path: func(*fixture) string { return "/api/v1/assessment/records" },
			body: func(*testing.T) (io.Reader, string) {
				return strings.NewReader(`{"unit_id":1,"kind":"highlight","title":"法治示范","on":"2026-03-10"}`), "application/json"
			}, allowed: []string{"office"}},
		{name: "revoke a record", method: "POST", path: func(*fixture) string { return "/api/v1/assessment/records/1/revoke" },
			body: jsonBody(`{"reason":"复核"}`), allowed: []string{"office"}, prepare: addRecord},
		{name: "correct a calendar day", method: "POST", path: func(*fixture) string { return "/api/v1/calendar/days" },
			body:    jsonBody(`{"date":"2026-06-15","set":"off","name":"地方节日","scope":"local","reason":"市政府通知"}`),
			allowed: []string{"sysadmin", "office"}},
		{name: "upload a schedule", method: "POST", path: func(*fixture) string { return "/api/v1/calendar/schedules" },
			body:    jsonBody(`{"name":"2027.json","content":"{\"year\":2027,\"days\":[{\"date\":\"2027-01-01\",\"name\":\"元旦\",\"isOffDay\":true}]}","scope":"national","reason":"国办发明电"}`),
			allowed: []string{"sysadmin", "office"}},
		{name: "take a 12345 ticket in", method: "POST", path: func(*fixture) string { return "/api/v1/tickets" },
			body: jsonBody(`{"type":"help","description":"小区路灯不亮","caller_name":"张三","caller_phone":"13900001111"}`), allowed: []string{"office"}},
		{name: "receive a 依申请公开 request", method: "POST", path: func(*fixture) string { return "/api/v1/foia/requests" },
			body:    jsonBody(`{"applicant_kind":"person","applicant_name":"李四","phone":"13900002222","channel":"in_person","content":"2025年财政预算"}`),
			allowed: []string{"office"}},
		{name: "record a 依申请公开 step", method: "POST", path: func(f *fixture) string { return fmt.Sprintf("/api/v1/foia/requests/%d/steps", f.foiaID) },
			body: jsonBody(`{"kind":"consult","note":"征求市财政局意见"}`), allowed: []string{"office"}, prepare: receiveFOIA},
		{name: "reply to a 依申请公开 request", method: "POST", path: func(f *fixture) string { return fmt.Sprintf("/api/v1/foia/requests/%d/reply", f.foiaID) },
			body: jsonBody(`{"type":"not_held"}`), allowed: []string{"office"}, prepare: receiveFOIA},
		{name: "report an incident", method: "POST", path: func(*fixture) string { return "/api/v1/incidents" },
			body: func(*testing.T) (io.Reader, string) {
				return strings.NewReader(fmt.Sprintf(`{"title":"某镇山洪","level":"major","occurred_at":%q}`,
					time.Now().Add(-time.Hour).Format(time.RFC3339))), "application/json"
			}, allowed: []string{"office"}},
		{name: "record an incident's duty", method: "POST", path: func(f *fixture) string { return fmt.Sprintf("/api/v1/incidents/%d/duties", f.incident) },
			body:    jsonBody(`{"kind":"authoritative","evidence":"https://www.example.gov.cn/notice/1"}`),
			allowed: []string{"office", "liaisonA"}, prepare: reportIncident},
		{name: "enter a 督办件", method: "POST", path: func(*fixture) string { return "/api/v1/matters" },
			body: jsonBody(`{"kind":"instruction","title":"研究解决执法经费","source_text":"请法制办研究。","leader":"张市长",` +
				`"units":[{"name":"市法制办"}],"deadline":"12月20日前"}`), allowed: []string{"office"}},
		{name: "enter a meeting's 议定事项", method: "POST", path: func(*fixture) string { return "/api/v1/matters/batch" },
			body:    jsonBody(`{"meeting":"市政府常务会议","lines":"一、由市法制办牵头，12月31日前完成。\n二、由市财政局牵头，年底前完成。"}`),
			allowed: []string{"office"}},
		{name: "add a kind of 督办件", method: "POST", path: func(*fixture) string { return "/api/v1/matter-kinds" },
			body: jsonBody(`{"code":"proposal","name":"人大代表建议","source":"assignment"}`), allowed: []string{"office"}},
		{name: "enter a 重大行政决策", method: "POST", path: func(*fixture) string { return "/api/v1/decisions" },
			jsonFor: func(f *fixture) string {
				return fmt.Sprintf(`{"year":2026,"title":"出租车运价调整","unit_id":%d,"planned":"2026年四季度"}`, f.unitA)
			}, allowed: []string{"office"}},
		{name: "approve a decision catalogue", method: "POST", path: func(*fixture) string { return "/api/v1/decisions/catalogue" },
			body: jsonBody(`{"year":2026,"action":"approve","note":"市政府常务会议审定"}`), allowed: []string{"office"}, prepare: enterDecision},
		{name: "record a decision's step", method: "POST", path: func(f *fixture) string { return fmt.Sprintf("/api/v1/decisions/%d/steps", f.decision) },
			body: jsonBody(`{"kind":"expert","body":"专家组五人论证，意见可行"}`), allowed: []string{"office"}, prepare: enterDecision},
		// 谁起草谁解读: the drafting unit's liaison uploads its 解读; another unit's may not.
		{name: "upload a decision's 解读", method: "POST", path: func(f *fixture) string { return fmt.Sprintf("/api/v1/decisions/%d/steps", f.decision) },
			body: jsonBody(`{"kind":"interpret","body":"政策解读：办法的主要内容"}`), allowed: []string{"office", "liaisonA"}, prepare: enterDecision},
		{name: "register a commitment", method: "POST", path: func(*fixture) string { return "/api/v1/commitments" },
			jsonFor: func(f *fixture) string {
				return fmt.Sprintf(`{"title":"新增公办学位2000个","source":"work_report","unit_id":%d,"target":"秋季开学前投用","deadline":"2026-08-31"}`, f.unitA)
			}, allowed: []string{"office"}},
		{name: "report a commitment's progress", method: "POST", path: func(f *fixture) string { return fmt.Sprintf("/api/v1/commitments/%d/progress", f.commitment) },
			body: jsonBody(`{"kind":"progress","body":"主体完工"}`), allowed: []string{"office", "liaisonA"}, prepare: registerCommitment},
		{name: "sign in", method: "POST", path: func(*fixture) string { return "/api/v1/auth/token" },
			body: jsonBody(`{"username":"leader","password":"Fixture#Pass1","name":"矩阵"}`), allowed: callers},
		{name: "import a progress sheet", method: "POST", path: func(*fixture) string { return "/api/v1/ledger/progress" },
			bodyFor: func(t *testing.T, f *fixture) (io.Reader, string) {
				return sheetUpload(t, sheetWith(t, map[int64]string{f.taskA: "按月推进"}))
			}, allowed: []string{"liaisonA"},
			// A sheet naming another unit's task is refused at its row.
			refused: map[string]string{"liaisonB": "422"}},
		{"sign out", "POST", func(*fixture) string { return "/api/v1/auth/logout" }, jsonBody(``), callers[1:], nil, nil, nil, nil},
		// Everyone signed in changes their own password and keeps their
		// own second factor; nobody else's.
		{name: "change own password", method: "PUT", path: func(*fixture) string { return "/api/v1/me/password" },
			body: jsonBody(`{"old":"Fixture#Pass1","new":"Another#Pass42"}`), allowed: callers[1:]},
		{name: "begin a second factor", method: "POST", path: func(*fixture) string { return "/api/v1/me/totp" },
			body: jsonBody(``), allowed: callers[1:]},
		{name: "confirm a second factor", method: "POST", path: func(*fixture) string { return "/api/v1/me/totp/confirm" },
			prepare: beginTOTPForAll, bodyFor: func(*testing.T, *fixture) (io.Reader, string) {
				code := auth.HOTP(matrixTOTPKey(), uint64(auth.TOTPStep(time.Now())), 6)
				return strings.NewReader(`{"code":"` + code + `"}`), "application/json"
			}, allowed: callers[1:]},
	}, append(append(inspectionWrites(), randomWrites()...), proposalWrites()...)...)
}

// matrixTOTPSecret is the second factor every account of the matrix
// begins with, so that the code a caller confirms is known to the test.
const matrixTOTPSecret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"

func matrixTOTPKey() []byte {
	key, err := base32.StdEncoding.WithPadding(base32.NoPadding).DecodeString(matrixTOTPSecret)
	if err != nil {
		panic(err)
	}
	return key
}

// beginTOTPForAll starts enrolment of every account with the matrix's
// secret, as POST /api/v1/me/totp would with a secret of its own.
func beginTOTPForAll(t *testing.T, f *fixture) {
	t.Helper()
	for name, id := range f.users {
		if err := f.db.StartTOTP(context.Background(), audit.System, id, matrixTOTPSecret); err != nil {
			t.Fatalf("begin %s's second factor: %v", name, err)
		}
	}
}

// TestEveryWriteByEveryRole calls every state-changing endpoint as every
// role, and as a liaison of another unit, and asserts exactly who is let
// through: 2xx for them, 403 for every other signed-in caller, 401 for
// nobody.
func TestEveryWriteByEveryRole(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			for _, ep := range writeEndpoints() {
				t.Run(ep.name, func(t *testing.T) {
					fresh := func() *fixture {
						f := newFixture(t, kind)
						if ep.prepare != nil {
							ep.prepare(t, f)
						}
						return f
					}
					// Refused calls change nothing, so they share one system;
					// each call that should succeed gets a fresh one, so that
					// no success prepares or spoils the next.
					shared := fresh()
					for _, caller := range callers {
						f := shared
						if contains(ep.allowed, caller) {
							f = fresh()
						}
						before, _, _ := f.db.FindAudit(context.Background(), records.AuditFilter{Limit: 1})
						var body io.Reader
						var ct string
						switch {
						case ep.jsonFor != nil:
							body, ct = strings.NewReader(ep.jsonFor(f)), "application/json"
						case ep.bodyFor != nil:
							body, ct = ep.bodyFor(t, f)
						default:
							body, ct = ep.body(t)
						}
						got := f.call(t, caller, ep.method, ep.path(f), body, ct)
						want := "403"
						switch {
						case contains(ep.allowed, caller):
							want = "2xx"
						case caller == "anonymous":
							want = "401"
						case ep.refused[caller] != "":
							want = ep.refused[caller]
						}
						if class(got) != want {
							t.Errorf("%s as %s = %d, want %s", ep.name, caller, got, want)
						}
						if want == "2xx" {
							after, _, _ := f.db.FindAudit(context.Background(), records.AuditFilter{Limit: 1})
							if len(after) == 0 || (len(before) > 0 && after[0].Seq == before[0].Seq) {
								t.Errorf("%s as %s left no audit entry", ep.name, caller)
							}
						}
					}
				})
			}
		})
	}
}

// TestReadsScopedByRoleAndUnit: a liaison reads only their own unit's
// tasks, administrators read no business data, the audit log is the
// audit administrator's alone.
func TestReadsScopedByRoleAndUnit(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			f := newFixture(t, kind)
			reads := []struct {
				path    string
				allowed []string
			}{
				{fmt.Sprintf("/api/v1/tasks/%d", f.taskA), []string{"office", "leader", "liaisonA"}},
				{"/api/v1/tasks", []string{"office", "leader", "liaisonA", "liaisonB"}},
				{"/api/v1/tickets", []string{"office", "leader", "liaisonA", "liaisonB"}},
				{"/api/v1/foia/requests", []string{"office", "leader"}},
				{"/api/v1/foia/annual", []string{"office", "leader"}},
				{"/api/v1/incidents", []string{"office", "leader", "liaisonA", "liaisonB"}},
				{"/api/v1/plans", []string{"office", "leader", "liaisonA", "liaisonB"}},
				{"/api/v1/units", []string{"sysadmin", "secadmin", "office", "leader", "liaisonA", "liaisonB"}},
				{"/api/v1/users", []string{"sysadmin", "secadmin"}},
				{"/api/v1/audit", []string{"auditadmin"}},
				{"/api/v1/audit/verify", []string{"auditadmin"}},
				{"/api/v1/me", callers[1:]},
			}
			for _, rd := range reads {
				for _, caller := range callers {
					got := f.call(t, caller, "GET", rd.path, nil, "")
					want := "403"
					switch {
					case caller == "anonymous":
						want = "401"
					case contains(rd.allowed, caller):
						want = "2xx"
					}
					if class(got) != want {
						t.Errorf("GET %s as %s = %d, want %s", rd.path, caller, got, want)
					}
				}
			}
		})
	}
}

// TestCrossSiteWriteRefused: a browser's cross-site POST carrying the
// session cookie is refused before any handler runs.
func TestCrossSiteWriteRefused(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			f := newFixture(t, kind)
			req := httptest.NewRequest("POST", "/api/v1/units", strings.NewReader(`{"name":"x","kind":"other"}`))
			req.Header.Set("Authorization", "Bearer "+f.tokens["office"])
			req.Header.Set("Sec-Fetch-Site", "cross-site")
			rec := httptest.NewRecorder()
			f.srv.ServeHTTP(rec, req)
			if rec.Code != http.StatusForbidden {
				t.Errorf("cross-site POST = %d, want 403", rec.Code)
			}
		})
	}
}

func class(code int) string {
	if code >= 200 && code < 300 {
		return "2xx"
	}
	return fmt.Sprint(code)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// createGroup registers a unit group of 市法制办.
func createGroup(t *testing.T, f *fixture) {
	t.Helper()
	g, err := f.db.CreateUnitGroup(context.Background(), audit.System, records.GroupInput{Name: "县市区", Members: []int64{f.unitA}})
	if err != nil {
		t.Fatal(err)
	}
	f.group = g.ID
}

// linkCatchAll makes 市法制办 a catch-all unit standing for a group of
// 市财政局, and registers a task with a deadline for it, to pass down.
func linkCatchAll(t *testing.T, f *fixture) {
	t.Helper()
	ctx := context.Background()
	createGroup(t, f)
	if _, err := f.db.UpdateUnitGroup(ctx, audit.System, f.group, records.GroupInput{Name: "县市区", Members: []int64{f.unitB}}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.db.UpdateUnit(ctx, audit.System, f.unitA, records.UnitUpdate{MembersGroupID: &f.group}); err != nil {
		t.Fatal(err)
	}
	id, _, err := f.db.ImportPlan(ctx, records.PlanImport{SourceName: "c.txt", SourceSHA256: strings.Repeat("ef", 32), Format: "text",
		Plan: &plandoc.Plan{Title: "下达", Tasks: []plandoc.Task{{Path: []string{"1"}, Title: "丙任务", Units: []string{"市法制办"},
			Deadlines: []plandoc.Deadline{{Text: "2026年底前", Due: "2026-12-31"}}}}}})
	if err != nil {
		t.Fatal(err)
	}
	tasks, _, err := f.db.FindTasks(ctx, records.TaskFilter{PlanID: id})
	if err != nil || len(tasks) != 1 {
		t.Fatal(tasks, err)
	}
	f.passDown = tasks[0].ID
}

// importDraft stores a plan under review, of two tasks with units, for
// the review and confirm calls.
func importDraft(t *testing.T, f *fixture) {
	ctx := context.Background()
	id, _, err := f.db.ImportPlan(ctx, records.PlanImport{SourceName: "d.txt", SourceSHA256: strings.Repeat("cd", 32),
		Format: "text", Draft: true, Plan: &plandoc.Plan{Title: "草稿", Tasks: []plandoc.Task{
			{Path: []string{"1"}, Title: "任务", Text: "建立台账。按月通报。", Units: []string{"市法制办"}},
			{Path: []string{"2"}, Title: "另一任务", Text: "开展督查。", Units: []string{"市财政局"}}}}})
	if err != nil {
		t.Fatal(err)
	}
	f.draftPlan = id
	p, err := f.db.FindPlanByID(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	f.draftTasks = []int64{p.Tasks[0].ID, p.Tasks[1].ID}
}

// applyForClose puts task A in 待核验, as its liaison applied for 销号.
func applyForClose(t *testing.T, f *fixture) {
	actor := audit.Actor{ID: f.users["liaisonA"], Username: "liaisonA"}
	if _, err := f.db.RequestClose(context.Background(), actor, f.taskA, f.unitA, "已完成", nil); err != nil {
		t.Fatal(err)
	}
}

// askExtension has task A's unit ask for an extension.
func askExtension(t *testing.T, f *fixture) {
	t.Helper()
	actor := audit.Actor{ID: f.users["liaisonA"], Username: "liaisonA"}
	if _, err := f.db.RequestExtension(context.Background(), actor, f.taskA, f.unitA, "2099-06-30", "需与省厅协调"); err != nil {
		t.Fatal(err)
	}
}

// receiveFOIA receives a request today, as the office would.
func receiveFOIA(t *testing.T, f *fixture) {
	t.Helper()
	svc := &foiasvc.Service{Store: f.db, Calendar: workday.Default(), Now: time.Now}
	v, err := svc.Receive(context.Background(), authz.Principal{Role: authz.Office}, audit.System, foiasvc.Intake{Kind: "person", Name: "李四", Phone: "13900002222",
		Channel: "in_person", Content: "2025年财政预算"})
	if err != nil {
		t.Fatal(err)
	}
	f.foiaID = v.Request.ID
}

// enterDecision enters a 重大行政决策 of 市法制办 in 2026's catalogue.
func enterDecision(t *testing.T, f *fixture) {
	t.Helper()
	d, err := f.services.Decisions.Create(context.Background(), authz.Principal{Role: authz.Office}, audit.System,
		records.NewDecision{Year: 2026, Title: "行政执法公示办法", UnitID: f.unitA, Planned: "2026年四季度"})
	if err != nil {
		t.Fatal(err)
	}
	f.decision = d.ID
}

// registerCommitment registers a commitment of 市法制办's.
func registerCommitment(t *testing.T, f *fixture) {
	t.Helper()
	c, err := f.services.Commitments.Create(context.Background(), authz.Principal{Role: authz.Office}, audit.System,
		commitsvc.Input{Title: "行政复议案件当月办结", Source: "pledge", UnitID: f.unitA, Target: "当月办结率100%", Deadline: "2026-12-31"})
	if err != nil {
		t.Fatal(err)
	}
	f.commitment = c.ID
}

// reportIncident records a major incident of an hour ago that 市法制办
// must publish on.
func reportIncident(t *testing.T, f *fixture) {
	t.Helper()
	svc := &emergencysvc.Service{Store: f.db, Now: time.Now}
	v, err := svc.Report(context.Background(), authz.Principal{Role: authz.Office}, audit.System, records.Incident{Title: "某镇山洪", Level: "major",
		OccurredAt: time.Now().Add(-time.Hour), UnitID: f.unitA})
	if err != nil {
		t.Fatal(err)
	}
	f.incident = v.ID
}

// issueNotice records a 督办单 on the task of 市法制办, as the scheduler
// would after a missed deadline.
// jsonScheme is duban's default scheme as a request body.
func jsonScheme(t *testing.T) (io.Reader, string) {
	b, err := json.Marshal(assess.Default())
	if err != nil {
		t.Fatal(err)
	}
	return bytes.NewReader(b), "application/json"
}

// saveSchemeDraft leaves a draft to publish.
func saveSchemeDraft(t *testing.T, f *fixture) {
	t.Helper()
	if _, err := f.db.SaveSchemeDraft(context.Background(), audit.System, assess.Default()); err != nil {
		t.Fatal(err)
	}
}

// addRecord leaves record 1 to revoke.
func addRecord(t *testing.T, f *fixture) {
	t.Helper()
	if _, err := f.db.AddAssessRecord(context.Background(), audit.System, records.AssessRecord{UnitID: f.unitA, Kind: assess.RecordHighlight,
		Title: "法治示范", On: "2026-03-10"}); err != nil {
		t.Fatal(err)
	}
}

// storeRules gives the default rules a stored version to clear.
func storeRules(t *testing.T, f *fixture) {
	t.Helper()
	if err := f.db.SetSupervisionRules(context.Background(), audit.System, 0, supervise.Default()); err != nil {
		t.Fatal(err)
	}
}

func issueNotice(t *testing.T, f *fixture) {
	day := time.Date(2026, 3, 9, 0, 0, 0, 0, time.UTC)
	e := supervise.Event{Key: "notice-a", TaskID: f.taskA, Kind: supervise.KindNotice, Label: "蓝色督办单", On: day, Deadline: day.AddDate(0, 0, 7), Recorded: day}
	if _, err := f.db.RecordSupervision(context.Background(), []supervise.Event{e}, func(supervise.Event) []records.Notification { return nil }); err != nil {
		t.Fatal(err)
	}
}

// sheetUpload is a progress sheet as the multipart body of an upload.
func sheetUpload(t *testing.T, sheet *bytes.Buffer) (io.Reader, string) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, _ := mw.CreateFormFile("file", "台账.xlsx")
	fw.Write(sheet.Bytes())
	mw.Close()
	return &buf, mw.FormDataContentType()
}

func reportUpload(t *testing.T) (io.Reader, string) {
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	mw.WriteField("text", "已完成，附材料")
	mw.WriteField("percent", "100")
	mw.WriteField("problems", "个别佐证材料待补")
	mw.WriteField("next_steps", "申请销号")
	fw, _ := mw.CreateFormFile("attachments", "材料.pdf")
	fw.Write([]byte("%PDF-1.7\n材料\n"))
	mw.Close()
	return &buf, mw.FormDataContentType()
}

// fixtureHash is computed once: argon2id is slow on purpose.
var fixtureHash, _ = auth.HashPassword("Fixture#Pass1")

package cli

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/duban/duban/internal/httpauth"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store"
	"github.com/duban/duban/internal/store/storetest"
)

// seed003 is the demo plan the ledger's journeys import.
const seed003 = "../../demo/seeds/003_e50bc25d11ad62e1.txt"

// webClient sends requests to an App as one signed-in user.
type webClient struct {
	t      *testing.T
	app    *App
	cookie string
}

func (c webClient) do(method, target string, body io.Reader, ctype string, header ...string) *httptest.ResponseRecorder {
	c.t.Helper()
	if body == nil {
		body = strings.NewReader("")
	}
	req := httptest.NewRequest(method, target, body)
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	if c.cookie != "" {
		req.AddCookie(&http.Cookie{Name: httpauth.CookieName, Value: c.cookie})
	}
	rec := httptest.NewRecorder()
	c.app.Server.ServeHTTP(rec, req)
	return rec
}

func (c webClient) get(target string) *httptest.ResponseRecorder { return c.do("GET", target, nil, "") }

func (c webClient) post(target string, form url.Values, header ...string) *httptest.ResponseRecorder {
	return c.do("POST", target, strings.NewReader(form.Encode()), "application/x-www-form-urlencoded", header...)
}

// multipartBody builds a form with fields and files (name → content).
func multipartBody(t *testing.T, fields url.Values, field string, files map[string][]byte) (io.Reader, string) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, vs := range fields {
		for _, v := range vs {
			mw.WriteField(k, v)
		}
	}
	for name, data := range files {
		fw, err := mw.CreateFormFile(field, name)
		if err != nil {
			t.Fatal(err)
		}
		fw.Write(data)
	}
	mw.Close()
	return &buf, mw.FormDataContentType()
}

func wantCode(t *testing.T, what string, rec *httptest.ResponseRecorder, code int) {
	t.Helper()
	if rec.Code != code {
		t.Fatalf("%s: status %d, want %d; Location %q; body:\n%.3000s", what, rec.Code, code, rec.Header().Get("Location"), rec.Body.String())
	}
}

func wantIn(t *testing.T, what string, rec *httptest.ResponseRecorder, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if !strings.Contains(rec.Body.String(), p) {
			t.Errorf("%s: page lacks %q", what, p)
		}
	}
}

// findTask is the id of the plan's task with title.
func findTask(t *testing.T, db *store.DB, plan int64, title string) *records.Task {
	t.Helper()
	tasks, _, err := db.FindTasks(context.Background(), records.TaskFilter{PlanID: plan, Limit: 500})
	if err != nil {
		t.Fatal(err)
	}
	for i := range tasks {
		if tasks[i].Title == title {
			return &tasks[i]
		}
	}
	t.Fatalf("plan %d has no task %q", plan, title)
	return nil
}

var pdfBytes = []byte("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")

// TestLedgerJourneyWeb walks the ledger through its pages on both
// databases: the office uploads seed 003 and reviews it (source text,
// flagged units, a correction, a unit created on the spot), confirms; the
// liaison of 市法制办 finds the task, reports progress with a PDF (and
// hostile text, which must arrive escaped) and applies for 销号; the
// office sees 待核验, refuses a return without a reason, closes the task;
// the task page shows the history, and the export carries the status.
func TestLedgerJourneyWeb(t *testing.T) {
	data, err := os.ReadFile(seed003)
	if err != nil {
		t.Fatal(err)
	}
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			app, cookies, unitA := webFixture(t, kind, []string{"office", "leader", "liaisonA", "liaisonB"})
			office := webClient{t, app, cookies["office"]}
			liaison := webClient{t, app, cookies["liaisonA"]}
			other := webClient{t, app, cookies["liaisonB"]}

			// Upload: a PDF is refused with the reader's message, the plan is taken.
			body, ct := multipartBody(t, nil, "file", map[string][]byte{"scan.pdf": pdfBytes})
			rec := office.do("POST", "/plans", body, ct)
			wantCode(t, "upload pdf", rec, http.StatusUnprocessableEntity)
			wantIn(t, "upload pdf", rec, "文件类型不支持")
			body, ct = multipartBody(t, nil, "file", map[string][]byte{"fake.docx": []byte("PK\x03\x04 truncated")})
			rec = office.do("POST", "/plans", body, ct)
			wantCode(t, "upload broken docx", rec, http.StatusUnprocessableEntity)
			wantIn(t, "upload broken docx", rec, "无法读取该文件", "fake.docx")
			body, ct = multipartBody(t, nil, "file", map[string][]byte{"嘉兴方案.txt": data})
			rec = office.do("POST", "/plans", body, ct)
			wantCode(t, "upload", rec, http.StatusSeeOther)
			m := regexp.MustCompile(`^/plans/(\d+)/review$`).FindStringSubmatch(rec.Header().Get("Location"))
			if m == nil {
				t.Fatalf("upload led to %q", rec.Header().Get("Location"))
			}
			planID, _ := strconv.ParseInt(m[1], 10, 64)
			review := fmt.Sprintf("/plans/%d/review", planID)

			rec = office.get(review)
			wantCode(t, "review", rec, 200)
			wantIn(t, "review", rec, "嘉兴市人民政府", `class="source"`, "完善行政决策机制", "未登记", "新建单位", "确认挂号", "71</strong>")
			if liaison.get(review).Code != http.StatusForbidden {
				t.Error("a liaison opens the review")
			}

			// Correct task 8: its goal, and its second unit, which the
			// registry lacks, created on the spot.
			task := findTask(t, app.Store, planID, "完善行政决策机制")
			form := url.Values{"title": {"完善行政决策机制"}, "goal": {"重大决策全部依法履行程序"}, "owner": {"分管副主任"},
				"requirement": {"按季度报送进展"}, "measure": {"建立重大决策目录"}, "weight": {"2"},
				"units.0.name": {"市法制办"}, "units.0.lead": {"1"}, "units.0.unit": {strconv.FormatInt(unitA, 10)},
				"units.1.name": {"各县〔市、区〕政府"}, "units.1.unit": {"0"}, "units.2.name": {""},
				"deadlines.0.text": {"2018年底前"}, "deadlines.0.due": {"2018-12-31"}, "deadlines.1.text": {"每季度"}, "deadlines.1.every": {"quarter"},
				"milestones.0.text": {"制定重大决策程序规定"}, "milestones.0.due": {"2018-10-31"},
				"targets.0.text": {"重大决策合法性审查率"}, "targets.0.value": {"100"}, "targets.0.unit": {"%"}, "create_unit": {"1"}}
			path := fmt.Sprintf("/plans/%d/tasks/%d", planID, task.ID)
			rec = office.post(path+"/units", form, "HX-Request", "true")
			wantCode(t, "create unit", rec, 200)
			wantIn(t, "create unit", rec, "已新建单位", "各县〔市、区〕政府", `id="review-banner"`, `hx-swap-oob="true"`, "已保存")
			saved, err := app.Store.FindTaskByID(context.Background(), task.ID)
			if err != nil {
				t.Fatal(err)
			}
			if saved.Goal != "重大决策全部依法履行程序" || len(saved.UnitIDs) != 2 || saved.Every != "quarter" || len(saved.Milestones) != 1 {
				t.Errorf("saved task: goal %q, units %v, every %q, milestones %v", saved.Goal, saved.UnitIDs, saved.Every, saved.Milestones)
			}
			form.Set("title", "")
			rec = office.post(path, form, "HX-Request", "true")
			wantCode(t, "save without title", rec, http.StatusUnprocessableEntity)
			wantIn(t, "save without title", rec, "此项为必填项")
			if liaison.post(path, url.Values{"title": {"x"}}).Code != http.StatusForbidden {
				t.Error("a liaison edits a task under review")
			}
			// Leaving and coming back: the draft kept the correction.
			wantIn(t, "review again", office.get(review), "重大决策全部依法履行程序")

			rec = office.post(fmt.Sprintf("/plans/%d/confirm", planID), nil)
			wantCode(t, "confirm", rec, http.StatusSeeOther)
			if loc := rec.Header().Get("Location"); loc != fmt.Sprintf("/tasks?plan=%d", planID) {
				t.Errorf("confirm led to %q", loc)
			}
			wantIn(t, "plans", office.get("/plans"), "已确认", "嘉政发〔2018〕23号")

			// The liaison finds the task in their list, and only theirs.
			rec = liaison.get(fmt.Sprintf("/tasks?plan=%d", planID))
			wantCode(t, "liaison list", rec, 200)
			wantIn(t, "liaison list", rec, "完善行政决策机制", "未启动", "导出 Excel")
			if strings.Contains(rec.Body.String(), "加强政治建设") {
				t.Error("the liaison of 市法制办 sees another unit's task")
			}
			taskPath := fmt.Sprintf("/tasks/%d", task.ID)
			wantIn(t, "task page", liaison.get(taskPath), "五落实", "重大决策全部依法履行程序", "分管副主任", "报送进展", "申请销号", "年第", "季度",
				`<label for="r-problems">存在问题</label>`, `<textarea id="r-next" name="next_steps"`)

			evil := `<script>alert("x")</script>`
			body, ct = multipartBody(t, url.Values{"text": {"已起草规定。" + evil}, "percent": {"40"}, "milestones": {"0"}, "target.0": {"95"},
				"problems": {"部分条款尚有争议"}, "next_steps": {"下月提交常务会议"}},
				"files", map[string][]byte{"纪要.pdf": pdfBytes})
			wantCode(t, "report", liaison.do("POST", taskPath+"/progress", body, ct), http.StatusSeeOther)
			body, ct = multipartBody(t, url.Values{"text": {"x"}}, "files", map[string][]byte{"纪要.pdf": pdfBytes})
			if other.do("POST", taskPath+"/progress", body, ct).Code != http.StatusForbidden {
				t.Error("another unit's liaison reports on the task")
			}
			body, ct = multipartBody(t, url.Values{"text": {"带坏附件"}}, "files", map[string][]byte{"evil.pdf": []byte("<html>")})
			rec = liaison.do("POST", taskPath+"/progress", body, ct, "HX-Request", "true")
			wantCode(t, "report with a disguised file", rec, http.StatusUnprocessableEntity)
			wantIn(t, "report with a disguised file", rec, "附件类型不允许", `id="report-form"`)

			rec = liaison.get(taskPath)
			if strings.Contains(rec.Body.String(), evil) {
				t.Error("report text reached the page unescaped")
			}
			wantIn(t, "task after report", rec, "&lt;script&gt;", "纪要.pdf", "40%", "95", "逾期",
				"<strong>存在问题：</strong>部分条款尚有争议", "<strong>下步计划：</strong>下月提交常务会议")
			att := regexp.MustCompile(`href="(/attachments/\d+)"`).FindStringSubmatch(rec.Body.String())
			if att == nil {
				t.Fatal("no attachment link")
			}
			rec = liaison.get(att[1])
			wantCode(t, "download", rec, 200)
			if !bytes.Equal(rec.Body.Bytes(), pdfBytes) || !strings.HasPrefix(rec.Header().Get("Content-Disposition"), "attachment") {
				t.Errorf("download: %q, %q", rec.Body.String(), rec.Header().Get("Content-Disposition"))
			}
			if other.get(att[1]).Code != http.StatusForbidden {
				t.Error("another unit's liaison downloads the attachment")
			}

			body, ct = multipartBody(t, url.Values{"text": {"规定已印发实施"}}, "files", map[string][]byte{"印发文件.pdf": pdfBytes})
			wantCode(t, "close request", liaison.do("POST", taskPath+"/close-request", body, ct), http.StatusSeeOther)
			rec = office.get(taskPath)
			wantIn(t, "pending", rec, "待核验", "核验通过，销号", "规定已印发实施", "印发文件.pdf")
			if liaison.post(taskPath+"/close", nil).Code != http.StatusForbidden {
				t.Error("a liaison closes a task")
			}
			rec = office.post(taskPath+"/return", url.Values{"reason": {""}})
			wantCode(t, "return without reason", rec, http.StatusUnprocessableEntity)
			wantIn(t, "return without reason", rec, "此项为必填项")
			wantCode(t, "close", office.post(taskPath+"/close", nil), http.StatusSeeOther)

			rec = liaison.get(taskPath)
			wantIn(t, "closed", rec, `class="stamp"`, "任务挂号", "报送进展", "申请销号", "核验销号", "任务已销号，所有内容只读")
			if strings.Contains(rec.Body.String(), `id="report-form"`) {
				t.Error("a closed task still offers the report form")
			}
			body, ct = multipartBody(t, url.Values{"text": {"再报"}}, "files", nil)
			rec = liaison.do("POST", taskPath+"/progress", body, ct)
			wantCode(t, "report on a closed task", rec, http.StatusUnprocessableEntity)
			wantIn(t, "report on a closed task", rec, "任务状态已经变化")

			rec = liaison.get("/")
			wantIn(t, "workbench", rec, "tile-closed", "逾期任务", "应报未报")

			rec = office.get(fmt.Sprintf("/tasks/export.xlsx?plan=%d", planID))
			wantCode(t, "export", rec, 200)
			if !strings.Contains(rec.Header().Get("Content-Type"), "spreadsheetml") {
				t.Errorf("export type %q", rec.Header().Get("Content-Type"))
			}
			if got := ledgerStatusInSheet(t, rec.Body.Bytes(), task.ID); got != "已销号" {
				t.Errorf("exported status %q, want 已销号", got)
			}
		})
	}
}

// ledgerStatusInSheet reads the 状态 of task id from an exported ledger.
func ledgerStatusInSheet(t *testing.T, xlsx []byte, id int64) string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(xlsx))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(f.GetSheetName(0))
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for _, row := range rows {
		if len(col) == 0 {
			for i, c := range row {
				col[c] = i
			}
			if _, ok := col["任务编号"]; !ok {
				col = map[string]int{}
			}
			continue
		}
		if i := col["任务编号"]; i < len(row) && row[i] == strconv.FormatInt(id, 10) {
			return row[col["状态"]]
		}
	}
	t.Fatalf("task %d not in the sheet (%d rows)", id, len(rows))
	return ""
}

package web

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/duban/duban/internal/plandoc"
)

// wantRedirect fails unless w is a 303 to location, and returns the
// flash the next page shows (its text, "" for none).
func wantRedirect(t *testing.T, f *fixture, w *httptest.ResponseRecorder, user, location string) string {
	t.Helper()
	wantStatus(t, w, http.StatusSeeOther)
	if got := w.Header().Get("Location"); got != location {
		t.Fatalf("Location %q, want %q", got, location)
	}
	for _, c := range w.Result().Cookies() {
		if c.Name == flashCookie {
			next := f.do(t, "GET", "/plans", user, nil, "Cookie", c.Name+"="+c.Value)
			m := regexp.MustCompile(`class="flash flash-(\w+)"[^>]*>([^<]*)<`).FindStringSubmatch(next.Body.String())
			if m == nil {
				t.Fatalf("flash cookie set but no flash shown")
			}
			return m[1] + ": " + strings.TrimSpace(m[2])
		}
	}
	return ""
}

// taskIDs is the order of the tasks of the fixture's plan.
func taskIDs(f *fixture, plan int64) []int64 {
	f.plans.mu.Lock()
	defer f.plans.mu.Unlock()
	var out []int64
	if p, ok := f.plans.plans[plan]; ok {
		for _, t := range p.tasks {
			out = append(out, t.ID)
		}
	}
	return out
}

func fakeTaskByID(f *fixture, plan, id int64) fakeTask {
	f.plans.mu.Lock()
	defer f.plans.mu.Unlock()
	p := f.plans.plans[plan]
	return p.tasks[p.index(id)]
}

// TestReviewPage: the review shows what the check found, each warning
// linked to its line or its task's card, an honest banner, the plan's
// fields, the tools of each card and the add form.
func TestReviewPage(t *testing.T) {
	f := newFixture(t, "")
	w := f.do(t, "GET", "/plans/2/review", "duban", nil)
	wantStatus(t, w, 200)
	wantBody(t, w,
		// The document's warnings link to their source line, which has the anchor.
		`<span class="warn-text">附件未识别出任务</span> <a href="#src-L9">第 9 行的附件未解析出任务：附件2：重点任务分工表</a>`,
		`<span class="src-line src-flag" id="src-L9" data-n="9">附件2：重点任务分工表</span>`,
		// A line the source does not have gets no link; a kind unknown to the catalogue still shows.
		`<span class="warn-text">段落未归入任务</span> 第 99 行含责任分工的段落未纳入任何任务：第99行`, `<span class="warn-text">需要核对</span> 请对照原文核对：`,
		// The leading blank line is kept, so line numbers match.
		`<span class="src-line" id="src-L1" data-n="1"></span>`,
		// Task warnings, grouped, link to the card the warning is about
		// (二.1 twice: the first has a deadline, the second none).
		`id="warn-no_unit"`, `<a href="#task-13"><span class="seq">二.1</span> 加强督查</a>`, `<a href="#task-14"><span class="seq">二.1</span> 落实责任</a>`,
		`id="warn-no_deadline"`, `<a href="#task-12"><span class="seq">一.2</span> 完善行政决策机制</a>`,
		`id="warn-duplicate_path"`,
		// The banner counts honestly and does not claim all is matched.
		`<strong>4</strong> 项任务`, `<strong>2</strong> 项任务没有责任单位`, `<strong>1</strong> 个单位名称未匹配（涉及 1 项任务）`, `<strong>2</strong> 项任务没有完成时限`,
		`class="review-banner has-flags"`,
		// The plan's fields.
		`action="/plans/2/edit"`, `name="title" value="嘉兴市法治政府建设实施方案"`, `name="year" value="2026"`, `type="date" name="issued_on"`,
		// A card's tools: split between the sentences, merge with the next, delete behind a second button.
		`<form id="split-11" method="post" action="/plans/2/tasks/11/split"></form>`,
		`form="split-11" name="at" value="1">在此处拆分</button>`, `form="split-11" name="at" value="2">在此处拆分</button>`,
		`<p class="sentence">建立重大行政决策目录。</p>`,
		`<form id="merge-11" method="post" action="/plans/2/tasks/11/merge"><input type="hidden" name="with" value="12"></form>`,
		`将下一项任务 一.2 “完善行政决策机制”`,
		`<form id="delete-11" method="post" action="/plans/2/tasks/11/delete"></form>`, `form="delete-11">确认删除</button>`,
		`href="/plans/2/tasks/11/move"`, `href="/plans/2/review?after=11#add-task"`,
		// Warnings on the card itself.
		`<span class="chip chip-warn">没有责任单位</span>`,
		// The add form, placed after the last task by default.
		`action="/plans/2/tasks"`, `<option value="14" selected>排在 二.1 落实责任 之后</option>`,
		// Discarding asks in a disclosure with a second button.
		`<details class="danger-zone">`, `action="/plans/2/discard"`, `确认放弃草稿`,
	)
	body := w.Body.String()
	if strings.Contains(body, "责任单位均已匹配") {
		t.Error("banner says all units matched while tasks have none")
	}
	// The banner's 挂号 does not ask in a dialog when tasks lack units:
	// the server names them and asks.
	if regexp.MustCompile(`action="/plans/2/confirm"\s+data-confirm`).MatchString(body) {
		t.Error("confirm asks in a dialog although the server will ask")
	}
	// A task of one sentence has no split tool; the last task no merge.
	if strings.Contains(body, `form="split-12"`) || strings.Contains(body, `form="merge-14"`) {
		t.Error("split of a one-sentence task or merge of the last task offered")
	}

	w = f.do(t, "GET", "/plans/2/review?after=12", "duban", nil)
	wantBody(t, w, `<option value="12" selected>`, `<section class="card review-add" id="add-task" aria-labelledby="add-title">
<details open>`)

	w = f.do(t, "GET", "/plans/2/review?lang=zh-TW", "duban", nil)
	wantBody(t, w, "項任務沒有責任單位", "第 9 行的附件未解析出任務", "附件未識別出任務", "在此處拆分", "確認刪除", "放棄草稿")

	wantStatus(t, f.do(t, "GET", "/plans/2/review", "liaison", nil), http.StatusForbidden)
	wantStatus(t, f.do(t, "GET", "/plans/9/review", "duban", nil), http.StatusNotFound)
	w = f.do(t, "GET", "/plans/3/review", "duban", nil)
	wantStatus(t, w, http.StatusSeeOther)
}

// TestReviewBannerHonest: "all matched" only when every task has a unit
// and every name is registered; never for a draft whose tasks have none.
func TestReviewBannerHonest(t *testing.T) {
	f := newFixture(t, "")
	set := func(units ...[]UnitLink) {
		f.plans.mu.Lock()
		defer f.plans.mu.Unlock()
		p := f.plans.plans[2]
		p.tasks = p.tasks[:len(units)]
		for i := range units {
			p.tasks[i].Units = units[i]
		}
	}
	set(nil, nil)
	w := f.do(t, "GET", "/plans/2/review", "duban", nil)
	wantBody(t, w, `<a class="count count-flag" href="#warn-no_unit">还没有任何任务填写责任单位</a>`)
	if body := w.Body.String(); strings.Contains(body, "责任单位均已匹配") || strings.Contains(body, "项任务没有责任单位") {
		t.Error("a draft with no unit at all is said as matched or counted")
	}
	set([]UnitLink{{Name: "市司法局"}}, nil) // one of two
	w = f.do(t, "GET", "/plans/2/review", "duban", nil)
	wantBody(t, w, `<strong>1</strong> 项任务没有责任单位`)
	if body := w.Body.String(); strings.Contains(body, "责任单位均已匹配") || strings.Contains(body, "还没有任何任务") {
		t.Error("a draft with one task without a unit is said as matched or as having none")
	}
	set([]UnitLink{{Name: "市司法局"}}, []UnitLink{{Name: "市法制办"}}) // a name, an alias
	w = f.do(t, "GET", "/plans/2/review", "duban", nil)
	wantBody(t, w, "责任单位均已匹配", `class="review-banner"`, `data-confirm="确认挂号后，2 项任务将正式登记并下发各责任单位。确定继续吗？"`)
	if strings.Contains(w.Body.String(), "项任务没有责任单位") {
		t.Error("unit count shown when every task has one")
	}
}

func TestPlanUpdate(t *testing.T) {
	f := newFixture(t, "")
	form := url.Values{"title": {"  "}, "doc_number": {"嘉政发〔2026〕7号"}, "issuer": {"嘉兴市人民政府"}, "issued_on": {"2026-02-30"}, "year": {"26"}}
	w := f.do(t, "POST", "/plans/2/edit", "duban", form)
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantBody(t, w, "此项为必填项", "日期格式应为", "年份应为 1949 至 2100 之间的四位数字", `value="嘉政发〔2026〕7号"`, `<section class="card review-plan" aria-labelledby="plan-form-title">
<details open>`)
	// A year that is not a number is the page's to refuse: it cannot
	// reach the service as one.
	form.Set("title", "方案")
	form.Set("issued_on", "")
	form.Set("year", "二〇二六")
	w = f.do(t, "POST", "/plans/2/edit", "duban", form)
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantBody(t, w, "年份应为 1949 至 2100 之间的四位数字")
	if len(f.plans.calls) != 0 {
		t.Errorf("service saved a refused form: %v", f.plans.calls)
	}

	form = url.Values{"title": {"嘉兴市法治政府建设实施方案（2026—2028年）"}, "doc_number": {"嘉政发〔2026〕7号"}, "issuer": {"嘉兴市人民政府"},
		"issued_on": {"2026-02-27"}, "year": {"2026"}}
	got := wantRedirect(t, f, f.do(t, "POST", "/plans/2/edit", "duban", form), "duban", "/plans/2/review")
	if got != "success: 方案信息已保存。" {
		t.Errorf("flash %q", got)
	}
	p := f.plans.plans[2].plan
	if p.Title != "嘉兴市法治政府建设实施方案（2026—2028年）" || p.DocNumber != "嘉政发〔2026〕7号" || p.IssuedOn != "2026-02-27" || p.Year != 2026 {
		t.Errorf("saved %+v", p)
	}

	// A rule only the service knows is shown on the form, with the values.
	f.plans.refuse["UpdatePlan"] = &ValidationError{Fields: map[string]string{"doc_number": "error.name_taken", "x": "error.unit_not_found"}}
	w = f.do(t, "POST", "/plans/2/edit", "duban", form)
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantBody(t, w, "已有同名单位", "所选单位不存在", `value="嘉兴市人民政府"`)

	// A confirmed plan is not a draft any more: said plainly.
	got = wantRedirect(t, f, f.do(t, "POST", "/plans/3/edit", "duban", form), "duban", "/tasks?plan=3")
	if !strings.Contains(got, "该方案已确认挂号") {
		t.Errorf("flash %q", got)
	}
	wantStatus(t, f.do(t, "POST", "/plans/2/edit", "liaison", form), http.StatusForbidden)
}

func TestReviewTaskAdd(t *testing.T) {
	f := newFixture(t, "")
	form := url.Values{"after": {"11"}, "path": {"一.1-1"}, "title": {""}, "text": {"建立目录动态调整机制。"},
		"units.0.name": {"市司法局"}, "units.0.lead": {"1"}, "units.0.unit": {"0"},
		"units.1.name": {""}, "units.1.unit": {"4"},
		"units.2.name": {""}, "units.2.unit": {"0"},
		"deadlines.0.text": {"2026年6月底前"}, "deadlines.0.due": {"2026-06-30"}, "deadlines.0.every": {""},
		"deadlines.1.text": {""}, "deadlines.1.due": {""}, "deadlines.1.every": {""}}
	w := f.do(t, "POST", "/plans/2/tasks", "duban", form)
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantBody(t, w, "此项为必填项", `name="path" value="一.1-1"`, "建立目录动态调整机制。", `value="2026年6月底前"`,
		`<option value="11" selected>排在 一.1 建立重大行政决策目录 之后</option>`, `id="add-task"`)
	if !regexp.MustCompile(`id="add-task"[^>]*>\s*<details open>`).MatchString(w.Body.String()) {
		t.Error("refused add form not open")
	}

	form.Set("title", "建立目录动态调整机制")
	got := wantRedirect(t, f, f.do(t, "POST", "/plans/2/tasks", "duban", form), "duban", "/plans/2/review#task-101")
	if got != "success: 已新增任务“建立目录动态调整机制”。" {
		t.Errorf("flash %q", got)
	}
	if ids := taskIDs(f, 2); !slices.Equal(ids, []int64{11, 101, 12, 13, 14}) {
		t.Errorf("order %v", ids)
	}
	added := fakeTaskByID(f, 2, 101)
	if strings.Join(added.Path, "|") != "一|1-1" || len(added.Units) != 2 || !added.Units[0].Lead || added.Units[1].UnitID != 4 ||
		len(added.Deadlines) != 1 || added.Deadlines[0].Due != "2026-06-30" || added.Text != "建立目录动态调整机制。" {
		t.Errorf("added %+v", added)
	}

	// First place; a refusal on a field the form does not have still shows.
	form.Set("after", "0")
	f.plans.refuse["AddTask"] = &ValidationError{Fields: map[string]string{"lead_units": "error.unit_not_found"}}
	w = f.do(t, "POST", "/plans/2/tasks", "duban", form)
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantBody(t, w, `<div class="alert alert-error" role="alert">所选单位不存在。</div>`, `<option value="0">排在最前面</option>`)
	delete(f.plans.refuse, "AddTask")
	wantRedirect(t, f, f.do(t, "POST", "/plans/2/tasks", "duban", form), "duban", "/plans/2/review#task-102")
	if ids := taskIDs(f, 2); ids[0] != 102 {
		t.Errorf("order %v", ids)
	}
	form.Set("after", "x")
	wantStatus(t, f.do(t, "POST", "/plans/2/tasks", "duban", form), http.StatusUnprocessableEntity)
	wantStatus(t, f.do(t, "POST", "/plans/2/tasks", "liaison", form), http.StatusForbidden)
}

func TestReviewTaskDelete(t *testing.T) {
	f := newFixture(t, "")
	got := wantRedirect(t, f, f.do(t, "POST", "/plans/2/tasks/14/delete", "duban", nil), "duban", "/plans/2/review#tasks-title")
	if got != "success: 任务已删除。" {
		t.Errorf("flash %q", got)
	}
	if ids := taskIDs(f, 2); !slices.Equal(ids, []int64{11, 12, 13}) {
		t.Errorf("order %v", ids)
	}
	// The duplicate path went with it.
	if w := f.do(t, "GET", "/plans/2/review", "duban", nil); strings.Contains(w.Body.String(), "任务编号重复") {
		t.Error("duplicate path still reported")
	}
	wantStatus(t, f.do(t, "POST", "/plans/2/tasks/14/delete", "duban", nil), http.StatusNotFound)
	wantStatus(t, f.do(t, "POST", "/plans/2/tasks/31/delete", "liaison", nil), http.StatusForbidden)
	got = wantRedirect(t, f, f.do(t, "POST", "/plans/3/tasks/31/delete", "duban", nil), "duban", "/tasks?plan=3")
	if !strings.Contains(got, "error: 该方案已确认挂号") {
		t.Errorf("flash %q", got)
	}
	// A service refusal shows on the card, its tool open.
	f.plans.refuse["DeleteTask"] = &ValidationError{Fields: map[string]string{"": "error.task_state"}}
	w := f.do(t, "POST", "/plans/2/tasks/11/delete", "duban", nil)
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantBody(t, w, `<details class="tool tool-delete" open>`, "任务状态已经变化")
}

func TestReviewTaskSplit(t *testing.T) {
	f := newFixture(t, "")
	for _, at := range []string{"0", "3", "x"} {
		w := f.do(t, "POST", "/plans/2/tasks/11/split", "duban", url.Values{"at": {at}})
		wantStatus(t, w, http.StatusUnprocessableEntity)
		wantBody(t, w, `<details class="tool tool-split" open>`, "填写的内容有误")
	}
	got := wantRedirect(t, f, f.do(t, "POST", "/plans/2/tasks/11/split", "duban", url.Values{"at": {"1"}}), "duban", "/plans/2/review#task-101")
	if got != "success: 任务已拆分为两项，请核对新的一项。" {
		t.Errorf("flash %q", got)
	}
	if ids := taskIDs(f, 2); !slices.Equal(ids, []int64{11, 101, 12, 13, 14}) {
		t.Errorf("order %v", ids)
	}
	first, second := fakeTaskByID(f, 2, 11), fakeTaskByID(f, 2, 101)
	if first.Text != "建立重大行政决策目录。" || second.Text != "每年确定10个左右重点课题；2026年底前完成。" || len(second.Units) != 1 {
		t.Errorf("split into %+v and %+v", first, second)
	}
	if f.plans.calls[len(f.plans.calls)-1] != "SplitTask(2,11,1)" {
		t.Errorf("calls %v", f.plans.calls)
	}
}

func TestReviewTaskMerge(t *testing.T) {
	f := newFixture(t, "")
	got := wantRedirect(t, f, f.do(t, "POST", "/plans/2/tasks/13/merge", "duban", url.Values{"with": {"14"}}), "duban", "/plans/2/review#task-13")
	if got != "success: 两项任务已合并。" {
		t.Errorf("flash %q", got)
	}
	if ids := taskIDs(f, 2); !slices.Equal(ids, []int64{11, 12, 13}) || fakeTaskByID(f, 2, 13).Text != "加强督查。每季度通报一次。落实责任。" {
		t.Errorf("order %v, text %q", ids, fakeTaskByID(f, 2, 13).Text)
	}
	for _, with := range []string{"", "13", "x"} {
		w := f.do(t, "POST", "/plans/2/tasks/13/merge", "duban", url.Values{"with": {with}})
		wantStatus(t, w, http.StatusUnprocessableEntity)
	}
	wantStatus(t, f.do(t, "POST", "/plans/2/tasks/13/merge", "duban", url.Values{"with": {"99"}}), http.StatusNotFound)
}

func TestReviewTaskMove(t *testing.T) {
	f := newFixture(t, "")
	w := f.do(t, "GET", "/plans/2/tasks/13/move", "duban", nil)
	wantStatus(t, w, 200)
	wantBody(t, w, "移动任务", `<span class="seq">二.1</span> 加强督查`, `<option value="12" selected>排在 一.2 完善行政决策机制 之后</option>`,
		`placeholder="二.1"`, `action="/plans/2/tasks/13/move"`)
	if strings.Contains(w.Body.String(), `<option value="13"`) {
		t.Error("a task offered as its own place")
	}
	got := wantRedirect(t, f, f.do(t, "POST", "/plans/2/tasks/14/move", "duban", url.Values{"after": {"0"}, "path": {"一 / 0"}}), "duban", "/plans/2/review#task-14")
	if got != "success: 任务已移动。" {
		t.Errorf("flash %q", got)
	}
	if ids := taskIDs(f, 2); !slices.Equal(ids, []int64{14, 11, 12, 13}) || strings.Join(fakeTaskByID(f, 2, 14).Path, "|") != "一|0" {
		t.Errorf("order %v, path %v", ids, fakeTaskByID(f, 2, 14).Path)
	}
	// No path typed keeps the numbering.
	wantRedirect(t, f, f.do(t, "POST", "/plans/2/tasks/14/move", "duban", url.Values{"after": {"13"}, "path": {""}}), "duban", "/plans/2/review#task-14")
	if ids := taskIDs(f, 2); !slices.Equal(ids, []int64{11, 12, 13, 14}) || strings.Join(fakeTaskByID(f, 2, 14).Path, "|") != "一|0" {
		t.Errorf("order %v, path %v", ids, fakeTaskByID(f, 2, 14).Path)
	}
	w = f.do(t, "POST", "/plans/2/tasks/14/move", "duban", url.Values{"after": {"14"}, "path": {"三.1"}})
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantBody(t, w, "填写的内容有误", `value="三.1"`)
	f.plans.refuse["MoveTask"] = &ValidationError{Fields: map[string]string{"path": "error.name_taken"}}
	w = f.do(t, "POST", "/plans/2/tasks/14/move", "duban", url.Values{"after": {"11"}, "path": {"一.1"}})
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantBody(t, w, "已有同名单位", `value="一.1"`)
	wantStatus(t, f.do(t, "GET", "/plans/2/tasks/77/move", "duban", nil), http.StatusNotFound)
	wantStatus(t, f.do(t, "GET", "/plans/3/tasks/31/move", "duban", nil), http.StatusSeeOther)
}

func TestPlanDiscard(t *testing.T) {
	f := newFixture(t, "")
	wantStatus(t, f.do(t, "POST", "/plans/2/discard", "liaison", nil), http.StatusForbidden)
	got := wantRedirect(t, f, f.do(t, "POST", "/plans/3/discard", "duban", nil), "duban", "/tasks?plan=3")
	if !strings.Contains(got, "error: 该方案已确认挂号") {
		t.Errorf("flash %q", got)
	}
	got = wantRedirect(t, f, f.do(t, "POST", "/plans/2/discard", "duban", nil), "duban", "/plans")
	if got != "success: 方案草稿已放弃。" {
		t.Errorf("flash %q", got)
	}
	if _, ok := f.plans.plans[2]; ok {
		t.Error("draft still there")
	}
	wantStatus(t, f.do(t, "POST", "/plans/2/discard", "duban", nil), http.StatusNotFound)
	// A step on a draft discarded meanwhile (another tab) says so.
	got = wantRedirect(t, f, f.do(t, "POST", "/plans/2/tasks/11/split", "duban", url.Values{"at": {"x"}}), "duban", "/plans")
	if !strings.Contains(got, "已不存在") {
		t.Errorf("flash %q", got)
	}
}

// TestPlanConfirmUnitless: 挂号 of a draft with tasks without a unit asks
// on a page that names them; 仍然挂号 forces it.
func TestPlanConfirmUnitless(t *testing.T) {
	f := newFixture(t, "")
	w := f.do(t, "POST", "/plans/2/confirm", "duban", nil)
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, "有任务没有责任单位", "以下 2 项任务没有责任单位：", `<li><a href="/plans/2/review#task-13">二.1 加强督查</a></li>`, `<li><a href="/plans/2/review#task-14">二.1 落实责任</a></li>`,
		`<input type="hidden" name="force" value="1">`, "仍然挂号", `href="/plans/2/review#warn-no_unit"`)
	if f.plans.plans[2].plan.Status != "draft" {
		t.Fatal("confirmed without asking")
	}
	got := wantRedirect(t, f, f.do(t, "POST", "/plans/2/confirm", "duban", url.Values{"force": {"1"}}), "duban", "/tasks?plan=2")
	if got != "success: 方案已确认，任务已挂号并下发各责任单位。" {
		t.Errorf("flash %q", got)
	}
	if f.plans.plans[2].plan.Status != "confirmed" {
		t.Error("not confirmed")
	}
	got = wantRedirect(t, f, f.do(t, "POST", "/plans/2/confirm", "duban", url.Values{"force": {"1"}}), "duban", "/plans/2/review")
	if got != "error: 该方案已经确认挂号，不能再次确认。" {
		t.Errorf("flash %q", got)
	}
	// Unit names not in the registry are asked about too, each task
	// linked to its card by id even when two share a path and title.
	f3 := newFixture(t, "")
	f3.plans.refuse = map[string]error{"Confirm": &UnitlessError{Tasks: []TaskRef{{ID: 12, Path: "一.2", Title: "健全制度"}}, Unmatched: 3,
		UnmatchedTasks: []TaskRef{{ID: 13, Path: "二.1", Title: "加强督查"}, {ID: 14, Path: "二.1", Title: "加强督查"}}}}
	w = f3.do(t, "POST", "/plans/2/confirm", "duban", nil)
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, "以下 1 项任务没有责任单位：", `<li><a href="/plans/2/review#task-12">一.2 健全制度</a></li>`,
		"另有 3 个单位名称在单位名录中没有匹配，涉及以下 2 项任务：",
		`<li><a href="/plans/2/review#task-13">二.1 加强督查</a></li>`, `<li><a href="/plans/2/review#task-14">二.1 加强督查</a></li>`, "仍然挂号")
	// A draft whose tasks all have units is confirmed at once.
	f2 := newFixture(t, "")
	f2.plans.plans[2].tasks = f2.plans.plans[2].tasks[:1]
	wantRedirect(t, f2, f2.do(t, "POST", "/plans/2/confirm", "duban", nil), "duban", "/tasks?plan=2")
	wantStatus(t, f2.do(t, "POST", "/plans/2/confirm", "liaison", nil), http.StatusForbidden)
}

// TestReviewTaskSaveKeepsTools: a card saved or refused through htmx comes
// back with its numbering, words, tools and warnings.
func TestReviewTaskSaveKeepsTools(t *testing.T) {
	f := newFixture(t, "")
	// The deadline rows are carried, all blank: the deadlines are cleared.
	form := url.Values{"title": {"建立重大行政决策目录"}, "units.0.name": {"市司法局"}, "units.0.unit": {"0"}, "deadlines.0.text": {""}}
	w := f.do(t, "POST", "/plans/2/tasks/11", "duban", form, "HX-Request", "true")
	wantStatus(t, w, 200)
	wantBody(t, w, "✓ 已保存", `<span class="seq">一.1</span>`, `form="split-11" name="at" value="1"`, `<span class="chip chip-warn">没有完成时限</span>`,
		`id="review-banner"`, `hx-swap-oob="true"`, `<strong>3</strong> 项任务没有完成时限`)
	form.Set("title", "")
	w = f.do(t, "POST", "/plans/2/tasks/11", "duban", form, "HX-Request", "true")
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantBody(t, w, "此项为必填项", `<span class="seq">一.1</span>`, `form="delete-11"`, "建立重大行政决策目录。")
}

// TestReviewEscapes: text from the document (source, titles, warning
// excerpts, the names of unitless tasks) never becomes markup.
func TestReviewEscapes(t *testing.T) {
	for _, evil := range evilTexts {
		f := newFixture(t, evil)
		for _, rq := range []struct{ method, path string }{
			{"GET", "/plans/2/review"}, {"GET", "/plans/2/tasks/11/move"}, {"POST", "/plans/2/confirm"}, {"GET", "/plans"},
		} {
			w := f.do(t, rq.method, rq.path, "duban", url.Values{})
			body := w.Body.String()
			if strings.Contains(body, evil) {
				t.Errorf("%s %s: raw %q in page", rq.method, rq.path, evil)
			}
			if forms := escapedForms(evil); !strings.Contains(body, forms[0]) {
				t.Errorf("%s %s (%d): hostile text never reached the page", rq.method, rq.path, w.Code)
			}
		}
		// A title posted with a new task comes back in a flash, escaped.
		w := f.do(t, "POST", "/plans/2/tasks", "duban", url.Values{"after": {"0"}, "title": {"新任务" + evil}})
		var cookie string
		for _, c := range w.Result().Cookies() {
			if c.Name == flashCookie {
				cookie = c.Name + "=" + c.Value
			}
		}
		w = f.do(t, "GET", "/plans/2/review", "duban", nil, "Cookie", cookie)
		if strings.Contains(w.Body.String(), evil) || !strings.Contains(w.Body.String(), "flash-success") {
			t.Error("flash: raw text or no flash")
		}
	}
}

// TestReviewKeysExist: the messages the review's Go code names, and one
// per warning kind of plandoc, are in both catalogues.
func TestReviewKeysExist(t *testing.T) {
	for _, k := range []string{plandoc.WarnUnreadAnnex, plandoc.WarnUnreadTable, plandoc.WarnUnreadParagraph, plandoc.WarnNoTasks,
		plandoc.WarnNoUnit, plandoc.WarnNoDeadline, plandoc.WarnDuplicatePath} {
		hasEverywhere(t, "plans.warning."+k, "warningKey")
		hasEverywhere(t, "review.warning.kind."+k, "warningLabel")
		if warningKey(k) != "plans.warning."+k || warningLabel(k) != "review.warning.kind."+k {
			t.Errorf("warningKey(%s) = %s, warningLabel = %s", k, warningKey(k), warningLabel(k))
		}
	}
	for _, k := range []string{"review.warning.other", "review.warning.other_text", "review.plan_saved", "review.task_added", "review.task_deleted", "review.task_split",
		"review.tasks_merged", "review.task_moved", "review.discarded", "review.error.gone", "review.error.not_draft", "review.confirm_failed",
		"plans.error.year", "error.title_too_long", "error.plan_confirmed", "error.plan_no_tasks"} {
		hasEverywhere(t, k, "review flash or validation key")
	}
}

// TestReviewWarningsPlaced: with repeated paths each warning goes to the
// task it is about; a path no task has links nowhere.
func TestReviewWarningsPlaced(t *testing.T) {
	f := newFixture(t, "")
	rv, err := f.plans.Review(WithCurrentUser(t.Context(), CurrentUser{Role: RoleOffice}), 2)
	if err != nil {
		t.Fatal(err)
	}
	rv.Warnings = append(rv.Warnings, plandoc.Warning{Kind: plandoc.WarnNoUnit, Path: []string{"九"}, Excerpt: "不存在"})
	ws := reviewWarnings(rv, 10)
	got := map[string][]string{}
	for _, g := range ws.groups {
		for _, it := range g.Items {
			got[g.Kind] = append(got[g.Kind], it.Href)
		}
	}
	want := map[string][]string{"no_unit": {"#task-13", "#task-14", ""}, "no_deadline": {"#task-12", "#task-14"}, "duplicate_path": {"#task-14"}}
	for k, v := range want {
		if !slices.Equal(got[k], v) {
			t.Errorf("%s: %v, want %v", k, got[k], v)
		}
	}
	if !slices.Equal(ws.byTask[14], []string{"review.warning.kind.duplicate_path", "review.warning.kind.no_unit", "review.warning.kind.no_deadline"}) {
		t.Errorf("task 14: %v", ws.byTask[14])
	}
	if len(ws.doc) != 3 || ws.doc[0].Href != "#src-L9" || ws.doc[1].Href != "" {
		t.Errorf("doc warnings %+v", ws.doc)
	}
	if lines := sourceLines("\n第一行\r\n第二行\n\n"); len(lines) != 3 || lines[1].Text != "第一行" || lines[2].N != 3 {
		t.Errorf("lines %+v", lines)
	}
}

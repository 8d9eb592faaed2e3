package server

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/decisionsvc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store"
	"github.com/duban/duban/internal/store/storetest"
	"github.com/duban/duban/internal/workday"
)

type decisionAnswer struct {
	ID       int64  `json:"id"`
	Status   string `json:"status"`
	Gate     string `json:"gate"`
	ExecTask int64  `json:"exec_task"`
	EvalTask int64  `json:"eval_task"`
	Steps    []struct {
		Kind string `json:"kind"`
	} `json:"steps"`
}

type problemAnswer struct {
	Error struct {
		Code string `json:"code"`
	} `json:"error"`
	Problems []struct {
		Field   string `json:"field"`
		Label   string `json:"label"`
		Message string `json:"message"`
	} `json:"problems"`
}

// answer makes a request as caller and decodes the JSON answer into
// out whatever its status: a refusal's problems are what is checked.
func (f *fixture) answer(t *testing.T, caller, method, path string, body io.Reader, out any) int {
	t.Helper()
	req := httptest.NewRequest(method, path, body)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+f.tokens[caller])
	rec := httptest.NewRecorder()
	f.srv.ServeHTTP(rec, req)
	if err := json.Unmarshal(rec.Body.Bytes(), out); err != nil {
		t.Fatalf("%s %s: %v: %s", method, path, err, rec.Body.String())
	}
	return rec.Code
}

// TestDecisionGatesThroughAPI (issue 20): a decision entered through
// POST /api/v1/decisions is refused a comment period of 29 days (422 at
// "to") and takes one of 30; its 集体讨论决定 is refused with 409 naming
// the missing gate "legality" (合法性审查) while the review is not
// recorded, and again after a review that found it unlawful; a skip of
// 合法性审查 is refused whatever the reason; with the review passed, the
// others done or left out with a reason, it is adopted and published
// with its 解读, its 执行 and 后评估 scheduled as ledger tasks of its
// unit; the catalogue of the year lists it as published.
func TestDecisionGatesThroughAPI(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			f := newFixture(t, kind)
			today := time.Now().In(workday.Zone)
			year := today.Year()
			day := func(n int) string { return today.AddDate(0, 0, n).Format(time.DateOnly) }
			var d decisionAnswer
			body := fmt.Sprintf(`{"year":%d,"title":"城市公共交通票价调整","summary":"调整地面公交票价","unit_id":%d,"planned":"%d年四季度"}`, year, f.unitA, year)
			if code := f.do(t, "office", "POST", "/api/v1/decisions", strings.NewReader(body), "application/json", &d); code != 201 || d.Status != "planned" || d.Gate != "participation" {
				t.Fatalf("POST /api/v1/decisions = %d %+v", code, d)
			}
			steps := fmt.Sprintf("/api/v1/decisions/%d/steps", d.ID)
			step := func(body string, want int, out any) {
				t.Helper()
				if code := f.answer(t, "office", "POST", steps, strings.NewReader(body), out); code != want {
					t.Fatalf("step %s = %d, want %d (%+v)", body, code, want, out)
				}
			}
			publishCatalogue(t, f, year)
			// The period is recorded on the day it begins, 40 days ago.
			f.at(t, -40)
			var refused problemAnswer
			step(fmt.Sprintf(`{"kind":"consult","from":%q,"to":%q}`, day(-40), day(-12)), 422, &refused)
			if refused.Error.Code != "invalid" || len(refused.Problems) != 1 || refused.Problems[0].Field != "to" || !strings.Contains(refused.Problems[0].Message, "30") {
				t.Fatalf("a 29-day period: %+v", refused)
			}
			step(fmt.Sprintf(`{"kind":"consult","from":%q,"to":%q}`, day(-40), day(-11)), 201, &d)
			f.at(t, 0)
			step(`{"kind":"feedback","body":"收到意见12条，采纳5条"}`, 201, &d)
			step(`{"kind":"expert","body":"专家论证会，意见可行"}`, 201, &d)
			step(`{"kind":"risk","result":"low","body":"社会稳定风险评估报告"}`, 201, &d)
			legalityNamed := func(what string) {
				t.Helper()
				var p problemAnswer
				step(`{"kind":"collective","result":"adopt","body":"市政府常务会议"}`, 409, &p)
				if p.Error.Code != "state" || len(p.Problems) != 1 || p.Problems[0].Field != "legality" || !strings.Contains(p.Problems[0].Message+p.Problems[0].Label, "合法性审查") {
					t.Fatalf("collective %s: %+v", what, p)
				}
			}
			legalityNamed("before the review")
			step(`{"kind":"skip","gate":"legality","reason":"紧急"}`, 422, &refused)
			step(`{"kind":"legality","result":"fail","body":"第三条与上位法不一致"}`, 201, &d)
			legalityNamed("after an unlawful review")
			if d.Gate != "legality" {
				t.Fatalf("gate after a failed review: %+v", d)
			}
			step(`{"kind":"legality","result":"pass","body":"修改后合法"}`, 201, &d)
			step(`{"kind":"collective","result":"adopt","body":"市政府第12次常务会议审议通过"}`, 201, &d)
			if d.Status != "decided" || d.Gate != "publication" {
				t.Fatalf("after the meeting: %+v", d)
			}
			step(`{"kind":"publish","result":"市政发〔2026〕9号","body":"政策解读：票价调整的背景与要点"}`, 201, &d)
			if d.Status != "published" || d.Gate != "" || d.ExecTask == 0 || d.EvalTask == 0 || len(d.Steps) != 8 {
				t.Fatalf("published: %+v", d)
			}
			for _, task := range []int64{d.ExecTask, d.EvalTask} {
				var tk struct {
					Units []string `json:"units"`
				}
				if code := f.do(t, "liaisonA", "GET", fmt.Sprintf("/api/v1/tasks/%d", task), nil, "", &tk); code != 200 || len(tk.Units) != 1 || tk.Units[0] != "市法制办" {
					t.Fatalf("the scheduled task %d = %d %+v", task, code, tk)
				}
			}
			var cat struct {
				State string           `json:"state"`
				Items []decisionAnswer `json:"items"`
			}
			if code := f.do(t, "leader", "GET", fmt.Sprintf("/api/v1/decisions/catalogue?year=%d", year), nil, "", &cat); code != 200 ||
				cat.State != "published" || len(cat.Items) != 1 || cat.Items[0].Status != "published" {
				t.Fatalf("the catalogue = %d %+v", code, cat)
			}
		})
	}
}

// at sets the services' clock days from now (0: now) until the test
// ends; requests are served on the test's goroutine.
func (f *fixture) at(t *testing.T, days int) {
	t.Helper()
	was := f.services.Ledger.Now
	t.Cleanup(func() { f.services.Ledger.Now = was })
	f.services.Ledger.Now = func() time.Time { return time.Now().AddDate(0, 0, days) }
}

// publishCatalogue approves and publishes year's catalogue as the office.
func publishCatalogue(t *testing.T, f *fixture, year int) {
	t.Helper()
	for _, action := range []string{"approve", "publish"} {
		if code := f.do(t, "office", "POST", "/api/v1/decisions/catalogue", strings.NewReader(fmt.Sprintf(`{"year":%d,"action":%q}`, year, action)),
			"application/json", nil); code != 200 {
			t.Fatalf("catalogue %s = %d", action, code)
		}
	}
}

// TestDecisionCommentPeriodHonest (issue 20, review): a comment period
// is refused (409 at "kind") while the decision's catalogue is not
// published, its page not yet public; published, a period of 40 days
// that ended yesterday, recorded today, is refused at "from" (422): it
// began before the day it was recorded, no day of it open to comment;
// one starting today is taken.
func TestDecisionCommentPeriodHonest(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			f := newFixture(t, kind)
			today := time.Now().In(workday.Zone)
			year := today.Year()
			day := func(n int) string { return today.AddDate(0, 0, n).Format(time.DateOnly) }
			var d decisionAnswer
			body := fmt.Sprintf(`{"year":%d,"title":"城市养犬管理规定","unit_id":%d,"planned":"年内"}`, year, f.unitA)
			if code := f.do(t, "office", "POST", "/api/v1/decisions", strings.NewReader(body), "application/json", &d); code != 201 {
				t.Fatalf("POST /api/v1/decisions = %d", code)
			}
			steps := fmt.Sprintf("/api/v1/decisions/%d/steps", d.ID)
			consult := func(from, to string, want int, field string) {
				t.Helper()
				var p problemAnswer
				if code := f.answer(t, "office", "POST", steps, strings.NewReader(fmt.Sprintf(`{"kind":"consult","from":%q,"to":%q}`, from, to)), &p); code != want ||
					(field != "" && (len(p.Problems) != 1 || p.Problems[0].Field != field || p.Problems[0].Message == "")) {
					t.Fatalf("consult %s–%s = %d %+v, want %d at %q", from, to, code, p, want, field)
				}
			}
			consult(day(0), day(35), 409, "kind")
			publishCatalogue(t, f, year)
			consult(day(-40), day(-1), 422, "from")
			consult(day(-1), day(35), 422, "from")
			consult(day(0), day(35), 201, "")
		})
	}
}

// TestDecisionPublishedOnce (issue 20, review): two publications of one
// decision checked on the same state (the second sent while the first
// is recorded) — one is taken with its 执行 and 后评估, the other is
// refused with 409, and the ledger holds two tasks of the decision, not
// four.
func TestDecisionPublishedOnce(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			f := newFixture(t, kind)
			enterDecision(t, f)
			ctx, office := context.Background(), authz.Principal{Role: authz.Office}
			svc := f.services.Decisions
			for _, in := range []decisionsvc.StepInput{
				{Kind: "skip", Gate: "participation", Reason: "依法不予公开的事项"},
				{Kind: "skip", Gate: "expert", Reason: "专业性不强"},
				{Kind: "skip", Gate: "risk", Reason: "不涉及社会稳定"},
				{Kind: "legality", Result: "pass", Body: "经审查合法"},
				{Kind: "collective", Result: "adopt", Body: "常务会议通过"},
			} {
				if _, err := svc.Step(ctx, office, audit.System, f.decision, in); err != nil {
					t.Fatalf("%s: %v", in.Kind, err)
				}
			}
			publish := fmt.Sprintf("/api/v1/decisions/%d/steps", f.decision)
			var inner int
			svc.Store = &interleaved{DB: f.db, before: func() {
				inner = f.call(t, "office", "POST", publish, strings.NewReader(`{"kind":"publish","result":"市政发〔2026〕1号","body":"政策解读"}`), "application/json")
			}}
			t.Cleanup(func() { svc.Store = f.db })
			outer := f.call(t, "office", "POST", publish, strings.NewReader(`{"kind":"publish","result":"市政发〔2026〕1号","body":"政策解读"}`), "application/json")
			if inner != 201 || outer != 409 {
				t.Fatalf("the publications = %d (the one sent meanwhile) and %d", inner, outer)
			}
			tasks, _, err := f.db.FindTasks(ctx, records.TaskFilter{})
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for _, tk := range tasks {
				if strings.HasSuffix(tk.Title, "行政执法公示办法") {
					n++
				}
			}
			d, err := f.db.FindDecision(ctx, f.decision)
			if err != nil || n != 2 || d.Status != "published" || d.ExecTask == 0 || d.EvalTask == 0 {
				t.Fatalf("tasks of the decision %d, decision %+v %v", n, d, err)
			}
		})
	}
}

// interleaved is the store with another request's step taken just
// before the first step is written: the race of two requests checked on
// the same state, made to happen.
type interleaved struct {
	*store.DB
	before func()
	done   bool
}

func (s *interleaved) AddDecisionStep(ctx context.Context, actor audit.Actor, id int64, ns records.NewDecisionStep) (int64, error) {
	if !s.done {
		s.done = true
		s.before()
	}
	return s.DB.AddDecisionStep(ctx, actor, id, ns)
}

// TestScopesDecisionsAndCommitments (issue 20, review): the county
// office takes no step of a city unit's decision, approves no catalogue
// holding one (403), registers no commitment of a city unit and records
// none broken (403); its own unit's decision, catalogue and commitment
// it may.
func TestScopesDecisionsAndCommitments(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			f := newFixture(t, kind)
			scopeFixture(t, f)
			enterDecision(t, f)
			registerCommitment(t, f)
			var sub int64
			reg, err := f.db.FindUnits(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			for _, u := range reg {
				if u.Name == "鹿城区发改局" {
					sub = u.ID
				}
			}
			refused := func(what string, code int, body string, field string) {
				t.Helper()
				if code != http.StatusForbidden || scopeRefusal(t, body)[field] == "" {
					t.Errorf("%s = %d %s", what, code, body)
				}
			}
			code, body := f.send(t, "countyOffice", "POST", fmt.Sprintf("/api/v1/decisions/%d/steps", f.decision), `{"kind":"withdraw","reason":"越权撤回"}`)
			refused("a step of a city decision", code, body, "unit_id")
			code, body = f.send(t, "countyOffice", "POST", "/api/v1/decisions/catalogue", `{"year":2026,"action":"approve"}`)
			refused("approving the city's catalogue", code, body, "year")
			code, body = f.send(t, "countyOffice", "POST", "/api/v1/commitments", fmt.Sprintf(`{"title":"越权承诺","source":"pledge","unit_id":%d,"target":"x","deadline":"2026-12-31"}`, f.unitA))
			refused("a commitment of a city unit", code, body, "unit_id")
			code, body = f.send(t, "countyOffice", "POST", fmt.Sprintf("/api/v1/commitments/%d/progress", f.commitment), `{"kind":"broken","body":"未完成","reason":"x","rectification":"y"}`)
			refused("a city commitment marked broken", code, body, "unit_id")
			var own decisionAnswer
			if code := f.do(t, "countyOffice", "POST", "/api/v1/decisions", strings.NewReader(fmt.Sprintf(`{"year":2027,"title":"县城停车管理办法","unit_id":%d,"planned":"年内"}`, sub)), "application/json", &own); code != 201 {
				t.Fatalf("the county's decision = %d", code)
			}
			if code, body := f.send(t, "countyOffice", "POST", "/api/v1/decisions/catalogue", `{"year":2027,"action":"approve"}`); code != 200 {
				t.Errorf("approving the county's own catalogue = %d %s", code, body)
			}
			if code, body := f.send(t, "countyOffice", "POST", fmt.Sprintf("/api/v1/decisions/%d/steps", own.ID), `{"kind":"withdraw","reason":"暂缓"}`); code != 201 {
				t.Errorf("a step of the county's decision = %d %s", code, body)
			}
			var c struct {
				ID int64 `json:"id"`
			}
			if code := f.do(t, "countyOffice", "POST", "/api/v1/commitments", strings.NewReader(fmt.Sprintf(`{"title":"县城公厕改造","source":"pledge","unit_id":%d,"target":"改造20座","deadline":"2026-12-31"}`, sub)), "application/json", &c); code != 201 {
				t.Fatalf("the county's commitment = %d", code)
			}
			if code, body := f.send(t, "countyOffice", "POST", fmt.Sprintf("/api/v1/commitments/%d/progress", c.ID), `{"kind":"progress","body":"已改造12座"}`); code != 201 {
				t.Errorf("progress of the county's commitment = %d %s", code, body)
			}
		})
	}
}

// TestDecisionCatalogueAdjusted (issue 20): a catalogue is approved,
// then published, not the other way round; a decision entered into the
// published catalogue needs its reason and is then an adjustment, as is
// a withdrawal.
func TestDecisionCatalogueAdjusted(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			f := newFixture(t, kind)
			enterDecision(t, f)
			set := func(action string, want int) {
				t.Helper()
				if code := f.do(t, "office", "POST", "/api/v1/decisions/catalogue", strings.NewReader(`{"year":2026,"action":"`+action+`"}`),
					"application/json", nil); code != want {
					t.Fatalf("%s = %d, want %d", action, code, want)
				}
			}
			set("publish", 409)
			set("approve", 200)
			set("publish", 200)
			add := func(reason string) int {
				return f.do(t, "office", "POST", "/api/v1/decisions", strings.NewReader(fmt.Sprintf(
					`{"year":2026,"title":"养犬管理规定","unit_id":%d,"planned":"2026年12月","reason":%q}`, f.unitB, reason)), "application/json", nil)
			}
			if code := add(""); code != 422 {
				t.Fatalf("an addition without reason = %d", code)
			}
			if code := add("市政府第15次常务会议决定增补"); code != 201 {
				t.Fatalf("an addition = %d", code)
			}
			if code := f.do(t, "office", "POST", fmt.Sprintf("/api/v1/decisions/%d/steps", f.decision),
				strings.NewReader(`{"kind":"withdraw","reason":"上位法修订，暂缓决策"}`), "application/json", nil); code != 201 {
				t.Fatalf("withdraw = %d", code)
			}
			var cat struct {
				State       string `json:"state"`
				Adjustments []struct {
					Kind, Reason string
				} `json:"adjustments"`
			}
			if code := f.do(t, "office", "GET", "/api/v1/decisions/catalogue?year=2026", nil, "", &cat); code != 200 || cat.State != "published" ||
				len(cat.Adjustments) != 2 || cat.Adjustments[0].Kind != "added" || cat.Adjustments[1].Kind != "withdrawn" {
				t.Fatalf("the catalogue = %d %+v", code, cat)
			}
		})
	}
}

// TestCommitmentStandingThroughAPI (issue 20): a commitment whose
// deadline has passed is late; fulfilled it is fulfilled; broken needs
// its reason and rectification and is then broken; a closed one takes no
// more entries (409).
func TestCommitmentStandingThroughAPI(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			f := newFixture(t, kind)
			yesterday := time.Now().In(workday.Zone).AddDate(0, 0, -1).Format(time.DateOnly)
			var c struct {
				ID       int64  `json:"id"`
				Standing string `json:"standing"`
			}
			body := fmt.Sprintf(`{"title":"老旧小区改造30个","source":"work_report","source_ref":"政府工作报告民生实事第2项","unit_id":%d,"target":"完成改造","deadline":%q}`, f.unitA, yesterday)
			if code := f.do(t, "office", "POST", "/api/v1/commitments", strings.NewReader(body), "application/json", &c); code != 201 || c.Standing != "late" {
				t.Fatalf("POST /api/v1/commitments = %d %+v", code, c)
			}
			progress := fmt.Sprintf("/api/v1/commitments/%d/progress", c.ID)
			if code := f.do(t, "liaisonB", "POST", progress, strings.NewReader(`{"kind":"progress","body":"x"}`), "application/json", nil); code != 403 {
				t.Fatalf("another unit's liaison = %d", code)
			}
			if code := f.do(t, "liaisonA", "POST", progress, strings.NewReader(`{"kind":"broken","body":"未完成"}`), "application/json", nil); code != 422 {
				t.Fatalf("broken without reason = %d", code)
			}
			if code := f.do(t, "liaisonA", "POST", progress, strings.NewReader(`{"kind":"broken","body":"完成22个","reason":"资金未到位","rectification":"次年一季度完成剩余8个"}`),
				"application/json", &c); code != 201 || c.Standing != "broken" {
				t.Fatalf("broken = %d %+v", code, c)
			}
			if code := f.do(t, "office", "POST", progress, strings.NewReader(`{"kind":"fulfilled","body":"完成"}`), "application/json", nil); code != 409 {
				t.Fatalf("after closing = %d", code)
			}
		})
	}
}
